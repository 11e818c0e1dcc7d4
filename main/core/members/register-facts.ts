import type { RegisterFacts, RegisterSettings } from '../../../shared/contract/members';
import { memberName } from '../../../shared/contract/members';
import { inspectionRegime } from '../../../shared/rules/inspection';
import { memberIndexRule } from '../../../shared/rules/member-index';
import { gmQuorumFor } from '../../../shared/rules/quorum';
import { retentionRule } from '../../../shared/rules/retention';
import { singleMemberTransitions, type MemberCountChange } from '../../../shared/rules/single-member';
import type { CommandContext, ReadDb, RegisterCtx, WriteContext } from '../context';
import { registerLastAmended } from '../exports/last-amended';
import { importPlanAlterations, pendingAlterations, registerStateStatement } from '../exports/pending';
import type { ImportPlanFull } from '../hr-import/plan';
import { importSessions } from '../hr-import/sessions';
import { readRegisterSettings, updateSettings } from './settings';

/** Current members, joint holders counting as one (they are one entry). From the tally the triggers keep. */
export async function currentMemberCount(db: ReadDb, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('member_tally')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('current'), eb.lit(0)).as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The s123 statements of a company's register (shared/rules/single-member.ts), each with the
 * entry it goes with. The number of members on each day is counted in SQL from the admission
 * and cessation dates, each grouped by day along its own covering index (no sort, nothing read
 * into memory but one row per day); only the entries on the few days it passes through one are
 * then looked up.
 */
export async function singleMemberStatements(db: ReadDb, rc: RegisterCtx): Promise<RegisterFacts['singleMember']> {
  if (rc.form.family !== 'company') return [];
  const admitted = await db
    .selectFrom('member')
    .select((eb) => ['admitted_on as date', eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', rc.org.id)
    .groupBy('admitted_on')
    .execute();
  const ceased = await db
    .selectFrom('member')
    .select((eb) => ['ceased_on as date', eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', rc.org.id)
    .where('ceased_on', 'is not', null)
    .groupBy('ceased_on')
    .execute();
  const changes: MemberCountChange[] = [
    ...admitted.map((r) => ({ date: r.date, change: Number(r.n) })),
    ...ceased.map((r) => ({ date: r.date!, change: -Number(r.n) })),
  ];
  const out: RegisterFacts['singleMember'] = [];
  for (const t of singleMemberTransitions(rc.legalForm, rc.org.incorporated_on, changes)) {
    const sole = await db
      .selectFrom('member')
      .select(['id', 'member_number', 'given_names', 'family_name', 'holder_kind'])
      .where('organisation_id', '=', rc.org.id)
      .where('admitted_on', '<=', t.soleOn)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', t.soleOn)]))
      .limit(1)
      .executeTakeFirst();
    // An entry removed under s121 takes its statements with it.
    if (!sole) continue;
    out.push({
      statement: t.statement,
      date: t.date,
      on: t.on,
      source: t.source,
      against: t.against,
      memberId: sole.id,
      memberNumber: sole.member_number,
      name: memberName({ kind: sole.holder_kind === 'organisation' ? 'organisation' : 'individual', givenNames: sole.given_names, familyName: sole.family_name }),
    });
  }
  return out;
}

async function rulesQuorum(db: ReadDb, organisationId: string): Promise<number | null> {
  const row = await db.selectFrom('governing_rules').select('gm_quorum').where('organisation_id', '=', organisationId).executeTakeFirst();
  return row?.gm_quorum ?? null;
}

/**
 * The parts of the facts that read the whole register (the s123 statements, the cessations due)
 * depend only on the records and today's date, so they are kept for the audit head they were
 * read at: the register page and the exports page ask for them again after every change
 * anywhere, and a large register is then read once per change, not once per request.
 */
const scanned = new Map<string, { singleMember: RegisterFacts['singleMember']; cessationsDue: RegisterFacts['pending'] }>();

async function scannedFacts(db: ReadDb, rc: RegisterCtx) {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const key = `${rc.org.id}:${head?.seq ?? 0}:${head?.hash ?? ''}:${rc.today}`;
  let found = scanned.get(key);
  if (!found) {
    found = { singleMember: await singleMemberStatements(db, rc), cessationsDue: await pendingAlterations(db, rc, []) };
    // One register at a time is all a core shows; keep a few for tests and several open files.
    if (scanned.size >= 8) scanned.delete(scanned.keys().next().value!);
    scanned.set(key, found);
  }
  return found;
}

/** Everything a copy of the register and the register's pages say about the register itself. */
export async function registerFactsFrom(db: ReadDb, rc: RegisterCtx, plans: readonly ImportPlanFull[]): Promise<RegisterFacts> {
  const family = rc.form.family;
  const { singleMember, cessationsDue } = await scannedFacts(db, rc);
  const [currentMembers, settings, lastAmended, pending, quorum] = [
    await currentMemberCount(db, rc.org.id),
    await readRegisterSettings(db, rc.org.id),
    await registerLastAmended(db, rc.org.id),
    [...cessationsDue, ...importPlanAlterations(rc, plans)],
    await rulesQuorum(db, rc.org.id),
  ];
  const { requestLog, source, explanation } = inspectionRegime(family);
  return {
    family,
    currentMembers,
    singleMember,
    quorum: gmQuorumFor(rc.legalForm, currentMembers, quorum),
    index: memberIndexRule(family, currentMembers, settings.registerIsIndex),
    retention: retentionRule(family, settings.retentionYears),
    settings,
    lastAmended,
    stateStatement: registerStateStatement(lastAmended, pending, family),
    pending,
    inspection: { requestLog, source, explanation },
  };
}

/** The HR import plans checked and not yet applied, held by this core in memory. */
export function pendingImportPlans(ctx: Pick<CommandContext, 'uploads'>): ImportPlanFull[] {
  return importSessions(ctx.uploads).pendingPlans();
}

export async function registerFacts(ctx: CommandContext): Promise<RegisterFacts> {
  return registerFactsFrom(ctx.db, await ctx.register(), pendingImportPlans(ctx));
}

export async function updateRegisterSettings(tx: WriteContext, input: RegisterSettings): Promise<RegisterSettings> {
  return updateSettings(tx, await tx.register(), input);
}
