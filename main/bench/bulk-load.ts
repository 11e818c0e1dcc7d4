import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../core/db/ids';
import { nameTokensFor, particularsColumns } from '../core/members/columns';
import { flattenParticulars } from '../core/members/particulars-diff';
import { toParticulars } from '../core/members/columns';
import type { MemberRowDb } from '../core/db/schema';
import { rng, samplePerson, type SamplePerson } from '../sample/people';
import { formatLegalDate } from '../../shared/rules/legal-date';
import { rawMemberAudit } from './raw-audit';

/**
 * Benchmark set-up only (not a measured figure): fills the register with `count` members in
 * one transaction of raw prepared statements, deriving every column, name token and chained
 * audit event (with the member state it vouches for) exactly as the services do, so the measured paths then run against a register
 * indistinguishable from one built through the app.
 */
export function bulkLoadMembers(
  raw: BetterSqlite3.Database,
  opts: {
    organisationId: string;
    classId: string;
    className: string;
    count: number;
    seed: number;
    actor: string;
    onProgress?: (done: number) => void;
    /**
     * The member's dates (default: admitted when employed, from 2020, still a member). A member
     * who ceased is entered as admitted, then ceased with its own `member.ceased` event, as the app
     * records it (members.cease), so the register holds the dated history a report counts.
     */
    dates?: (p: SamplePerson, r: () => number) => { admittedOn: string; ceased: { on: string; reason: 'left_employment' | 'resigned' | 'expelled' | 'deceased' | 'other' } | null };
    /** One share allotted on admission at this nominal value (paid in full), withdrawn on cessation, as the ledger records them. */
    shareNominalPence?: number;
  },
): void {
  const r = rng(opts.seed);
  const at = new Date().toISOString();
  const insertMember = raw.prepare(`insert into member (id, organisation_id, person_id, member_number, class_id, given_names, family_name, sort_key, given_key,
    address_line1, address_line2, address_town, address_postcode, address_country, email, email_key, email_purposes, date_of_birth, employee_number,
    service_area, employment_start, employment_end, weekly_hours_centi, loans_deposits_pence, application_date, admitted_on, board_reference,
    ceased_on, cessation_reason, cessation_note, shares_held, paid_pence, created_at, updated_at)
    values (@id, @organisation_id, @person_id, @member_number, @class_id, @given_names, @family_name, @sort_key, @given_key,
    @address_line1, @address_line2, @address_town, @address_postcode, @address_country, @email, @email_key, @email_purposes, @date_of_birth, @employee_number,
    @service_area, @employment_start, @employment_end, @weekly_hours_centi, @loans_deposits_pence, @application_date, @admitted_on, @board_reference,
    @ceased_on, @cessation_reason, @cessation_note, @shares_held, @paid_pence, @created_at, @updated_at)`);
  const insertToken = raw.prepare('insert into member_name_token (organisation_id, token, member_id) values (?, ?, ?)');
  const audit = rawMemberAudit(raw, opts.actor);
  const insertShare = raw.prepare(`insert into share_transaction (id, organisation_id, member_id, kind, date, shares, amount_pence, counterparty_member_id, transfer_id, notice_date, payment_date,
    board_reference, created_at, resolution_reference, share_numbers, recorded_as) values (?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, null, ?, null, null, null)`);
  const setShares = raw.prepare('update member set shares_held = ?, paid_pence = ? where id = ?');
  const cease = raw.prepare('update member set ceased_on = ?, cessation_reason = ?, updated_at = ? where id = ?');
  const REASON: Record<string, string> = { left_employment: 'left employment', resigned: 'resigned', expelled: 'expelled', deceased: 'deceased', other: 'other' };
  const run = raw.transaction(() => {
    const first = (raw.prepare("select next_value from sequence where organisation_id = ? and name = 'member_number'").pluck().get(opts.organisationId) as number | undefined) ?? 1;
    for (let i = 0; i < opts.count; i++) {
      const p = samplePerson(r, first + i);
      const particulars = {
        givenNames: p.givenNames,
        familyName: p.familyName,
        address: { line1: p.line1, town: p.town, postcode: p.postcode },
        email: p.email,
        dateOfBirth: p.dateOfBirth,
        employee: { employeeNumber: p.employeeNumber, serviceArea: p.serviceArea, employmentStart: p.employmentStart, weeklyHours: p.weeklyHours },
        loansAndDepositsPence: null,
      };
      const dated = opts.dates?.(p, r) ?? null;
      const admittedOn = dated ? dated.admittedOn : p.employmentStart > '2020-01-01' ? p.employmentStart : '2020-01-01';
      const row: MemberRowDb = {
        id: uuidv7(),
        organisation_id: opts.organisationId,
        person_id: uuidv7(),
        member_number: first + i,
        class_id: opts.classId,
        ...particularsColumns(particulars as never),
        application_date: null,
        admitted_on: admittedOn,
        board_reference: null,
        ceased_on: null,
        cessation_reason: null,
        cessation_note: null,
        shares_held: 0,
        paid_pence: 0,
        created_at: at,
        updated_at: at,
      };
      insertMember.run(row);
      for (const t of nameTokensFor(opts.organisationId, row.id, row.family_name, row.given_names)) insertToken.run(t.organisation_id, t.token, t.member_id);
      audit.append(
        at,
        'member.admitted',
        row.id,
        `Member ${row.member_number} entered in the register (${opts.className} class), admitted ${formatLegalDate(admittedOn)}`,
        null,
        { ...flattenParticulars(toParticulars(row), opts.className), memberNumber: row.member_number, admittedOn, applicationDate: null, boardReference: null },
      );
      const nominal = opts.shareNominalPence;
      if (nominal !== undefined) {
        insertShare.run(uuidv7(), opts.organisationId, row.id, 'allotment', admittedOn, 1, nominal, null, null, at);
        setShares.run(1, nominal, row.id);
        audit.append(at, 'shares.allotted', row.id, `Member ${row.member_number}: 1 share allotted on ${formatLegalDate(admittedOn)}`, { sharesHeld: 0 }, { sharesHeld: 1, kind: 'allotment', date: admittedOn, shares: 1, amountPence: nominal });
      }
      if (dated?.ceased) {
        const { on, reason } = dated.ceased;
        if (nominal !== undefined) {
          // The share withdrawn on the day membership ends, its nominal value repaid (members.cease with a withdrawal).
          insertShare.run(uuidv7(), opts.organisationId, row.id, 'withdrawal', on, -1, nominal, on, on, at);
          setShares.run(0, 0, row.id);
        }
        cease.run(on, reason, at, row.id);
        audit.append(
          at,
          'member.ceased',
          row.id,
          `Member ${row.member_number} ceased on ${formatLegalDate(on)}: ${REASON[reason]}`,
          { ceasedOn: null, cessationReason: null, cessationNote: null },
          { ceasedOn: on, cessationReason: reason, cessationNote: null },
        );
      }
      if ((i + 1) % 50_000 === 0) opts.onProgress?.(i + 1);
    }
    audit.finish();
    raw
      .prepare("insert into sequence (organisation_id, name, next_value) values (?, 'member_number', ?) on conflict(organisation_id, name) do update set next_value = excluded.next_value")
      .run(opts.organisationId, first + opts.count);
  });
  run();
}
