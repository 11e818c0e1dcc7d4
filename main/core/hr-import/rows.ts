import { IMPORT_FIELDS, type DateFormat, type ImportField, type ImportMapping } from '../../../shared/contract/hr-import';
import { normalisePostcode, textProblem } from '../../../shared/contract/fields';
import { foldText } from '../../../shared/rules/fold';
import type { MembershipClassRow } from '../db/schema';
import { normaliseEmployeeNumber } from '../members/columns';
import type { CsvRow } from './csv';
import { dateOfBirthProblem } from '../organisation/guards';
import { parseHrDate } from './dates';
import { splitFullName, splitWholeAddress, type SplitAddress, type SplitName } from './split';

/** A row the secretary must correct in the file: where, what was there, and why it was refused. */
export interface RowIssue {
  line: number;
  /** The column's heading in the file ("Surname"), or a note when the whole row is at fault. */
  column: string;
  value: string;
  reason: string;
}

/** A row that passed every check, in register form (trimmed, normalised). Null: empty or not in the file. */
export interface ImportRecord {
  line: number;
  employeeNumber: string;
  givenNames: string;
  familyName: string;
  email: string | null;
  dateOfBirth: string | null;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string | null;
  serviceArea: string | null;
  employmentStart: string;
  employmentEnd: string | null;
  weeklyHoursCenti: number | null;
  cls: MembershipClassRow;
  /** How a full-name or whole-address cell was split, for the plan; null when neither was. */
  split: { name: (SplitName & { from: string }) | null; address: (SplitAddress & { from: string }) | null } | null;
}

export interface RowRules {
  headers: readonly string[];
  mapping: ImportMapping;
  dateFormat: DateFormat;
  /** Classes by folded name, for a class column. */
  classesByKey: ReadonlyMap<string, MembershipClassRow>;
  defaultClass: MembershipClassRow;
  today: string;
}

export interface ValidatedRows {
  records: ImportRecord[];
  issues: RowIssue[];
  /** Rows with at least one issue. */
  rejectedRows: number;
}

const WHOLE_ROW = '(the whole row)';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOURS = /^\d{1,3}(\.\d+)?$/;
const SPACES = /\s+/g;

/** Text as the register keeps it: NFC, trimmed, runs of spaces (tabs, line breaks) made one. */
function clean(v: string): string {
  return v.normalize('NFC').trim().replace(SPACES, ' ');
}

function shown(v: string): string {
  return v.length > 200 ? `${v.slice(0, 200)}…` : v;
}

/**
 * Checks every row by hand (no schema library per row: a 100,000-row file must take well under a
 * second), with the same messages a secretary sees on the admission form. Work is done in
 * slices of `slice` rows with `checkpoint` between them.
 */
