import type { z } from 'zod';
import {
  CONTRACT_IMPORT_FIELD_LABEL,
  type ContractImportField,
  type ContractImportMapping,
  type ContractImportPlan,
  type PlannedContract,
} from '../../../shared/contract/contract-import';
import { contractInput, type ProcurementRoute } from '../../../shared/contract/contracts';
import { counterpartyInput, type CounterpartyKind } from '../../../shared/contract/counterparties';
import { normaliseText, textProblem } from '../../../shared/contract/fields';
import type { DateFormat } from '../../../shared/contract/hr-import';
import { checkCpv } from '../../../shared/rules/procurement/cpv';
import type { ReadDb } from '../context';
import { nameKey } from '../counterparties/names';
import type { CsvRow } from '../hr-import/csv';
import { guessKind, parseCpvList, parseExtensions, parseKind, parsePounds, parseRoute, parseUkDate } from './cells';

export interface Progress {
  checkpoint(): Promise<void>;
  progress(done: number, total: number, message?: string): void;
}

export type ContractInputParsed = z.output<typeof contractInput>;
type CounterpartyInputParsed = z.output<typeof counterpartyInput>;

/** Where a row's contract's commissioner comes from: the list, or an organisation the plan adds. */
export type CommissionerRef = { existingId: string } | { newKey: string };

export interface PlannedRow {
  line: number;
  commissioner: CommissionerRef;
  /** The contract as contracts.create takes it, less the commissioner's id (known only when applied). */
  input: Omit<ContractInputParsed, 'counterpartyId'>;
}

export interface NewCommissioner {
  key: string;
  input: CounterpartyInputParsed;
  lines: number[];
}

