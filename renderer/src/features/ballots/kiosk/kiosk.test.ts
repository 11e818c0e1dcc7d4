import { describe, expect, test } from 'vitest';
import type { BallotQuestion } from '../../../../../shared/contract/ballots';
import { codeProblem, formatCode } from './code';
import { codesCsv, fileNameFor, rollCsv } from './csv';
import { questionsForDisplay } from './display';
import { canCheckIn, statusWords } from './roll-status';
import { qrPath } from './qr';
import { countKey, parsePaperBatch } from './paper-counts';

const Q: BallotQuestion[] = [
  {
    id: 'q-elect',
    position: 2,
    kind: 'election',
    text: 'Election of directors',
    resolutionKind: null,
    resolutionId: null,
    min: 0,
    max: 2,
    choices: [
      { id: 'c1', label: 'Amara Okafor', statement: 'Care worker.' },
      { id: 'c2', label: 'Ben Hughes', statement: null },
      { id: 'c3', label: 'Carys Jones', statement: '' },
    ],
  },
  {
    id: 'q-r1',
    position: 0,
    kind: 'resolution',
    text: 'To receive the accounts',
    resolutionKind: 'ordinary',
    resolutionId: null,
    min: 1,
    max: 1,
    choices: ['For', 'Against', 'Abstain'].map((l) => ({ id: `r1-${l}`, label: l, statement: null })),
  },
  {
    id: 'q-r2',
    position: 1,
    kind: 'resolution',
    text: 'To adopt new articles',
    resolutionKind: 'special',
    resolutionId: null,
    min: 1,
    max: 1,
    choices: ['For', 'Against', 'Abstain'].map((l) => ({ id: `r2-${l}`, label: l, statement: null })),
  },
];

describe('the voting screen’s questions', () => {
  test('are in the ballot’s order, resolutions numbered as in the notice, seats from the election’s limit', () => {
    const d = questionsForDisplay(Q);
    expect(d.map((x) => x.questionId)).toEqual(['q-r1', 'q-r2', 'q-elect']);
    expect(d[0]).toEqual({ kind: 'resolution', questionId: 'q-r1', number: 1, text: 'To receive the accounts', resolutionType: 'ordinary' });
    expect(d[1]).toMatchObject({ number: 2, resolutionType: 'special' });
    expect(d[2]).toEqual({
      kind: 'election',
      questionId: 'q-elect',
      title: 'Election of directors',
      seats: 2,
      candidates: [{ choiceId: 'c1', name: 'Amara Okafor', statement: 'Care worker.' }, { choiceId: 'c2', name: 'Ben Hughes' }, { choiceId: 'c3', name: 'Carys Jones' }],
    });
  });
});

describe('CSV files', () => {
  test('the roll carries names and numbers only, with a byte-order mark and CRLF', () => {
    const text = rollCsv([
      { memberNumber: 1, name: 'Ann Example' },
      { memberNumber: 12, name: 'O’Brien, Siobhán' },
    ]);
    expect(text).toBe('\uFEFFMember number,Name\r\n1,Ann Example\r\n12,"O’Brien, Siobhán"\r\n');
  });

  test('a name that would run as a formula is written as text', () => {
    expect(rollCsv([{ memberNumber: 3, name: '=HYPERLINK("http://x","y")' }])).toContain(`3,"'=HYPERLINK(""http://x"",""y"")"`);
  });

  test('the mail-merge file has the number, the name and the code', () => {
    expect(codesCsv([{ memberNumber: 7, name: 'Bea Jones', code: 'ABCD-EFGH-JKMN-PQRS' }])).toBe('\uFEFFMember number,Name,Voting code\r\n7,Bea Jones,ABCD-EFGH-JKMN-PQRS\r\n');
  });

  test('file names come from the ballot’s title', () => {
    expect(fileNameFor('AGM 2026: poll on the Articles', 'roll')).toBe('agm-2026-poll-on-the-articles-roll.csv');
    expect(fileNameFor('Élection du conseil', 'codes')).toBe('election-du-conseil-codes.csv');
    expect(fileNameFor('!!!', 'roll')).toBe('ballot-roll.csv');
  });
});

