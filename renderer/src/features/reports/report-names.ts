import type { ReportKind } from '../../../../shared/contract/reports';

/** What each report is called before its document arrives (the catalogue and the document carry the core's own titles). */
export const REPORT_NAMES: Record<ReportKind, string> = {
  annual: 'Annual governance report',
  agm: 'AGM pack',
  cic34: 'Community interest company report (CIC34)',
  societyReturn: 'Society annual return data',
  eot: 'Employee ownership trust checks',
  effectiveness: 'Board effectiveness pack',
  group: 'Consolidated group report',
};
