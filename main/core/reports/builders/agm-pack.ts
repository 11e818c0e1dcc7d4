import type { ReportBlock, ReportDoc, ReportSection } from '../../../../shared/contract/reports';
import { formFamily, LEGAL_FORM_INFO, type LegalForm } from '../../../../shared/domain/legal-form';
import { addDays, daysInMonth, formatLegalDate } from '../../../../shared/rules/legal-date';
import { noticeVerdict } from '../../../../shared/rules/notice';
import { latestProxyDeadline, PROXY_DEADLINE_SOURCE } from '../../../../shared/rules/proxy-deadline';
import { societySpecialResolutionRule, type SocietyResolutionKind } from '../../../../shared/rules/society-resolutions';
import { formatDayDate, formatLocalDateTime } from '../../../../shared/rules/working-hours';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { PURPOSE_LABEL, particulars } from '../../meetings/print/meeting-text';
import { itemNumbers, orderItems } from '../../meetings/quorum';
import type { MeetingRow } from '../../meetings/tables';
import { noticeState, ukPartOf } from '../../meetings/view';
import { toBlocks } from '../../minutes/lexical';
import { count, text, type BuiltReport, type ReportBuilder, type ReportSource } from '../source';
import { candidatesOf, entitledCount, packMeeting } from './agm-data';
import { particularsOnDate } from './regulator-records';

/**
 * The AGM pack (issue 11, report 2) for one general meeting: the notice, the agenda, the proxy
 * form with its deadline, the minutes of the previous general meeting, the annual governance
 * report, each resolution with its explanatory note and the majority it needs, and the
 * candidates' statements for elections on the meeting's ballots. Each part is a top-level section
 * (a bookmark in the PDF; a DOCX each).
 *
 * As at `request.asAt` (by default the day notice was given): the governing rules and legal form
 * as they stood then (contracts/reports/organisation-on-date.ts), notice recorded as sent by then,
 * minutes approved by then, ballots set up by then, members on the register that day. The notice
 * period, the proxy deadline and the clear days are computed by the meetings area's own
 * `noticeState` (meetings/view.ts), so the pack never disagrees with the meeting's page. The
 * meeting's own agenda and resolutions are read as recorded: they cannot change once notice is
 * given (resolutions) or the minutes are sealed.
 */

const NOUN: Record<'annual_general' | 'general', string> = { annual_general: 'annual general meeting', general: 'general meeting' };

/** The society's rules, cited as the meetings area and the rules defaults cite them. */
const SOCIETY_RULES = 'the society’s registered rules (the CCBS Act 2014 requires the rules to provide for the method of holding meetings and the scale and right of voting, s14 and Sch 1 para 5, but sets no notice period, proxy right or majority of its own)';

