import type { ReadDb } from '../context';
import { describeDifferences, readSealedRecord, sealJson, sha256 } from './seal';

export interface SealCheck {
  ok: boolean;
  /** Each thing found wrong, in words, most telling first. */
  problems: string[];
  /** One message for the secretary. */
  message: string;
  sealedSha256: string | null;
  eventSeq: number | null;
}

/** The audit event that sealed the minutes, and the SHA-256 it recorded (null if none). */
export async function sealEvent(db: ReadDb, minutesId: string): Promise<{ seq: number; hash: string; at: string; sha256: string | null } | null> {
  const ev = await db
    .selectFrom('audit_event as e')
    .leftJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.hash', 'e.at', 'p.body'])
    .where('e.entity_type', '=', 'minutes')
    .where('e.entity_id', '=', minutesId)
    .where('e.action', '=', 'minutes.signed')
    .orderBy('e.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!ev) return null;
  let recorded: string | null;
  try {
    const after = (JSON.parse(ev.body ?? 'null') as { after?: { sha256?: unknown } } | null)?.after;
    recorded = typeof after?.sha256 === 'string' ? after.sha256 : null;
  } catch {
    recorded = null;
  }
  return { seq: ev.seq, hash: ev.hash, at: ev.at, sha256: recorded };
}

/**
 * Checks signed minutes against their seal: the sealed record kept with them against its
 * SHA-256, that SHA-256 against the one the audit event recorded when they were signed, and the
 * record recomputed from the rows now against both, naming what differs. Optionally also against
 * a SHA-256 typed from a printed copy.
 */
export async function checkSeal(db: ReadDb, minutesId: string, typed?: string): Promise<SealCheck> {
  const row = await db.selectFrom('minutes').selectAll().where('id', '=', minutesId).executeTakeFirst();
  if (!row) return { ok: false, problems: ['these minutes are not on record'], message: 'These minutes are not on record.', sealedSha256: null, eventSeq: null };
  if (row.status !== 'signed' || !row.sealed_sha256 || !row.sealed_record) {
    return { ok: false, problems: ['not signed'], message: 'These minutes have not been signed, so nothing is sealed yet.', sealedSha256: null, eventSeq: null };
  }
  const sealed = row.sealed_sha256;
  const problems: string[] = [];
  if (sha256(row.sealed_record) !== sealed) problems.push('the sealed record kept with the minutes no longer matches its SHA-256');
  const event = await sealEvent(db, minutesId);
  if (!event) problems.push('no audit event records the seal');
  else if (event.sha256 !== sealed) problems.push(`the SHA-256 kept with the minutes differs from the one the audit log recorded when they were signed (event #${event.seq})`);
  const current = sealJson(await readSealedRecord(db, row));
  const currentSha = sha256(current);
  if (currentSha !== sealed || currentSha !== event?.sha256) {
    const differences = describeDifferences(row.sealed_record, current);
    if (differences.length > 0) problems.push(...differences);
    else if (currentSha !== sealed && problems.length === 0) problems.push('the meeting’s record no longer hashes to the sealed SHA-256');
  }
  const typedSha = typed?.trim().toLowerCase();
  const typedMismatch = typedSha !== undefined && typedSha !== sealed;
  if (problems.length > 0) {
    const first = problems[0]!;
    return {
      ok: false,
      problems,
      message: `These minutes do not match their seal: ${first}${problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).join('; ')})` : ''}. They were changed outside the app after they were signed.`,
      sealedSha256: sealed,
      eventSeq: event?.seq ?? null,
    };
  }
  if (typedMismatch) {
    return {
      ok: false,
      problems: ['the SHA-256 typed differs'],
      message: `The SHA-256 you typed (${typedSha}) is not the one these minutes were sealed with (${sealed}): the copy it came from is not of these minutes as signed, or was mistyped.`,
      sealedSha256: sealed,
      eventSeq: event?.seq ?? null,
    };
  }
  return {
    ok: true,
    problems: [],
    message: `These minutes match their seal: SHA-256 ${sealed}, recorded in the audit log as event #${event!.seq} when they were signed${typedSha !== undefined ? ', and the SHA-256 you typed' : ''}.`,
    sealedSha256: sealed,
    eventSeq: event!.seq,
  };
}
