import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet } from './read';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a workbook as the secretary sees it', () => {
  it('takes the first visible sheet with data, and keeps each row’s number as the spreadsheet shows it', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Old', { state: 'hidden' }).addRow(['Ignore', 'me']);
      wb.addWorksheet('Notes');
      const ws = wb.addWorksheet('Register');
      ws.getCell('A3').value = 'Commissioner';
      ws.getCell('B3').value = 'Annual value';
      ws.getCell('A4').value = 'Leeds City Council';
      ws.getCell('B4').value = 1250.5;
      ws.getCell('A6').value = 'Wakefield Council';
      ws.getCell('B6').value = 99.99;
    });
    const sheet = await readSheet(bytes, 'register.xlsx');
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: 'Register', headers: ['Commissioner', 'Annual value'] });
    expect(sheet.rows).toEqual([
      { line: 4, fields: ['Leeds City Council', '1250.5'] },
      { line: 6, fields: ['Wakefield Council', '99.99'] },
    ]);
  });

  it('reads a formula’s result, rich text, a hyperlink’s text, a date cell and a sum with binary noise', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Contracts');
      ws.addRow(['Title', 'Total', 'Manager', 'Link', 'Start', 'Annual']);
      const r = ws.addRow([]);
      r.getCell(1).value = { richText: [{ text: 'Home ' }, { font: { bold: true }, text: 'care' }] };
      r.getCell(2).value = { formula: 'F2*3', result: 300000.3 };
      r.getCell(3).value = 'Amina Shah';
      r.getCell(4).value = { text: 'Contract file', hyperlink: 'https://example.org/c.pdf' };
      r.getCell(5).value = new Date(Date.UTC(2025, 3, 1));
      r.getCell(6).value = 0.1 + 0.2 + 100000;
    });
    const sheet = await readSheet(bytes, 'c.xlsx');
    expect(sheet.rows[0]!.fields).toEqual(['Home care', '300000.3', 'Amina Shah', 'Contract file', '2025-04-01', '100000.3']);
  });

  it('refuses a file that is not a spreadsheet, by name', async () => {
    await expect(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow(/broken.xlsx could not be read as an Excel workbook/);
    await expect(readSheet(new Uint8Array([0x41, 0x00, 0x42, 0x00]), 'photo.jpg')).rejects.toThrow(/photo.jpg is not a spreadsheet the app can read/);
  });
});
