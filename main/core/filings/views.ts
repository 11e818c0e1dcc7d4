import type { FilingDuty } from '../../../shared/contract/filings';
import { FILING_FORM_INFO, daysToDue } from '../../../shared/rules/companies-house';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { STATEMENT_SHORT, type PscStatement } from '../../../shared/rules/psc';
import type { ReadDb } from '../context';
import type { FilingDutyRow } from './duties';

/**
 * Filing duties as the secretary reads them: what changed, in words built from the records as
 * they are now (a name corrected later reads corrected), when it is due, and whether something
 * must be done before the form can be filed.
 */

interface Subjects {
  officers: Map<string, { name: string; verifiedOn: string | null }>;
  appointments: Map<string, { appointedOn: string; ceasedOn: string | null }>;
  pscs: Map<string, { name: string; ceasedOn: string | null }>;
  statements: Map<string, { statement: PscStatement; withdrawnOn: string | null }>;
}

async function loadSubjects(db: ReadDb, rows: readonly FilingDutyRow[]): Promise<Subjects> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id))];
  const officerIds = ids('officer');
  const appointmentIds = [...new Set(rows.map((r) => r.appointment_id).filter((a): a is string => a !== null))];
  const pscIds = ids('psc');
  const statementIds = ids('psc_statement');
  const officers = officerIds.length
    ? await db.selectFrom('officer').select(['id', 'given_names', 'family_name', 'identity_verified_on']).where('id', 'in', officerIds).execute()
    : [];
  const appointments = appointmentIds.length ? await db.selectFrom('appointment').select(['id', 'appointed_on', 'ceased_on']).where('id', 'in', appointmentIds).execute() : [];
  const pscs = pscIds.length ? await db.selectFrom('psc').select(['id', 'name', 'ceased_on']).where('id', 'in', pscIds).execute() : [];
  const statements = statementIds.length ? await db.selectFrom('psc_statement').select(['id', 'statement', 'withdrawn_on']).where('id', 'in', statementIds).execute() : [];
  return {
    officers: new Map(officers.map((o) => [o.id, { name: `${o.given_names} ${o.family_name}`, verifiedOn: o.identity_verified_on }])),
    appointments: new Map(appointments.map((a) => [a.id, { appointedOn: a.appointed_on, ceasedOn: a.ceased_on }])),
    pscs: new Map(pscs.map((p) => [p.id, { name: p.name, ceasedOn: p.ceased_on }])),
    statements: new Map(statements.map((s) => [s.id, { statement: s.statement, withdrawnOn: s.withdrawn_on }])),
  };
}

function describe(r: FilingDutyRow, s: Subjects): string {
  const on = formatLegalDate(r.event_on);
  const officer = s.officers.get(r.subject_id)?.name ?? 'A former officer';
  const psc = s.pscs.get(r.subject_id)?.name ?? 'A person with significant control';
  switch (r.form) {
    case 'AP01':
      return `${officer} appointed director on ${on}`;
    case 'AP03':
      return `${officer} appointed secretary on ${on}`;
    case 'TM01':
      return `${officer} ceased to be a director on ${on}`;
    case 'TM02':
      return `${officer} ceased to be secretary on ${on}`;
    case 'CH01':
      return `${officer}’s details as a director changed on ${on}${r.detail ? ` (${r.detail})` : ''}`;
    case 'CH03':
      return `${officer}’s details as secretary changed on ${on}${r.detail ? ` (${r.detail})` : ''}`;
    case 'PSC01':
    case 'PSC02':
      return `${psc} confirmed as a person with significant control on ${on}`;
    case 'PSC07':
      return `${psc} no longer has significant control (confirmed ${on})`;
    case 'PSC08':
    case 'PSC09': {
      const st = s.statements.get(r.subject_id);
      const what = st ? STATEMENT_SHORT[st.statement] : 'a PSC statement';
      return r.form === 'PSC08' ? `Statement made on ${on}: ${what}` : `Statement withdrawn on ${on}: ${what}`;
    }
  }
}

/** Why an AP01 cannot yet be filed: the notice states that the new director's identity is verified (CA 2006 s167G(3)(c)). */
function blocker(r: FilingDutyRow, s: Subjects): string | null {
  if (r.form !== 'AP01' || r.outcome !== null) return null;
  const o = s.officers.get(r.subject_id);
  if (!o || o.verifiedOn !== null) return null;
  return `Record ${o.name}’s verified identity and personal code first: the notice of a new director must state that their identity is verified (CA 2006 s167G(3)(c)).`;
}

export async function toFilingDuties(db: ReadDb, rows: readonly FilingDutyRow[], today: string): Promise<FilingDuty[]> {
  const subjects = await loadSubjects(db, rows);
  return rows.map((r) => {
    const daysLeft = daysToDue(r.due_on, today);
    return {
      id: r.id,
      form: r.form,
      formTitle: FILING_FORM_INFO[r.form].title,
      description: describe(r, subjects),
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      eventOn: r.event_on,
      dueOn: r.due_on,
      source: r.source,
      overdue: r.outcome === null && daysLeft < 0,
      daysLeft,
      blocker: blocker(r, subjects),
      outcome: r.outcome,
      outcomeOn: r.outcome_on,
      reference: r.reference,
      note: r.note,
      createdAt: r.created_at,
    };
  });
}
