import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxText, keep, readPdf, type PdfReadBack } from './fixtures.test-helpers';
import { buildDraftMinutesDocx } from './minutes-docx';
import { auditLine, buildMinutesPdf } from './minutes-pdf';
import type { Block, MinutesModel } from './models';
import { readZipEntry } from './zip';

const SHA = createHash('sha256').update('the sealed record of 13 October 2026').digest('hex');
const AUDIT_HASH = createHash('sha256').update('audit event 1234').digest('hex');

const discussion = (n: number): Block => ({
  type: 'paragraph',
  runs: [
    { text: `Paragraph ${n}. ` },
    { text: 'The finance director', bold: true },
    { text: ' presented the management accounts to 30 September 2026, showing a surplus of £42,150 against a budgeted ' },
    { text: 'deficit', italic: true },
    { text: ' of £12,000, mainly from the Rhondda Cynon Taf reablement contract and lower agency costs in Merthyr Tudful. Directors asked about the pension deficit and the timing of the pay award.' },
  ],
});

const body: Block[] = [
  { type: 'heading', level: 1, runs: [{ text: '4. Finance' }] },
  ...Array.from({ length: 14 }, (_, i) => discussion(i + 1)),
  {
    type: 'list',
    ordered: false,
    items: [
      { runs: [{ text: 'Agency spend fell by ' }, { text: '18%', bold: true }, { text: ' in the quarter.' }] },
      {
        runs: [{ text: 'Risks noted:' }],
        list: { type: 'list', ordered: true, items: [{ runs: [{ text: 'the pay award (£310,000 a year);' }] }, { runs: [{ text: 'the council’s review of rates.' }] }] },
      },
    ],
  },
  { type: 'heading', level: 2, runs: [{ text: 'Cash flow' }] },
  {
    type: 'table',
    headerRow: true,
    rows: [
      [[{ text: 'Month' }], [{ text: 'Receipts (£)' }], [{ text: 'Payments (£)' }]],
      [[{ text: 'October' }], [{ text: '412,000' }], [{ text: '398,500' }]],
      [[{ text: 'November' }], [{ text: '405,250' }], [{ text: '401,100' }]],
    ],
  },
  { type: 'heading', level: 1, runs: [{ text: '5. Chief executive’s report' }] },
  { type: 'list', ordered: true, items: [{ runs: [{ text: 'Staff survey: 87% response.' }] }, { runs: [{ text: 'CQC inspection booked for January.\nPreparations are under way.' }] }] },
];

const model: MinutesModel = {
  meeting: {
    organisationName: 'Gofal Cymunedol Cwm Taf CIC',
    title: 'Board of Directors',
    kind: 'board',
    date: '2026-10-13',
    startTime: '18:00',
    endTime: '20:25',
    place: 'Ystafell Taf, Tŷ Cymuned, Pontypridd',
    electronicMeans: 'Microsoft Teams',
  },
  chairName: 'Siân Ó Briain',
  present: [
    { name: 'Siân Ó Briain', capacity: 'Chair' },
    { name: 'Dafydd ap Gruffydd', capacity: 'Finance Director' },
    { name: 'Aoife Ní Bhriain', capacity: 'Staff Director', electronically: true },
    { name: 'Seán Ó Ceallaigh', capacity: 'Non-executive Director', arrived: '18:20', left: '19:40' },
  ],
  inAttendance: [{ name: 'Rhiannon Llewellyn', capacity: 'Company Secretary (minutes)' }],
  apologies: ['Gwenllian Prys'],
  quorumStatement: 'The meeting was quorate: 4 directors were present and 3 are needed (article 11). It was not quorate for item 4.2 (2 of 3 needed; Seán Ó Ceallaigh left at 19:40 and Aoife Ní Bhriain is conflicted).',
  declarations: [{ name: 'Aoife Ní Bhriain', item: '4.2', nature: 'Her partner is employed by Rhondda Cynon Taf County Borough Council, the commissioner.' }],
  body,
  decisions: [
    {
      item: '4.1',
      text: 'That the management accounts to 30 September 2026 be approved.',
      kind: 'board',
      method: 'board_vote',
      proposer: 'Dafydd ap Gruffydd',
      seconder: 'Seán Ó Ceallaigh',
      votesFor: 2,
      votesAgainst: 2,
      votesAbstain: 0,
      named: { for: ['Siân Ó Briain', 'Dafydd ap Gruffydd'], against: ['Aoife Ní Bhriain', 'Seán Ó Ceallaigh'], abstain: [] },
      outcome: 'Carried on the chair’s casting vote',
    },
    {
      item: '4.2',
      text: 'That the reablement contract be renewed for three years at £1.2m a year.',
      kind: 'board',
      votesFor: 2,
      votesAgainst: 0,
      votesAbstain: 0,
      recused: ['Aoife Ní Bhriain'],
      outcome: 'Carried',
      recordedNotQuorate: true,
    },
  ],
  actions: [
    { item: '4.1', description: 'Circulate the revised cash-flow forecast to the board', owner: 'Dafydd ap Gruffydd', dueOn: '2026-10-27' },
    { item: '5', description: 'Report on CQC inspection preparations', owner: 'Gwenllian Prys', dueOn: '2026-12-08' },
  ],
  signature: { signedBy: 'Siân Ó Briain', signedOn: '2026-11-10' },
  seal: { sha256: SHA, auditSeq: 1234, auditHash: AUDIT_HASH, sealedAt: '2026-11-10T19:02:11.000Z' },
};

