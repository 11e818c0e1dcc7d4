import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatLocalDateTime } from '../../../../shared/rules/working-hours';
import { docxFromBlocks } from './blocks-docx';
import { pdfFromBlocks } from './blocks-pdf';
import { cell, heading, para, paragraphsOf, t, type DocBlock } from './doc-blocks';
import { dayDate, duration, itemNumber, particulars, PURPOSE_LABEL } from './meeting-text';
import type { BoardNoticeModel, DeliveryMethod, GeneralMeetingNoticeModel, NoticeRecipient } from './models';

/**
 * Notices of meetings, as PDF (to send or print) and as Word (for a secretary who must adjust the
 * wording before sending). Both come from the same blocks, so they never differ.
 *
 * What a company's notice of a general meeting must contain, and why each part is here:
 * - the time, date and place, and the general nature of the business: CA 2006 s311(1)-(2);
 * - a special resolution's full text and the intention to propose it as special, or it cannot
 *   pass as special: s283(6);
 * - with reasonable prominence, the member's right to appoint a proxy (s324) and any more
 *   extensive right in the articles to appoint more than one: s325(1). (Leaving it out does not
 *   invalidate the meeting, s325(2), but is an offence by every officer in default, s325(3).)
 * - how to attend by electronic means, where members may (s360A).
 * A society's notice follows its registered rules; it states proxy rights only if its rules allow them.
 */

const METHOD: Record<DeliveryMethod, string> = { post: 'Post', email: 'E-mail', hand: 'By hand' };

const MEETING_NOUN: Record<GeneralMeetingNoticeModel['meeting']['kind'], string> = {
  annual_general: 'annual general meeting',
  general: 'general meeting',
  class: 'class meeting',
};

const TITLE: Record<GeneralMeetingNoticeModel['meeting']['kind'], string> = {
  annual_general: 'Notice of Annual General Meeting',
  general: 'Notice of General Meeting',
  class: 'Notice of Class Meeting',
};

/** "Notice of Annual General Meeting", as the document's title. */
export function generalNoticeTitle(model: GeneralMeetingNoticeModel): string {
  return TITLE[model.meeting.kind];
}

function secretaryTitle(family: 'company' | 'society', given?: string | null): string {
  return given ?? (family === 'company' ? 'Company Secretary' : 'Secretary');
}

/** The people a board or committee notice was given to: names only, since how each was told is not recorded (see boardNoticeBlocks). */
function givenToBlocks(recipients: NoticeRecipient[], sentOn: string, kind: BoardNoticeModel['meeting']['kind']): DocBlock[] {
  const sorted = [...recipients].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const n = recipients.length;
  const committee = kind === 'committee';
  const who = n === 1 ? (committee ? 'the member of the committee' : 'the director') : `each of the ${n} ${committee ? 'members of the committee' : 'directors'}`;
  const intro = committee
    ? `This notice was given on ${formatLegalDate(sentOn)} to ${who} named below, in the way the articles and the committee’s terms allow (for a company on the Model Articles, a committee follows the rules for directors’ meetings, article 6, and notice of those need not be in writing, article 9(3)).`
    : `This notice was given on ${formatLegalDate(sentOn)} to ${who} named below, in the way the articles allow (for a company on the Model Articles, notice of a directors’ meeting must be given to each director but need not be in writing, article 9(3)).`;
  return [para(intro), { type: 'list', ordered: false, items: sorted.map((r) => ({ runs: [t(r.name)] })) }];
}

function distributionBlocks(recipients: NoticeRecipient[], sentOn: string, intro: string): DocBlock[] {
  const counts = (['email', 'post', 'hand'] as const)
    .map((m) => [m, recipients.filter((r) => r.method === m).length] as const)
    .filter(([, n]) => n > 0)
    .map(([m, n]) => `${n} ${m === 'email' ? 'by e-mail' : m === 'post' ? 'by post' : 'by hand'}`);
  const sorted = [...recipients].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return [
    para(`${intro} on ${formatLegalDate(sentOn)}: ${recipients.length} in all${counts.length ? ` (${counts.join(', ')})` : ''}.`),
    {
      type: 'table',
      headerRow: true,
      widths: [3, 1.3, 5],
      rows: [[cell('Name'), cell('Sent by'), cell('Address used')], ...sorted.map((r) => [cell(r.name), cell(r.method ? METHOD[r.method] : ''), cell(r.address ?? '')])],
    },
  ];
}

