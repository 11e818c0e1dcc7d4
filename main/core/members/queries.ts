import type { ReadDb } from '../context';
import type { ListInput, MemberRow } from '../../../shared/contract/members';
import { prefixUpperBound } from '../../../shared/rules/fold';
import type { MemberRowDb } from '../db/schema';
import { emailKey, foldQuery, normaliseEmployeeNumber, toMemberRow } from './columns';

/**
 * Reading the register at any size: keyset pages over the name and number indexes (never
 * OFFSET, whose cost grows with depth), and as-you-type search as a few index range scans.
 */
const ROW_COLUMNS = ['id', 'member_number', 'given_names', 'family_name', 'class_id', 'admitted_on', 'ceased_on', 'employee_number', 'shares_held', 'sort_key', 'holder_kind'] as const;
type Row = Pick<MemberRowDb, (typeof ROW_COLUMNS)[number]>;

export interface RegisterScope {
  organisationId: string;
  hasShares: boolean;
}

interface Filters {
  status?: 'current' | 'former' | 'all' | undefined;
  classId?: string | undefined;
  admittedFrom?: string | undefined;
  admittedTo?: string | undefined;
}

function applyFilters<Q extends { where: (...args: any[]) => Q }>(q: Q, f: Filters): Q {
  let out = q;
  if ((f.status ?? 'current') === 'current') out = out.where('ceased_on', 'is', null);
  if (f.status === 'former') out = out.where('ceased_on', 'is not', null);
  if (f.classId) out = out.where('class_id', '=', f.classId);
  if (f.admittedFrom) out = out.where('admitted_on', '>=', f.admittedFrom);
  if (f.admittedTo) out = out.where('admitted_on', '<=', f.admittedTo);
  return out;
}

export async function listPage(db: ReadDb, scope: RegisterScope, input: ListInput): Promise<{ rows: MemberRow[]; next: { sortKey?: string; memberNumber: number } | null }> {
  const limit = input.limit ?? 100;
  const byName = (input.sort ?? 'name') === 'name';
  const desc = input.direction === 'desc';
  const cmp = desc ? '<' : '>';
  const cmpStart = desc ? '<=' : '>=';
  let q = applyFilters(db.selectFrom('member').select(ROW_COLUMNS).where('organisation_id', '=', scope.organisationId), input);
  if (input.after) {
    const after = input.after;
    if (byName) {
      q = q.where((eb) => eb(eb.refTuple('sort_key', 'member_number'), cmp, eb.tuple(after.sortKey ?? '', after.memberNumber)));
    } else {
      q = q.where('member_number', cmp, after.memberNumber);
    }
  } else if (input.startAt) {
    const start = input.startAt.trim();
    if (!byName && /^\d+$/.test(start)) q = q.where('member_number', cmpStart, Number(start));
    else if (byName) {
      // Descending, the names that begin with the prefix sort after the prefix itself ("sm" < "smith"), so they are kept too.
      const key = foldQuery(start);
      q = desc ? q.where('sort_key', '<', prefixUpperBound(key)) : q.where('sort_key', '>=', key);
    }
  }
  q = byName
    ? q.orderBy('sort_key', desc ? 'desc' : 'asc').orderBy('member_number', desc ? 'desc' : 'asc')
    : q.orderBy('member_number', desc ? 'desc' : 'asc');
  const rows = await q.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => toMemberRow(r, scope.hasShares)),
    next: rows.length > limit && last ? (byName ? { sortKey: last.sort_key, memberNumber: last.member_number } : { memberNumber: last.member_number }) : null,
  };
}

/** Counts beyond this are reported as "more than" (a date-filtered count reads index entries). */
export const COUNT_CAP = 100_000;

/**
 * How many entries match. Status and class alone are answered from the tally the triggers of
 * migration 0003 keep; an admission-date filter counts index entries, up to COUNT_CAP.
 */
