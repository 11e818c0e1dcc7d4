import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads the heading row and the data rows with the line each starts on', async () => {
    const { headers, rows } = await parseCsv('Employee No,Forename,Surname\nE1,Ann,Lee\n\nE2,Bob,Khan\n');
    expect(headers).toEqual(['Employee No', 'Forename', 'Surname']);
    expect(rows).toEqual([
      { line: 2, fields: ['E1', 'Ann', 'Lee'] },
      { line: 4, fields: ['E2', 'Bob', 'Khan'] },
    ]);
  });

  it('drops a byte-order mark, reads Windows line endings and semicolon-separated files', async () => {
    const { headers, rows } = await parseCsv('\uFEFFEmployee No;Surname\r\nE1;Lee\r\nE2;Khan');
    expect(headers).toEqual(['Employee No', 'Surname']);
    expect(rows.map((r) => [r.line, ...r.fields])).toEqual([
      [2, 'E1', 'Lee'],
      [3, 'E2', 'Khan'],
    ]);
  });

  it('keeps commas and line breaks inside quoted values, and counts the lines they take', async () => {
    const { rows } = await parseCsv('No,Address\nE1,"1 High St, Leeds"\nE2,"Flat 2\nMill Yard"\nE3,"Say ""hi"""\n');
    expect(rows).toEqual([
      { line: 2, fields: ['E1', '1 High St, Leeds'] },
      { line: 3, fields: ['E2', 'Flat 2\nMill Yard'] },
      { line: 5, fields: ['E3', 'Say "hi"'] },
    ]);
  });

  it('gives the same rows and lines when read in small pieces as in one', async () => {
    const lines = ['No,Name,Address'];
    for (let i = 0; i < 300; i++) lines.push(i % 7 === 0 ? `E${i},"Name, ${i}","Line one\nLine ""two"""` : `E${i},Name ${i},Street ${i}`);
    const text = lines.join('\r\n');
    const whole = await parseCsv(text);
    let checkpoints = 0;
    const pieces = await parseCsv(text, { pieceChars: 64, checkpoint: async () => void (checkpoints += 1) });
    expect(pieces).toEqual(whole);
    expect(whole.rows).toHaveLength(300);
    expect(whole.rows.at(-1)!.line).toBe(301 + Math.ceil(300 / 7));
    expect(checkpoints).toBeGreaterThan(10);
  });

  it('names empty headings by position and numbers repeated ones', async () => {
    const { headers } = await parseCsv('Email,,Email\na,b,c\n');
    expect(headers).toEqual(['Email', 'Column 2', 'Email (2)']);
  });

  it('marks a row whose quotation mark is never closed', async () => {
    const { rows } = await parseCsv('No,Name\nE1,Ann\nE2,"Bob\nE3,Cy\n');
    expect(rows[0]).toEqual({ line: 2, fields: ['E1', 'Ann'] });
    expect(rows[1]!.line).toBe(3);
    expect(rows[1]!.problem).toMatch(/quotation mark .* not closed/);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8, and falls back to Windows-1252 as spreadsheets on Windows save it', async () => {
    expect(await decodeCsvBytes(new TextEncoder().encode('Zoë,Siân'))).toBe('Zoë,Siân');
    // "Zoë" and "£5" in Windows-1252.
    expect(await decodeCsvBytes(Uint8Array.from([0x5a, 0x6f, 0xeb, 0x2c, 0xa3, 0x35]))).toBe('Zoë,£5');
  });

  it('decodes a long file piece by piece without splitting a character', async () => {
    const text = 'Siân,Zoë,Łukasz\n'.repeat(150_000);
    let checkpoints = 0;
    expect(await decodeCsvBytes(new TextEncoder().encode(text), async () => void (checkpoints += 1))).toBe(text);
    expect(checkpoints).toBeGreaterThan(1);
  });
});
