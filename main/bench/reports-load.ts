import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../core/db/ids';
import { clauseColumns, rulesColumns } from '../core/organisation/handlers';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { NO_CLAUSES } from '../../shared/rules/governing-clauses';
import type { LegalForm } from '../../shared/domain/legal-form';
import { addDays, addYears } from '../../shared/rules/legal-date';
import { rng } from '../sample/people';
import { bulkLoadMembers } from './bulk-load';
import { bulkLoadContracts } from './contracts-load';
import { bulkLoadMeetings, pdfPool, rawSealer, type Director } from './meetings-load';

/**
 * Benchmark set-up only (not a measured figure): a group of organisations in one file, each with
 * its governing rules, two classes of members, a board, ten years of board and committee meetings
 * (meetings-load.ts), a general meeting each year with members attending, resolutions and their
 * decisions, a closed ballot each year with its roll, and its share of the group's contracts
 * (contracts-load.ts). Members are entered through the register benchmark's loader (bulk-load.ts)
 * with dated admissions and cessations, so a report as at a past date has admissions, cessations
 * and a membership that differs from today's.
 *
 * The first organisation is the one the caller set up through the app (organisation.setUp), so
 * the core treats it as the current one; the others are inserted with raw statements (as the
 * group's organisations would be added), with their rules and classes.
 */
export interface GroupLoadOptions {
  /** Today, 'YYYY-MM-DD'. */
  today: string;
  /** The organisation already set up through the app: the group's largest, loaded first. */
  firstOrganisationId: string;
  organisations: number;
  /** Members in all, spread over the organisations (40%, 30%, 15%, 10%, 5% for five). */
  members: number;
  contracts: number;
  /** Years of meetings, ballots and members' history. */
  years: number;
  seed: number;
  actor: string;
  onProgress?: (message: string) => void;
}

export interface LoadedOrganisation {
  id: string;
  name: string;
  legalForm: LegalForm;
  classes: { id: string; name: string; isEmployeeClass: boolean; shareNominalPence: number | null }[];
  members: number;
  directors: Director[];
  /** Annual general meetings, earliest first, with their dates. */
  agms: { meetingId: string; heldOn: string; noticeOn: string }[];
  ballots: number;
  contracts: number;
  meetings: number;
}

export interface GroupLoaded {
  organisations: LoadedOrganisation[];
}

const SHARES = [0.4, 0.3, 0.15, 0.1, 0.05];