export async function countMembers(db: ReadDb, scope: RegisterScope, f: Filters): Promise<{ count: number; atLeast: boolean }> {
  const status = f.status ?? 'current';
  if (!f.admittedFrom && !f.admittedTo) {
    let q = db
      .selectFrom('member_tally')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('current'), eb.lit(0)).as('current'), eb.fn.coalesce(eb.fn.sum<number>('former'), eb.lit(0)).as('former')])
      .where('organisation_id', '=', scope.organisationId);
    if (f.classId) q = q.where('class_id', '=', f.classId);
    const t = await q.executeTakeFirstOrThrow();
    const count = status === 'current' ? Number(t.current) : status === 'former' ? Number(t.former) : Number(t.current) + Number(t.former);
    return { count, atLeast: false };
  }
  const inner = applyFilters(db.selectFrom('member').select('id').where('organisation_id', '=', scope.organisationId), f).limit(COUNT_CAP + 1);
  const row = await db.selectFrom(inner.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > COUNT_CAP ? { count: COUNT_CAP, atLeast: true } : { count: n, atLeast: false };
}

/**
 * Search as you type. The query is folded like the stored names, then matched as a prefix of
 * the family-first key ("dubois emi"), the given-first key ("emilie dub") and the extra name
 * tokens; digits also match a member number exactly; an @ searches e-mail addresses; and the
 * query is tried as the start of an employee number. Each is an index range scan that stops
 * at `limit`, so a one-letter query is as quick as a full name.
 */
export async function searchMembers(
  db: ReadDb,
  scope: RegisterScope,
  input: { query: string; status?: 'current' | 'former' | 'all' | undefined; classId?: string | undefined; limit?: number | undefined },
): Promise<{ rows: MemberRow[]; more: boolean }> {
  const limit = input.limit ?? 50;
  const filters: Filters = { status: input.status ?? 'all', classId: input.classId };
  const raw = input.query.trim();
  const folded = foldQuery(raw);
  const base = () => applyFilters(db.selectFrom('member').select(ROW_COLUMNS).where('organisation_id', '=', scope.organisationId), filters);
  const found = new Map<string, Row>();
  const add = (rows: Row[]) => {
    for (const r of rows) if (!found.has(r.id)) found.set(r.id, r);
  };

  if (/^\d+$/.test(raw)) {
    add(await base().where('member_number', '=', Number(raw)).execute());
  }
  if (raw.includes('@')) {
    const key = emailKey(raw);
    add(await base().where('email_key', '>=', key).where('email_key', '<', prefixUpperBound(key)).orderBy('email_key').limit(limit + 1).execute());
  }
  const employee = normaliseEmployeeNumber(raw);
  if (employee.length > 0 && /^[A-Z0-9][A-Z0-9/_.-]*$/.test(employee)) {
    add(
      await base()
        .where('employee_number', '>=', employee)
        .where('employee_number', '<', prefixUpperBound(employee))
        .orderBy('employee_number')
        .limit(limit + 1)
        .execute(),
    );
  }
  if (folded.length > 0) {
    const upper = prefixUpperBound(folded);
    add(await base().where('sort_key', '>=', folded).where('sort_key', '<', upper).orderBy('sort_key').orderBy('member_number').limit(limit + 1).execute());
    if (found.size <= limit) {
      add(await base().where('given_key', '>=', folded).where('given_key', '<', upper).orderBy('given_key').limit(limit + 1).execute());
    }
    const firstWord = folded.split(' ')[0]!;
    if (found.size <= limit && firstWord.length >= 2) {
      // Two steps, so the token index drives the lookup rather than a scan of the register.
      const ids = await db
        .selectFrom('member_name_token')
        .select('member_id')
        .where('organisation_id', '=', scope.organisationId)
        .where('token', '>=', firstWord)
        .where('token', '<', prefixUpperBound(firstWord))
        .orderBy('token')
        .limit(limit + 1)
        .execute();
      if (ids.length > 0) {
        const rest = folded.slice(firstWord.length).trim();
        let tq = base().where('id', 'in', ids.map((x) => x.member_id));
        // Further words must appear in one of the keys ("anne smi" → Mary Anne Smith).
        if (rest) tq = tq.where((eb) => eb.or([eb('sort_key', 'like', `%${rest}%`), eb('given_key', 'like', `%${rest}%`)]));
        add(await tq.execute());
      }
    }
  }
  const all = [...found.values()].sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.member_number - b.member_number));
  return { rows: all.slice(0, limit).map((r) => toMemberRow(r, scope.hasShares)), more: all.length > limit };
}
