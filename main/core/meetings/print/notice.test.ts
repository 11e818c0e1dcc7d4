import { beforeAll, describe, expect, it } from 'vitest';
import { docxText, keep, readPdf, type PdfReadBack } from './fixtures.test-helpers';
import type { BoardNoticeModel, GeneralMeetingNoticeModel, NoticeRecipient } from './models';
import { boardNoticeDocx, boardNoticePdf, generalNoticeDocx, generalNoticePdf } from './notice';
import { readZipEntry } from './zip';

const FIRST = ['Siân', 'Dafydd', 'Aoife', 'Gwenllian', 'Seán', 'Rhiannon', 'Niamh', 'Iolo', 'Caoimhe', 'Bethan', 'Pádraig', 'Ffion'];
const LAST = ['Ó Briain', 'ap Gruffydd', 'Ní Bhriain', 'Prys', 'Ó Ceallaigh', 'Llewellyn', 'Mac Giolla Phádraig', 'Morgan-Jones', 'Ní Dhomhnaill', 'Evans', 'Ó Súilleabháin', 'Wyn'];

const members: NoticeRecipient[] = Array.from({ length: 60 }, (_, i) => {
  // Sixty different people: each first name with five different surnames.
  const name = `${FIRST[i % 12]} ${LAST[((i % 12) + 5 * Math.floor(i / 12)) % 12]}`;
  return i % 3 === 0
    ? { name, method: 'post', address: `${i + 1} Heol y Felin, Aberpennar, Mountain Ash CF45 ${i % 9}JE` }
    : { name, method: 'email', address: `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@gofal.example` };
});

// Long enough to wrap across a page, as new articles often are.
const ARTICLES = Array.from(
  { length: 9 },
  (_, i) =>
    `${i + 1}. That with effect from the end of this meeting the draft articles of association produced to the meeting and initialled by the chair for the purposes of identification be adopted as the articles of association of the company in substitution for, and to the exclusion of, the existing articles of association, including the provisions about the asset lock of a community interest company, the membership of employees of Gofal Cymunedol Cwm Taf CIC, and the maximum payment of £250 to any member on a winding up.`,
).join('\n\n');

const model: GeneralMeetingNoticeModel = {
  organisation: {
    name: 'Gofal Cymunedol Cwm Taf CIC',
    family: 'company',
    hasShareCapital: false,
    registeredNumber: '09876543',
    registeredOffice: 'Tŷ Cymuned, Heol y Bont, Pontypridd CF37 1DL',
  },
  meeting: {
    organisationName: 'Gofal Cymunedol Cwm Taf CIC',
    title: 'Annual General Meeting 2026',
    kind: 'annual_general',
    date: '2026-10-13',
    startTime: '18:00',
    place: 'Ystafell Taf, Tŷ Cymuned, Pontypridd CF37 1DL',
    electronicMeans: 'Microsoft Teams; members who ask the secretary by 12 October receive a personal link',
  },
  business: ['To receive the accounts and reports for the year ended 31 March 2026 (turnover £2.4m).', 'To re-appoint the auditors, Bevan & Ní Bhriain LLP.'],
  resolutions: [
    { kind: 'ordinary', title: 'Re-election of Siân Ó Briain', text: 'That Siân Ó Briain, who retires by rotation, be re-elected as a director of the company.' },
    { kind: 'special', title: 'Adoption of new articles', text: ARTICLES, explanatoryNote: 'The new articles bring the company’s rules into line with the Community Interest Company Regulations 2005 as amended.' },
  ],
  proxy: {
    allowed: true,
    deadline: '2026-10-09T18:00',
    lodgeWith: 'post to the Company Secretary at the registered office or e-mail to cwmni@gofal.example',
  },
  noticeDate: '2026-09-18',
  secretaryName: 'Rhiannon Llewellyn',
  distribution: members,
};

let pdf: PdfReadBack;
let all: string;
let docx: Uint8Array;

beforeAll(async () => {
  pdf = await readPdf(keep('agm-notice.pdf', await generalNoticePdf(model)));
  all = pdf.text.join('\n');
  docx = keep('agm-notice.docx', await generalNoticeDocx(model));
});

