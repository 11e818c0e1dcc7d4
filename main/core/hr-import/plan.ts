import type { ReadDb } from '../context';
import {
  COMBINED_IMPORT_FIELDS,
  IMPORT_FIELDS,
  type CombinedImportField,
  type DateFormat,
  type ImportField,
  type ImportMapping,
  type ImportPlan,
  type ImportPlanPerson,
} from '../../../shared/contract/hr-import';
import { eligibilityProblems } from '../../../shared/rules/eligibility';
import { foldText } from '../../../shared/rules/fold';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { checkHoldingLimits } from '../../../shared/rules/shareholding';
import type { FormFamily } from '../../../shared/domain/legal-form';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { emailKey, normaliseEmployeeNumber, toParticulars } from '../members/columns';
import { diffFlat, flattenParticulars } from '../members/particulars-diff';
import type { CsvRow } from './csv';
import { validateRows, type ImportRecord, type RowIssue } from './rows';
import { formatPence } from '../../../shared/rules/shareholding';

/** Rows of each kind the preview carries; the counts are exact. */
export const PREVIEW_LIMIT = 500;
const LOOKUP_BATCH = 500;

export interface PlanOptions {
  organisationId: string;
  family: FormFamily;
  hasShares: boolean;
  classes: readonly MembershipClassRow[];
  defaultClassId: string;
  headers: readonly string[];
  rows: readonly CsvRow[];
  mapping: ImportMapping;
  dateFormat: DateFormat;
  /** Admission date for new members and the day eligibility is judged on. */
  asOf: string;
  /** Leaving is judged on today: anyone whose employment has ended by now has left. */
  today: string;
  fileName: string;
  fileSha256: string;
  planId: string;
}

export interface Progress {
  checkpoint(): Promise<void>;
  progress(done: number, total: number, message?: string): void;
}

type Flat = ReturnType<typeof flattenParticulars>;

export interface AdmitAction {
  record: ImportRecord;
  /** Re-admission: the person of the earlier entry, so both entries are one person's. */
  personId: string | null;
  /**
   * The leaving date, when employment ended after the admission date and by today: the entry
   * is admitted and then ceased on that date, in the same apply.
   */
  ceasesOn: string | null;
}

export interface UpdateAction {
  line: number;
  memberId: string;
  memberNumber: number;
  /** The entry with the file's particulars applied (mapped fields only). */
  next: MemberRowDb;
  nameChanged: boolean;
  emailChanged: boolean;
  /**
   * The file changes the e-mail address of a member whose agreement to notices by e-mail stands,
   * so `next` ends that agreement on the day of the import (CA 2006 Sch 5 para 7).
   */
  endsElectronicComms: boolean;
  before: Flat;
  after: Flat;
  changed: string[];
}

export interface CeaseAction {
  line: number;
  memberId: string;
  memberNumber: number;
  ceasedOn: string;
  /**
   * Withdrawable shares the leaver still holds, withdrawn on the leaving date before the
   * cessation (and the paid-up value to repay); null when they hold none.
   */
  withdraw: { shares: number; repayPence: number; shareNumbers?: string | null } | null;
}

/** Everything `applyPlan` needs, and the preview the secretary reads first. */
export interface ImportPlanFull {
  planId: string;
  organisationId: string;
  /** The audit head the plan was made against: applying after any other change is refused. */
  auditSeq: number;
  fileName: string;
  fileSha256: string;
  asOf: string;
  mapping: ImportMapping;
  dateFormat: DateFormat;
  hasShares: boolean;
  family: FormFamily;
  classNames: ReadonlyMap<string, string>;
  classes: ReadonlyMap<string, MembershipClassRow>;
  admits: AdmitAction[];
  /** Particulars changes, including those of members who also cease (they are applied first). */
  updates: UpdateAction[];
  ceases: CeaseAction[];
  preview: ImportPlan;
}

const noProgress: Progress = { checkpoint: async () => {}, progress: () => {} };