/** The notice of a general meeting (or a class meeting) as blocks. */
export function generalNoticeBlocks(model: GeneralMeetingNoticeModel, sentOn: string = model.noticeDate): DocBlock[] {
  const { organisation, meeting } = model;
  const company = organisation.family === 'company';
  const noun = MEETING_NOUN[meeting.kind];
  const who = meeting.kind === 'class' && meeting.className ? `a meeting of the holders of ${meeting.className} of ${organisation.name}` : `the ${noun} of ${organisation.name}`;
  const where = [meeting.place ? `at ${meeting.place}` : null, meeting.electronicMeans ? (meeting.place ? 'and by electronic means' : 'by electronic means') : null]
    .filter(Boolean)
    .join(' ');
  const blocks: DocBlock[] = [
    { type: 'paragraph', runs: [t(organisation.name, { bold: true })], align: 'centre' },
    { type: 'heading', level: 1, runs: [t(generalNoticeTitle(model))], align: 'centre', bookmark: true },
    para(
      `Notice is given that ${who} will be held ${where ? `${where} ` : ''}on ${dayDate(meeting.date)} at ${meeting.startTime}`,
      model.resolutions.length > 0 ? ', to consider and, if thought fit, to pass the resolutions below.' : '.',
    ),
    { type: 'table', headerRow: false, widths: [1.9, 5], rows: particulars(meeting).map(([label, value]) => [cell(label, { bold: true }), cell(value)]) },
  ];

  if (model.business && model.business.length > 0) {
    blocks.push(heading(2, 'Business', true), { type: 'list', ordered: true, items: model.business.map((b) => ({ runs: [t(b)] })) });
  }

  if (model.resolutions.length > 0) {
    blocks.push(heading(2, 'Resolutions', true));
    model.resolutions.forEach((resolution, i) => {
      const kind = resolution.kind === 'special' ? 'Special resolution' : 'Ordinary resolution';
      blocks.push({
        type: 'heading',
        level: 3,
        runs: [t(`Resolution ${i + 1}: ${kind}${resolution.title ? `: ${resolution.title}` : ''}`)],
      });
      // s283(6): a special resolution passes as special only if the notice gave its text and said so.
      blocks.push(
        para(
          t(
            resolution.kind === 'special'
              ? `To consider and, if thought fit, to pass the following resolution as a special resolution:`
              : `To consider and, if thought fit, to pass the following resolution as an ordinary resolution:`,
          ),
        ),
      );
      for (const paragraph of paragraphsOf(resolution.text)) blocks.push({ type: 'paragraph', runs: [t(paragraph)], indented: true });
      if (resolution.explanatoryNote) {
        blocks.push({ type: 'paragraph', runs: [t('Explanatory note: ', { bold: true }), t(resolution.explanatoryNote)], small: true });
      }
    });
  }

  if (meeting.electronicMeans) {
    blocks.push(heading(2, 'Attending by electronic means', true));
    blocks.push(
      para(
        `Members may attend, speak and vote at the meeting by electronic means, without being at the place of the meeting${company ? ' (Companies Act 2006, section 360A)' : ', as the society’s rules allow'}: ${meeting.electronicMeans}`,
      ),
    );
  }

  if (company || model.proxy.allowed) {
    // s325(1): "with reasonable prominence", so a headed section in full-size type, never a footnote.
    blocks.push(heading(2, 'Your right to appoint a proxy', true));
    blocks.push(
      para(
        company
          ? 'A member entitled to attend and vote at the meeting may appoint another person, who need not be a member of the company, as their proxy to exercise all or any of their rights to attend, speak and vote at the meeting (Companies Act 2006, section 324).'
          : 'As the society’s rules allow, a member entitled to attend and vote at the meeting may appoint a proxy to attend and vote in their place.',
      ),
    );
    if (company && organisation.hasShareCapital) {
      blocks.push(
        para(
          'A member may appoint more than one proxy for the meeting, provided that each proxy is appointed to exercise the rights attached to a different share or shares held by that member (section 324(2)).',
        ),
      );
    }
    if (model.proxy.articlesExtraRights) blocks.push(para(model.proxy.articlesExtraRights));
    if (model.proxy.deadline) {
      blocks.push(
        para(
          t('To be valid, an appointment of a proxy must be received '),
          t(model.proxy.lodgeWith ? `by ${model.proxy.lodgeWith} ` : ''),
          t(`no later than ${formatLocalDateTime(model.proxy.deadline)}.`, { bold: true }),
        ),
      );
    } else if (model.proxy.lodgeWith) {
      blocks.push(para(`Appointments of proxies should be sent to ${model.proxy.lodgeWith}.`));
    }
  }

  if (model.resolutions.length > 0) {
    blocks.push(
      {
        type: 'paragraph',
        small: true,
        runs: [
          t(
            company
              ? 'An ordinary resolution is passed by a simple majority of the votes cast (Companies Act 2006, section 282); a special resolution by not less than 75% of the votes cast (section 283).'
              : 'Each resolution is passed by the majority the society’s rules and the Co-operative and Community Benefit Societies Act 2014 require for it.',
          ),
        ],
      },
    );
  }

  const registration = organisation.registeredNumber ? `${company ? 'Company number' : 'Registered number'} ${organisation.registeredNumber}` : null;
  blocks.push(
    para(`Dated ${formatLegalDate(model.noticeDate)}`),
    para('By order of the board'),
    para(t(model.secretaryName, { bold: true }), '\n', secretaryTitle(organisation.family, model.secretaryTitle)),
  );
  if (organisation.registeredOffice || registration) {
    blocks.push({
      type: 'paragraph',
      small: true,
      runs: [t([organisation.registeredOffice ? `Registered office: ${organisation.registeredOffice}` : null, registration].filter(Boolean).join('\n'))],
    });
  }

  blocks.push({ type: 'pageBreak' }, heading(2, 'Appendix: members to whom this notice was sent', true));
  blocks.push(...distributionBlocks(model.distribution, sentOn, 'This notice was sent to the members on the register of members'));
  return blocks;
}