describe('generalNoticePdf', () => {
  it('states the meeting, its time, date and place and how to attend electronically', () => {
    expect(pdf.text[0]).toContain('Notice of Annual General Meeting');
    expect(pdf.text[0]).toContain(
      'Notice is given that the annual general meeting of Gofal Cymunedol Cwm Taf CIC will be held at Ystafell Taf, Tŷ Cymuned, Pontypridd CF37 1DL and by electronic means on Tuesday 13 October 2026 at 18:00, to consider and, if thought fit, to pass the resolutions below.',
    );
    expect(all).toContain('Attending by electronic means');
    expect(all).toContain('(Companies Act 2006, section 360A): Microsoft Teams; members who ask the secretary by 12 October receive a personal link');
    expect(all).toContain('To re-appoint the auditors, Bevan & Ní Bhriain LLP.');
  });

  it('numbers each resolution with its kind and gives its full text, across pages', () => {
    expect(all).toContain('Resolution 1: Ordinary resolution: Re-election of Siân Ó Briain');
    expect(all).toContain('Resolution 2: Special resolution: Adoption of new articles');
    expect(all).toContain('to pass the following resolution as a special resolution:');
    // The last paragraph of the long special resolution is printed in full.
    expect(all).toContain('9. That with effect from the end of this meeting');
    expect(all).toContain('the maximum payment of £250 to any member on a winding up.');
    const start = pdf.text.findIndex((p) => p.includes('Resolution 2: Special resolution'));
    const end = pdf.text.findIndex((p) => p.includes('9. That with effect'));
    expect(end).toBeGreaterThan(start);
  });

  it('states the right to appoint a proxy prominently, with the deadline (CA 2006 s324-s325, s327)', () => {
    expect(all).toContain('Your right to appoint a proxy');
    expect(all).toContain(
      'A member entitled to attend and vote at the meeting may appoint another person, who need not be a member of the company, as their proxy to exercise all or any of their rights to attend, speak and vote at the meeting (Companies Act 2006, section 324).',
    );
    // Limited by guarantee: no shares, so no statement about a proxy per share (s324(2)).
    expect(all).not.toContain('different share');
    expect(all).toContain('no later than 18:00 on Friday 9 October 2026.');
  });

  it('is dated and signed by order of the board', () => {
    expect(all).toContain('Dated 18 September 2026');
    expect(all).toContain('By order of the board');
    expect(all).toContain('Rhiannon Llewellyn Company Secretary');
    expect(all).toContain('Company number 09876543');
  });

  it('lists in an appendix every member it went to, how and at which address', () => {
    expect(all).toContain('Appendix: members to whom this notice was sent');
    expect(all).toContain('This notice was sent to the members on the register of members on 18 September 2026: 60 in all (40 by e-mail, 20 by post).');
    expect(all).toContain('Siân Ó Briain Post 1 Heol y Felin, Aberpennar, Mountain Ash CF45 0JE');
    expect(all).toContain('Aoife Morgan-Jones E-mail aoife.morgan.jones@gofal.example');
    // The table runs over a page and its header is repeated.
    const appendix = pdf.text.findIndex((p) => p.includes('Appendix: members'));
    expect(pdf.pages).toBeGreaterThan(appendix + 1);
    expect(pdf.text[appendix + 1]).toMatch(/^Name Sent by Address used/);
  });

  it('puts page numbers on every page and bookmarks its sections', () => {
    pdf.text.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pdf.pages}`));
    expect(pdf.outline.map((o) => o.title)).toEqual(['Notice of Annual General Meeting']);
    expect(pdf.outline[0]!.children.map((c) => c.title)).toEqual([
      'Business',
      'Resolutions',
      'Attending by electronic means',
      'Your right to appoint a proxy',
      'Appendix: members to whom this notice was sent',
    ]);
    expect(pdf.info.Title).toBe('Notice of Annual General Meeting: Gofal Cymunedol Cwm Taf CIC, Tuesday 13 October 2026');
  });

  it('says a company with shares may appoint a proxy per share, and adds the articles’ wider rights', async () => {
    const shares = await readPdf(
      await generalNoticePdf({
        ...model,
        organisation: { ...model.organisation, hasShareCapital: true },
        proxy: { ...model.proxy, articlesExtraRights: 'Under article 45 a member may also appoint the chair of the meeting as a second proxy.' },
      }),
    );
    const text = shares.text.join(' ');
    expect(text).toContain('provided that each proxy is appointed to exercise the rights attached to a different share or shares held by that member (section 324(2)).');
    expect(text).toContain('Under article 45 a member may also appoint the chair of the meeting as a second proxy.');
  });

  it('leaves proxies out for a society whose rules do not allow them, and states them where they do', async () => {
    const society: GeneralMeetingNoticeModel = {
      ...model,
      organisation: { name: 'Cydweithfa Gofal Cyf', family: 'society', hasShareCapital: true, registeredNumber: '31234R' },
      meeting: { ...model.meeting, organisationName: 'Cydweithfa Gofal Cyf', kind: 'general', electronicMeans: null },
      resolutions: [{ kind: 'special', text: 'That the society amalgamate with Gofal Gwent Cyf.' }],
      proxy: { allowed: false },
      secretaryName: 'Iolo Wyn',
    };
    const none = (await readPdf(await generalNoticePdf(society))).text.join(' ');
    expect(none).toContain('Notice of General Meeting');
    expect(none).not.toContain('proxy');
    expect(none).not.toContain('Companies Act');
    expect(none).toContain('Iolo Wyn Secretary');
    expect(none).toContain('Registered number 31234R');
    const some = (await readPdf(await generalNoticePdf({ ...society, proxy: { allowed: true, deadline: '2026-10-11T18:00' } }))).text.join(' ');
    expect(some).toContain('As the society’s rules allow, a member entitled to attend and vote at the meeting may appoint a proxy');
  });
});

describe('generalNoticeDocx', () => {
  it('has the same text in real headings, paragraphs and a table', () => {
    const text = docxText(docx);
    expect(text).toContain('Notice of Annual General Meeting');
    expect(text).toContain('Resolution 2: Special resolution: Adoption of new articles');
    expect(text).toContain('the maximum payment of £250 to any member on a winding up.');
    expect(text).toContain('Your right to appoint a proxy');
    expect(text).toContain('no later than 18:00 on Friday 9 October 2026.');
    expect(text).toContain('Rhiannon Llewellyn\nCompany Secretary');
    const xml = new TextDecoder().decode(readZipEntry(docx, 'word/document.xml')!);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:tblHeader/>');
    // Sixty members plus the header row, in the distribution table.
    const distribution = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(distribution.match(/<w:tr>/g)).toHaveLength(61);
    expect(distribution).toContain('Siân Ó Briain');
  });
});

describe('board notice', () => {
  const board: BoardNoticeModel = {
    meeting: { ...model.meeting, title: 'Board of Directors', kind: 'board', endTime: '20:30' },
    items: [
      { title: 'Apologies for absence', purpose: 'information', minutesAllotted: 5 },
      { title: 'Declarations of interest', purpose: 'information', minutesAllotted: 5 },
      {
        title: 'Finance',
        presenter: 'Dafydd ap Gruffydd',
        purpose: 'decision',
        minutesAllotted: 45,
        children: [{ title: 'Budget 2027/28 (£2.5m)', presenter: 'Dafydd ap Gruffydd', purpose: 'decision', minutesAllotted: 30 }],
      },
      { title: 'Any other business', purpose: 'discussion' },
    ],
    noticeDate: '2026-10-06',
    secretaryName: 'Rhiannon Llewellyn',
    // Directors by name only: the app holds no officer's e-mail address, and notice need not be in writing (Model Articles art 9(3)).
    distribution: members.slice(0, 7).map(({ name }) => ({ name, method: null, address: null })),
  };

  it('gives the particulars and the agenda, shorter than a general meeting notice', async () => {
    const read = await readPdf(keep('board-notice.pdf', await boardNoticePdf(board)));
    const text = read.text.join(' ');
    expect(read.pages).toBe(1);
    expect(text).toContain('Notice of a meeting of the board of directors');
    expect(text).toContain('A meeting of the board of directors of Gofal Cymunedol Cwm Taf CIC will be held on Tuesday 13 October 2026 at 18:00 at Ystafell Taf, Tŷ Cymuned, Pontypridd CF37 1DL and by electronic means.');
    expect(text).toContain('Time 18:00 to 20:30');
    expect(text).toContain('3 Finance Dafydd ap Gruffydd Decision 45 minutes');
    expect(text).toContain('3.1 Budget 2027/28 (£2.5m) Dafydd ap Gruffydd Decision 30 minutes');
    expect(text).toContain('Given to');
    expect(text).toContain(
      'This notice was given on 6 October 2026 to each of the 7 directors named below, in the way the articles allow (for a company on the Model Articles, notice of a directors’ meeting must be given to each director but need not be in writing, article 9(3)).',
    );
    expect(text).toContain('Siân Ó Briain');
    // No invented channel or address for a director.
    expect(text).not.toMatch(/Sent by|Address used|as held by the secretary|by e-mail|by post/);
    const docxBody = docxText(keep('board-notice.docx', await boardNoticeDocx(board)));
    expect(docxBody).toContain('Budget 2027/28 (£2.5m)');
    expect(docxBody).toContain('Notice of a meeting of the board of directors');
    expect(docxBody).toContain('to each of the 7 directors named below');
    expect(docxBody).toContain('Dafydd ap Gruffydd');
    expect(docxBody).not.toContain('Address used');
  });

  it('lists a committee’s members by name, citing the articles for how notice may be given', async () => {
    const committee: BoardNoticeModel = { ...board, meeting: { ...board.meeting, title: 'Audit and Risk Committee', kind: 'committee' }, distribution: board.distribution!.slice(0, 1) };
    const text = (await readPdf(await boardNoticePdf(committee))).text.join(' ');
    expect(text).toContain('This notice was given on 6 October 2026 to the member of the committee named below, in the way the articles and the committee’s terms allow');
    expect(text).toContain('article 6, and notice of those need not be in writing, article 9(3)');
  });
});