/**
 * Works out what importing the file would change, without writing anything: each valid row is
 * matched by employee number with the register, and becomes an admission (eligible under the
 * class's terms on `asOf`, linked to the same person when an earlier entry ceased), a cessation
 * (employment ended by today; for someone who left after `asOf`, an admission and then a
 * cessation), an update of particulars, unchanged, or not eligible yet. Rows that fail a check are listed with line, column, value and reason.
 */
export async function planImport(db: ReadDb, o: PlanOptions, job: Progress = noProgress): Promise<ImportPlanFull> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  const auditSeq = head?.seq ?? 0;
  const classes = new Map(o.classes.map((c) => [c.id, c]));
  const defaultClass = classes.get(o.defaultClassId);
  if (!defaultClass) throw new Error('planImport: the default class is not among the classes');
  const total = o.rows.length * 2;
  job.progress(0, total, 'Checking the rows');

  const validated = await validateRows(
    o.rows,
    {
      headers: o.headers,
      mapping: o.mapping,
      dateFormat: o.dateFormat,
      classesByKey: new Map(o.classes.map((c) => [c.name_key || foldText(c.name), c])),
      defaultClass,
      today: o.today,
    },
    job.checkpoint,
  );
  const issues: RowIssue[] = validated.issues;
  let rejectedRows = validated.rejectedRows;
  job.progress(o.rows.length, total, 'Matching employees with the register');

  const existing = await lookUpEntries(db, o, job);
  const mapped = mappedFields(o.mapping);

  const admits: AdmitAction[] = [];
  const updates: UpdateAction[] = [];
  const ceases: CeaseAction[] = [];
  const preview = { admit: [] as ImportPlanPerson[], cease: [] as ImportPlanPerson[], update: [] as ImportPlan['update'], notEligible: [] as ImportPlanPerson[] };
  let unchanged = 0;
  let notEligible = 0;
  let ceasing = 0;
  let admittedAndCeased = 0;
  const splits: ImportPlan['splits'] = [];
  let splitRows = 0;
  let updating = 0;
  let electronicCommsEnded = 0;
  const holdingProblem = new Map<string, string | null>();
  const column = (f: ImportField) => o.mapping[f] ?? '';

  let i = 0;
  for (const r of validated.records) {
    if (++i % 1000 === 0) {
      job.progress(o.rows.length + i, total, 'Working out the changes');
      await job.checkpoint();
    }
    if (r.split) {
      splitRows += 1;
      if (splits.length < PREVIEW_LIMIT) {
        const a = r.split.address;
        splits.push({
          line: r.line,
          employeeNumber: r.employeeNumber,
          name: r.split.name ? { from: r.split.name.from, givenNames: r.givenNames, familyName: r.familyName } : null,
          address: a ? { from: a.from, line1: r.addressLine1, line2: r.addressLine2, town: r.town, postcode: r.postcode, leftOut: a.leftOut } : null,
        });
      }
    }
    const found = existing.get(r.employeeNumber);
    const current = found?.current ?? null;
    const name = `${r.givenNames} ${r.familyName}`;
    const person = (cls: MembershipClassRow | null, memberNumber: number | null, detail: string): ImportPlanPerson => ({
      line: r.line,
      employeeNumber: r.employeeNumber,
      name,
      className: cls?.name ?? null,
      memberNumber,
      detail,
    });

    if (current) {
      const cls = classes.get(current.class_id) ?? null;
      // Leaving is judged on today, not on the admission date: with a back-dated import, someone
      // whose employment ended after the admission date has still left by now.
      const leaving = r.employmentEnd !== null && r.employmentEnd <= o.today;
      if (leaving && r.employmentEnd! < current.admitted_on) {
        issues.push({
          line: r.line,
          column: column('employmentEnd'),
          value: r.employmentEnd!,
          reason: `Member ${current.member_number} was admitted on ${formatLegalDate(current.admitted_on)}, after this leaving date; check the date.`,
        });
        rejectedRows += 1;
        continue;
      }
      // Withdrawable shares go back to the society when an employee member leaves (as its rules
      // usually provide); shares that can only be transferred need the secretary to choose who
      // takes them, so such a row is held back with the reason.
      const withdrawable = cls?.share_withdrawable === 1;
      const held = `${current.shares_held} share${current.shares_held === 1 ? '' : 's'}`;
      const them = current.shares_held === 1 ? 'it' : 'them';
      if (leaving && current.shares_held > 0 && !withdrawable) {
        issues.push({
          line: r.line,
          column: column('employmentEnd'),
          value: r.employmentEnd!,
          reason:
            o.family === 'company'
              ? `Member ${current.member_number} has left but still holds ${held}. A company cannot take shares back by withdrawal: record their cessation on their register page, where ${them} can be redeemed or bought back (CA 2006 Part 18) or transferred, then import the file again.`
              : `Member ${current.member_number} has left but still holds ${held}, which the class’s terms let only be transferred; transfer ${them} on their register page, then import the file again.`,
        });
        rejectedRows += 1;
        continue;
      }
      // Numbered shares (CA 2006 s113(3)) leave by their numbers, which only the member's own
      // ledger can tell; the cessation form on their page records them.
      if (leaving && current.shares_held > 0 && cls?.share_numbered === 1) {
        issues.push({
          line: r.line,
          column: column('employmentEnd'),
          value: r.employmentEnd!,
          reason: `Member ${current.member_number} has left but holds numbered shares (CA 2006 s113(3)); record their cessation on their register page, where the shares’ numbers are withdrawn with them, then import the file again.`,
        });
        rejectedRows += 1;
        continue;
      }
      const update = changesFor(current, r, mapped, cls?.name ?? '', o.today);
      if (update) updates.push(update);
      if (update?.endsElectronicComms) electronicCommsEnded += 1;
      if (leaving) {
        ceasing += 1;
        const withdraw = current.shares_held > 0 ? { shares: current.shares_held, repayPence: current.paid_pence } : null;
        ceases.push({ line: r.line, memberId: current.id, memberNumber: current.member_number, ceasedOn: r.employmentEnd!, withdraw });
        if (preview.cease.length < PREVIEW_LIMIT) {
          const shares = withdraw
            ? `; ${withdraw.shares} share${withdraw.shares === 1 ? '' : 's'} withdrawn (${formatPence(withdraw.repayPence)} to repay)`
            : '';
          preview.cease.push(person(cls, current.member_number, `Left employment on ${formatLegalDate(r.employmentEnd!)}${shares}`));
        }
      } else if (update) {
        updating += 1;
        if (preview.update.length < PREVIEW_LIMIT) {
          preview.update.push({
            ...person(cls, current.member_number, `${update.changed.length} particular${update.changed.length === 1 ? '' : 's'} changed`),
            changes: update.changed.map((k) => ({ field: k, from: display(update.before[k]), to: display(update.after[k]) })),
          });
        }
      } else {
        unchanged += 1;
      }
      continue;
    }

    const former = found?.former ?? null;
    // A former member who has left employment, by the admission date or on or before the day
    // their entry ceased (a back-dated file read again): the register already shows it.
    const left = r.employmentEnd !== null && (r.employmentEnd <= o.asOf || (former !== null && r.employmentEnd <= former.ceased_on!));
    if (former && left) {
      unchanged += 1;
      continue;
    }
    const problems = admissionProblems(r, o, former, holdingProblem);
    if (problems.length > 0) {
      notEligible += 1;
      if (preview.notEligible.length < PREVIEW_LIMIT) preview.notEligible.push(person(r.cls, null, problems.join(' ')));
      continue;
    }
    // Employment ended after the admission date but by today (a back-dated import): they were
    // a member from the admission date until they left, so both are recorded now, in order.
    const leftSince = r.employmentEnd !== null && r.employmentEnd <= o.today ? r.employmentEnd : null;
    const withdrawsShare = o.hasShares && r.cls.share_nominal_pence !== null;
    if (leftSince && withdrawsShare && r.cls.share_withdrawable !== 1) {
      notEligible += 1;
      if (preview.notEligible.length < PREVIEW_LIMIT) {
        preview.notEligible.push(
          person(
            r.cls,
            null,
            `Employment ended on ${formatLegalDate(leftSince)}, after the admission date, so they would be admitted and cease at once; but the share allotted on admission could not be handed back, as the ${r.cls.name} class’s shares are not withdrawable. If they should be in the register, admit them on the register page and transfer the share before recording that they left.`,
          ),
        );
      }
      continue;
    }
    admits.push({ record: r, personId: former?.person_id ?? null, ceasesOn: leftSince });
    const entry = former
      ? `Re-admission: previously member ${former.member_number}, ceased ${formatLegalDate(former.ceased_on!)}`
      : `New member from ${formatLegalDate(o.asOf)}`;
    if (preview.admit.length < PREVIEW_LIMIT) {
      preview.admit.push(person(r.cls, null, leftSince ? `${entry}; ceases on ${formatLegalDate(leftSince)}, when employment ended` : entry));
    }
    if (leftSince) {
      ceasing += 1;
      admittedAndCeased += 1;
      if (preview.cease.length < PREVIEW_LIMIT) {
        const share = withdrawsShare ? `; the share allotted on admission withdrawn (${formatPence(r.cls.share_nominal_pence!)} to repay)` : '';
        preview.cease.push(person(r.cls, null, `Admitted by this import from ${formatLegalDate(o.asOf)}; left employment on ${formatLegalDate(leftSince)}${share}`));
      }
    }
  }

  const notInFile = Math.max(0, (await currentEmployeeMembers(db, o.organisationId, job)) - existing.currentMatched);
  issues.sort((a, b) => a.line - b.line);
  job.progress(total, total, 'Plan ready');
  return {
    planId: o.planId,
    organisationId: o.organisationId,
    auditSeq,
    fileName: o.fileName,
    fileSha256: o.fileSha256,
    asOf: o.asOf,
    mapping: o.mapping,
    dateFormat: o.dateFormat,
    hasShares: o.hasShares,
    family: o.family,
    classNames: new Map(o.classes.map((c) => [c.id, c.name])),
    classes,
    admits,
    updates,
    ceases,
    preview: {
      planId: o.planId,
      fileName: o.fileName,
      asOf: o.asOf,
      counts: {
        rows: o.rows.length,
        admit: admits.length,
        cease: ceasing,
        update: updating,
        unchanged,
        notEligible,
        rejected: rejectedRows,
        notInFile,
        admittedAndCeased,
        split: splitRows,
      },
      admit: preview.admit,
      cease: preview.cease,
      update: preview.update,
      notEligible: preview.notEligible,
      rejected: issues.slice(0, PREVIEW_LIMIT),
      splits,
      allotsShares: o.hasShares,
      electronicCommsEnded: electronicCommsEndedNote(electronicCommsEnded, o.family, 'plan'),
    },
  };
}