export async function validateRows(rows: readonly CsvRow[], rules: RowRules, checkpoint: () => Promise<void> = async () => {}, slice = 2000): Promise<ValidatedRows> {
  const col = {} as Record<ImportField, number>;
  for (const f of IMPORT_FIELDS) col[f] = rules.mapping[f] === null ? -1 : rules.headers.indexOf(rules.mapping[f]!);
  const head = (f: ImportField) => rules.mapping[f] ?? '';
  const width = rules.headers.length;
  const records: ImportRecord[] = [];
  const issues: RowIssue[] = [];
  const rejected = new Set<number>();
  const firstLineOf = new Map<string, number>();
  const duplicateLines = new Map<string, number[]>();
  const classRefusals = new Map<string, string>();

  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const line = row.line;
      const fields = row.fields;
      const before = issues.length;
      const at = (f: ImportField): string => {
        const c = col[f];
        return c < 0 ? '' : (fields[c] ?? '');
      };
      const fail = (f: ImportField, value: string, reason: string) => issues.push({ line, column: head(f), value: shown(value), reason });

      // A row that could not be split into its columns is refused whole: its values are in the wrong places.
      if (row.problem || fields.length > width) {
        issues.push({
          line,
          column: WHOLE_ROW,
          value: shown(fields.join(', ')),
          reason:
            row.problem ??
            `The row has ${fields.length} values but the heading row has ${width}: a value containing a comma must be in quotation marks.`,
        });
        rejected.add(line);
        continue;
      }

      const employeeRaw = at('employeeNumber');
      const employeeNumber = normaliseEmployeeNumber(employeeRaw.normalize('NFC'));
      const employeeProblem = textProblem(employeeNumber, 'the employee number', 'one');
      if (employeeNumber === '') fail('employeeNumber', employeeRaw, 'Enter the employee number.');
      else if (employeeProblem) fail('employeeNumber', employeeRaw, employeeProblem);
      else if (employeeNumber.length > 40) fail('employeeNumber', employeeRaw, 'Keep the employee number to 40 characters or fewer.');
      else {
        const first = firstLineOf.get(employeeNumber);
        if (first === undefined) firstLineOf.set(employeeNumber, line);
        else {
          const lines = duplicateLines.get(employeeNumber);
          if (lines) lines.push(line);
          else duplicateLines.set(employeeNumber, [first, line]);
        }
      }

      // A full name or a whole address in one column is split first; the parts are then checked
      // as separate columns would be, and reported against the one column they came from.
      let splitName: (SplitName & { from: string }) | null = null;
      if (col.fullName >= 0) {
        const raw = at('fullName');
        const r = textProblem(clean(raw), 'the full name', 'one') ?? undefined;
        const split = r ? { problem: r } : splitFullName(raw);
        if (split.problem !== undefined) fail('fullName', raw, split.problem);
        else splitName = { from: clean(raw), ...split.value };
      }
      let splitAddress: (SplitAddress & { from: string }) | null = null;
      if (col.wholeAddress >= 0) {
        const raw = at('wholeAddress');
        const r = textProblem(raw.replace(/[\r\n]+/g, ' ').normalize('NFC'), 'the address', 'one') ?? undefined;
        const split = r ? { problem: r } : splitWholeAddress(raw, col.postcode >= 0);
        if (split.problem !== undefined) fail('wholeAddress', raw, split.problem);
        else splitAddress = { from: clean(raw), ...split.value };
      }
      const nameFrom = (f: 'givenNames' | 'familyName') => (col.fullName >= 0 ? (splitName?.[f] ?? null) : at(f));
      const addressFrom = (f: 'addressLine1' | 'addressLine2' | 'town') =>
        col.wholeAddress >= 0 ? (splitAddress ? ({ addressLine1: splitAddress.line1, addressLine2: splitAddress.line2 ?? '', town: splitAddress.town })[f] : null) : at(f);
      const partFail = (f: ImportField, source: ImportField | null) => (v: string, r: string) => fail(source ?? f, source ? at(source) : v, r);
      const nameSource = col.fullName >= 0 ? 'fullName' : null;
      const addressSource = col.wholeAddress >= 0 ? 'wholeAddress' : null;
      const text = (f: ImportField, raw: string | null, max: number, what: string, needed: boolean, source: ImportField | null): string | null =>
        raw === null ? null : (needed ? required : optional)(raw, max, what, partFail(f, source));
      const givenNames = text('givenNames', nameFrom('givenNames'), 100, 'the given names', true, nameSource);
      const familyName = text('familyName', nameFrom('familyName'), 100, 'the family name', true, nameSource);
      const addressLine1 = text('addressLine1', addressFrom('addressLine1'), 200, 'the first line of the address', true, addressSource);
      const addressLine2 = text('addressLine2', addressFrom('addressLine2'), 200, 'the second line of the address', false, addressSource);
      const town = text('town', addressFrom('town'), 100, 'the town or city', true, addressSource);
      const serviceArea = optional(at('serviceArea'), 120, 'the service area', (v, r) => fail('serviceArea', v, r));

      const emailRaw = at('email');
      let email: string | null = emailRaw.normalize('NFC').trim() || null;
      const emailProblem = email === null ? null : textProblem(email, 'the e-mail address', 'one');
      if (email !== null && (emailProblem || email.length > 254 || !EMAIL.test(email))) {
        fail('email', emailRaw, emailProblem ?? 'Enter an e-mail address like name@example.org.');
        email = null;
      }

      const postcodeRaw = at('postcode');
      let postcode: string | null = splitAddress?.postcode ?? null;
      if (postcodeRaw.trim() !== '') {
        postcode = normalisePostcode(postcodeRaw);
        if (postcode === null) fail('postcode', postcodeRaw, 'Enter a UK postcode, such as SW1A 1AA, or leave it empty for an address abroad.');
      }

      const dateOf = (f: ImportField, what: string, needed: boolean): string | null => {
        const raw = at(f);
        const v = raw.trim();
        if (v === '') {
          if (needed) fail(f, raw, `Enter the ${what}.`);
          return null;
        }
        const r = parseHrDate(v, rules.dateFormat, what);
        if (r.error !== undefined) {
          fail(f, raw, r.error);
          return null;
        }
        return r.date;
      };
      const employmentStart = dateOf('employmentStart', 'employment start date', true);
      const employmentEnd = dateOf('employmentEnd', 'employment end date', false);
      const dateOfBirth = dateOf('dateOfBirth', 'date of birth', false);
      if (employmentStart !== null && employmentEnd !== null && employmentEnd < employmentStart) {
        fail('employmentEnd', at('employmentEnd'), 'Employment cannot end before it started.');
      }
      const birthProblem = dateOfBirth === null ? null : dateOfBirthProblem(rules.today, dateOfBirth);
      if (birthProblem) fail('dateOfBirth', at('dateOfBirth'), birthProblem);

      const hoursRaw = at('weeklyHours');
      const hoursText = hoursRaw.trim();
      let weeklyHoursCenti: number | null = null;
      if (hoursText !== '') {
        if (!HOURS.test(hoursText)) fail('weeklyHours', hoursRaw, 'Enter the contracted hours a week as a number, such as 37.5.');
        else {
          const hours = Number(hoursText);
          const centi = Math.round(hours * 100);
          if (hours > 168) fail('weeklyHours', hoursRaw, 'There are only 168 hours in a week.');
          else if (Math.abs(hours * 100 - centi) > 1e-6) fail('weeklyHours', hoursRaw, 'Use at most two decimal places for the hours.');
          else weeklyHoursCenti = centi;
        }
      }

      let cls: MembershipClassRow | undefined = rules.defaultClass;
      const classRaw = at('className');
      const className = classRaw.trim();
      if (className !== '') {
        cls = rules.classesByKey.get(foldText(className));
        if (!cls) fail('className', classRaw, unknownClass(className, rules));
        else if (cls.is_employee_class !== 1) {
          let reason = classRefusals.get(cls.id);
          if (!reason) {
            reason = `The ${cls.name} class is not an employee class, so people from the HR file cannot be entered in it.`;
            classRefusals.set(cls.id, reason);
          }
          fail('className', classRaw, reason);
          cls = undefined;
        }
      }

      if (issues.length > before) {
        rejected.add(line);
        continue;
      }
      records.push({
        line,
        employeeNumber,
        givenNames: givenNames!,
        familyName: familyName!,
        email,
        dateOfBirth,
        addressLine1: addressLine1!,
        addressLine2,
        town: town!,
        postcode,
        serviceArea,
        employmentStart: employmentStart!,
        employmentEnd,
        weeklyHoursCenti,
        cls: cls!,
        split: splitName || splitAddress ? { name: splitName, address: splitAddress } : null,
      });
    }
    await checkpoint();
  }

  // One employee, one row: with two rows nobody can tell which is right, so every copy is refused.
  if (duplicateLines.size > 0) {
    const column = rules.mapping.employeeNumber ?? '';
    for (const [employeeNumber, lines] of duplicateLines) {
      for (const line of lines) {
        const others = lines.filter((l) => l !== line);
        issues.push({
          line,
          column,
          value: employeeNumber,
          reason: `Employee number ${employeeNumber} is also on line${others.length === 1 ? '' : 's'} ${listLines(others)}; keep one row for each employee.`,
        });
        rejected.add(line);
      }
    }
    const kept: ImportRecord[] = [];
    for (const r of records) if (!duplicateLines.has(r.employeeNumber)) kept.push(r);
    records.length = 0;
    records.push(...kept);
    issues.sort((a, b) => a.line - b.line);
  }
  return { records, issues, rejectedRows: rejected.size };
}

