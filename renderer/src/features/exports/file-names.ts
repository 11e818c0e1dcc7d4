import { ukDateOf } from '../../../../shared/rules/legal-date';

/** The parts of a subject access record its file name is made from. */
export interface SubjectAccessSummary {
  generatedAt?: string;
  entries?: { entry?: { id?: string; memberNumber?: number } }[];
}

/**
 * "member-42-subject-access-2026-11-28.json": the member number of the entry asked about and
 * the UK date the record was produced, so files for different people and days never clash.
 */
export function subjectAccessFileName(record: SubjectAccessSummary, memberId: string, now: Date): string {
  const number = record.entries?.find((e) => e.entry?.id === memberId)?.entry?.memberNumber;
  const day = ukDateOf(record.generatedAt ? new Date(record.generatedAt) : now);
  return `member-${number ?? 'record'}-subject-access-${day}.json`;
}
