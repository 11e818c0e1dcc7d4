import { describe, expect, it } from 'vitest';
import { subjectAccessFileName } from './file-names';

describe('subject access file name', () => {
  const record = {
    generatedAt: '2026-06-30T23:30:00.000Z',
    entries: [
      { entry: { id: 'a', memberNumber: 7 } },
      { entry: { id: 'b', memberNumber: 42 } },
    ],
  };

  it('names the entry asked about and the UK day it was produced (BST: 23:30 UTC is the next day)', () => {
    expect(subjectAccessFileName(record, 'b', new Date())).toBe('member-42-subject-access-2026-07-01.json');
    expect(subjectAccessFileName(record, 'a', new Date())).toBe('member-7-subject-access-2026-07-01.json');
  });

  it('falls back to today and a generic name when the record lacks them', () => {
    expect(subjectAccessFileName({}, 'x', new Date('2026-11-28T10:00:00Z'))).toBe('member-record-subject-access-2026-11-28.json');
  });
});
