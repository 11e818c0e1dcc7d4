import type { ReadDb } from '../context';

/** The earliest dated record the registers hold, and what it is ("an admission"). */
export interface EarliestRecord {
  date: string;
  what: string;
}

/**
 * The earliest date any register records for the organisation: admissions, share transactions,
 * appointments, declarations of interest, PSC entries and statements, inspection requests.
 * Cessations and other end dates come after a start recorded here, so they are not looked at.
 * Used when the date of incorporation or registration moves later: no record may predate it.
 */
export async function earliestRecord(db: ReadDb, organisationId: string): Promise<EarliestRecord | null> {
  const candidates: { what: string; date: Promise<{ d: string | null } | undefined> }[] = [
    { what: 'an admission', date: db.selectFrom('member').select((eb) => eb.fn.min<string | null>('admitted_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'a share transaction', date: db.selectFrom('share_transaction').select((eb) => eb.fn.min<string | null>('date').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'an appointment', date: db.selectFrom('appointment').select((eb) => eb.fn.min<string | null>('appointed_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'a declaration of interest', date: db.selectFrom('interest').select((eb) => eb.fn.min<string | null>('declared_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'a person with significant control', date: db.selectFrom('psc').select((eb) => eb.fn.min<string | null>('became_registrable_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'a PSC statement', date: db.selectFrom('psc_statement').select((eb) => eb.fn.min<string | null>('made_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
    { what: 'an inspection request', date: db.selectFrom('inspection_request').select((eb) => eb.fn.min<string | null>('received_on').as('d')).where('organisation_id', '=', organisationId).executeTakeFirst() },
  ];
  let earliest: EarliestRecord | null = null;
  for (const c of candidates) {
    const d = (await c.date)?.d ?? null;
    if (d !== null && (earliest === null || d < earliest.date)) earliest = { date: d, what: c.what };
  }
  return earliest;
}