/** The year end ('MM-DD') in a given year; 29 February falls on the 28th in other years (as catalogue.ts yearEndIn, which this file cannot import: the catalogue imports the builders). */
function yearEndIn(year: number, financialYearEnd: string): string {
  const month = Number(financialYearEnd.slice(0, 2));
  const day = Math.min(Number(financialYearEnd.slice(3, 5)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last financial year end on or before a day ('03-31' and 2026-10-01 → 2026-03-31; '02-29' and 2026-10-01 → 2026-02-28). */
export function lastYearEnd(financialYearEnd: string, on: string): string {
  const year = Number(on.slice(0, 4));
  const end = yearEndIn(year, financialYearEnd);
  return end > on ? yearEndIn(year - 1, financialYearEnd) : end;
}

/** The day after the year end before `yearEnd`, or the day of incorporation for the first year. */
function yearStartOf(financialYearEnd: string, yearEnd: string, incorporatedOn: string): string {
  const start = addDays(yearEndIn(Number(yearEnd.slice(0, 4)) - 1, financialYearEnd), 1);
  return start < incorporatedOn ? incorporatedOn : start;
}

function noticeSection(m: MeetingRow, org: ReportSource['org'], legalForm: LegalForm, shortNoticePct: number, asAt: string, notice: NonNullable<ReturnType<typeof noticeState>>, entitled: number, noticeOn: string, consents: number): ReportSection {
  const company = formFamily(legalForm) === 'company';
  const required = notice.requiredClearDays ?? 0;
  // The clear days given, counted as the meetings area counts them for its verdict (shared/rules/notice.ts).
  const given =
    notice.verdict && m.notice_sent_at && m.notice_method
      ? noticeVerdict({ sentAt: m.notice_sent_at, method: m.notice_method, meetingOn: m.held_on, requiredClearDays: required, part: ukPartOf(org), source: notice.source, society: !company }).given
      : null;
  const noun = NOUN[m.kind as 'annual_general' | 'general'];
  const where = [m.place ? `at ${m.place}` : null, m.electronic_means ? (m.place ? 'and by electronic means' : 'by electronic means') : null].filter(Boolean).join(' ');
  const blocks: ReportBlock[] = [
    text(`Notice is given that the ${noun} of ${org.name} will be held ${where ? `${where} ` : ''}on ${formatDayDate(m.held_on)} at ${m.starts_at}.`),
    {
      type: 'table',
      id: 'agm-particulars',
      title: 'The meeting',
      columns: [
        { key: 'what', label: 'Particular' },
        { key: 'value', label: 'Detail' },
      ],
      rows: particulars({ organisationName: org.name, title: m.title, kind: m.kind, date: m.held_on, startTime: m.starts_at, endTime: m.ends_at, place: m.place, electronicMeans: m.electronic_means }).map(([what, value]) => ({
        what: { display: what },
        value: { display: value },
      })),
    },
    {
      type: 'figures',
      items: [
        {
          id: 'entitled',
          label: 'Members to whom notice is given',
          value: count(entitled, { set: 'agm.entitled', params: { on: noticeOn } }),
          note: `Every member on the register on ${formatLegalDate(noticeOn)}${company ? ' (CA 2006 s310(1))' : ''}.`,
        },
        { id: 'required', label: 'Clear days’ notice required', value: count(required) },
        { id: 'given', label: 'Clear days’ notice given', value: given === null ? { display: 'Not yet given', value: null } : count(given) },
      ],
    },
  ];
  if (notice.verdict) {
    blocks.push({
      type: 'statement',
      title: 'Notice period',
      status: notice.verdict.ok ? 'met' : 'notMet',
      text: notice.verdict.message,
      evidence: [notice.verdict.explanation],
      citation: company ? 'CA 2006 s307(1), s360, s1147' : 'the society’s registered rules',
    });
    if (!notice.verdict.ok && m.short_notice === 1) {
      blocks.push(
        text(
          company
            ? `The meeting is called at short notice. It may be held on shorter notice only if a majority in number of the members entitled to attend and vote, together holding at least ${shortNoticePct}% of the voting rights (90%, or the higher figure in the articles up to 95%), agree (CA 2006 s307(4)-(6)); ${consents.toLocaleString('en-GB')} consent${consents === 1 ? ' was' : 's were'} recorded by ${formatLegalDate(asAt)}. The meeting’s page shows whether they are enough.`
            : `The meeting is called at short notice. The society’s registered rules decide whether that is allowed (the CCBS Act 2014 is silent); ${consents.toLocaleString('en-GB')} consent${consents === 1 ? ' was' : 's were'} recorded by ${formatLegalDate(asAt)}.`,
          'law',
        ),
      );
    }
  } else {
    blocks.push({
      type: 'statement',
      title: 'Notice period',
      status: 'info',
      text: `Notice had not been recorded as sent by ${formatLegalDate(asAt)}. ${notice.latestSend?.message ?? ''}`.trim(),
      evidence: [],
      citation: company ? 'CA 2006 s307(1), s360, s1147' : 'the society’s registered rules',
    });
  }
  blocks.push(
    text(
      company
        ? `The notice of a general meeting of a private company must give at least 14 clear days (CA 2006 s307(1), counted as s360 says: neither the day notice is given nor the day of the meeting counts), or more where the articles ask for more; the period recorded in the governing rules is ${required} clear days (${notice.source}). The notice must state the time, date and place of the meeting (s311(1)) and the general nature of the business (s311(2)), go to every member and every director (s310), and state with reasonable prominence each member’s right to appoint a proxy (s325).`
        : `The notice period and how notice is given are set by ${SOCIETY_RULES}. The governing rules recorded for ${org.name} give ${required} clear days (${notice.source}).`,
      'law',
    ),
  );
  return { id: 'notice', title: 'Notice of the meeting', blocks };
}

function agendaSection(items: Awaited<ReturnType<typeof readItems>>): ReportSection {
  const numbers = itemNumbers(items);
  return {
    id: 'agenda',
    title: 'Agenda',
    blocks: [
      {
        type: 'table',
        id: 'agm-agenda',
        title: 'Agenda',
        columns: [
          { key: 'number', label: 'No.' },
          { key: 'item', label: 'Item' },
          { key: 'presenter', label: 'Presenter' },
          { key: 'purpose', label: 'Purpose' },
        ],
        rows: orderItems(items).map((i) => ({
          number: { display: numbers.get(i.id) ?? '' },
          item: { display: i.title },
          presenter: { display: i.presenter ?? '' },
          purpose: { display: PURPOSE_LABEL[i.purpose] },
        })),
        empty: 'No agenda items are recorded for this meeting.',
      },
    ],
  };
}

function readItems(src: ReportSource, meetingId: string) {
  return src.db.selectFrom('agenda_item').select(['id', 'parent_id', 'position', 'title', 'presenter', 'purpose']).where('meeting_id', '=', meetingId).execute();
}

type Resolution = { id: string; position: number; kind: 'ordinary' | 'special'; society_kind: string | null; text: string; explanatory_note: string | null };

const shortText = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
};

function proxySection(m: MeetingRow, org: ReportSource['org'], legalForm: LegalForm, rules: { proxiesAllowed: boolean; proxyDeadlineHours: number }, deadline: string | null, resolutions: Resolution[]): ReportSection {
  const family = formFamily(legalForm);
  const company = family === 'company';
  const noun = NOUN[m.kind as 'annual_general' | 'general'];
  const meetingAt = `${m.held_on}T${m.starts_at}`;
  if (!rules.proxiesAllowed) {
    // A company's rules cannot switch proxies off (CA 2006 s324; organisation settings refuse it), so this is a society.
    return {
      id: 'proxy-form',
      title: 'Proxy form',
      blocks: [text(`The governing rules recorded for ${org.name} do not allow proxies, so there is no proxy form: a society’s members have no statutory right to appoint a proxy, and ${SOCIETY_RULES.replace(/^the society’s/, 'its')} decide.`, 'law')],
    };
  }
  const blocks: ReportBlock[] = [];
  const lodge = 'the Secretary at the registered office';
  blocks.push(
    deadline
      ? text(`To be valid, a proxy appointment must be received by ${lodge} no later than ${formatLocalDateTime(deadline)}.`)
      : text(`The rules set no deadline: a proxy appointment may be received by ${lodge} up to the start of the meeting at ${formatLocalDateTime(meetingAt)}.`),
  );
  if (company) {
    const lawful = latestProxyDeadline(meetingAt, ukPartOf(org));
    blocks.push(
      text(
        `A member entitled to attend and vote may appoint another person, who need not be a member, as their proxy to attend, speak and vote for them (CA 2006 s324(1)). The articles may not require an appointment to be received more than 48 hours before the meeting, not counting any part of a day that is not a working day (${PROXY_DEADLINE_SOURCE}), so the earliest lawful deadline for this meeting is ${formatLocalDateTime(lawful.at)}; the governing rules recorded set ${rules.proxyDeadlineHours} hours${deadline ? `, counted the same way, which gives ${formatLocalDateTime(deadline)}` : ', so no deadline applies'}.`,
        'law',
      ),
    );
    if (LEGAL_FORM_INFO[legalForm].hasShares) blocks.push(text('A member may appoint more than one proxy, each to exercise the rights attached to different shares held by that member (CA 2006 s324(2)).', 'law'));
  } else {
    blocks.push(text(`Proxies and the deadline for appointing one are set by ${SOCIETY_RULES}. The governing rules recorded allow proxies and set ${rules.proxyDeadlineHours} hours before the meeting, counted in working hours as the app counts a company’s.`, 'law'));
  }
  blocks.push({
    type: 'form',
    title: 'Form of proxy',
    intro: `I, being a member of ${org.name} entitled to attend and vote, appoint the person named below, or failing them the chair of the meeting, as my proxy to attend, speak and vote for me at the ${noun} to be held on ${formatDayDate(m.held_on)} at ${m.starts_at}, and at any adjournment of it. My proxy is to vote on each resolution as I mark below; where I mark nothing my proxy may vote or abstain as they think fit.${deadline ? ` Return this form to ${lodge} by ${formatLocalDateTime(deadline)}.` : ''}`,
    fields: [
      'Name of member',
      'Membership number (if known)',
      'Name of proxy (leave blank to appoint the chair of the meeting)',
      ...resolutions.map((r, i) => `Resolution ${i + 1} (${r.kind === 'special' ? 'special' : 'ordinary'}), “${shortText(r.text)}”: For / Against / Withheld`),
      'Signature of member',
      'Date',
    ],
  });
  blocks.push(text('A vote withheld is not a vote in law: it is counted neither for nor against a resolution.', 'note'));
  return { id: 'proxy-form', title: 'Proxy form', blocks };
}

/** The minutes' narrative as paragraphs of plain text (lists numbered or bulleted, table rows joined), as minutes/lexical.ts reads it. */
function plainParagraphs(body: string): string[] {
  return toBlocks(body)
    .flatMap((b) => {
      if (b.type === 'list') return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '•'} ${it.runs.map((r) => r.text).join('')}`);
      if (b.type === 'table') return b.rows.map((row) => row.map((c) => c.map((r) => r.text).join('')).join(' | '));
      return [b.runs.map((r) => r.text).join('')];
    })
    .filter((p) => p.trim() !== '');
}

async function previousMinutesSection(src: ReportSource, m: MeetingRow, asAt: string): Promise<ReportSection> {
  const earlier = await src.db
    .selectFrom('meeting as g')
    .leftJoin('minutes as n', (j) => j.onRef('n.meeting_id', '=', 'g.id').on('n.corrects_minutes_id', 'is', null))
    .select(['g.id', 'g.title', 'g.held_on', 'n.id as minutes_id', 'n.body', 'n.approved_on', 'n.approved_in_writing', 'n.signed_on', 'n.signed_by', 'n.sealed_sha256'])
    .where('g.organisation_id', '=', src.org.id)
    .where('g.kind', 'in', ['annual_general', 'general'])
    .where('g.status', '!=', 'cancelled')
    .where('g.id', '!=', m.id)
    .where((eb) => eb.or([eb('g.held_on', '<', m.held_on), eb.and([eb('g.held_on', '=', m.held_on), eb('g.starts_at', '<', m.starts_at)])]))
    .where('g.held_on', '<=', asAt)
    .orderBy('g.held_on', 'desc')
    .orderBy('g.starts_at', 'desc')
    .execute();
  const index = earlier.findIndex((g) => g.approved_on !== null && g.approved_on <= asAt && g.body !== null);
  const approved = index === -1 ? undefined : earlier[index]!;
  const blocks: ReportBlock[] = [];
  for (const g of index === -1 ? earlier : earlier.slice(0, index)) {
    blocks.push(text(`The minutes of the ${g.title} on ${formatLegalDate(g.held_on)} had not been approved by ${formatLegalDate(asAt)}, so they are not quoted here.`, 'note'));
  }
  if (!approved) {
    blocks.unshift(text(`No earlier general meeting of ${src.org.name} has minutes approved on or before ${formatLegalDate(asAt)}.`));
    return { id: 'previous-minutes', title: 'Minutes of the previous general meeting', blocks };
  }
  const signed = approved.signed_on !== null && approved.signed_on <= asAt;
  const paragraphs = plainParagraphs(approved.body!);
  blocks.unshift(
    text(
      `The minutes of the ${approved.title} held on ${formatLegalDate(approved.held_on)}, approved on ${formatLegalDate(approved.approved_on!)}${approved.approved_in_writing === 1 ? ' in writing' : ''}${signed ? ` and signed by ${approved.signed_by} on ${formatLegalDate(approved.signed_on!)} (sealed, SHA-256 ${approved.sealed_sha256})` : ''}, as recorded.`,
    ),
    { type: 'quote', title: `Minutes of the ${approved.title}, ${formatLegalDate(approved.held_on)}`, paragraphs },
  );
  // Signed minutes stay as signed; a correction is a record of its own, approved at a later meeting (minutes.correct).
  const corrections = await src.db
    .selectFrom('minutes as n')
    .innerJoin('meeting as g', 'g.id', 'n.meeting_id')
    .select(['n.body', 'n.approved_on', 'g.title', 'g.held_on'])
    .where('g.organisation_id', '=', src.org.id)
    .where('n.corrects_minutes_id', '=', approved.minutes_id!)
    .where('n.approved_on', 'is not', null)
    .where('n.approved_on', '<=', asAt)
    .orderBy('n.approved_on')
    .orderBy('n.id')
    .execute();
  corrections.forEach((c, i) => {
    blocks.splice(2 + i, 0, {
      type: 'quote',
      title: `Correction approved on ${formatLegalDate(c.approved_on!)} (${c.title}, ${formatLegalDate(c.held_on)})`,
      paragraphs: plainParagraphs(c.body),
    });
  });
  return { id: 'previous-minutes', title: 'Minutes of the previous general meeting', blocks };
}

function majorityWords(r: Resolution, legalForm: LegalForm, specialPct: number): string {
  if (formFamily(legalForm) === 'company') {
    return r.kind === 'special'
      ? 'A special resolution: passed by not less than 75% of the votes cast on a show of hands (CA 2006 s283(4)), or of the total voting rights of the members who vote on a poll (s283(5)); the notice must give its text and say it is proposed as a special resolution (s283(6)).'
      : 'An ordinary resolution: passed by a simple majority of the votes cast on a show of hands (CA 2006 s282(3)), or of the total voting rights of the members who vote on a poll (s282(4)).';
  }
  if (r.society_kind) return societySpecialResolutionRule(r.society_kind as SocietyResolutionKind).summary;
  return r.kind === 'special'
    ? `A special resolution: the governing rules recorded require ${specialPct}% of the votes cast; ${SOCIETY_RULES}.`
    : `An ordinary resolution: a simple majority of the votes cast unless ${SOCIETY_RULES.replace(/ \(.*$/, '')} say otherwise; the CCBS Act 2014 sets no majority for it.`;
}

function resolutionsSection(resolutions: Resolution[], legalForm: LegalForm, specialPct: number, meetingId: string, missing: ReportDoc['missing']): ReportSection {
  const sections: ReportSection[] = resolutions.map((r, i) => {
    const n = i + 1;
    const blocks: ReportBlock[] = [{ type: 'quote', title: `Text of resolution ${n}`, paragraphs: r.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) }];
    if (r.explanatory_note) blocks.push({ type: 'quote', title: 'Explanatory note', paragraphs: r.explanatory_note.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) });
    else {
      blocks.push({ type: 'toWrite', title: `Explanatory note for resolution ${n}`, why: 'No explanatory note is recorded with this resolution; write one to tell members what it does and why the board proposes it.' });
      missing.push({ section: 'Resolutions', what: `Explanatory note for resolution ${n}` });
    }
    blocks.push(text(majorityWords(r, legalForm, specialPct), 'law'));
    return { id: `resolution-${n}`, title: `Resolution ${n}: ${r.kind === 'special' ? 'special' : 'ordinary'} resolution`, blocks };
  });
  return {
    id: 'resolutions',
    title: 'Resolutions',
    blocks: [
      {
        type: 'figures',
        items: [{ id: 'resolutions', label: 'Resolutions to be proposed', value: count(resolutions.length, { set: 'agm.resolutions', params: { meetingId } }) }],
      },
      ...(resolutions.length === 0 ? [text('No resolution is recorded in the notice of this meeting.')] : []),
    ],
    sections,
  };
}

async function candidatesSection(src: ReportSource, meetingId: string, asAt: string, missing: ReportDoc['missing']): Promise<ReportSection> {
  const { candidates } = await candidatesOf(src.db, src.org.id, meetingId, asAt);
  const P = { meetingId, asAt };
  const blocks: ReportBlock[] = [
    {
      type: 'figures',
      items: [
        { id: 'candidates', label: 'Candidates standing', value: count(candidates.length, { set: 'agm.candidates', params: { ...P, withStatement: null } }) },
        { id: 'statements', label: 'Candidates with a statement on record', value: count(candidates.filter((c) => c.statement !== null).length, { set: 'agm.candidates', params: { ...P, withStatement: true } }) },
      ],
    },
  ];
  if (candidates.length === 0) blocks.push(text(`No election is on a ballot of this meeting set up by ${formatLegalDate(asAt)}.`));
  blocks.push(text(`From the ballots of this meeting as set up by ${formatLegalDate(asAt)}; a ballot set up later appears in the pack produced as at a later date.`, 'note'));
  const elections = [...new Set(candidates.map((c) => c.questionId))];
  const sections: ReportSection[] = elections.map((qid, i) => {
    const own = candidates.filter((c) => c.questionId === qid);
    const first = own[0]!;
    const inner: ReportBlock[] = [text(`${first.election}: ${first.seats} seat${first.seats === 1 ? '' : 's'}, ${own.length} candidate${own.length === 1 ? '' : 's'} (ballot “${first.ballotTitle}”).`)];
    for (const c of own) {
      if (c.statement) inner.push({ type: 'quote', title: c.name, paragraphs: c.statement.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) });
      else {
        inner.push({ type: 'toWrite', title: `Statement of ${c.name}`, why: `No statement is recorded for ${c.name} on the ballot; add the candidate’s statement, or say that they gave none.` });
        missing.push({ section: 'Candidates’ statements', what: `Statement of ${c.name} (${first.election})` });
      }
    }
    return { id: `election-${i + 1}`, title: first.election, blocks: inner };
  });
  return { id: 'candidates', title: 'Candidates’ statements', blocks, sections };
}

/** Prefixes the ids of an embedded report's sections so they stay unique in the pack. */
function prefixed(sections: ReportSection[], prefix: string): ReportSection[] {
  return sections.map((s) => ({ ...s, id: `${prefix}${s.id}`, ...(s.sections ? { sections: prefixed(s.sections, prefix) } : {}) }));
}

/**
 * Builds the pack. `annual` is the annual governance report's builder (builders/annual.ts),
 * passed in so the pack embeds the same report the annual kind produces; null leaves its section
 * for the secretary.
 */
export async function buildAgmPack(src: ReportSource, annual: ReportBuilder | null): Promise<BuiltReport> {
  const asAt = src.period.to;
  // The organisation named as it stood on the date (the table keeps only today's name).
  const org = { ...src.org, name: (await particularsOnDate(src.db, src.org, asAt)).name };
  const m = await packMeeting(src.db, src.org.id, org.name, src.request.meetingId);
  const steps = 7;
  src.progress(0, steps, 'Notice');
  const onDate = await organisationOnDate(src.db, src.org, asAt);
  const { legalForm, rules } = onDate;
  const sentBy = m.notice_sent_at !== null && m.notice_sent_at.slice(0, 10) <= asAt;
  const asNoticed: MeetingRow = sentBy ? m : { ...m, notice_sent_at: null, notice_method: null };
  // The meetings area's own computation: notice period, verdict and proxy deadline (meetings/view.ts).
  const notice = noticeState(asNoticed, { rules, legalForm, part: ukPartOf(src.org), voters: null, consents: new Map() })!;
  const noticeOn = sentBy ? m.notice_sent_at!.slice(0, 10) : asAt;
  const entitled = await entitledCount(src.db, src.org.id, noticeOn);
  const consents = Number(
    (await src.db.selectFrom('short_notice_consent').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', m.id).where('consented_on', '<=', asAt).executeTakeFirstOrThrow()).n,
  );
  const missing: ReportDoc['missing'] = [];
  const sections: ReportSection[] = [noticeSection(m, org, legalForm, rules.shortNoticePct, asAt, notice, entitled, noticeOn, consents)];
  await src.checkpoint();

  src.progress(1, steps, 'Agenda');
  sections.push(agendaSection(await readItems(src, m.id)));
  const resolutions = (await src.db.selectFrom('resolution').select(['id', 'position', 'kind', 'society_kind', 'text', 'explanatory_note']).where('meeting_id', '=', m.id).orderBy('position').execute()) as Resolution[];
  src.progress(2, steps, 'Proxy form');
  sections.push(proxySection(m, org, legalForm, rules, notice.proxyDeadline, resolutions));
  await src.checkpoint();

  src.progress(3, steps, 'Previous minutes');
  sections.push(await previousMinutesSection({ ...src, org }, m, asAt));
  await src.checkpoint();

  src.progress(4, steps, 'Annual governance report');
  const yearEnd = lastYearEnd(src.org.financial_year_end, asAt);
  const yearStart = yearStartOf(src.org.financial_year_end, yearEnd, src.org.incorporated_on);
  const annualIntro = text(`The annual governance report for the financial year from ${formatLegalDate(yearStart)} to ${formatLegalDate(yearEnd)}, the last year ended on or before ${formatLegalDate(asAt)}.`);
  if (yearEnd < src.org.incorporated_on) {
    // No financial year had ended by the date: there is no year to report on yet.
    const why = `The organisation’s first financial year had not ended by ${formatLegalDate(asAt)} (it was incorporated or registered on ${formatLegalDate(src.org.incorporated_on)}), so there is no annual governance report to put before the meeting; say so in the pack, or add any report the board has prepared.`;
    sections.push({ id: 'annual-report', title: 'Annual governance report', blocks: [{ type: 'toWrite', title: 'Annual governance report', why }] });
    missing.push({ section: 'Annual governance report', what: `The annual governance report: the organisation’s first financial year had not ended by ${formatLegalDate(asAt)}` });
  } else if (annual) {
    const built = await annual({
      ...src,
      db: src.db,
      org: src.org,
      request: { kind: 'annual', asAt: yearEnd, from: yearStart },
      period: { from: yearStart, to: yearEnd },
      today: src.today,
      progress: () => {},
      checkpoint: () => src.checkpoint(),
    });
    sections.push({ id: 'annual-report', title: 'Annual governance report', blocks: [annualIntro], sections: prefixed(built.sections, 'annual-') });
    for (const x of built.missing) missing.push({ section: `Annual governance report: ${x.section}`, what: x.what });
  } else {
    sections.push({ id: 'annual-report', title: 'Annual governance report', blocks: [annualIntro, { type: 'toWrite', title: 'Annual governance report', why: 'The app could not produce the annual governance report for this pack; add it before sending.' }] });
    missing.push({ section: 'Annual governance report', what: 'The annual governance report' });
  }
  await src.checkpoint();

  src.progress(5, steps, 'Resolutions');
  sections.push(resolutionsSection(resolutions, legalForm, rules.specialResolutionPct, m.id, missing));
  src.progress(6, steps, 'Candidates');
  sections.push(await candidatesSection(src, m.id, asAt, missing));
  await src.checkpoint();

  return {
    title: `${m.kind === 'annual_general' ? 'AGM pack' : 'General meeting pack'}: ${m.title}, ${formatLegalDate(m.held_on)}`,
    sections,
    missing,
  };
}
