import type BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { normalisePostcode } from '../../shared/contract/fields';
import type { MemberParticulars } from '../../shared/contract/members';
import { formatLegalDate } from '../../shared/rules/legal-date';
import { uuidv7 } from '../core/db/ids';
import { rawMemberAudit } from './raw-audit';
import type { MemberRowDb } from '../core/db/schema';
import { nameTokensFor, particularsColumns, toParticulars } from '../core/members/columns';
import { diffFlat, flattenParticulars } from '../core/members/particulars-diff';

/**
 * The HR import's work done the plain way, for the benchmark's ratio: parse, check, look each
 * employee up, decide, then write everything (members, name tokens, particulars changes,
 * cessations, chained audit events) with prepared statements in one transaction.
 */
export function rawImport(db: BetterSqlite3.Database, csv: string, orgId: string, classId: string, className: string, asOf: string): { admitted: number; updated: number; ceased: number } {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  const rows = parsed.data.slice(1);
  const date = (s: string) => {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
    return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
  };
  const recs = rows.map((f) => ({
    emp: f[0]!.trim().toUpperCase(),
    given: f[1]!.trim(),
    family: f[2]!.trim(),
    email: f[3]!.trim() || null,
    dob: date(f[4]!),
    line1: f[5]!.trim(),
    town: f[6]!.trim(),
    postcode: normalisePostcode(f[7]!),
    service: f[8]!.trim() || null,
    start: date(f[9]!)!,
    end: f[10]!.trim() ? date(f[10]!) : null,
    hours: f[11]!.trim() ? Math.round(Number(f[11]) * 100) : null,
  }));
  const lookup = db.prepare('select * from member where organisation_id = ? and employee_number = ? and ceased_on is null');
  const at = new Date().toISOString();
  const insertMember = db.prepare(`insert into member (id, organisation_id, person_id, member_number, class_id, given_names, family_name, sort_key, given_key,
    address_line1, address_line2, address_town, address_postcode, address_country, email, email_key, email_purposes, date_of_birth, employee_number,
    service_area, employment_start, employment_end, weekly_hours_centi, loans_deposits_pence, application_date, admitted_on, board_reference,
    ceased_on, cessation_reason, cessation_note, shares_held, paid_pence, created_at, updated_at)
    values (@id, @organisation_id, @person_id, @member_number, @class_id, @given_names, @family_name, @sort_key, @given_key,
    @address_line1, @address_line2, @address_town, @address_postcode, @address_country, @email, @email_key, @email_purposes, @date_of_birth, @employee_number,
    @service_area, @employment_start, @employment_end, @weekly_hours_centi, @loans_deposits_pence, @application_date, @admitted_on, @board_reference,
    @ceased_on, @cessation_reason, @cessation_note, @shares_held, @paid_pence, @created_at, @updated_at)`);
  const insertToken = db.prepare('insert into member_name_token (organisation_id, token, member_id) values (?, ?, ?)');
  const log = rawMemberAudit(db, 'bench');
  const update = db.prepare(
    'update member set given_names=?, family_name=?, sort_key=?, given_key=?, email=?, email_key=?, date_of_birth=?, address_line1=?, address_town=?, address_postcode=?, service_area=?, employment_start=?, employment_end=?, weekly_hours_centi=?, updated_at=? where id=?',
  );
  const cease = db.prepare("update member set ceased_on=?, cessation_reason='left_employment', updated_at=? where id=?");
  let counts = { admitted: 0, updated: 0, ceased: 0 };
  db.transaction(() => {
    const audit = (action: string, entityId: string, summary: string, before: unknown, after: unknown) => log.append(at, action, entityId, summary, before, after);
    const admits: typeof recs = [];
    const updates: [MemberRowDb, MemberRowDb, ReturnType<typeof diffFlat>][] = [];
    const ceases: [MemberRowDb, string][] = [];
    for (const r of recs) {
      const cur = lookup.get(orgId, r.emp) as MemberRowDb | undefined;
      if (!cur) {
        if (!r.end) admits.push(r);
        continue;
      }
      const next = { ...cur, given_names: r.given, family_name: r.family, email: r.email, date_of_birth: r.dob, address_line1: r.line1, address_town: r.town, address_postcode: r.postcode, service_area: r.service, employment_start: r.start, employment_end: r.end, weekly_hours_centi: r.hours };
      const diff = diffFlat(flattenParticulars(toParticulars(cur), className), flattenParticulars(toParticulars(next), className));
      if (diff.changed.length) updates.push([cur, next, diff]);
      if (r.end && r.end <= asOf) ceases.push([cur, r.end]);
    }
    const nv = db.prepare("update sequence set next_value = next_value + ? where organisation_id = ? and name = 'member_number' returning next_value").pluck().get(admits.length, orgId) as number;
    let num = nv - admits.length;
    for (const r of admits) {
      const row: MemberRowDb = {
        id: uuidv7(), organisation_id: orgId, person_id: uuidv7(), member_number: num++, class_id: classId,
        ...particularsColumns(asParticulars({ givenNames: r.given, familyName: r.family, address: { line1: r.line1, town: r.town, ...(r.postcode ? { postcode: r.postcode } : {}) }, ...(r.email ? { email: r.email } : {}), ...(r.dob ? { dateOfBirth: r.dob } : {}), employee: { employeeNumber: r.emp, ...(r.service ? { serviceArea: r.service } : {}), employmentStart: r.start, weeklyHours: r.hours === null ? null : r.hours / 100 }, loansAndDepositsPence: null })),
        application_date: null, admitted_on: asOf, board_reference: null, ceased_on: null, cessation_reason: null, cessation_note: null, shares_held: 0, paid_pence: 0, created_at: at, updated_at: at,
      };
      insertMember.run(row);
      for (const t of nameTokensFor(orgId, row.id, row.family_name, row.given_names)) insertToken.run(t.organisation_id, t.token, t.member_id);
      audit('member.admitted', row.id, `Member ${row.member_number} entered in the register (${className} class), admitted ${formatLegalDate(asOf)}`, null, {
        ...flattenParticulars(toParticulars(row), className), memberNumber: row.member_number, admittedOn: asOf, applicationDate: null, boardReference: null,
      });
    }
    for (const [cur, n, diff] of updates) {
      const cols = particularsColumns(asParticulars({ givenNames: n.given_names, familyName: n.family_name, address: { line1: n.address_line1, town: n.address_town }, ...(n.email ? { email: n.email } : {}), employee: null, loansAndDepositsPence: null }));
      update.run(n.given_names, n.family_name, cols.sort_key, cols.given_key, n.email, cols.email_key, n.date_of_birth, n.address_line1, n.address_town, n.address_postcode, n.service_area, n.employment_start, n.employment_end, n.weekly_hours_centi, at, cur.id);
      audit('member.updated', cur.id, `Member ${cur.member_number}: ${diff.changed.length} particulars changed`, diff.before, diff.after);
    }
    for (const [cur, end] of ceases) {
      cease.run(end, at, cur.id);
      audit('member.ceased', cur.id, `Member ${cur.member_number} ceased on ${formatLegalDate(end)}: left employment`, { ceasedOn: null }, { ceasedOn: end, cessationReason: 'left_employment', cessationNote: null });
    }
    log.finish();
    counts = { admitted: admits.length, updated: updates.length, ceased: ceases.length };
  }).immediate();
  return counts;
}

/** Particulars as the contract's parsed shape (optional fields absent rather than undefined). */
function asParticulars(p: object): MemberParticulars {
  return p as MemberParticulars;
}
