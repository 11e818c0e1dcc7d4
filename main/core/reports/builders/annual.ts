import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { BuiltReport, ReportBuilder, ReportSource } from '../source';
import { boardSection } from './annual-board';
import { ballotsSection } from './annual-ballots';
import { contractsSection } from './annual-contracts';
import { controlSection } from './annual-control';
import { interestsSection } from './annual-interests';
import { generalMeetingsSection, meetingsSection } from './annual-meetings';
import { membershipSection } from './annual-membership';
import { sharesSection } from './annual-shares';
import { periodOf, type SectionResult } from './annual-util';

export { boardSection } from './annual-board';
export { ballotsSection } from './annual-ballots';
export { contractsSection } from './annual-contracts';
export { controlSection } from './annual-control';
export { interestsSection } from './annual-interests';
export { generalMeetingsSection, meetingsSection } from './annual-meetings';
export { membershipSection } from './annual-membership';
export { sharesSection } from './annual-shares';

/**
 * The annual governance report (issue 11, report 1), for members and commissioners: the board,
 * interests, meetings and decisions, general meetings, ballots, membership, shares, contracts and
 * the statement of employee ownership and control, for the period and as at its last day, from
 * the records as they stood (dated entries, and the audit log for what a table keeps only today).
 * Each section is its own small function (annual-*.ts), so the AGM pack and the group report can
 * take the sections they need.
 */
const SECTIONS: { label: string; build: (src: ReportSource) => Promise<SectionResult> }[] = [
  { label: 'The board', build: boardSection },
  { label: 'Interests declared', build: interestsSection },
  { label: 'Meetings and decisions', build: meetingsSection },
  { label: 'General meetings and resolutions', build: generalMeetingsSection },
  { label: 'Ballots and elections', build: ballotsSection },
  { label: 'Membership', build: membershipSection },
  { label: 'Shares', build: sharesSection },
  { label: 'Contracts', build: contractsSection },
  { label: 'Employee ownership and control', build: controlSection },
];

export const annualReport: ReportBuilder = async (src): Promise<BuiltReport> => {
  const p = periodOf(src);
  const out: BuiltReport = { title: `Annual governance report, ${formatLegalDate(p.from)} to ${formatLegalDate(p.to)}`, sections: [], missing: [] };
  for (const [i, s] of SECTIONS.entries()) {
    src.progress(i, SECTIONS.length, s.label);
    await src.checkpoint();
    const r = await s.build(src);
    out.sections.push(r.section);
    out.missing.push(...r.missing);
  }
  src.progress(SECTIONS.length, SECTIONS.length, 'Done');
  return out;
};
