import type { RegisterFacts, RegisterSettings } from '../../../shared/contract/members';
import { memberName } from '../../../shared/contract/members';
import { inspectionRegime } from '../../../shared/rules/inspection';
import { memberIndexRule } from '../../../shared/rules/member-index';
import { gmQuorumFor } from '../../../shared/rules/quorum';
import { retentionRule } from '../../../shared/rules/retention';
import { singleMemberTransitions, type MemberCountChange } from '../../../shared/rules/single-member';
import { sql } from 'kysely';
import type { CommandContext, ReadDb, RegisterCtx, WriteContext } from '../context';
import { registerLastAmended } from '../exports/last-amended';
import { pendingAlterations, registerStateStatement } from '../exports/pending';
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
 * and cessation dates (two index scans, grouped by day), so a large register is not read into
 * memory; only the entries on the few days it passes through one are looked up.
 */
export async function singleMemberStatements(db: ReadDb, rc: RegisterCtx): Promise<RegisterFacts['singleMember']> {
  if (rc.form.family !== 'company') return [];
  const rows = await sql<{ date: string; change: number }>`
    select d as date, sum(c) as change from (
      select admitted_on as d, 1 as c from member where organisation_id = ${rc.org.id}
      union all
      select ceased_on as d, -1 as c from member where organisation_id = ${rc.org.id} and ceased_on is not null
    ) as changes group by d order by d`.execute(db);
  const changes: MemberCountChange[] = rows.rows.map((r) => ({ date: r.date, change: Number(r.change) }));
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

/** Everything a copy of the register and the register's pages say about the register itself. */
export async function registerFactsFrom(db: ReadDb, rc: RegisterCtx, plans: readonly ImportPlanFull[]): Promise<RegisterFacts> {
  const family = rc.form.family;
  const [currentMembers, settings, lastAmended, pending, singleMember, quorum] = [
    await currentMemberCount(db, rc.org.id),
    await readRegisterSettings(db, rc.org.id),
    await registerLastAmended(db),
    await pendingAlterations(db, rc, plans),
    await singleMemberStatements(db, rc),
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
