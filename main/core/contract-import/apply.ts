import { sql } from 'kysely';
import type { ContractImportApplyResult } from '../../../shared/contract/contract-import';
import type { RegisterCtx, WriteContext } from '../context';
import { AppError } from '../errors';
import type { ContractImportPlanFull, ContractInputParsed, NewCommissioner, PlannedRow, Progress } from './plan';

export const CONFLICT_MESSAGE = 'The records changed since this plan was made; check the file again.';

/**
 * How the import records what it plans, inside the caller's transaction: the organisations
 * list's and the contracts core's own functions (the same checks and audit events as
 * counterparties.create and contracts.create), never a copy of their rules.
 */
export interface ContractWriters {
  addCommissioner(tx: WriteContext, rc: RegisterCtx, c: NewCommissioner): Promise<{ id: string }>;
  createContract(tx: WriteContext, rc: RegisterCtx, input: ContractInputParsed): Promise<{ id: string }>;
}

/** A problem met while recording a row, with the row it is about (for the plan, or an apply that failed). */
export class RowProblem extends Error {
  constructor(
    readonly line: number,
    readonly error: AppError,
  ) {
    super(`Row ${line}: ${error.message}`);
  }
}

/** A problem found for a row while checking it, by the input field it is about ('' for the row as a whole). */
export type RowProblems = Map<number, { field: string; message: string }[]>;

/**
 * Records every planned row: first the organisations the plan adds, then each contract (with
 * its duties, as contracts.create records them), with progress and a checkpoint between slices.
 *
 * To apply ('apply'), it throws on the first problem, naming its row: the caller's transaction
 * then records nothing. To check ('check', a dry run whose transaction the caller rolls back),
 * each row runs inside a savepoint, a row that fails is rolled back to it and its problems
 * (every field the core named) are collected, and the next row is tried.
 */
export async function recordRows(
  tx: WriteContext,
  rc: RegisterCtx,
  newCommissioners: readonly NewCommissioner[],
  rows: readonly PlannedRow[],
  writers: ContractWriters,
  job: Progress | null,
  mode: 'apply' | 'check',
): Promise<{ commissioners: number; contracts: number; problems: RowProblems }> {
  const problems: RowProblems = new Map();
  const note = (line: number, e: AppError) => {
    const list = problems.get(line) ?? [];
    const fields = Object.entries(e.fieldErrors ?? {});
    if (fields.length === 0) list.push({ field: '', message: e.message });
    for (const [field, message] of fields) list.push({ field, message });
    problems.set(line, list);
  };
  /** Runs one row's writes; in a check, inside a savepoint it is rolled back to if they fail. */
  const attempt = async (line: number, write: () => Promise<void>): Promise<boolean> => {
    if (mode === 'apply') {
      try {
        await write();
        return true;
      } catch (e) {
        if (e instanceof AppError) throw new RowProblem(line, e);
        throw e;
      }
    }
    await sql.raw('savepoint contract_import_row').execute(tx.db);
    try {
      await write();
      await sql.raw('release contract_import_row').execute(tx.db);
      return true;
    } catch (e) {
      await sql.raw('rollback to contract_import_row').execute(tx.db);
      await sql.raw('release contract_import_row').execute(tx.db);
      if (!(e instanceof AppError)) throw e;
      note(line, e);
      return false;
    }
  };

  const ids = new Map<string, string>();
  const total = newCommissioners.length + rows.length;
  let done = 0;
  let lastPause = performance.now();
  let commissioners = 0;
  for (const c of newCommissioners) {
    const ok = await attempt(c.lines[0]!, async () => {
      try {
        ids.set(c.key, (await writers.addCommissioner(tx, rc, c)).id);
      } catch (e) {
        // The organisation's problem is the commissioner column's, on every row naming it.
        if (e instanceof AppError) throw new AppError(e.code, e.message, { counterpartyId: e.message });
        throw e;
      }
    });
    if (ok) commissioners += 1;
    else for (const line of c.lines.slice(1)) note(line, new AppError('VALIDATION', problems.get(c.lines[0]!)![0]!.message, { counterpartyId: problems.get(c.lines[0]!)![0]!.message }));
    done += 1;
  }
  job?.progress(done, total, 'Adding the new organisations');
  let contracts = 0;
  for (const row of rows) {
    const counterpartyId = 'existingId' in row.commissioner ? row.commissioner.existingId : ids.get(row.commissioner.newKey);
    done += 1;
    // A row whose new commissioner could not be added has its problem already.
    if (counterpartyId === undefined) continue;
    if (await attempt(row.line, async () => void (await writers.createContract(tx, rc, { ...row.input, counterpartyId })))) contracts += 1;
    // The event loop is given back every 20 ms or so (DESIGN.md: no task holds it over 50 ms).
    if (job && performance.now() - lastPause > 20) {
      job.progress(done, total, mode === 'apply' ? 'Recording the contracts' : 'Checking each contract');
      await job.checkpoint();
      lastPause = performance.now();
    }
  }
  return { commissioners, contracts, problems };
}

/** Why a plan cannot be applied: the problems in the file (all or nothing: no row is recorded while any has one). */
export function cannotApplyMessage(plan: ContractImportPlanFull): string {
  const c = plan.preview.counts;
  if (c.rejected === 0) return 'The file has no contracts to record. Nothing was recorded.';
  return `The file has ${c.rejected} problem${c.rejected === 1 ? '' : 's'}; correct ${c.rejectedRows === 1 ? 'the row' : 'the rows'} listed and check the file again. Nothing was recorded.`;
}

/**
 * Applies a plan in the caller's transaction (on a connection of its own, so the app keeps
 * answering reads): the records must not have changed since it was made, it must have no
 * problems, and then every row is recorded or none is. One 'contract_import.applied' event
 * sums up the file beside the events of each organisation and contract recorded.
 */
export async function applyContractPlan(tx: WriteContext, rc: RegisterCtx, plan: ContractImportPlanFull, writers: ContractWriters, job: Progress): Promise<ContractImportApplyResult> {
  const head = await tx.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  if ((head?.seq ?? 0) !== plan.auditSeq) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  if (!plan.preview.canApply) throw new AppError('VALIDATION', cannotApplyMessage(plan));
  job.progress(0, plan.newCommissioners.length + plan.rows.length, 'Starting');
  const before = tx.auditCount;
  let recorded: { commissioners: number; contracts: number };
  try {
    recorded = await recordRows(tx, rc, plan.newCommissioners, plan.rows, writers, job, 'apply');
  } catch (e) {
    if (e instanceof RowProblem) throw new AppError(e.error.code === 'CONFLICT' ? 'CONFLICT' : 'VALIDATION', `Nothing was recorded: row ${e.line} could not be: ${e.error.message}`);
    throw e;
  }
  tx.audit({
    action: 'contract_import.applied',
    entityType: 'import',
    entityId: null,
    summary: `Contracts spreadsheet of ${plan.preview.counts.rows} row${plan.preview.counts.rows === 1 ? '' : 's'} imported: ${recorded.contracts} contract${recorded.contracts === 1 ? '' : 's'} recorded, ${recorded.commissioners} organisation${recorded.commissioners === 1 ? '' : 's'} added`,
    before: null,
    after: { fileName: plan.fileName, sha256: plan.fileSha256, dateFormat: plan.dateFormat, mapping: plan.mapping, counts: plan.preview.counts },
    records: [],
  });
  const total = plan.newCommissioners.length + plan.rows.length;
  job.progress(total, total, 'Saving everything together');
  return { fileName: plan.fileName, created: recorded.contracts, commissionersCreated: recorded.commissioners, auditEvents: tx.auditCount - before };
}
