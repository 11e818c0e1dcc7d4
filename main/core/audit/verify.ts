import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { REDACTING_ACTIONS, auditActionLabel } from '../../../shared/domain/audit-actions';
import { GENESIS_HASH, eventHash, sha256Hex } from './chain';
import { stateDigest } from './state';

export type ChainReport =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number | null; problem: string };

interface Row {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  body: string | null;
  has_payload: number;
  redacted_by: string | null;
  chain_version: number;
  state_digest: string | null;
  /** Absent in a file from before migration 0022 (a backup being checked before a restore). */
  organisation_id?: string | null;
}

interface StateRow {
  event_seq: number;
  entity_type: string;
  entity_id: string;
  state_hash: string;
}

export interface VerifyOptions {
  /** Called between batches; a job passes its checkpoint so the host stays responsive. */
  checkpoint?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

/**
 * Recomputes the audit chain from the first event to the head and names the first event that
 * does not fit. Reads in keyset batches so a long log never holds the event loop.
 */
export async function verifyAuditChain(raw: Database.Database, options: VerifyOptions = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 5000;
  const total = Number(raw.prepare('select count(*) from audit_event').pluck().get());
  const head = raw.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string } | undefined;
  const page = raw.prepare(
    `select e.*, p.body, p.event_id is not null as has_payload, p.redacted_by
       from audit_event e left join audit_payload p on p.event_id = e.id
      where e.seq > ? order by e.seq limit ?`,
  );
  const redactor = raw.prepare('select seq, action from audit_event where id = ?');
  const hasStates = raw.prepare("select 1 from sqlite_schema where type = 'table' and name = 'audit_state'").get() !== undefined;
  const hasVersion = hasStates;
  const statesOf = hasStates ? raw.prepare('select * from audit_state where event_seq between ? and ? order by event_seq') : null;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let done = 0;
  // Events written before the log was kept per organisation (chain versions 1 and 2) do not hash
  // the organisation migration 0022 assigned them; the upgrade's `audit.organisations_assigned`
  // event holds a digest of those assignments, recomputed here as the chain is walked.
  const assigned = createHash('sha256').update('mg-audit-organisations-v1\n');
  let lastUnhashed = 0;
  // The first such event with an organisation that no `audit.organisations_assigned` event has
  // vouched for yet: if the start that ran 0022 stopped before recording that event, nothing
  // does, and anyone could move an old event to another organisation unseen.
  let unvouched: { seq: number; where: string } | null = null;
  for (;;) {
    const rows = page.all(lastSeq, batchSize) as Row[];
    if (rows.length === 0) break;
    const states = new Map<number, StateRow[]>();
    if (statesOf) {
      for (const s of statesOf.all(rows[0]!.seq, rows[rows.length - 1]!.seq) as StateRow[]) {
        const list = states.get(s.event_seq);
        if (list) list.push(s);
        else states.set(s.event_seq, [s]);
      }
    }
    for (const r of rows) {
      const where = `Event #${r.seq} (${auditActionLabel(r.action)}, ${r.at.slice(0, 16).replace('T', ' ')} UTC)`;
      if (r.seq !== expectedSeq) {
        return fail(done, expectedSeq, `Event #${expectedSeq} is missing: the log goes from #${expectedSeq - 1} to #${r.seq}, so an event was deleted.`);
      }
      if (r.prev_hash !== prev) {
        return fail(done, r.seq, `${where} does not follow the event before it: events were removed, inserted or reordered.`);
      }
      const version = hasVersion ? r.chain_version : 1;
      const recomputed = eventHash(
        prev,
        {
          seq: r.seq,
          id: r.id,
          at: r.at,
          actor: r.actor,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summary: r.summary,
          payloadHash: r.payload_hash,
          stateDigest: r.state_digest,
          organisationId: r.organisation_id ?? null,
        },
        version,
      );
      if (recomputed !== r.hash) {
        return fail(done, r.seq, `${where} does not match its hash: it was changed after it was written.`);
      }
      const vouched = states.get(r.seq) ?? [];
      const digest = stateDigest(vouched.map((v) => ({ type: v.entity_type, id: v.entity_id, hash: v.state_hash })));
      if (digest !== (hasVersion ? r.state_digest : null) || (version === 1 && vouched.length > 0)) {
        return fail(done, r.seq, `${where} does not match the record states stored beside it: they were changed, added or deleted outside the app.`);
      }
      if (!r.has_payload) {
        return fail(done, r.seq, `${where} has lost its before/after record: it was deleted outside the app.`);
      }
      if (r.body !== null && sha256Hex(r.body) !== r.payload_hash) {
        return fail(done, r.seq, `${where} has a before/after record that was changed after it was written.`);
      }
      if (r.body === null) {
        // Only a later event of a kind the law allows to erase (CA 2006 s121 removal) may have done it.
        const by = r.redacted_by === null ? undefined : (redactor.get(r.redacted_by) as { seq: number; action: string } | undefined);
        if (by === undefined || by.seq <= r.seq || !(REDACTING_ACTIONS as readonly string[]).includes(by.action)) {
          return fail(done, r.seq, `${where} has an erased before/after record with no later event that lawfully erased it.`);
        }
      }
      if (version < 3) {
        assigned.update(`${r.seq}\t${r.organisation_id ?? ''}\n`);
        lastUnhashed = r.seq;
        if (unvouched === null && r.organisation_id != null) unvouched = { seq: r.seq, where };
      } else if (r.action === 'audit.organisations_assigned' && r.body !== null) {
        const after = (JSON.parse(r.body) as { after?: { throughSeq?: number; digest?: string } }).after;
        if (after?.throughSeq !== lastUnhashed || after.digest !== assigned.copy().digest('hex')) {
          return fail(
            done,
            r.seq,
            `${where} does not match the organisations the earlier events (to #${lastUnhashed}) are assigned to: an event's organisation was changed outside the app, so the log could show it to the wrong organisation.`,
          );
        }
        unvouched = null;
      }
      prev = r.hash;
      expectedSeq += 1;
      lastSeq = r.seq;
      done += 1;
    }
    options.onProgress?.(done, total);
    await options.checkpoint?.();
  }
  if (unvouched !== null) {
    return fail(
      done,
      unvouched.seq,
      `${unvouched.where} is assigned to an organisation, but no event vouches for the organisations of the events written before the log was kept per organisation: the assignment may have been changed outside the app, so the log could show it to the wrong organisation. Opening the file in the app records the missing event.`,
    );
  }
  const last = expectedSeq - 1;
  if (hasStates) {
    const stray = raw.prepare('select event_seq from audit_state where event_seq > ? or event_seq < 1 limit 1').pluck().get(last) as number | undefined;
    if (stray !== undefined) return fail(done, null, `The log stores record states for event #${stray}, which does not exist: they were added outside the app.`);
  }
  if (!head) {
    if (last === 0) return { ok: true, events: 0, headHash: GENESIS_HASH };
    return fail(done, null, `The log has ${last} events but no record of its newest event: the head was deleted outside the app.`);
  }
  if (head.seq > last) {
    return fail(done, last + 1, `The log ends at #${last} but the last event the app wrote was #${head.seq}: events were deleted from the end.`);
  }
  if (head.seq < last) {
    const added = head.seq + 1 === last ? `Event #${last} was` : `Events #${head.seq + 1} to #${last} were`;
    return fail(done, head.seq + 1, `${added} added outside the app: the last event the app wrote was #${head.seq}.`);
  }
  if (head.hash !== prev) {
    return fail(done, last, `Event #${last} does not match the head the app recorded: the end of the log was rewritten.`);
  }
  return { ok: true, events: done, headHash: prev };
}

function fail(events: number, brokenSeq: number | null, problem: string): ChainReport {
  return { ok: false, events, brokenSeq, problem };
}