export interface Rejection {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** A plan as kept between checking and applying; the renderer sees `preview`. */
export interface ContractImportPlanFull {
  planId: string;
  organisationId: string;
  fileName: string;
  fileSha256: string;
  /** The audit head when the plan was made: applying refuses if the records changed since. */
  auditSeq: number;
  mapping: ContractImportMapping;
  dateFormat: DateFormat;
  newCommissioners: NewCommissioner[];
  rows: PlannedRow[];
  preview: ContractImportPlan;
}

export interface PlanInput {
  planId: string;
  organisationId: string;
  fileName: string;
  fileSha256: string;
  headers: readonly string[];
  rows: readonly CsvRow[];
  mapping: ContractImportMapping;
  dateFormat: DateFormat;
  /** Labels the procurement rules give each route, read back as well as the built-in words. */
  routeLabels?: Partial<Record<ProcurementRoute, readonly string[]>>;
}

/**
 * A check of whole contracts with the rules contracts.create applies beyond the shape of each
 * field (dates in order, terms the route allows, CPV codes on the list, a reference not already
 * used): given the rows that passed the field checks, their problems by line, each with the
 * input field it is about. Supplied by the handler (a dry run inside a transaction rolled back).
 */
export type ContractCheck = (rows: readonly PlannedRow[], newCommissioners: readonly NewCommissioner[], job: Progress) => Promise<Map<number, { field: string; message: string }[]>>;

const PREVIEW_AT_MOST = 500;
const REJECTIONS_AT_MOST = 2000;
/** A valid id standing in for the commissioner's while each row's shape is checked. */
const PLACEHOLDER_ID = '00000000-0000-7000-8000-000000000000';

/** Name keys as the list compares names (case and spacing ignored), and with every space removed. */
export function compactKey(name: string): string {
  return nameKey(name).replace(/[\s.,'’-]+/gu, '');
}
/** A reference as the contracts core compares it (case and spacing ignored), so the plan finds the duplicates it would. */
export function referenceKey(reference: string): string {
  return nameKey(reference);
}
function odsKey(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The contract input's field each column fills (for placing a problem reported by field). */
const FIELD_OF_INPUT: Record<string, ContractImportField> = {
  counterpartyId: 'commissioner',
  reference: 'reference',
  title: 'title',
  description: 'description',
  services: 'services',
  route: 'route',
  bidDueOn: 'bidDueOn',
  awardOn: 'awardOn',
  /** The contract-terms rules' own name for the award date, should a problem reach the import under it. */
  awardedOn: 'awardOn',
  startOn: 'startOn',
  endOn: 'endOn',
  annualValuePence: 'annualValue',
  wholeLifeValuePence: 'wholeLifeValue',
  managerName: 'managerName',
  managerOfficerId: 'managerName',
  notes: 'notes',
  extensions: 'extensions',
  breaks: 'extensions',
};

/**
 * Checks every row and works out what would be recorded, writing nothing: each cell read
 * (dates, pounds, CPV codes, the route, extension options), the commissioner found on the list
 * (by name, ignoring case and spaces, or by ODS code) or proposed as a new organisation, the
 * row checked against the contract's own schema (the one contracts.create parses), references
 * unique per commissioner in the file and against the contracts already recorded, and then
 * `check` for the rules of a whole contract. Every problem is reported with its row and column.
 */
export async function planContractImport(db: ReadDb, input: PlanInput, job: Progress, check: ContractCheck | null): Promise<ContractImportPlanFull> {
  const { mapping, headers } = input;
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, h === null ? -1 : headers.indexOf(h)])) as Record<ContractImportField, number>;
  const cell = (row: CsvRow, f: ContractImportField) => (col[f] >= 0 ? (row.fields[col[f]] ?? '').trim() : '');
  const columnOf = (f: ContractImportField) => mapping[f] ?? CONTRACT_IMPORT_FIELD_LABEL[f];

  const list = await db.selectFrom('counterparty').select(['id', 'name', 'name_key', 'ods_code']).where('organisation_id', '=', input.organisationId).execute();
  const byKey = new Map(list.map((c) => [c.name_key, c]));
  const byCompact = new Map<string, (typeof list)[number] | null>();
  for (const c of list) byCompact.set(compactKey(c.name), byCompact.has(compactKey(c.name)) ? null : c);
  const byOds = new Map(list.filter((c) => c.ods_code !== null).map((c) => [c.ods_code!, c]));
  const existingRefs = new Map<string, string>();
  const existing = await db.selectFrom('contract').select(['counterparty_id', 'reference']).where('organisation_id', '=', input.organisationId).execute();
  for (const e of existing) existingRefs.set(`${e.counterparty_id}\u0000${referenceKey(e.reference)}`, e.reference);

  const rejected: Rejection[] = [];
  const rejectedLines = new Set<number>();
  const rejectedCells = new Set<string>();
  const reject = (line: number, f: ContractImportField | string, value: string, reason: string) => {
    rejectedLines.add(line);
    rejectedCells.add(`${line}\u0000${f}`);
    const column = (CONTRACT_IMPORT_FIELD_LABEL as Record<string, string>)[f] !== undefined ? columnOf(f as ContractImportField) : f;
    rejected.push({ line, column, value, reason });
  };

  const newByCompact = new Map<string, NewCommissioner>();
  const matched = new Map<string, { inFile: string; name: string; by: 'name' | 'ods_code'; lines: number[] }>();
  const planned: PlannedRow[] = [];
  const commissionerName = new Map<number, { name: string; isNew: boolean }>();
  const refsInFile = new Map<string, number>();
  const total = input.rows.length;
  job.progress(0, total, 'Checking the rows');

  let lastPause = performance.now();
  for (let i = 0; i < total; i++) {
    if (performance.now() - lastPause > 20) {
      job.progress(i, total, 'Checking the rows');
      await job.checkpoint();
      lastPause = performance.now();
    }
    const row = input.rows[i]!;
    const line = row.line;
    if (row.problem) {
      reject(line, 'Row', '', row.problem);
      continue;
    }
    let ok = true;
    const bad = (f: ContractImportField, reason: string) => {
      ok = false;
      reject(line, f, cell(row, f), reason);
    };
    // Text cells: the same invisible-character rule as every field of the app.
    for (const f of ['commissioner', 'reference', 'title', 'description', 'managerName', 'notes'] as const) {
      const v = cell(row, f);
      const problem = v === '' ? null : textProblem(v, `the ${CONTRACT_IMPORT_FIELD_LABEL[f].toLowerCase()}`, f === 'description' || f === 'notes' ? 'many' : 'one');
      if (problem) bad(f, problem);
    }

    // --- the commissioner -----------------------------------------------------------------
    const name = normaliseText(cell(row, 'commissioner'), 'one');
    const ods = cell(row, 'commissionerOdsCode');
    let commissioner: CommissionerRef | null = null;
    const byName = name === '' ? undefined : (byKey.get(nameKey(name)) ?? byCompact.get(compactKey(name)) ?? undefined);
    const byCode = ods === '' ? undefined : byOds.get(odsKey(ods));
    if (byName && byCode && byName.id !== byCode.id) {
      bad('commissionerOdsCode', `The ODS code ${odsKey(ods)} is recorded for ${byCode.name}, but the commissioner is named as ${name} (${byName.name} on the list); correct one of them.`);
    } else if (byName && !byCode && ods !== '' && byName.ods_code !== null) {
      bad('commissionerOdsCode', `${byName.name} is on the list with the ODS code ${byName.ods_code}, not ${odsKey(ods)}; correct the code (or the organisation’s record, if the list is wrong).`);
    } else if (byName || byCode) {
      const c = (byName ?? byCode)!;
      commissioner = { existingId: c.id };
      const by = byName ? 'name' : 'ods_code';
      const key = `${c.id}\u0000${by}\u0000${by === 'name' ? name : odsKey(ods)}`;
      const m = matched.get(key) ?? { inFile: by === 'name' ? name : odsKey(ods), name: c.name, by, lines: [] };
      m.lines.push(line);
      matched.set(key, m);
      commissionerName.set(line, { name: c.name, isNew: false });
    } else if (name === '') {
      bad(
        ods === '' ? 'commissioner' : 'commissionerOdsCode',
        ods === ''
          ? 'Enter the commissioner (the council, NHS body or other organisation that awarded the contract).'
          : `No organisation on the list has the ODS code ${odsKey(ods)}; add the commissioner’s name so it can be added to the list.`,
      );
    } else {
      const kindCell = cell(row, 'commissionerKind');
      const kind: CounterpartyKind | null = kindCell === '' ? guessKind(name, ods || null) : parseKind(kindCell);
      if (kind === null) bad('commissionerKind', `“${kindCell}” is not a kind of organisation the list knows: use council, NHS trust, integrated care board, NHS England, government department, other public body, mutual, charity, company, supplier or other.`);
      const parsed = counterpartyInput.safeParse({ name, kind: kind ?? 'other', odsCode: ods });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) bad(issue.path[0] === 'odsCode' ? 'commissionerOdsCode' : 'commissioner', issue.message);
      } else if (kind !== null) {
        const key = compactKey(name);
        const prior = newByCompact.get(key);
        if (prior && (prior.input.odsCode ?? null) !== (parsed.data.odsCode ?? null) && parsed.data.odsCode !== undefined && prior.input.odsCode !== undefined) {
          bad('commissionerOdsCode', `${name} is given the ODS code ${parsed.data.odsCode} here and ${prior.input.odsCode} on row ${prior.lines[0]}; an organisation has one code.`);
        } else if (prior) {
          if (prior.input.odsCode === undefined && parsed.data.odsCode !== undefined) prior.input = { ...prior.input, odsCode: parsed.data.odsCode };
          prior.lines.push(line);
          commissioner = { newKey: key };
          commissionerName.set(line, { name: prior.input.name, isNew: true });
        } else {
          const clash = [...newByCompact.values()].find((n) => parsed.data.odsCode !== undefined && n.input.odsCode === parsed.data.odsCode);
          if (clash) {
            bad('commissionerOdsCode', `The ODS code ${parsed.data.odsCode} is given to ${clash.input.name} on row ${clash.lines[0]}; each NHS organisation has its own code.`);
          } else {
            newByCompact.set(key, { key, input: parsed.data, lines: [line] });
            commissioner = { newKey: key };
            commissionerName.set(line, { name: parsed.data.name, isNew: true });
          }
        }
      }
    }