/** How `total` members are spread over `n` organisations: 40/30/15/10/5% for five, halving beyond. */
export function spread(total: number, n: number): number[] {
  const w = Array.from({ length: n }, (_, i) => SHARES[i] ?? SHARES[SHARES.length - 1]! / 2 ** (i - SHARES.length + 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  out[0]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

const ORGANISATIONS: { name: string; legalForm: LegalForm; registrationNumber: string; town: string }[] = [
  { name: 'Benchmark Community Care Group', legalForm: 'company_limited_by_guarantee', registrationNumber: '01234567', town: 'Leeds' },
  { name: 'Pennine Health Mutual', legalForm: 'community_benefit_society', registrationNumber: 'RS007001', town: 'Halifax' },
  { name: 'Riverside Leisure CIC', legalForm: 'cic_limited_by_guarantee', registrationNumber: '07654321', town: 'Wakefield' },
  { name: 'Aire Valley Libraries Mutual', legalForm: 'company_limited_by_guarantee', registrationNumber: '08765432', town: 'Bradford' },
  { name: 'Kirkstall Youth Services Co-operative', legalForm: 'cooperative_society', registrationNumber: 'RS008002', town: 'Leeds' },
];

export function organisationSpec(i: number) {
  const base = ORGANISATIONS[i % ORGANISATIONS.length]!;
  return i < ORGANISATIONS.length ? base : { ...base, name: `${base.name} ${Math.floor(i / ORGANISATIONS.length) + 1}`, registrationNumber: `${base.registrationNumber.slice(0, -1)}${i % 10}` };
}

const DIRECTOR_NAMES = [
  ['Margaret', 'Okafor'], ['Dafydd', 'ap Gwilym'], ['Siobhán', "O'Neill"], ['Rajesh', 'Patel'], ['Helen', 'Åberg'], ['Peter', 'Lloyd'], ['Aisha', 'Khan'],
  ['Tomasz', 'Nowak'], ['Gráinne', 'Murphy'], ['Oluwaseun', 'Bello'], ['Catrin', 'Jones'], ['Imran', 'Hussain'], ['Beatrix', 'Clarke'], ['Kofi', 'Mensah'],
] as const;
const RELATED = ['Leeds City Council', 'Leeds Community Healthcare NHS Trust', 'West Yorkshire Integrated Care Board', 'Riverside Hospice', 'Harehills Housing Association'];
const KINDS = ['employee', 'employee', 'independent', 'member', 'employee', 'independent', 'member', 'nominee'] as const;
const REASONS = ['left_employment', 'left_employment', 'left_employment', 'left_employment', 'resigned', 'resigned', 'deceased', 'expelled', 'other'] as const;

/**
 * Loads the group. The first organisation must exist (set up through the app); its classes are
 * created here with raw statements like the others'.
 */
export async function bulkLoadGroup(raw: BetterSqlite3.Database, o: GroupLoadOptions): Promise<GroupLoaded> {
  const now = new Date().toISOString();
  const counts = spread(o.members, o.organisations);
  const contractCounts = spread(o.contracts, o.organisations);
  const firstDay = addYears(o.today, -o.years);
  const pool = await pdfPool(2, { bytes: 24 * 1024 });
  const sealer = rawSealer(raw);
  const loaded: GroupLoaded = { organisations: [] };

  const ins = {
    organisation: raw.prepare(`insert into organisation (id, name, legal_form, registration_number, office_line1, office_line2, office_town, office_county, office_postcode, office_country,
      incorporated_on, financial_year_end, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, null, ?, 'england', ?, '03-31', ?, ?)`),
    rules: raw.prepare(`insert into governing_rules (organisation_id, gm_notice_clear_days, gm_quorum, board_quorum, special_resolution_bp, written_resolution_lapse_days, voting_basis,
      chair_casting_vote, proxies_allowed, proxy_deadline_hours, conflicted_excluded_from_quorum, board_written_resolutions, short_notice_pct, objects_public_services, objects_clause,
      profit_basis, profit_clause, employee_control_clause, updated_at)
      values (@organisation_id, @gm_notice_clear_days, @gm_quorum, @board_quorum, @special_resolution_bp, @written_resolution_lapse_days, @voting_basis, @chair_casting_vote,
      @proxies_allowed, @proxy_deadline_hours, @conflicted_excluded_from_quorum, @board_written_resolutions, @short_notice_pct, @objects_public_services, @objects_clause,
      @profit_basis, @profit_clause, @employee_control_clause, @updated_at)`),
    cls: raw.prepare(`insert into membership_class (id, organisation_id, name, name_key, description, voting_rights, votes_per_member, is_employee_class, min_age_years,
      min_weekly_hours_centi, min_service_months, share_nominal_pence, share_withdrawable, share_transferable, share_max_holding, created_at, updated_at, share_redeemable, share_numbered)
      values (?, ?, ?, ?, null, 'per_member', 1, ?, 16, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`),
    officer: raw.prepare(`insert into officer (id, organisation_id, member_id, given_names, family_name, former_names, service_line1, service_line2, service_town, service_postcode,
      service_country, date_of_birth, nationality, occupation, country_of_residence, created_at, updated_at) values (?, ?, null, ?, ?, null, '1 Park Row', null, ?, 'LS1 5AB', 'england', ?, 'British', 'Director', 'England', ?, ?)`),
    interest: raw.prepare(`insert into interest (id, organisation_id, officer_id, category, nature, related_organisation, declared_on, ended_on, created_at, updated_at)
      values (?, ?, ?, 'employment', ?, ?, ?, ?, ?, ?)`),
    appointment: raw.prepare(`insert into appointment (id, organisation_id, officer_id, role, director_kind, nominated_by, appointed_on, ceased_on, cessation_reason, created_at, updated_at)
      values (?, ?, ?, 'director', ?, ?, ?, ?, ?, ?, ?)`),
    meeting: raw.prepare(`insert into meeting (id, organisation_id, kind, title, committee_id, class_id, held_on, starts_at, ends_at, place, electronic_means,
      chair_officer_id, chair_name, status, cancelled_reason, notice_sent_at, notice_method, short_notice, first_meeting_id, society_resolution_kind, created_at, updated_at)
      values (?, ?, 'annual_general', ?, null, null, ?, '18:30', '20:00', ?, null, ?, ?, 'minutes_approved', null, ?, 'electronic', 0, null, null, ?, ?)`),
    item: raw.prepare(`insert into agenda_item (id, meeting_id, parent_id, position, title, presenter, purpose, minutes_allotted, standard, related_organisation, contract_ref, starts_at, notes, created_at, updated_at)
      values (?, ?, null, ?, ?, ?, ?, 10, ?, null, null, null, null, ?, ?)`),
    attendance: raw.prepare(`insert into attendance (id, meeting_id, role, officer_id, member_id, name, capacity, status, arrived_at, left_at, proxy_appointment_id, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, null, ?, null, null, ?, ?, ?)`),
    proxy: raw.prepare(`insert into proxy_appointment (id, meeting_id, member_id, proxy_name, received_at, instructions, revoked_at, created_at, updated_at, proxy_member_id)
      values (?, ?, ?, 'The chair of the meeting', ?, null, null, ?, ?, null)`),
    resolution: raw.prepare(`insert into resolution (id, meeting_id, agenda_item_id, position, kind, society_kind, text, explanatory_note, created_at, updated_at) values (?, ?, ?, ?, ?, null, ?, null, ?, ?)`),
    decision: raw.prepare(`insert into decision (id, organisation_id, meeting_id, agenda_item_id, resolution_id, written_resolution_id, kind, text, proposer, seconder, method,
      votes_named, votes_for, votes_against, votes_abstain, outcome, recorded_not_quorate, related_organisation, decided_on, created_at, updated_at)
      values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, null, ?, ?, ?)`),
    minutes: raw.prepare(`insert into minutes (id, meeting_id, status, body, circulated_on, approved_on, approved_by_decision_id, approved_in_writing, signed_on, signed_by,
      sealed_sha256, sealed_record, corrects_minutes_id, created_at, updated_at) values (?, ?, 'signed', ?, ?, ?, null, 0, ?, ?, ?, ?, null, ?, ?)`),
    ballot: raw.prepare(`insert into ballot (id, organisation_id, meeting_id, title, base, record_date, status, trustee_count, threshold, casting_vote, setup_hash, public_key, fingerprint,
      roll_hash, roll_count, total_weight, opened_at, closed_at, sealed_box_hash, box_count, tally, result, lot_seed, decided_at, created_at, updated_at)
      values (?, ?, ?, ?, 'votes_cast', ?, 'closed', 2, 2, 0, ?, null, null, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, ?, ?)`),
    question: raw.prepare(`insert into ballot_question (id, ballot_id, position, kind, text, resolution_kind, resolution_id, min_choices, max_choices, created_at) values (?, ?, 1, 'election', ?, null, null, 1, ?, ?)`),
    choice: raw.prepare('insert into ballot_choice (id, question_id, position, label, statement, created_at) values (?, ?, ?, ?, ?, ?)'),
    roll: raw.prepare(`insert into ballot_roll (id, ballot_id, member_id, member_number, name, class_name, weight, code_hash, voted_by, paper_serial, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, 1, null, ?, null, ?, ?)`),
  };

  // Phase 1, every organisation's register with the member table's and the audit log's secondary
  // indexes set aside (each insert otherwise updates a dozen b-trees); they are built again from
  // their own definitions once all the members are in, which is how a bulk load is done quickly.
  // Phase 2, each organisation's board, meetings, ballots and contracts.
  const orgs: { id: string; spec: ReturnType<typeof organisationSpec>; classes: LoadedOrganisation['classes']; members: number }[] = [];
  // (Not the share ledger's: the audit's state of a member reads its ledger by member.)
  const set = setIndexesAside(raw, ['member', 'member_name_token', 'audit_event', 'audit_payload']);
  try {
  for (let k = 0; k < o.organisations; k++) {
    const spec = organisationSpec(k);
    let id = o.firstOrganisationId;
    const incorporatedOn = addYears(o.today, -(o.years + 4));
    if (k > 0) {
      id = uuidv7();
      raw.transaction(() => {
        ins.organisation.run(id, spec.name, spec.legalForm, spec.registrationNumber, `${10 + k} Market Street`, spec.town, 'LS1 5AB', incorporatedOn, now, now);
        ins.rules.run({ organisation_id: id, ...rulesColumns(defaultRuleValues(spec.legalForm) as never), ...clauseColumns(NO_CLAUSES), updated_at: now });
      })();
    }
    const society = spec.legalForm === 'community_benefit_society' || spec.legalForm === 'cooperative_society';
    // Two classes: employees (with eligibility) and the community; a society's members each hold one £1 withdrawable share.
    const nominal = society ? 100 : null;
    const classes: LoadedOrganisation['classes'] = [
      { id: uuidv7(), name: 'Employee', isEmployeeClass: true, shareNominalPence: nominal },
      { id: uuidv7(), name: 'Community', isEmployeeClass: false, shareNominalPence: nominal },
    ];
    raw.transaction(() => {
      for (const c of classes) {
        ins.cls.run(c.id, id, c.name, c.name.toLowerCase(), c.isEmployeeClass ? 1 : 0, c.isEmployeeClass ? 750 : null, c.isEmployeeClass ? 3 : null, nominal, society ? 1 : null, society ? 0 : null, society ? 1 : null, now, now, society ? 0 : null);
      }
    })();

    // --- members: admitted over the years (a fifth before the ten), about a quarter since ceased ---
    const members = counts[k]!;
    const employees = Math.round(members * 0.85);
    const dates = (_p: unknown, rr: () => number) => {
      const span = o.years * 365 + 4 * 365;
      const admittedOn = addDays(incorporatedOn, 30 + Math.floor(rr() * span));
      let ceased: { on: string; reason: (typeof REASONS)[number] } | null = null;
      if (rr() < 0.25) {
        const left = Math.max(0, Math.round((Date.parse(o.today) - Date.parse(admittedOn)) / 86_400_000) - 1);
        if (left > 0) ceased = { on: addDays(admittedOn, 1 + Math.floor(rr() * left)), reason: REASONS[Math.floor(rr() * REASONS.length)]! };
      }
      return { admittedOn, ceased };
    };
    const t0 = Date.now();
    bulkLoadMembers(raw, {
      organisationId: id,
      classId: classes[0]!.id,
      className: 'Employee',
      count: employees,
      seed: o.seed * 100 + k * 2 + 1,
      actor: o.actor,
      dates,
      ...(nominal !== null ? { shareNominalPence: nominal } : {}),
      onProgress: (n) => n % 100_000 === 0 && o.onProgress?.(`  ${spec.name}: ${n.toLocaleString('en-GB')} employee members…`),
    });
    bulkLoadMembers(raw, {
      organisationId: id,
      classId: classes[1]!.id,
      className: 'Community',
      count: members - employees,
      seed: o.seed * 100 + k * 2 + 2,
      actor: o.actor,
      dates,
      ...(nominal !== null ? { shareNominalPence: nominal } : {}),
    });
    o.onProgress?.(`  ${spec.name}: ${members.toLocaleString('en-GB')} members in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    orgs.push({ id, spec, classes, members });
  }
  } finally {
    const t1 = Date.now();
    set.restore();
    o.onProgress?.(`  indexes built again in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  }

  for (const [k, { id, spec, classes, members }] of orgs.entries()) {
    const r = rng(o.seed * 1000 + 500 + k);
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

    // --- the board: eight directors throughout, and others appointed and leaving over the years ---
    const directors: Director[] = [];
    raw.transaction(() => {
      for (let d = 0; d < DIRECTOR_NAMES.length; d++) {
        const [given, family] = DIRECTOR_NAMES[d]!;
        const officerId = uuidv7();
        ins.officer.run(officerId, id, given, family, spec.town, `19${60 + ((d * 3) % 38)}-0${1 + (d % 9)}-1${d % 10}`, now, now);
        const kind = KINDS[d % KINDS.length]!;
        if (d < 8) {
          ins.appointment.run(uuidv7(), id, officerId, kind, kind === 'nominee' ? 'Leeds City Council' : null, addDays(firstDay, -30 - d), null, null, now, now);
          directors.push({ officerId, name: `${given} ${family}` });
          // Interests declared over the years, some since ended.
          for (let j = 0; j < 1 + (d % 3); j++) {
            const declaredOn = addDays(firstDay, int(0, o.years * 365 - 30));
            const ended = r() < 0.4 ? addDays(declaredOn, int(30, 900)) : null;
            const org = RELATED[(d + j) % RELATED.length]!;
            ins.interest.run(uuidv7(), id, officerId, `Employed by ${org}`, org, declaredOn, ended !== null && ended < o.today ? ended : null, now, now);
          }
        } else {
          // Six seats that turn over: terms of two or three years, one after another, through the ten years.
          let on = addDays(firstDay, int(0, 400));
          while (on < o.today) {
            const end = addDays(on, int(700, 1100));
            const ceased = end < o.today ? end : null;
            ins.appointment.run(uuidv7(), id, officerId, kind, kind === 'nominee' ? 'Leeds City Council' : null, on, ceased, ceased ? 'resigned' : null, now, now);
            if (!ceased) break;
            on = addDays(end, int(200, 500));
          }
        }
      }
    })();

    // --- board and committee meetings: ten years, monthly (meetings-load.ts) ---
    const meetings = bulkLoadMeetings(raw, {
      organisationId: id,
      directors,
      years: o.years,
      bodies: k < 2 ? 4 : 3,
      lastMeetingOn: addDays(o.today, -20),
      pool,
      packPages: 10,
      seed: o.seed * 10 + k,
    });

    // --- a general meeting each year, with members attending, proxies, resolutions, their decisions and signed minutes;
    //     and a closed ballot each year (the community class's election of a director), with its roll ---
    const agms: LoadedOrganisation['agms'] = [];
    const current = raw.prepare(
      'select id, member_number, given_names, family_name from member where class_id = ? and admitted_on <= ? and (ceased_on is null or ceased_on > ?) order by member_number',
    );
    const someMembers = raw.prepare(
      'select id, member_number, given_names, family_name from member where organisation_id = ? and admitted_on <= ? and (ceased_on is null or ceased_on > ?) and member_number % ? = ? limit ?',
    );
    let ballots = 0;
    for (let y = 0; y < o.years; y++) {
      const heldOn = addDays(addYears(firstDay, y), 200 + int(0, 20));
      if (heldOn >= o.today) break;
      const noticeOn = addDays(heldOn, -28);
      raw.transaction(() => {
        const meetingId = uuidv7();
        const chair = directors[0]!;
        ins.meeting.run(meetingId, id, `Annual general meeting ${heldOn.slice(0, 4)}`, heldOn, `${spec.town} Town Hall`, chair.officerId, chair.name, `${noticeOn}T09:00`, now, now);
        const items: string[] = [];
        const titles: [string, 'decision' | 'information', string | null][] = [
          ['Welcome and apologies for absence', 'information', 'apologies'],
          ['Minutes of the last annual general meeting', 'decision', 'previous_minutes'],
          ['Annual report and accounts', 'decision', null],
          ['Appointment of the auditors', 'decision', null],
          ['Election of directors', 'decision', null],
          ['Changes to the rules', 'decision', null],
        ];
        titles.forEach(([t, purpose, standard], i) => {
          const itemId = uuidv7();
          ins.item.run(itemId, meetingId, i + 1, t, chair.name, purpose, standard, now, now);
          items.push(itemId);
        });
        for (const d of directors) ins.attendance.run(uuidv7(), meetingId, 'director', d.officerId, null, d.name, r() < 0.9 ? 'present' : 'apologies', null, now, now);
        // Members in person (one in a few thousand of the membership, at least twenty), and some by proxy.
        const attending = Math.max(20, Math.round(members / 4000));
        const mod = Math.max(1, Math.floor(members / (attending * 1.5)));
        const people = someMembers.all(id, noticeOn, heldOn, mod, int(0, mod - 1), attending + Math.round(attending / 4)) as { id: string; member_number: number; given_names: string; family_name: string }[];
        people.forEach((m, i) => {
          if (i < attending) ins.attendance.run(uuidv7(), meetingId, 'member', null, m.id, `${m.given_names} ${m.family_name}`, r() < 0.85 ? 'present' : 'present_electronically', null, now, now);
          else {
            const proxyId = uuidv7();
            ins.proxy.run(proxyId, meetingId, m.id, `${addDays(heldOn, -3)}T12:00:00.000Z`, now, now);
          }
        });
        const inRoom = Math.min(attending, people.length);
        const proxies = people.length - inRoom;
        // Ordinary resolutions every year; a special resolution to change the rules one year in three.
        const resolutions: { kind: 'ordinary' | 'special'; text: string; item: string }[] = [
          { kind: 'ordinary', text: `That the annual report and accounts for the year to 31 March ${heldOn.slice(0, 4)} be received.`, item: items[2]! },
          { kind: 'ordinary', text: 'That Ledger & Co be reappointed as auditors.', item: items[3]! },
          { kind: 'ordinary', text: 'That the directors retiring by rotation be re-elected.', item: items[4]! },
        ];
        if (y % 3 === 1) resolutions.push({ kind: 'special', text: 'That the rules be amended as set out in the notice.', item: items[5]! });
        resolutions.forEach((res, i) => {
          const resId = uuidv7();
          ins.resolution.run(resId, meetingId, res.item, i + 1, res.kind, res.text, now, now);
          const lost = res.kind === 'special' && y === 4;
          const against = lost ? Math.round((inRoom + proxies) * 0.4) : int(0, 5);
          const abstain = int(0, 3);
          const forV = Math.max(0, inRoom + proxies - against - abstain);
          ins.decision.run(uuidv7(), id, meetingId, res.item, resId, res.kind, res.text, directors[1]!.name, directors[2]!.name, 'show_of_hands', forV, against, abstain, lost ? 'lost' : 'carried', heldOn, now, now);
        });
        // The ballot: the community class's election, its roll the class as it stood at the notice, about a quarter voting.
        const ballotId = uuidv7();
        const roll = current.all(classes[1]!.id, noticeOn, noticeOn) as { id: string; member_number: number; given_names: string; family_name: string }[];
        let voted = 0;
        const closed = `${addDays(heldOn, -1)}T17:00:00.000Z`;
        const hash = (s: string) => createHash('sha256').update(s).digest('hex');
        // Set up a week before the notice (a report as at a date reads a ballot's questions and candidates only once set up).
        const setUpAt = `${addDays(noticeOn, -7)}T09:00:00.000Z`;
        const rollRows = roll.map((m) => {
          const v = r() < 0.27;
          if (v) voted += 1;
          return [uuidv7(), ballotId, m.id, m.member_number, `${m.given_names} ${m.family_name}`, 'Community', v ? (r() < 0.8 ? 'code' : 'paper') : null] as const;
        });
        ins.ballot.run(ballotId, id, meetingId, `Election of a community director ${heldOn.slice(0, 4)}`, noticeOn, hash(`setup ${ballotId}`), hash(`roll ${ballotId}`), roll.length, roll.length,
          `${noticeOn}T09:00:00.000Z`, closed, hash(`box ${ballotId}`), voted, setUpAt, closed);
        for (const row of rollRows) ins.roll.run(...row, now, now);
        const q = uuidv7();
        ins.question.run(q, ballotId, 'Election of one community director', 1, setUpAt);
        for (let c = 1; c <= 3; c++) ins.choice.run(uuidv7(), q, c, `Candidate ${c}`, c === 3 ? null : `I have been a member since ${heldOn.slice(0, 4)} and would like to serve.`, setUpAt);
        ballots += 1;
        // Signed minutes, sealed as the app seals them (last: nothing may be added to a meeting once its minutes are signed).
        const minutesId = uuidv7();
        const signedOn = addDays(heldOn, 40);
        const bodyText = JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: `Minutes of the annual general meeting held on ${heldOn}.` }] }] } });
        const fields = { id: minutesId, meeting_id: meetingId, status: 'signed', body: bodyText, circulated_on: addDays(heldOn, 14), approved_on: signedOn, approved_by_decision_id: null, approved_in_writing: 0, signed_on: signedOn, signed_by: chair.name, corrects_minutes_id: null, created_at: now };
        const sealed = sealer.record(fields, meetingId);
        ins.minutes.run(minutesId, meetingId, bodyText, fields.circulated_on, signedOn, signedOn, chair.name, sealed.sha256, sealed.body, now, now);
        agms.push({ meetingId, heldOn, noticeOn });
      })();
    }

    // --- contracts: the organisation's share of the group's, over the ten years ---
    const c = bulkLoadContracts(raw, {
      organisationId: id,
      today: o.today,
      contracts: contractCounts[k]!,
      years: o.years,
      counterparties: Math.max(20, Math.round(400 * (contractCounts[k]! / Math.max(1, o.contracts)))),
      documents: contractCounts[k]!,
      seed: o.seed * 10 + 5 + k,
    });
    o.onProgress?.(`  ${spec.name}: ${meetings.meetings.toLocaleString('en-GB')} board and committee meetings, ${agms.length} general meetings, ${ballots} ballots, ${c.contracts.toLocaleString('en-GB')} contracts`);
    loaded.organisations.push({ id, name: spec.name, legalForm: spec.legalForm, classes, members, directors, agms, ballots, contracts: c.contracts, meetings: meetings.meetings + agms.length });
  }
  return loaded;
}

