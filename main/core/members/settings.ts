import type { RegisterSettings } from '../../../shared/contract/members';
import type { StateReader } from '../audit/state';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { AppError } from '../errors';

/**
 * Settings of the register the law leaves to the organisation, kept in app_setting under
 * 'register.*' and vouched for by the audit log as one record per organisation:
 * - 'register.isIndex': the register is itself kept in the form of an index of members' names,
 *   so no separate index is needed (CA 2006 s115(1));
 * - 'register.retentionYears': a society's period, under its rules, after which a former
 *   member's entry may be removed (the CCBS Act 2014 sets none; for companies it is CA 2006 s121's
 *   10 years and cannot be changed).
 */
const KEYS = { isIndex: 'register.isIndex', retentionYears: 'register.retentionYears' } as const;

export const DEFAULT_REGISTER_SETTINGS: RegisterSettings = { registerIsIndex: false, retentionYears: null };

export async function readRegisterSettings(db: ReadDb, organisationId: string): Promise<RegisterSettings> {
  const rows = await db.selectFrom('app_setting').select(['key', 'value']).where('organisation_id', '=', organisationId).where('key', 'in', Object.values(KEYS)).execute();
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const years = get(KEYS.retentionYears);
  return { registerIsIndex: get(KEYS.isIndex) === 'true', retentionYears: years === undefined ? null : Number(years) };
}

export async function updateSettings(tx: WriteContext, rc: RegisterCtx, next: RegisterSettings): Promise<RegisterSettings> {
  if (rc.form.family === 'company' && next.retentionYears !== null) {
    throw AppError.field(
      'retentionYears',
      'A company may remove a former member’s entry 10 years after they ceased to be a member (CA 2006 s121); the period is set by law, so leave this empty.',
    );
  }
  const before = await readRegisterSettings(tx.db, rc.org.id);
  if (before.registerIsIndex === next.registerIsIndex && before.retentionYears === next.retentionYears) return before;
  const upsert = (key: string, value: string) =>
    tx.db
      .insertInto('app_setting')
      .values({ organisation_id: rc.org.id, key, value, updated_at: tx.who.at })
      .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value, updated_at: tx.who.at }))
      .execute();
  await upsert(KEYS.isIndex, next.registerIsIndex ? 'true' : 'false');
  if (next.retentionYears === null) {
    await tx.db.deleteFrom('app_setting').where('organisation_id', '=', rc.org.id).where('key', '=', KEYS.retentionYears).execute();
  } else {
    await upsert(KEYS.retentionYears, String(next.retentionYears));
  }
  const changes = [
    before.registerIsIndex !== next.registerIsIndex ? (next.registerIsIndex ? 'the register is itself an index of members (CA 2006 s115)' : 'the register is not itself an index of members (CA 2006 s115)') : null,
    before.retentionYears !== next.retentionYears
      ? next.retentionYears === null
        ? 'the rules set no period for removing former members’ entries'
        : `the rules allow former members’ entries to be removed ${next.retentionYears} year${next.retentionYears === 1 ? '' : 's'} after they ceased`
      : null,
  ].filter(Boolean);
  tx.audit({
    action: 'register.settings_changed',
    entityType: 'register_setting',
    entityId: rc.org.id,
    summary: `Register settings: ${changes.join('; ')}`,
    before,
    after: next,
  });
  return next;
}

/** The register settings of an organisation, as the audit log vouches for them. */
export const registerSettingState: StateReader = {
  type: 'register_setting',
  describe: async () => 'the register’s settings',
  read: async (db, ids) => {
    const rows = await db.selectFrom('app_setting').select(['organisation_id', 'key', 'value']).where('organisation_id', 'in', ids).where('key', 'in', Object.values(KEYS)).execute();
    const out = new Map<string, Record<string, string>>();
    for (const r of rows) {
      let state = out.get(r.organisation_id);
      if (!state) out.set(r.organisation_id, (state = {}));
      state[r.key] = r.value;
    }
    return out;
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('app_setting').select('organisation_id').distinct().where('key', 'in', Object.values(KEYS)).orderBy('organisation_id').limit(limit);
    if (after !== null) q = q.where('organisation_id', '>', after);
    return (await q.execute()).map((r) => r.organisation_id);
  },
};
