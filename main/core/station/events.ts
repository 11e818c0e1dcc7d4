import type { AuditEntry } from '../audit/log';
import type { StationPlan, StationRun } from './types';

/**
 * The station's audit events: a record of how the vote was run (where phones could reach it,
 * from when to when, and what was refused). They change no record and vouch for none. They never
 * hold a voting code, a tracker or a choice; a phone is named by its IP address on the meeting's
 * network, in the event's details rather than its one-line summary.
 */
function entity(plan: StationPlan): Pick<AuditEntry, 'entityType' | 'entityId'> {
  return plan.ballot ? { entityType: 'ballot', entityId: plan.ballot.id } : { entityType: 'written_resolution', entityId: plan.writtenResolution?.id ?? null };
}

function served(plan: StationPlan): string {
  const parts = [plan.ballot ? `“${plan.ballot.title}”` : null, plan.writtenResolution ? 'a members’ written resolution' : null].filter(Boolean);
  return parts.join(' and ');
}

export function startedEvent(plan: StationPlan, url: string): AuditEntry {
  return {
    action: 'station.started',
    ...entity(plan),
    summary: `Voting station started for ${served(plan)} on ${plan.interfaceName}`,
    before: null,
    after: {
      url,
      address: plan.address,
      interfaceName: plan.interfaceName,
      ballotId: plan.ballot?.id ?? null,
      fingerprint: plan.ballot?.fingerprint ?? null,
      writtenResolutionId: plan.writtenResolution?.id ?? null,
    },
    records: [],
  };
}

export function stoppedEvent(run: StationRun, because: string): AuditEntry {
  const { throttled, badCodes, usedCodes } = run.refusals;
  return {
    action: 'station.stopped',
    ...entity(run.plan),
    summary: `Voting station stopped: ${because}`,
    before: { url: run.url, startedAt: run.startedAt },
    after: { because, refusals: { throttled, badCodes, usedCodes }, unloggedThrottles: run.unloggedThrottles },
    records: [],
  };
}

export const THROTTLE_WORDS = {
  requests: (limit: number, seconds: number) => `more than ${limit} requests in ${seconds / 60 === 1 ? 'a minute' : `${seconds / 60} minutes`}`,
  code_tries: (limit: number, seconds: number) => `one code tried more than ${limit} times in ${seconds / 60} minutes`,
  wrong_codes: (limit: number, seconds: number) => `${limit} wrong codes in ${seconds / 60} minutes`,
} as const;

export function throttledEvent(plan: StationPlan, e: { reason: keyof typeof THROTTLE_WORDS; client: string; limit: number; windowSeconds: number }): AuditEntry {
  return {
    action: 'station.throttled',
    ...entity(plan),
    summary: `A phone was throttled by the voting station: ${THROTTLE_WORDS[e.reason](e.limit, e.windowSeconds)}`,
    before: null,
    after: { client: e.client, reason: e.reason, limit: e.limit, windowSeconds: e.windowSeconds },
    records: [],
  };
}
