import type { ReadDb } from '../context';
import {
  CONTRACT_IMPORT_FIELD_LABEL,
  CONTRACT_IMPORT_FIELDS,
  REQUIRED_CONTRACT_IMPORT_FIELDS,
  type ContractImportField,
  type ContractImportMapping,
} from '../../../shared/contract/contract-import';
import type { DateFormat } from '../../../shared/contract/hr-import';
import { headerSetKey, normaliseHeading, readMappingStore, refuseColumnProblems, savedColumns, storeWith } from '../hr-import/mapping';

/**
 * Which column fills which field: suggested from the headings contract registers commonly use,
 * or the mapping chosen last time for a file with the same headings, kept per organisation in
 * app_setting under 'contract_import.mapping' (a preference, not a record: not audited).
 */
export const CONTRACT_MAPPING_SETTING_KEY = 'contract_import.mapping';

const SYNONYMS: Record<ContractImportField, readonly string[]> = {
  commissioner: ['commissioner', 'commissioning body', 'contracting authority', 'authority', 'customer', 'client', 'buyer', 'funder', 'purchaser', 'commissioner name', 'organisation', 'counterparty'],
  commissionerOdsCode: ['ods code', 'ods', 'commissioner ods code', 'org code', 'organisation code', 'nhs ods code'],
  commissionerKind: ['commissioner type', 'kind of commissioner', 'commissioner kind', 'authority type', 'type of commissioner', 'organisation type'],
  reference: ['contract reference', 'reference', 'contract ref', 'ref', 'contract number', 'contract no', 'contract id', 'commissioner reference', 'their reference'],
  title: ['title', 'contract title', 'contract name', 'service', 'service name', 'name'],
  description: ['description', 'services', 'service description', 'description of services', 'scope', 'summary'],
  services: ['cpv', 'cpv code', 'cpv codes', 'service categories', 'cpv 2008', 'category'],
  route: ['procurement route', 'route', 'legal basis', 'procedure', 'procurement procedure', 'award route', 'procurement basis', 'route to market'],
  bidDueOn: ['bid due', 'bid due date', 'tender deadline', 'submission deadline', 'tender due'],
  awardOn: ['award date', 'awarded', 'date awarded', 'awarded on', 'contract award date'],
  startOn: ['start date', 'contract start', 'contract start date', 'start', 'commencement date', 'from'],
  endOn: ['end date', 'contract end', 'contract end date', 'end', 'expiry date', 'expiry', 'initial end date', 'to'],
  extensions: ['extension options', 'extensions', 'extension', 'option to extend', 'extension periods'],
  annualValue: ['annual value', 'annual contract value', 'value per year', 'yearly value', 'annual value gbp', 'annual value £'],
  wholeLifeValue: ['whole life value', 'total value', 'total contract value', 'contract value', 'lifetime value', 'whole life value gbp', 'value'],
  managerName: ['contract manager', 'manager', 'lead', 'contract lead', 'owner', 'contract owner'],
  notes: ['notes', 'comments', 'remarks'],
};

export function emptyContractMapping(): ContractImportMapping {
  return Object.fromEntries(CONTRACT_IMPORT_FIELDS.map((f) => [f, null])) as ContractImportMapping;
}

/** Exact heading matches first, then a heading that contains a known heading as whole words. A column fills at most one field. */
export function suggestContractMapping(headers: readonly string[]): ContractImportMapping {
  const mapping = emptyContractMapping();
  const used = new Set<string>();
  const normalised = headers.map((h) => ({ h, n: normaliseHeading(h) }));
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of CONTRACT_IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      for (const synonym of SYNONYMS[field]) {
        if (pass === 'contains' && synonym.length < 4) continue;
        const hit = normalised.find((x) => !used.has(x.h) && (pass === 'exact' ? x.n === synonym : ` ${x.n} `.includes(` ${synonym} `)));
        if (hit) {
          mapping[field] = hit.h;
          used.add(hit.h);
          break;
        }
      }
    }
  }
  return mapping;
}

/**
 * The mapping's problems as form field errors: a required field with no column (the
 * commissioner by name or by ODS code), a column the file lacks, a column used twice.
 */
export function checkContractMapping(mapping: ContractImportMapping, headers: readonly string[]): void {
  const errors: Record<string, string> = {};
  if (mapping.commissioner === null && mapping.commissionerOdsCode === null) {
    errors['mapping.commissioner'] = 'Choose the column that holds the commissioner’s name (or one holding its ODS code).';
  }
  refuseColumnProblems(CONTRACT_IMPORT_FIELDS, mapping, headers, CONTRACT_IMPORT_FIELD_LABEL, errors, (field) =>
    REQUIRED_CONTRACT_IMPORT_FIELDS.includes(field) ? `Choose the column that holds the ${CONTRACT_IMPORT_FIELD_LABEL[field].toLowerCase()}.` : null,
  );
}

export interface RememberedContractMapping {
  mapping: ContractImportMapping;
  dateFormat: DateFormat;
  savedAt: string;
}
type Store = Record<string, RememberedContractMapping>;

const readStore = (db: ReadDb, organisationId: string): Promise<Store> => readMappingStore<RememberedContractMapping>(db, organisationId, CONTRACT_MAPPING_SETTING_KEY);

/** The mapping saved for these headings (in any order), if every column it names is still in the file. */
export async function rememberedContractMapping(db: ReadDb, organisationId: string, headers: readonly string[]): Promise<RememberedContractMapping | null> {
  const saved = (await readStore(db, organisationId))[headerSetKey(headers)];
  const mapping = savedColumns(CONTRACT_IMPORT_FIELDS, saved, headers);
  if (!saved || !mapping) return null;
  return { mapping, dateFormat: saved.dateFormat === 'ymd' ? 'ymd' : 'dmy', savedAt: saved.savedAt };
}

/** The stored value with this mapping added for these headings, keeping the most recent few. */
export async function mergeRememberedContractMapping(
  db: ReadDb,
  organisationId: string,
  headers: readonly string[],
  choice: Omit<RememberedContractMapping, 'savedAt'>,
  at: string,
): Promise<string> {
  return storeWith(await readStore(db, organisationId), headers, { ...choice, savedAt: at });
}
