import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing';
import { CsvTableWriter } from './csv-writer';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function writeCsv(preamble: string[], rows: (string | number | null)[][]): Promise<string[][]> {
  dir = tempDir();
  const path = join(dir, 'out.csv');
  const w = new CsvTableWriter(path);
  await w.start(preamble, [
    { label: 'Name', type: 'text', width: 10 },
    { label: 'Paid', type: 'money', width: 10 },
  ]);
  await w.addRows(rows);
  await w.finish();
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: false }).data;
}

describe('CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula', async () => {
    const dangerous = ['=HYPERLINK("http://evil.example","click")', '+1', '-2', '@SUM(A1:A9)', '\tcmd', '\r=1+1', "=cmd|' /C calc'!A0"];
    const parsed = await writeCsv([], dangerous.map((d) => [d, 150]));
    const body = parsed.slice(1).filter((r) => r.length > 1);
    expect(body.map((r) => r[0])).toEqual(dangerous.map((d) => `'${d}`));
    // Nothing that reaches a spreadsheet starts with a formula trigger.
    for (const row of parsed) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves ordinary text, including inner = and quotes, as it was', async () => {
    const parsed = await writeCsv(['Register of members'], [['Anne-Marie O\'Neil, "Annie"', 12345], ['a=b', null]]);
    expect(parsed[0]).toEqual(['Register of members']);
    expect(parsed[2]).toEqual(['Name', 'Paid']);
    expect(parsed[3]).toEqual(['Anne-Marie O\'Neil, "Annie"', '123.45']);
    expect(parsed[4]).toEqual(['a=b', '']);
  });

  it('neutralises the preamble too', async () => {
    const parsed = await writeCsv(['=1+1'], []);
    expect(parsed[0]).toEqual(["'=1+1"]);
  });
});
