import { describe, expect, test } from 'vitest';
import { CONTRACT_IMPORT_FIELDS, type ContractImportMapping } from '../../../../../shared/contract/contract-import';
import { appliedSentence, extensionsText, mappingProblems, problemsByLine, routeParts, rowsText } from './import-format';

const empty = Object.fromEntries(CONTRACT_IMPORT_FIELDS.map((f) => [f, null])) as ContractImportMapping;

describe('matching the columns', () => {
  test('the reference, title, route and a commissioner (by name or ODS code) must be matched', () => {
    const problems = mappingProblems(empty);
    expect(Object.keys(problems).sort()).toEqual(['commissioner', 'reference', 'route', 'title']);
    expect(problems.commissioner).toBe('Choose the column that names the commissioner, or the one with its ODS code.');
    expect(problems.reference).toBe('Choose the column that holds the contract reference.');
  });

  test('the ODS code alone names the commissioner', () => {
    expect(mappingProblems({ ...empty, commissionerOdsCode: 'ODS', reference: 'Ref', title: 'Title', route: 'Route' })).toEqual({});
  });

  test('one column cannot fill two fields', () => {
    const problems = mappingProblems({ ...empty, commissioner: 'Council', reference: 'Ref', title: 'Ref', route: 'Route' });
    expect(problems).toEqual({ title: 'The column “Ref” already fills contract reference; choose another, or “Not in this file”.' });
  });
});

describe('the plan', () => {
  test('gathers every problem of a row beside it, rows in order, problems in the file’s column order', () => {
    const rows = problemsByLine(
      [
        { line: 5, column: 'End', value: '31/02/2027', reason: '31/02/2027 is not a real date.' },
        { line: 3, column: 'Annual value', value: '-5', reason: 'The annual value cannot be negative.' },
        { line: 5, column: 'Reference', value: '', reason: 'Enter the commissioner’s contract reference.' },
      ],
      ['Reference', 'Commissioner', 'Annual value', 'End'],
    );
    expect(rows.map((r) => r.line)).toEqual([3, 5]);
    expect(rows[1]!.problems.map((p) => p.column)).toEqual(['Reference', 'End']);
  });

  test('says what was applied', () => {
    expect(appliedSentence({ created: 3, commissionersCreated: 1 })).toBe('3 contracts recorded, and 1 commissioner added to the organisations list.');
    expect(appliedSentence({ created: 1, commissionersCreated: 0 })).toBe('1 contract recorded.');
    expect(appliedSentence({ created: 0, commissionersCreated: 0 })).toBe('No contracts were recorded.');
  });

  test('reads extension options in years or months', () => {
    expect(extensionsText([])).toBe('None');
    expect(extensionsText([12])).toBe('1 year');
    expect(extensionsText([12, 24, 6])).toBe('1 year, 2 years and 6 months');
  });
});

test('names routes without their citation, and rows in words', () => {
  expect(routeParts('pa23_open')).toEqual({ name: 'Open procedure', note: 'Procurement Act 2023 s20(2)(a)' });
  expect(routeParts('pcr15_reg77')).toEqual({ name: 'Reserved contract for certain services', note: 'Public Contracts Regulations 2015 reg 77' });
  expect(routeParts('other')).toEqual({ name: 'Other, or transferred to the mutual at spin-out', note: null });
  expect(rowsText([4])).toBe('row 4');
  expect(rowsText([2, 5, 9])).toBe('rows 2, 5 and 9');
});