let bytes: Uint8Array;
let pdf: PdfReadBack;
let all: string;

beforeAll(async () => {
  bytes = keep('minutes.pdf', await buildMinutesPdf(model));
  pdf = await readPdf(bytes);
  all = pdf.text.join('\n');
});

describe('buildMinutesPdf', () => {
  it('heads the minutes with the organisation, meeting, date and place', () => {
    expect(pdf.text[0]).toContain('Gofal Cymunedol Cwm Taf CIC Minutes of the meeting of the Board of Directors');
    expect(pdf.text[0]).toContain('held on Tuesday 13 October 2026 from 18:00 to 20:25 at Ystafell Taf, Tŷ Cymuned, Pontypridd and by electronic means');
    expect(pdf.text[0]).toContain('Chair: Siân Ó Briain');
  });

  it('records who was present, in attendance and sent apologies, and the quorum', () => {
    expect(all).toContain('Aoife Ní Bhriain, Staff Director (by electronic means)');
    expect(all).toContain('Seán Ó Ceallaigh, Non-executive Director (arrived at 18:20; left at 19:40)');
    expect(all).toContain('In attendance • Rhiannon Llewellyn, Company Secretary (minutes)');
    expect(all).toContain('Apologies Gwenllian Prys');
    expect(all).toContain('It was not quorate for item 4.2 (2 of 3 needed; Seán Ó Ceallaigh left at 19:40 and Aoife Ní Bhriain is conflicted).');
    expect(all).toContain('Aoife Ní Bhriain 4.2 Her partner is employed by Rhondda Cynon Taf County Borough Council');
  });

  it('prints the narrative with its lists and table, across pages', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    expect(all).toContain('Paragraph 14. The finance director presented the management accounts');
    expect(all).toContain('• Agency spend fell by 18% in the quarter.');
    expect(all).toContain('• Risks noted: (a) the pay award (£310,000 a year); (b) the council’s review of rates.');
    expect(all).toContain('Month Receipts (£) Payments (£)');
    expect(all).toContain('November 405,250 401,100');
    expect(all).toContain('CQC inspection booked for January. Preparations are under way.');
  });

  it('gives each decision its counts and outcome, and flags one recorded as not quorate', () => {
    expect(all).toContain('Decision 1 (item 4.1): Decision of the board');
    expect(all).toContain('Proposed by Dafydd ap Gruffydd, seconded by Seán Ó Ceallaigh. Votes (by a vote of the directors): 2 for, 2 against, 0 abstaining.');
    expect(all).toContain('For: Siân Ó Briain, Dafydd ap Gruffydd. Against: Aoife Ní Bhriain, Seán Ó Ceallaigh. Abstaining: none.');
    expect(all).toContain('Outcome: Carried on the chair’s casting vote');
    expect(all).toContain('Did not take part (declared interest): Aoife Ní Bhriain.');
    expect(all).toContain('Recorded as not quorate: the meeting was not quorate for this item when the decision was taken.');
    expect(all.match(/Recorded as not quorate/g)).toHaveLength(1);
  });

  it('lists the actions in a table', () => {
    expect(all).toContain('No. Action Owner Due Item');
    expect(all).toMatch(/1 Circulate the revised cash-flow forecast .*Dafydd ap Gruffydd 27 October 2026 4\.1/);
    expect(all).toMatch(/2 Report on CQC inspection preparations Gwenllian Prys 8 December 2026 5/);
  });

  it('ends with the chair’s signature statement', () => {
    expect(pdf.text.at(-1)).toContain('Signed as a correct record by Siân Ó Briain on 10 November 2026 Chair');
  });

  it('carries the sealed record’s SHA-256 and audit position on every page', () => {
    expect(auditLine(1234, AUDIT_HASH)).toBe(`Audit event #1234 · fingerprint ${AUDIT_HASH.slice(0, 4)} ${AUDIT_HASH.slice(4, 8)} ${AUDIT_HASH.slice(8, 12)}`);
    pdf.text.forEach((text, i) => {
      expect(text).toContain(`Sealed record SHA-256: ${SHA}`);
      expect(text).toContain(auditLine(1234, AUDIT_HASH));
      expect(text).toContain(`Page ${i + 1} of ${pdf.pages}`);
    });
  });

  it('bookmarks its sections, the narrative’s items among them', () => {
    expect(pdf.outline).toHaveLength(1);
    expect(pdf.outline[0]!.title).toBe('Minutes of the meeting of the Board of Directors');
    expect(pdf.outline[0]!.children.map((c) => c.title)).toEqual(['Present', 'Declarations of interest', '4. Finance', '5. Chief executive’s report', 'Decisions', 'Actions', 'Signature']);
  });

  it('sets metadata with the SHA-256 in the keywords and the seal’s time as its dates', () => {
    expect(pdf.info.Title).toBe('Minutes of the meeting of the Board of Directors, Tuesday 13 October 2026');
    expect(pdf.info.Subject).toBe('Signed minutes: board meeting of Gofal Cymunedol Cwm Taf CIC held on 13 October 2026');
    expect(pdf.info.Keywords).toContain(`sha256:${SHA}`);
    expect(pdf.info.Producer).toBe('Mutual Governance');
    expect(pdf.info.CreationDate).toBe("D:20261110190211Z");
    expect(pdf.info.ModDate).toBe("D:20261110190211Z");
  });

  it('gives the same bytes for the same sealed record, and different bytes for another', async () => {
    const again = await buildMinutesPdf(structuredClone(model));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    // No random document ID in the trailer.
    expect(Buffer.from(bytes).includes('/ID')).toBe(false);
    const other = await buildMinutesPdf({ ...model, seal: { ...model.seal, sha256: AUDIT_HASH } });
    expect(Buffer.from(other).equals(Buffer.from(bytes))).toBe(false);
  });

  it('refuses a seal that is not a SHA-256 or a time that is not an instant', async () => {
    await expect(buildMinutesPdf({ ...model, seal: { ...model.seal, sha256: 'abc' } })).rejects.toThrow('64 hexadecimal characters');
    await expect(buildMinutesPdf({ ...model, seal: { ...model.seal, sealedAt: 'yesterday' } })).rejects.toThrow('ISO-8601 instant');
  });

  it('says so when nobody declared an interest and no actions were agreed', async () => {
    const quiet = (await readPdf(await buildMinutesPdf({ ...model, declarations: [], actions: [], decisions: [], body: [] }))).text.join(' ');
    expect(quiet).toContain('No interests were declared.');
    expect(quiet).toContain('No actions were agreed.');
  });
});

describe('buildDraftMinutesDocx', () => {
  it('is a Word file marked as a draft, with the same facts and no seal', async () => {
    const { signature: _signature, seal: _seal, ...draft } = model;
    const docx = keep('draft-minutes.docx', await buildDraftMinutesDocx(draft));
    const text = docxText(docx);
    expect(text).toContain('Draft: Minutes of the meeting of the Board of Directors');
    expect(text).toContain('Seán Ó Ceallaigh');
    expect(text).toContain('Outcome: Carried on the chair’s casting vote');
    expect(text).toContain('Recorded as not quorate: ');
    expect(text).toContain('Circulate the revised cash-flow forecast to the board');
    expect(text).not.toContain(SHA);
    const xml = new TextDecoder().decode(readZipEntry(docx, 'word/document.xml')!);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:numPr>');
    const footer = new TextDecoder().decode(readZipEntry(docx, 'word/footer1.xml') ?? new Uint8Array());
    expect(footer).toContain('Draft: not yet approved or signed, and may change.');
  });
});