    // --- the cells read as dates, money, lists and the route ------------------------------
    const dateOf = (f: 'bidDueOn' | 'awardOn' | 'startOn' | 'endOn') => {
      const v = cell(row, f);
      if (v === '') return undefined;
      const r = parseUkDate(v, input.dateFormat, `the ${CONTRACT_IMPORT_FIELD_LABEL[f].toLowerCase().replace(/ \(.*\)$/, '')}`);
      if (r.error !== undefined) bad(f, r.error);
      return r.value;
    };
    const moneyOf = (f: 'annualValue' | 'wholeLifeValue') => {
      const v = cell(row, f);
      if (v === '') return undefined;
      const r = parsePounds(v, f === 'annualValue' ? 'the annual value' : 'the whole-life value');
      if (r.error !== undefined) bad(f, r.error);
      return r.value;
    };
    const routeCell = cell(row, 'route');
    let route: ProcurementRoute | undefined;
    if (routeCell === '') bad('route', 'Enter the procurement route and legal basis (such as open procedure, reserved (s33), PSR direct award C, or grant).');
    else {
      const r = parseRoute(routeCell, input.routeLabels);
      if (r.error !== undefined) bad('route', r.error);
      route = r.value;
    }
    let services: string[] = [];
    const servicesCell = cell(row, 'services');
    if (servicesCell !== '') {
      const r = parseCpvList(servicesCell);
      if (r.error !== undefined) bad('services', r.error);
      else {
        for (const code of r.value) {
          const c = checkCpv(code);
          if (!c.ok) bad('services', c.message);
          else services.push(c.entry.code);
        }
        services = [...new Set(services)];
      }
    }
    let extensionMonths: number[] = [];
    const extCell = cell(row, 'extensions');
    if (extCell !== '') {
      const r = parseExtensions(extCell);
      if (r.error !== undefined) bad('extensions', r.error);
      else extensionMonths = r.value;
    }
    const candidate = {
      counterpartyId: PLACEHOLDER_ID,
      reference: normaliseText(cell(row, 'reference'), 'one'),
      title: normaliseText(cell(row, 'title'), 'one'),
      description: optional(normaliseText(cell(row, 'description'), 'many')),
      services,
      route: route ?? 'other',
      bidDueOn: dateOf('bidDueOn'),
      awardOn: dateOf('awardOn'),
      startOn: dateOf('startOn'),
      endOn: dateOf('endOn'),
      annualValuePence: moneyOf('annualValue'),
      wholeLifeValuePence: moneyOf('wholeLifeValue'),
      managerName: optional(normaliseText(cell(row, 'managerName'), 'one')),
      notes: optional(normaliseText(cell(row, 'notes'), 'many')),
      extensions: extensionMonths.map((lengthMonths) => ({ lengthMonths })),
      breaks: [],
      priceReviews: [],
      kpis: [],
    };