function required(raw: string, max: number, what: string, fail: (value: string, reason: string) => void): string | null {
  const v = clean(raw);
  if (v === '') {
    fail(raw, `Enter ${what}.`);
    return null;
  }
  const problem = textProblem(v, what, 'one');
  if (problem) {
    fail(raw, problem);
    return null;
  }
  if (v.length > max) {
    fail(raw, `Keep ${what} to ${max} characters or fewer.`);
    return null;
  }
  return v;
}

function optional(raw: string, max: number, what: string, fail: (value: string, reason: string) => void): string | null {
  const v = clean(raw);
  if (v === '') return null;
  const problem = textProblem(v, what, 'one');
  if (problem) {
    fail(raw, problem);
    return null;
  }
  if (v.length > max) {
    fail(raw, `Keep ${what} to ${max} characters or fewer.`);
    return null;
  }
  return v;
}

function unknownClass(name: string, rules: RowRules): string {
  const names = [...rules.classesByKey.values()].filter((c) => c.is_employee_class === 1).map((c) => c.name);
  if (names.length <= 1) return `There is no membership class called “${name}”: write ${rules.defaultClass.name}, or leave the cell empty.`;
  return `There is no membership class called “${name}”: use ${names.slice(0, -1).join(', ')} or ${names.at(-1)}, or leave the cell empty for the ${rules.defaultClass.name} class.`;
}

function listLines(lines: number[]): string {
  if (lines.length <= 1) return String(lines[0] ?? '');
  const shownLines = lines.slice(0, 5);
  const more = lines.length - shownLines.length;
  return more > 0 ? `${shownLines.join(', ')} and ${more} more` : `${shownLines.slice(0, -1).join(', ')} and ${shownLines.at(-1)}`;
}