/**
 * What the secretary is told about agreements to notices by e-mail the import ends. For a
 * company the law is the reason: a document in electronic form may be sent only to an address
 * "specified for the purpose by the intended recipient" (CA 2006 Sch 5 para 7(1)(a)), and an
 * address from the HR system was given to the employer, not to the company for notices. A
 * society gives notice as its registered rules provide, so its note cites them, not company law.
 */
export function electronicCommsEndedNote(count: number, family: FormFamily, when: 'plan' | 'applied'): { count: number; message: string } | null {
  if (count === 0) return null;
  const members = `${count.toLocaleString('en-GB')} member${count === 1 ? '' : 's'}`;
  const why =
    family === 'company'
      ? 'Companies Act 2006 Sch 5 para 7: notices go to an address the member gave for the purpose'
      : 'your registered rules; the app treats an address from the HR file as not given by the member for notices';
  const [end, change] = when === 'plan' ? ['will end', 'changes'] : ['ended', 'changed'];
  return {
    count,
    message: `Agreement to notices by e-mail ${end} for ${members} whose e-mail address the HR file ${change} (${why}); record it again once they confirm the new address.`,
  };
}

const addressKey = (email: string | null): string | null => (email ? emailKey(email) : null);

function display(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

interface Found {
  current: MemberRowDb | null;
  /** The most recent ceased entry, for re-admission. */
  former: MemberRowDb | null;
}

/** The register's entries for the file's employee numbers, looked up 500 at a time. */
async function lookUpEntries(db: ReadDb, o: PlanOptions, job: Progress): Promise<Map<string, Found> & { currentMatched: number }> {
  const numbers = new Set<string>();
  const col = o.mapping.employeeNumber === null ? -1 : o.headers.indexOf(o.mapping.employeeNumber);
  if (col >= 0) {
    for (const row of o.rows) {
      const v = normaliseEmployeeNumber(row.fields[col] ?? '');
      if (v !== '') numbers.add(v);
    }
  }
  const all = [...numbers];
  const found = new Map<string, Found>() as Map<string, Found> & { currentMatched: number };
  found.currentMatched = 0;
  for (let i = 0; i < all.length; i += LOOKUP_BATCH) {
    const batch = all.slice(i, i + LOOKUP_BATCH);
    const rows = await db
      .selectFrom('member')
      .selectAll()
      .where('organisation_id', '=', o.organisationId)
      .where('employee_number', 'is not', null)
      .where('employee_number', 'in', batch)
      .execute();
    for (const row of rows) {
      const key = row.employee_number!;
      let f = found.get(key);
      if (!f) {
        f = { current: null, former: null };
        found.set(key, f);
      }
      if (row.ceased_on === null) {
        f.current = row;
        found.currentMatched += 1;
      } else if (!f.former || row.ceased_on > f.former.ceased_on! || (row.ceased_on === f.former.ceased_on && row.member_number > f.former.member_number)) {
        f.former = row;
      }
    }
    await job.checkpoint();
  }
  return found;
}

/**
 * Current members with an employee number: only employee classes hold one (the member service
 * refuses employee details elsewhere), so it is the employee classes' current tally, which
 * the triggers of migration 0003 keep, whatever the size of the register.
 */
async function currentEmployeeMembers(db: ReadDb, organisationId: string, _job: Progress): Promise<number> {
  const row = await db
    .selectFrom('member_tally as t')
    .innerJoin('membership_class as c', 'c.id', 't.class_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('t.current'), eb.lit(0)).as('n'))
    .where('t.organisation_id', '=', organisationId)
    .where('c.is_employee_class', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which fields the file holds, as flags (read once per row, so cheaper than a set lookup). */
type Mapped = Record<ImportField, boolean>;

/**
 * The particulars the file gives: its mapped columns, and the parts of a full name or whole
 * address (a whole address gives every line, so an empty second line clears the old one, and
 * the postcode unless a postcode column gives it).
 */
function mappedFields(mapping: ImportMapping): Mapped {
  const mapped = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] !== null])) as Mapped;
  for (const [combined, parts] of Object.entries(COMBINED_IMPORT_FIELDS) as [CombinedImportField, readonly ImportField[]][]) {
    if (mapping[combined] !== null) for (const f of parts) mapped[f] = true;
  }
  if (mapping.wholeAddress !== null) mapped.postcode = true;
  return mapped;
}

