import { createHash } from 'node:crypto';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack, packTitle } from './board-pack';
import { keep, makeDocx, makeJpeg, makePdf, makePng, makeXlsx, readPdf, type PdfReadBack } from './fixtures.test-helpers';
import type { BoardPackModel, PackItem, PackPaper } from './models';

const meeting = {
  organisationName: 'Gofal Cymunedol Cwm Taf CIC',
  title: 'Board of Directors',
  kind: 'board' as const,
  date: '2026-10-13',
  startTime: '18:00',
  endTime: '20:30',
  place: 'Ystafell Taf, Tŷ Cymuned, Pontypridd CF37 1DL',
  electronicMeans: 'Microsoft Teams: the link is in the calendar invitation',
};

/** A PDF whose trailer says it is encrypted (pdf-lib cannot encrypt, but a reader only needs /Encrypt to refuse it). */
async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf('Confidential legal advice', 2));
  doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, P: -4 });
  return doc.save({ useObjectStreams: false });
}

const paper = (title: string, fileName: string, kind: PackPaper['kind'], bytes: Uint8Array): PackPaper => ({ title, fileName, kind, bytes });

let model: BoardPackModel;
let pdf: PdfReadBack;
let bytes: Uint8Array;
let docx: Uint8Array;
const progress: Array<[number, number]> = [];

beforeAll(async () => {
  docx = await makeDocx('Chief executive’s report');
  const items: PackItem[] = [
    { title: 'Welcome, apologies for absence and quorum', presenter: 'Siân Ó Briain (Chair)', purpose: 'information', minutesAllotted: 5, papers: [] },
    { title: 'Declarations of interest', presenter: 'Siân Ó Briain (Chair)', purpose: 'information', minutesAllotted: 5, papers: [] },
    {
      title: 'Minutes of the meeting held on 8 September 2026',
      purpose: 'decision',
      minutesAllotted: 10,
      papers: [paper('Draft minutes, 8 September 2026', 'Minutes 2026-09-08.pdf', 'pdf', await makePdf('Draft minutes 8 September', 3))],
    },
    {
      title: 'Finance',
      presenter: 'Dafydd ap Gruffydd (Finance Director)',
      purpose: 'decision',
      minutesAllotted: 45,
      startsAt: '18:20',
      papers: [],
      children: [
        {
          title: 'Management accounts to 30 September 2026 (£2.4m turnover)',
          presenter: 'Dafydd ap Gruffydd',
          purpose: 'discussion',
          minutesAllotted: 20,
          papers: [
            paper('Management accounts, month 6', 'Accounts M6.pdf', 'pdf', await makePdf('Management accounts M6', 4)),
            paper('Budget workbook 2027/28', 'Budget 2027-28.xlsx', 'xlsx', await makeXlsx()),
          ],
        },
        {
          title: 'Renewal of the Rhondda Cynon Taf reablement contract',
          presenter: 'Aoife Ní Bhriain',
          purpose: 'decision',
          minutesAllotted: 25,
          papers: [
            paper('Tender evaluation', 'Evaluation.pdf', 'pdf', await makePdf('Tender evaluation', 2, { rotate: 90 })),
            paper('Legal advice (encrypted)', 'Advice.pdf', 'pdf', await encryptedPdf()),
          ],
        },
      ],
    },
    {
      title: 'Chief executive’s report',
      presenter: 'Gwenllian Prys (Chief Executive)',
      purpose: 'information',
      minutesAllotted: 15,
      papers: [
        paper('Chief executive’s report', 'CEO report.docx', 'docx', docx),
        paper('Site plan, Tŷ Cymuned', 'Site plan.png', 'png', makePng(400, 200)),
        paper('Photograph of the new minibus', 'Minibus.jpg', 'jpeg', makeJpeg()),
        paper('Damaged scan', 'Scan.pdf', 'pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog')),
        paper('Mislabelled report', 'Report.pdf', 'pdf', docx),
      ],
    },
    { title: 'Any other business', purpose: 'discussion', papers: [] },
  ];
  model = { meeting, items, issuedOn: '2026-10-06' };
  bytes = keep('board-pack.pdf', await buildBoardPack(model, (done, total) => progress.push([done, total])));
  pdf = await readPdf(bytes);
});

