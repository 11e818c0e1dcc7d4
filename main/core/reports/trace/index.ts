import type { ReadDb } from '../../context';
import type { OrganisationRow } from '../../db/schema';
import { AGM_TRACE_SETS } from './agm';
import { ANNUAL_TRACE_SETS } from './annual';
import { GROUP_TRACE_SETS } from './group';
import { REGULATOR_TRACE_SETS } from './regulator';
import { EFFECTIVENESS_TRACE_SETS } from './effectiveness';

/**
 * The records behind a figure, by set name. Each report's sets live in their own file here and are
 * merged below; a set reads the records as they stood on the report's dates (its params carry them).
 */
export interface TraceSet {
  /** The list's heading, from its params ("Members admitted from 1 April 2025 to 31 March 2026"). */
  title(params: Record<string, string | number | boolean | null>): string;
  /** The total and one page of rows, in a stable order. */
  list(
    db: ReadDb,
    org: OrganisationRow,
    params: Record<string, string | number | boolean | null>,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: { id: string; label: string; detail: string; href: string | null }[] }>;
}

export const TRACE_SETS: Record<string, TraceSet> = {
  ...ANNUAL_TRACE_SETS,
  ...REGULATOR_TRACE_SETS,
  ...GROUP_TRACE_SETS,
  ...AGM_TRACE_SETS,
  ...EFFECTIVENESS_TRACE_SETS,
};