/** The group a kept benchmark file holds (reports.ts --db), read back from it: its organisations, largest first. */
export function groupOnFile(raw: BetterSqlite3.Database): GroupLoaded {
  const orgs = raw.prepare('select o.id, o.name, o.legal_form, (select count(*) from member m where m.organisation_id = o.id) as members from organisation o').all() as { id: string; name: string; legal_form: LegalForm; members: number }[];
  orgs.sort((a, b) => b.members - a.members);
  return {
    organisations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      legalForm: o.legal_form,
      classes: (raw.prepare('select id, name, is_employee_class, share_nominal_pence from membership_class where organisation_id = ? order by is_employee_class desc').all(o.id) as { id: string; name: string; is_employee_class: number; share_nominal_pence: number | null }[]).map((c) => ({
        id: c.id,
        name: c.name,
        isEmployeeClass: c.is_employee_class === 1,
        shareNominalPence: c.share_nominal_pence,
      })),
      members: o.members,
      directors: [],
      agms: (raw.prepare("select id, held_on, notice_sent_at from meeting where organisation_id = ? and kind = 'annual_general' order by held_on").all(o.id) as { id: string; held_on: string; notice_sent_at: string }[]).map((m) => ({
        meetingId: m.id,
        heldOn: m.held_on,
        noticeOn: m.notice_sent_at.slice(0, 10),
      })),
      ballots: raw.prepare('select count(*) from ballot where organisation_id = ?').pluck().get(o.id) as number,
      contracts: raw.prepare('select count(*) from contract where organisation_id = ?').pluck().get(o.id) as number,
      meetings: raw.prepare('select count(*) from meeting where organisation_id = ?').pluck().get(o.id) as number,
    })),
  };
}

/**
 * Drops the secondary indexes of the tables (those written in the schema, not the ones a primary
 * key or unique constraint makes) and answers how to build them again from their own definitions.
 */
export function setIndexesAside(raw: BetterSqlite3.Database, tables: string[]): { restore(): void } {
  const indexes = raw
    .prepare(`select name, sql from sqlite_schema where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const i of indexes) raw.exec(`drop index "${i.name}"`);
  return {
    restore: () => {
      for (const i of indexes) raw.exec(i.sql);
    },
  };
}
