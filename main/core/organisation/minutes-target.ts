import { DEFAULT_MINUTES_TARGET_DAYS, type MinutesTargetView } from '../../../shared/contract/organisation';
import { addDays, ukDateOf } from '../../../shared/rules/legal-date';
import type { StateReader } from '../audit/state';
import type { ReadDb, WriteContext } from '../context';
import type { OrganisationRow } from '../db/schema';

/**
 * The secretary's target for minutes: approved and signed within this many days of the meeting
 * (issue 11, report 6). Not a rule of the governing document (governing_rules) and not a mere
 * preference: reports judge minutes against it, so it is kept in app_setting under
 * 'minutes.targetDays' but changed only by `organisation.setMinutesTarget`, whose
 * 'settings.minutes_target_set' event carries the target before and after and vouches for the
 * setting's state. A report as at a date reads the target as it stood at the end of that UK day
 * from those events (`minutesTargetOnDate`), so it is the same next year after the target changes.
 */
export const MINUTES_TARGET_KEY = 'minutes.targetDays';
export const MINUTES_TARGET_ACTION = 'settings.minutes_target_set';
export const MINUTES_TARGET_ENTITY = 'minutes_target';

/** The target in force: the secretary's, or the app's default; `setOn` is the UK day it was set. */
export interface MinutesTargetOnDate {
  days: number;
  isDefault: boolean;
  setOn: string | null;
  setAt: string | null;
}

const DEFAULT: MinutesTargetOnDate = { days: DEFAULT_MINUTES_TARGET_DAYS, isDefault: true, setOn: null, setAt: null };

/** The events that set the target, latest first; those after `endOfDay` (a UK date) left out. */
async function targetEvents(db: ReadDb, organisationId: string, endOfDay: string | null) {
  let q = db
    .selectFrom('audit_event as e')
    .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.at', 'p.body'])
    // entity_type first, so the audit log's entity index (entity_type, entity_id, seq) finds them.
    .where('e.entity_type', '=', MINUTES_TARGET_ENTITY)
    .where('e.entity_id', '=', organisationId)
    .where('e.action', '=', MINUTES_TARGET_ACTION);
  // Instants are UTC; a UK day ends no later than the next UTC day begins, so look below that and judge each by its UK day.
  if (endOfDay !== null) q = q.where('e.at', '<', `${addDays(endOfDay, 1)}T00:00:00`);
  return q.orderBy('e.seq', 'desc').execute();
}

function fromEvents(rows: { at: string; body: string | null }[], endOfDay: string | null): MinutesTargetOnDate {
  for (const r of rows) {
    const day = ukDateOf(new Date(r.at));
    if (endOfDay !== null && day > endOfDay) continue;
    if (r.body === null) continue;
    const { after } = JSON.parse(r.body) as { after: { days?: unknown } | null };
    if (typeof after?.days !== 'number') continue;
    return { days: after.days, isDefault: false, setOn: day, setAt: r.at };
  }
  return DEFAULT;
}

/** The target as it stood at the end of the UK day `on`: the latest setting on or before it, else the app's default. */
export async function minutesTargetOnDate(db: ReadDb, organisationId: string, on: string): Promise<MinutesTargetOnDate> {
  return fromEvents(await targetEvents(db, organisationId, on), on);
}

/** The target now, as the setting holds it (its date from the event that set it). */
export async function currentMinutesTarget(db: ReadDb, organisationId: string): Promise<MinutesTargetOnDate> {
  const row = await db.selectFrom('app_setting').select('value').where('organisation_id', '=', organisationId).where('key', '=', MINUTES_TARGET_KEY).executeTakeFirst();
  if (!row) return DEFAULT;
  const last = fromEvents(await targetEvents(db, organisationId, null), null);
  return { ...last, days: Number(row.value), isDefault: false };
}

export function toMinutesTargetView(t: MinutesTargetOnDate): MinutesTargetView {
  return { days: t.days, isDefault: t.isDefault, defaultDays: DEFAULT_MINUTES_TARGET_DAYS, setOn: t.setOn, setAt: t.setAt };
}

/** Sets the target (input checked by the contract: 1 to 365 days), with the event reports read it from. */
export async function setMinutesTarget(tx: WriteContext, org: OrganisationRow, days: number): Promise<MinutesTargetView> {
  const before = await currentMinutesTarget(tx.db, org.id);
  if (!before.isDefault && before.days === days) return toMinutesTargetView(before);
  const value = String(days);
  await tx.db
    .insertInto('app_setting')
    .values({ organisation_id: org.id, key: MINUTES_TARGET_KEY, value, updated_at: tx.who.at })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value, updated_at: tx.who.at }))
    .execute();
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  tx.audit({
    action: MINUTES_TARGET_ACTION,
    entityType: MINUTES_TARGET_ENTITY,
    entityId: org.id,
    // The setting is the organisation's own (its id is the organisation's), so its events are listed with it.
    organisationId: org.id,
    summary: before.isDefault
      ? `Minutes target set: approved and signed within ${plural(days)} of the meeting (was the app’s default of ${plural(before.days)})`
      : `Minutes target changed from ${plural(before.days)} to ${plural(days)} of the meeting`,
    before: before.isDefault ? null : { days: before.days },
    after: { days },
  });
  const at = tx.who.at;
  return { days, isDefault: false, defaultDays: DEFAULT_MINUTES_TARGET_DAYS, setOn: ukDateOf(new Date(at)), setAt: at };
}

/** The target setting of an organisation, as the audit log vouches for it. */
export const minutesTargetState: StateReader = {
  type: MINUTES_TARGET_ENTITY,
  describe: async () => 'the secretary’s target for minutes',
  read: async (db, ids) => {
    const rows = await db.selectFrom('app_setting').select(['organisation_id', 'value']).where('organisation_id', 'in', ids).where('key', '=', MINUTES_TARGET_KEY).execute();
    return new Map(rows.map((r) => [r.organisation_id, { targetDays: r.value }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('app_setting').select('organisation_id').where('key', '=', MINUTES_TARGET_KEY).orderBy('organisation_id').limit(limit);
    if (after !== null) q = q.where('organisation_id', '>', after);
    return (await q.execute()).map((r) => r.organisation_id);
  },
};
