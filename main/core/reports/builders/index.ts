import type { ReportKind } from '../../../../shared/contract/reports';
import type { ReportBuilder } from '../source';
import { agmReport } from './agm';
import { annualReport } from './annual';
import { buildCic34 } from './cic34';
import { buildEot } from './eot';
import { groupReport } from './group';
import { buildSocietyReturn } from './society-return';
import { effectivenessReport } from './effectiveness';

/**
 * One builder per report kind, each in its own file. A kind without a builder yet is refused by
 * reports.build with a clear message (the catalogue marks it unavailable).
 */
export const BUILDERS: Partial<Record<ReportKind, ReportBuilder>> = {
  annual: annualReport,
  cic34: buildCic34,
  societyReturn: buildSocietyReturn,
  eot: buildEot,
  group: groupReport,
  agm: agmReport,
  effectiveness: effectivenessReport,
};