describe('a teller’s paper batch', () => {
  const full = (value: string) => {
    const counts: Record<string, string> = {};
    [3, 3, 3].forEach((n, qi) => {
      for (let ci = 0; ci < n; ci += 1) counts[countKey(qi, ci)] = value;
    });
    return counts;
  };

  test('is put in the ballot’s order of questions and choices', () => {
    const counts = full('0');
    counts[countKey(0, 0)] = '12';
    counts[countKey(0, 1)] = ' 1,204 ';
    counts[countKey(2, 2)] = '5';
    const r = parsePaperBatch(Q, { label: ' Box 1 ', teller: 'Ann Teller', counts, spoilt: '2' });
    expect(r).toEqual({
      ok: true,
      value: {
        label: 'Box 1',
        teller: 'Ann Teller',
        counts: [
          [12, 1204, 0],
          [0, 0, 0],
          [0, 0, 5],
        ],
        spoilt: 2,
      },
    });
  });

  test('names each blank or broken count, in the order of the form', () => {
    const counts = full('1');
    counts[countKey(0, 1)] = '';
    counts[countKey(2, 0)] = '2.5';
    const r = parsePaperBatch(Q, { label: '', teller: 'Ann', counts, spoilt: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { key: 'label', message: 'Enter the batch’s label, as written on its envelope or bundle (for example “Box 1”).' },
      { key: 'q0c1', message: 'Enter the number of votes for “Against” (question 1), or 0 if there are none.' },
      { key: 'q2c0', message: 'Enter the number of votes for “Amara Okafor” (question 3) as a whole number, like 12.' },
      { key: 'spoilt', message: 'Enter the number of spoilt papers as a whole number, like 12.' },
    ]);
  });
});

describe('a voting code typed at the kiosk', () => {
  test('is read whatever its case, spacing and dashes, with I, L and O as 1, 1 and 0', () => {
    expect(codeProblem(' abcd efgh-jkmn pqrs ')).toBeNull();
    expect(formatCode('abcdefghjkmnpqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(formatCode('ILO0-0000-0000-0000')).toBe('1100-0000-0000-0000');
  });

  test('is refused, saying why, when it is short, has other signs or a U', () => {
    expect(codeProblem('')).toBe('Enter the voting code from your ballot letter.');
    expect(codeProblem('ABCD-EFGH-JKMN')).toBe('A voting code has 16 letters and numbers, in four groups of four; you entered 12. Check it against your ballot letter.');
    expect(codeProblem('ABCD-EFGH-JKMN-PQR!')).toBe('A voting code has only letters and numbers. Check it against your ballot letter.');
    expect(codeProblem('ABCD-EFGH-JKMN-PQRU')).toBe('A voting code never has the letter U. Check it against your ballot letter.');
  });
});

describe('the QR code on a ballot letter', () => {
  test('is a square of modules with a quiet zone, drawn as one path', () => {
    const { size, path } = qrPath('ABCD-EFGH-JKMN-PQRS');
    // Version 1 (21 modules) or 2 (25) for 19 characters at level M, plus 4 on each side.
    expect([29, 33]).toContain(size);
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    // The top-left finder pattern starts at the quiet zone's edge.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
    expect(qrPath('ABCD-EFGH-JKMN-PQRS').path).toBe(path);
    expect(qrPath('ABCD-EFGH-JKMN-PQRT').path).not.toBe(path);
  });
});

describe('a voter’s line at check-in', () => {
  test('says whether and by which channel they voted, and offers check-in only before a vote in person', () => {
    expect(statusWords({ votedBy: null, paperSerial: null })).toBe('Not voted yet');
    expect(statusWords({ votedBy: 'kiosk', paperSerial: null })).toBe('Already voted at the kiosk');
    expect(statusWords({ votedBy: 'code', paperSerial: null })).toBe('Already voted with a voting code');
    expect(statusWords({ votedBy: 'paper', paperSerial: 'P-001' })).toBe('Given paper ballot P-001');
    expect(statusWords({ votedBy: 'proxy', paperSerial: null })).toMatch(/replaces the proxy’s vote/);
    expect([null, 'proxy', 'kiosk', 'code', 'phone', 'paper'].map((v) => canCheckIn({ votedBy: v as never }))).toEqual([true, true, false, false, false, false]);
  });
});
