import { COUNTERPARTY_KINDS, type Counterparty, type CounterpartyInput, type CounterpartyKind } from '../../../../shared/contract/counterparties';

/** The organisation form's text, under the contract's own field names. */
export interface OrganisationValues {
  name: string;
  kind: string;
  odsCode: string;
  companiesHouseNumber: string;
  charityNumber: string;
  societyNumber: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
  notes: string;
}

export const ORGANISATION_PATHS = [
  'name',
  'kind',
  'odsCode',
  'companiesHouseNumber',
  'charityNumber',
  'societyNumber',
  'contactName',
  'contactEmail',
  'contactPhone',
  'address',
  'notes',
] as const satisfies readonly (keyof OrganisationValues)[];

export const EMPTY_ORGANISATION: OrganisationValues = {
  name: '',
  kind: '',
  odsCode: '',
  companiesHouseNumber: '',
  charityNumber: '',
  societyNumber: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  address: '',
  notes: '',
};

/** NHS bodies have an ODS code; companies, mutuals, charities and suppliers may have a Companies House number. */
const NHS: readonly CounterpartyKind[] = ['nhs_trust', 'icb', 'nhs_england'];

export function showsOdsCode(kind: string): boolean {
  return kind === '' || NHS.includes(kind as CounterpartyKind) || kind === 'public_body' || kind === 'other';
}

export function isKind(kind: string | null): kind is CounterpartyKind {
  return kind !== null && (COUNTERPARTY_KINDS as readonly string[]).includes(kind);
}

export function toOrganisationInput(v: OrganisationValues): CounterpartyInput {
  return { ...v, kind: (v.kind || undefined) as CounterpartyKind };
}

export function organisationToValues(c: Counterparty): OrganisationValues {
  return {
    name: c.name,
    kind: c.kind,
    odsCode: c.odsCode ?? '',
    companiesHouseNumber: c.companiesHouseNumber ?? '',
    charityNumber: c.charityNumber ?? '',
    societyNumber: c.societyNumber ?? '',
    contactName: c.contactName ?? '',
    contactEmail: c.contactEmail ?? '',
    contactPhone: c.contactPhone ?? '',
    address: c.address ?? '',
    notes: c.notes ?? '',
  };
}

/** Its identifiers in one line: "ODS RX1 · Companies House 01234567". */
export function identifiersOf(c: Pick<Counterparty, 'odsCode' | 'companiesHouseNumber' | 'charityNumber' | 'societyNumber'>): string {
  return [
    c.odsCode ? `ODS ${c.odsCode}` : null,
    c.companiesHouseNumber ? `Companies House ${c.companiesHouseNumber}` : null,
    c.charityNumber ? `Charity ${c.charityNumber}` : null,
    c.societyNumber ? `FCA ${c.societyNumber}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
