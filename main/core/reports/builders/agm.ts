import type { ReportBuilder } from '../source';
import { buildAgmPack } from './agm-pack';
import { annualReport } from './annual';

/**
 * The AGM pack (agm-pack.ts), embedding the annual governance report as the annual kind builds
 * it (annual.ts), for the financial year ended on or before the pack's date.
 */
export const agmReport: ReportBuilder = (src) => buildAgmPack(src, annualReport);