    // --- the contract's own schema (what contracts.create parses) ---------------------------
    const parsed = contractInput.safeParse(candidate);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const f = FIELD_OF_INPUT[String(issue.path[0])] ?? 'title';
        // A cell already reported as unreadable is not reported again by the schema.
        if (rejectedCells.has(`${line}\u0000${f}`)) continue;
        if (seen.has(`${f}\u0000${issue.message}`)) continue;
        seen.add(`${f}\u0000${issue.message}`);
        bad(f, issue.message);
      }
    }

    // --- the reference: once per commissioner in the file, and not already recorded ---------
    if (commissioner && candidate.reference !== '') {
      const owner = 'existingId' in commissioner ? commissioner.existingId : `new:${commissioner.newKey}`;
      const key = `${owner}\u0000${referenceKey(candidate.reference)}`;
      const first = refsInFile.get(key);
      const who = commissionerName.get(line)?.name ?? name;
      if (first !== undefined) bad('reference', `The reference ${candidate.reference} for ${who} is also on row ${first}; a commissioner’s reference names one contract.`);
      else refsInFile.set(key, line);
      const already = existingRefs.get(key);
      if (already !== undefined) bad('reference', `A contract with ${who} under the reference ${already} is already recorded; correct the reference, or leave the row out if it is that contract.`);
    }

    if (ok && commissioner && parsed.success) {
      const { counterpartyId: _placeholder, ...contract } = parsed.data;
      planned.push({ line, commissioner, input: contract });
    }
  }

  // --- the rules of a whole contract, as contracts.create applies them -----------------------
  const newCommissioners = [...newByCompact.values()];
  const rowAt = new Map(input.rows.map((r) => [r.line, r]));
  if (check && planned.length > 0) {
    job.progress(total, total, 'Checking each contract’s dates, terms and services');
    const problems = await check(planned, newCommissioners, job);
    for (const [line, list] of problems) {
      const row = rowAt.get(line);
      for (const p of list) {
        const f = FIELD_OF_INPUT[p.field.split('.')[0]!] ?? null;
        if (f) reject(line, f, row ? cell(row, f) : '', p.message);
        else reject(line, 'Row', '', p.message);
      }
    }
  }
  const accepted = planned.filter((p) => !rejectedLines.has(p.line));
  rejected.sort((a, b) => a.line - b.line);

  const summary = (p: PlannedRow): PlannedContract => {
    const who = commissionerName.get(p.line)!;
    return {
      line: p.line,
      reference: p.input.reference,
      title: p.input.title,
      commissionerName: who.name,
      newCommissioner: who.isNew,
      route: p.input.route,
      awardOn: p.input.awardOn ?? null,
      startOn: p.input.startOn ?? null,
      endOn: p.input.endOn ?? null,
      annualValuePence: p.input.annualValuePence ?? null,
      wholeLifeValuePence: p.input.wholeLifeValuePence ?? null,
      services: p.input.services,
      extensionMonths: p.input.extensions.map((e) => e.lengthMonths),
    };
  };
  const canApply = rejected.length === 0 && accepted.length > 0;
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  job.progress(total, total, 'Checked');
  return {
    planId: input.planId,
    organisationId: input.organisationId,
    fileName: input.fileName,
    fileSha256: input.fileSha256,
    auditSeq: head?.seq ?? 0,
    mapping: input.mapping,
    dateFormat: input.dateFormat,
    newCommissioners,
    rows: accepted,
    preview: {
      planId: input.planId,
      fileName: input.fileName,
      counts: {
        rows: total,
        create: canApply ? accepted.length : 0,
        rejected: rejected.length,
        rejectedRows: rejectedLines.size,
        newCommissioners: newCommissioners.length,
        matchedCommissioners: new Set([...matched.values()].map((m) => m.name)).size,
      },
      contracts: accepted.slice(0, PREVIEW_AT_MOST).map(summary),
      newCommissioners: newCommissioners.map((n) => ({ name: n.input.name, kind: n.input.kind, odsCode: n.input.odsCode ?? null, lines: n.lines })),
      matchedCommissioners: [...matched.values()],
      rejected: rejected.slice(0, REJECTIONS_AT_MOST),
      canApply,
    },
  };
}

function optional(v: string): string | undefined {
  return v === '' ? undefined : v;
}