/**
 * The entry with the file's values for the mapped fields, and what changed, if anything. The
 * cheap column comparison runs first and allocates nothing; only a changed entry pays for the
 * copy and the audit-shaped diff.
 */
function changesFor(current: MemberRowDb, r: ImportRecord, m: Mapped, className: string, today: string): UpdateAction | null {
  const given = m.givenNames ? r.givenNames : current.given_names;
  const family = m.familyName ? r.familyName : current.family_name;
  const email = m.email ? r.email : current.email;
  const dob = m.dateOfBirth ? r.dateOfBirth : current.date_of_birth;
  const line1 = m.addressLine1 ? r.addressLine1 : current.address_line1;
  const line2 = m.addressLine2 ? r.addressLine2 : current.address_line2;
  const town = m.town ? r.town : current.address_town;
  const postcode = m.postcode ? r.postcode : current.address_postcode;
  const service = m.serviceArea ? r.serviceArea : current.service_area;
  const start = m.employmentStart ? r.employmentStart : current.employment_start;
  const end = m.employmentEnd ? r.employmentEnd : current.employment_end;
  const hours = m.weeklyHours ? r.weeklyHoursCenti : current.weekly_hours_centi;
  if (
    given === current.given_names &&
    family === current.family_name &&
    email === current.email &&
    dob === current.date_of_birth &&
    line1 === current.address_line1 &&
    line2 === current.address_line2 &&
    town === current.address_town &&
    postcode === current.address_postcode &&
    service === current.service_area &&
    start === current.employment_start &&
    end === current.employment_end &&
    hours === current.weekly_hours_centi
  ) {
    return null;
  }
  const next: MemberRowDb = {
    ...current,
    given_names: given,
    family_name: family,
    email,
    date_of_birth: dob,
    address_line1: line1,
    address_line2: line2,
    address_town: town,
    address_postcode: postcode,
    service_area: service,
    employment_start: start,
    employment_end: end,
    weekly_hours_centi: hours,
  };
  // A new address (not merely the same one in other capitals) is not one the member gave for
  // notices: a standing agreement ends on the day of the import (CA 2006 Sch 5 para 7), in this
  // same change, so the member's one audit event records both. Never before it was given.
  const agreedOn = current.electronic_comms_agreed_on ?? null;
  const endsElectronicComms = agreedOn !== null && (current.electronic_comms_revoked_on ?? null) === null && addressKey(email) !== addressKey(current.email);
  if (endsElectronicComms) next.electronic_comms_revoked_on = today < agreedOn ? agreedOn : today;
  const diff = diffFlat(flattenParticulars(toParticulars(current), className), flattenParticulars(toParticulars(next), className));
  if (diff.changed.length === 0) return null;
  return {
    line: r.line,
    memberId: current.id,
    memberNumber: current.member_number,
    next,
    nameChanged: given !== current.given_names || family !== current.family_name,
    emailChanged: email !== current.email,
    endsElectronicComms,
    before: diff.before,
    after: diff.after,
    changed: diff.changed,
  };
}

