import type { Decision } from '../../../../shared/contract/decisions';

/**
 * The decisions that may have approved a meeting's minutes: those of other, later meetings,
 * with the ones that mention minutes first (the "Minutes of the previous meeting" item), then
 * newest first. The core checks the one chosen really sits under that item.
 */
export function approvalChoices(decisions: readonly Decision[], meetingId: string): Decision[] {
  const about = (d: Decision) => (/minute/i.test(d.text) ? 0 : 1);
  return decisions
    .filter((d) => d.meetingId !== null && d.meetingId !== meetingId)
    .slice()
    .sort((a, b) => about(a) - about(b) || b.decidedOn.localeCompare(a.decidedOn) || a.id.localeCompare(b.id));
}