function generalMeta(model: GeneralMeetingNoticeModel) {
  const title = `${generalNoticeTitle(model)}: ${model.organisation.name}, ${dayDate(model.meeting.date)}`;
  return { title, subject: title, author: model.organisation.name, footer: [title] };
}

export function generalNoticePdf(model: GeneralMeetingNoticeModel): Promise<Uint8Array> {
  return pdfFromBlocks(generalNoticeBlocks(model), generalMeta(model));
}

export function generalNoticeDocx(model: GeneralMeetingNoticeModel): Promise<Uint8Array> {
  return docxFromBlocks(generalNoticeBlocks(model), generalMeta(model));
}

// ---------------------------------------------------------------------------------------------
// Board and committee meetings: no statutory form. The Model Articles for private companies
// (art 9(2)) ask the notice to give the proposed date and time, where the meeting is, and how
// directors not in the same place will communicate; the common law asks for reasonable notice,
// which the meetings service checks. So the notice is the particulars and the agenda.

export function boardNoticeTitle(model: BoardNoticeModel): string {
  return model.meeting.kind === 'committee' ? `Notice of meeting: ${model.meeting.title}` : 'Notice of a meeting of the board of directors';
}

export function boardNoticeBlocks(model: BoardNoticeModel): DocBlock[] {
  const { meeting } = model;
  const body = meeting.kind === 'committee' ? `A meeting of the ${meeting.title} of ${meeting.organisationName}` : `A meeting of the board of directors of ${meeting.organisationName}`;
  const blocks: DocBlock[] = [
    { type: 'paragraph', runs: [t(meeting.organisationName, { bold: true })], align: 'centre' },
    { type: 'heading', level: 1, runs: [t(boardNoticeTitle(model))], align: 'centre', bookmark: true },
    para(`${body} will be held on ${dayDate(meeting.date)} at ${meeting.startTime}${meeting.place ? ` at ${meeting.place}` : ''}${meeting.electronicMeans ? `${meeting.place ? ' and' : ''} by electronic means` : ''}.`),
    { type: 'table', headerRow: false, widths: [1.9, 5], rows: particulars(meeting).map(([label, value]) => [cell(label, { bold: true }), cell(value)]) },
    heading(2, 'Agenda', true),
  ];
  const rows = model.items.flatMap((item, i) => {
    const number = itemNumber(i);
    return [
      { number, item, sub: false },
      ...(item.children ?? []).map((child, j) => ({ number: itemNumber(j, number), item: child, sub: true })),
    ];
  });
  blocks.push({
    type: 'table',
    headerRow: true,
    widths: [0.6, 4, 2.3, 1.3, 1.5],
    rows: [
      [cell('No.'), cell('Item'), cell('Presenter'), cell('Purpose'), cell('Time')],
      ...rows.map(({ number, item, sub }) => [
        cell(number),
        cell(item.title, { bold: !sub }),
        cell(item.presenter),
        cell(PURPOSE_LABEL[item.purpose].replace(/^For (\w)/, (_, c: string) => c.toUpperCase())),
        cell(item.minutesAllotted ? duration(item.minutesAllotted) : ''),
      ]),
    ],
  });
  blocks.push(
    para(`Dated ${formatLegalDate(model.noticeDate)}`),
    para(t(model.secretaryName, { bold: true }), '\n', model.secretaryTitle ?? 'Company Secretary'),
  );
  if (model.distribution && model.distribution.length > 0) {
    // Directors and committee members are listed by name without a method or address: the app holds
    // no officer's e-mail address, and the articles let notice be given without writing.
    if (model.distribution.every((r) => r.method === null)) blocks.push(heading(2, 'Given to', true), ...givenToBlocks(model.distribution, model.noticeDate, meeting.kind));
    else blocks.push(heading(2, 'Sent to', true), ...distributionBlocks(model.distribution, model.noticeDate, 'This notice was sent'));
  }
  return blocks;
}

function boardMeta(model: BoardNoticeModel) {
  const title = `${boardNoticeTitle(model)}, ${dayDate(model.meeting.date)}`;
  return { title, subject: title, author: model.meeting.organisationName, footer: [`${model.meeting.organisationName} · ${title}`] };
}

export function boardNoticePdf(model: BoardNoticeModel): Promise<Uint8Array> {
  return pdfFromBlocks(boardNoticeBlocks(model), boardMeta(model));
}

export function boardNoticeDocx(model: BoardNoticeModel): Promise<Uint8Array> {
  return docxFromBlocks(boardNoticeBlocks(model), boardMeta(model));
}