/** Why this employee cannot be admitted on `asOf` (empty when they can). */
function admissionProblems(r: ImportRecord, o: PlanOptions, former: MemberRowDb | null, holdingProblem: Map<string, string | null>): string[] {
  // Eligibility names an admission before employment began (as the admission form does).
  const problems: string[] = [];
  const cls = r.cls;
  for (const p of eligibilityProblems(
    cls.name,
    {
      minAgeYears: cls.min_age_years,
      minWeeklyHours: cls.min_weekly_hours_centi === null ? null : cls.min_weekly_hours_centi / 100,
      minServiceMonths: cls.min_service_months,
    },
    { dateOfBirth: r.dateOfBirth, weeklyHours: r.weeklyHoursCenti === null ? null : r.weeklyHoursCenti / 100, employmentStart: r.employmentStart, employmentEnd: r.employmentEnd },
    o.asOf,
  )) {
    problems.push(p.message);
  }
  if (former && former.ceased_on! >= o.asOf) {
    problems.push(`Their previous membership (member ${former.member_number}) ended on ${formatLegalDate(former.ceased_on!)}; re-admission must come after that.`);
  }
  if (o.hasShares && cls.share_nominal_pence !== null) {
    let problem = holdingProblem.get(cls.id);
    if (problem === undefined) {
      const check = checkHoldingLimits({
        family: o.family,
        className: cls.name,
        withdrawable: cls.share_withdrawable === 1,
        nominalPence: cls.share_nominal_pence,
        maxHolding: cls.share_max_holding,
        sharesAfter: 1,
      });
      problem = check.ok ? null : check.message!;
      holdingProblem.set(cls.id, problem);
    }
    if (problem) problems.push(problem);
  }
  return problems;
}
