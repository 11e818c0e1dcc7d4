import type { ReadDb } from '../context';
import { AppError } from '../errors';
import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type DateFormat, type ImportField, type ImportMapping } from '../../../shared/contract/hr-import';

/**
 * Which CSV column fills which field: a suggestion from the headings HR systems commonly use,
 * and the mapping the secretary chose last time for a file with the same headings, kept per
 * organisation in app_setting under 'import.mapping'.
 */
export const MAPPING_SETTING_KEY = 'import.mapping';
const REMEMBER_AT_MOST = 20;

/** Headings as HR and payroll systems (ESR, iTrent, Oracle, SAP, Workday, spreadsheets) write them. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  employeeNumber: [
    'employee no', 'employee number', 'employee id', 'employee ref', 'employee reference', 'emp no', 'emp id', 'staff no', 'staff number',
    'staff id', 'payroll no', 'payroll number', 'payroll id', 'person number', 'assignment number', 'employee code',
  ],
  givenNames: ['forename', 'forenames', 'first name', 'first names', 'given name', 'given names', 'christian name', 'firstname', 'legal first name'],
  familyName: ['surname', 'last name', 'family name', 'lastname', 'legal surname', 'legal last name'],
  fullName: ['full name', 'employee name', 'employee full name', 'staff name', 'full legal name', 'legal name', 'name', 'surname forename', 'surname forenames', 'surname first name'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'work email', 'work email address', 'personal email', 'home email'],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'birthdate', 'd o b'],
  wholeAddress: ['full address', 'whole address', 'postal address', 'full home address', 'home address full', 'complete address'],
  addressLine1: ['address line 1', 'address 1', 'address1', 'address', 'home address', 'home address line 1', 'street', 'street address', 'house and street'],
  addressLine2: ['address line 2', 'address 2', 'address2', 'home address line 2', 'locality', 'district'],
  town: ['town', 'city', 'town city', 'town or city', 'post town', 'address line 3', 'address 3'],
  postcode: ['post code', 'postcode', 'postal code', 'zip', 'zip code'],
  serviceArea: ['department service', 'department', 'service', 'service area', 'directorate', 'division', 'team', 'business unit', 'organisation unit', 'cost centre'],
  employmentStart: [
    'start date', 'employment start', 'employment start date', 'date started', 'date joined', 'joined', 'hire date', 'date of joining',
    'continuous service date', 'service start date', 'contract start date',
  ],
  employmentEnd: ['leaving date', 'leave date', 'date left', 'end date', 'employment end', 'employment end date', 'termination date', 'leaver date', 'contract end date'],
  weeklyHours: ['contracted hours', 'weekly hours', 'hours', 'contract hours', 'hours per week', 'weekly contracted hours', 'working hours', 'standard hours'],
  className: ['membership class', 'member class', 'class', 'membership', 'membership type', 'member type'],
};

/** Lower case, letters and digits only, single spaces: "Department/Service" → "department service". */
export function normaliseHeading(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function emptyMapping(): ImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;
}

/**
 * A mapping suggested from the headings: exact matches with the known headings first, then a
 * heading that contains a known heading as whole words ("Legal Surname (as on passport)").
 * A column fills at most one field.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping = emptyMapping();
  const used = new Set<string>();
  const normalised = headers.map((h) => ({ h, n: normaliseHeading(h) }));
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const hit = normalised.find((x) => !used.has(x.h) && x.n === synonym);
      if (hit) {
        mapping[field] = hit.h;
        used.add(hit.h);
        break;
      }
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== null) continue;
    for (const synonym of SYNONYMS[field]) {
      if (synonym.length < 4) continue;
      const hit = normalised.find((x) => !used.has(x.h) && ` ${x.n} `.includes(` ${synonym} `));
      if (hit) {
        mapping[field] = hit.h;
        used.add(hit.h);
        break;
      }
    }
  }
  return preferCombined(mapping);
}

/** Headings that hold a whole address when the file has no town column: "Address", "Home Address". */
const ADDRESS_HEADINGS = new Set(['address', 'home address', 'address details', 'correspondence address']);

/**
 * One-column layouts: a file with a full-name column and no separate name columns has its names
 * split; a file whose only address column is "Address" (no town column) holds whole addresses.
 * A file with both layouts keeps the separate columns.
 */
function preferCombined(mapping: ImportMapping): ImportMapping {
  const m = { ...mapping };
  if (m.fullName !== null && (m.givenNames !== null || m.familyName !== null)) m.fullName = null;
  if (m.wholeAddress === null && m.town === null && m.addressLine2 === null && m.addressLine1 !== null && ADDRESS_HEADINGS.has(normaliseHeading(m.addressLine1))) {
    m.wholeAddress = m.addressLine1;
    m.addressLine1 = null;
  }
  if (m.wholeAddress !== null && (m.addressLine1 !== null || m.town !== null)) m.wholeAddress = null;
  return m;
}