function pageOf(text: string): number {
  return pdf.text.findIndex((page) => page.includes(text)) + 1;
}

describe('buildBoardPack', () => {
  it('has a cover, the agenda, then every paper in agenda order', () => {
    // Cover 1 + agenda 1 + minutes 3 + accounts 4 + workbook divider 1 + evaluation 2 + advice 1
    // + report divider 1 + plan 1 + photo 1 + damaged 1 + mislabelled 1.
    expect(pdf.pages).toBe(18);
    const cover = pdf.text[0]!;
    for (const text of ['Gofal Cymunedol Cwm Taf CIC', 'Board of Directors', 'Board meeting', 'Tuesday 13 October 2026', '18:00 to 20:30', 'Ystafell Taf, Tŷ Cymuned', 'Microsoft Teams', 'Board pack', 'Issued on 6 October 2026']) {
      expect(cover).toContain(text);
    }
    expect(pdf.text[1]).toContain('Agenda');
    const order = ['Draft minutes 8 September, page 1', 'Management accounts M6, page 1', 'Budget workbook 2027/28', 'Tender evaluation, page 1', 'Legal advice (encrypted)', 'CEO report.docx', 'Site plan, Tŷ Cymuned', 'Photograph of the new minibus', 'Damaged scan', 'Mislabelled report'];
    const pages = order.map((text) => pdf.text.findIndex((page, i) => i >= 2 && page.includes(text)) + 1);
    expect(pages).toEqual([3, 6, 10, 11, 13, 14, 15, 16, 17, 18]);
  });

  it('lists items with sub-items, presenters, purposes, times and the page each paper starts on', () => {
    const agenda = pdf.text[1]!;
    expect(agenda).toContain('1 Welcome, apologies for absence and quorum');
    expect(agenda).toContain('Presenter: Siân Ó Briain (Chair) · For information · 5 minutes');
    expect(agenda).toContain('4 Finance');
    expect(agenda).toContain('Presenter: Dafydd ap Gruffydd (Finance Director) · For decision · 45 minutes · from 18:20');
    expect(agenda).toContain('4.1 Management accounts to 30 September 2026 (£2.4m turnover)');
    expect(agenda).toContain('4.2 Renewal of the Rhondda Cynon Taf reablement contract');
    expect(agenda).toContain('Presenter: Aoife Ní Bhriain · For decision · 25 minutes');
    expect(agenda).toContain('6 Any other business');
    for (const [title, page] of [
      ['Draft minutes, 8 September 2026', 3],
      ['Management accounts, month 6', 6],
      ['Budget workbook 2027/28', 10],
      ['Tender evaluation', 11],
      ['Chief executive’s report', 14],
      ['Mislabelled report', 18],
    ] as const) {
      expect(agenda).toContain(`Paper: ${title} page ${page}`);
    }
  });

  it('numbers every page and names the pack on it, rotated pages included', () => {
    const title = packTitle(model);
    expect(title).toBe('Board pack: Board of Directors, Tuesday 13 October 2026');
    pdf.text.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of 18`);
      expect(text).toContain(title);
    });
  });

  it('bookmarks the cover, the agenda, each item (sub-items under theirs) and each paper', () => {
    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([
      ['Cover', 1],
      ['Agenda', 2],
      ['1. Welcome, apologies for absence and quorum', 2],
      ['2. Declarations of interest', 2],
      ['3. Minutes of the meeting held on 8 September 2026', 3],
      ['4. Finance', 2],
      ['5. Chief executive’s report', 14],
      ['6. Any other business', 2],
    ]);
    const finance = pdf.outline[5]!;
    expect(finance.children.map((c) => [c.title, c.page])).toEqual([
      ['4.1. Management accounts to 30 September 2026 (£2.4m turnover)', 6],
      ['4.2. Renewal of the Rhondda Cynon Taf reablement contract', 11],
    ]);
    expect(finance.children[1]!.children.map((c) => (c as { title: string }).title)).toEqual(['Paper: Tender evaluation', 'Paper: Legal advice (encrypted)']);
    expect(pdf.outline[6]!.children.map((c) => c.title)).toEqual([
      'Paper: Chief executive’s report',
      'Paper: Site plan, Tŷ Cymuned',
      'Paper: Photograph of the new minibus',
      'Paper: Damaged scan',
      'Paper: Mislabelled report',
    ]);
  });

  it('gives Word and Excel papers a divider with their SHA-256, to be opened from the meeting', () => {
    const page = pdf.text[pageOf('CEO report.docx') - 1]!;
    expect(page).toContain('This paper is a Word document, which cannot be shown inside the board pack.');
    expect(page).toContain(createHash('sha256').update(docx).digest('hex'));
    expect(page).toContain('Open it from the meeting in Mutual Governance.');
    expect(pdf.text[9]).toContain('This paper is an Excel workbook, which cannot be shown inside the board pack.');
  });

  it('puts a page saying why in place of an encrypted or damaged PDF, and shows a mislabelled file as what it is', () => {
    expect(pdf.text[12]).toContain('This PDF is password-protected (encrypted), so it cannot be copied into the board pack.');
    expect(pdf.text[16]).toContain('This PDF is damaged and cannot be read');
    expect(pdf.text[17]).toContain('This paper is a Word document');
  });

  it('places images on a page of their own with a caption, landscape when wide', async () => {
    expect(pdf.text[14]).toContain('Item 5 · Site plan, Tŷ Cymuned');
    const doc = await PDFDocument.load(bytes);
    const plan = doc.getPage(14);
    expect(plan.getWidth()).toBeGreaterThan(plan.getHeight());
    expect(doc.getPage(15).getWidth()).toBeLessThan(doc.getPage(15).getHeight());
  });

  it('reports progress after each paper', () => {
    expect(progress[0]).toEqual([0, 10]);
    expect(progress.at(-1)).toEqual([10, 10]);
    expect(progress.map(([done]) => done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('sets the title and producer in the metadata', () => {
    expect(pdf.info.Title).toBe('Board pack: Board of Directors, Tuesday 13 October 2026');
    expect(pdf.info.Producer).toBe('Mutual Governance');
  });
});

describe('a 200-page pack (15 items, 45 papers)', () => {
  it('is built with every page, and its time is printed', async () => {
    const items: PackItem[] = [];
    let pagesOfPapers = 0;
    for (let i = 0; i < 15; i += 1) {
      const papers: PackPaper[] = [];
      for (let p = 0; p < 3; p += 1) {
        const pages = (i + p) % 2 ? 5 : 4;
        pagesOfPapers += pages;
        papers.push(paper(`Paper ${i + 1}.${p + 1}`, `paper-${i}-${p}.pdf`, 'pdf', await makePdf(`Paper ${i + 1}.${p + 1} from Cymuned ${i + 1}`, pages)));
      }
      items.push({
        title: `Report from the directorate of Cymuned ${i + 1}`,
        presenter: i % 2 ? 'Seán Ó Ceallaigh' : 'Eluned Morgan-Jones',
        purpose: 'discussion',
        minutesAllotted: 10,
        papers,
      });
    }
    const started = performance.now();
    const pack = await buildBoardPack({ meeting, items });
    const seconds = (performance.now() - started) / 1000;
    const doc = await PDFDocument.load(pack);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(200);
    // The cover and a two-page agenda come before the papers.
    expect(doc.getPageCount()).toBe(pagesOfPapers + 3);
    console.log(`board pack: ${doc.getPageCount()} pages, ${items.length} items, 45 papers, ${(pack.length / 1024 / 1024).toFixed(1)} MB, built in ${seconds.toFixed(2)} s`);
  });
});