/** Files with the same headings (in any order) share a remembered mapping. */
export function headerSetKey(headers: readonly string[]): string {
  const canonical = [...new Set(headers.map((h) => h.trim()))].sort().join('\u001f');
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 32);
}

export interface RememberedMapping {
  mapping: ImportMapping;
  dateFormat: DateFormat;
  defaultClassId: string | null;
  savedAt: string;
}
type Store = Record<string, RememberedMapping>;

/** The mappings an import remembers under its setting key, by heading set (empty if none, or unreadable). */
export async function readMappingStore<T>(db: ReadDb, organisationId: string, key: string): Promise<Record<string, T>> {
  const row = await db.selectFrom('app_setting').select('value').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed = JSON.parse(row.value) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, T>) : {};
  } catch {
    return {};
  }
}

const readStore = (db: ReadDb, organisationId: string): Promise<Store> => readMappingStore<RememberedMapping>(db, organisationId, MAPPING_SETTING_KEY);

/**
 * The columns a saved choice gives `fields` (one the choice does not name is null), or null when
 * there is no saved choice or a column it names is no longer in the file. Shared with the
 * contracts import.
 */
export function savedColumns<F extends string>(fields: readonly F[], saved: { mapping?: unknown } | undefined, headers: readonly string[]): Record<F, string | null> | null {
  if (!saved || typeof saved.mapping !== 'object' || saved.mapping === null) return null;
  const present = new Set(headers);
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Record<F, string | null>;
  for (const f of fields) {
    const column = (saved.mapping as Partial<Record<F, string | null>>)[f] ?? null;
    if (column !== null && !present.has(column)) return null;
    mapping[f] = column;
  }
  return mapping;
}

/**
 * Adds to `errors` (keyed 'mapping.<field>', after any already there) each field's problem with
 * its column: none chosen where one is needed (`missing(field)` says what to choose, or null when
 * the field may be left out), a column the file lacks, a column used twice; then refuses the
 * mapping if there are any, naming the first two. Shared with the contracts import, whose
 * required fields differ.
 */
export function refuseColumnProblems<F extends string>(
  fields: readonly F[],
  mapping: Record<F, string | null>,
  headers: readonly string[],
  label: Record<F, string>,
  errors: Record<string, string>,
  missing: (field: F) => string | null,
): void {
  const usedBy = new Map<string, string>();
  for (const field of fields) {
    const column = mapping[field];
    if (column === null) {
      const message = missing(field);
      if (message !== null) errors[`mapping.${field}`] = message;
      continue;
    }
    if (!headers.includes(column)) {
      errors[`mapping.${field}`] = `The file has no column called “${column}”.`;
      continue;
    }
    const other = usedBy.get(column);
    if (other) errors[`mapping.${field}`] ??= `The column “${column}” is already used for the ${other.toLowerCase()}.`;
    else usedBy.set(column, label[field]);
  }
  const messages = Object.values(errors);
  if (messages.length > 0) {
    throw new AppError('VALIDATION', messages.length === 1 ? messages[0]! : `${messages.length} columns need attention: ${messages.slice(0, 2).join(' ')}`, errors);
  }
}

/** A mapping store with `entry` saved for these headings, as stored: the most recent few header sets. Shared with the contracts import. */
export function storeWith<T extends { savedAt: string }>(store: Record<string, T>, headers: readonly string[], entry: T): string {
  store[headerSetKey(headers)] = entry;
  const kept = Object.entries(store)
    .sort((a, b) => (b[1].savedAt ?? '').localeCompare(a[1].savedAt ?? ''))
    .slice(0, REMEMBER_AT_MOST);
  return JSON.stringify(Object.fromEntries(kept));
}

/** The mapping saved for these headings, if every column it names is still in the file. */
export async function rememberedMapping(db: ReadDb, organisationId: string, headers: readonly string[]): Promise<RememberedMapping | null> {
  const saved = (await readStore(db, organisationId))[headerSetKey(headers)];
  const mapping = savedColumns(IMPORT_FIELDS, saved, headers);
  if (!saved || !mapping) return null;
  return { mapping, dateFormat: saved.dateFormat === 'ymd' ? 'ymd' : 'dmy', defaultClassId: saved.defaultClassId ?? null, savedAt: saved.savedAt };
}

/**
 * The stored value with the mapping for these headings added, keeping the most recent few
 * header sets. A preference, not a record: saved with `ctx.remember`, outside the audit log.
 */
export async function mergeRememberedMapping(
  db: ReadDb,
  organisationId: string,
  headers: readonly string[],
  choice: Omit<RememberedMapping, 'savedAt'>,
  at: string,
): Promise<string> {
  return storeWith(await readStore(db, organisationId), headers, { ...choice, savedAt: at });
}
