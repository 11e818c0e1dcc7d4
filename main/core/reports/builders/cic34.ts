import type { ReportBlock, ReportSection } from '../../../../shared/contract/reports';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { formatLegalDate, ukDateOf } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import { CIC_LAW, CIC_PARTS, CIC_TEXT, isCic, turnoutText } from '../../../../shared/rules/reports/cic';
import type { ReadDb } from '../../context';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { count, text, type BuiltReport, type ReportSource } from '../source';
import { directorsInPeriod, particularsOnDate, shareCapitalOnDate } from './regulator-records';

/**
 * The community interest company report (form CIC34) for a financial year, pre-filled from the
 * records where they hold the facts (C(AICE) Act 2004 s34; Community Interest Company Regulations
 * 2005 regs 26-27, read as shared/rules/reports/cic.ts records): the general meetings and ballots
 * held in the year with their turnout (Part 2), the directors in office (Part 3) and, for a company
 * limited by shares, its share capital (the dividends part). What only the company can say — its
 * activities and impact, who else it consulted, the remuneration, transfers of assets, the
 * dividends — is left to write, each listed in `missing` with its part.
 */

const GENERAL_KINDS = ['annual_general', 'general', 'class'] as const;
const KIND_LABEL: Record<(typeof GENERAL_KINDS)[number], string> = { annual_general: 'Annual general meeting', general: 'General meeting', class: 'Class meeting' };

/** General (and class) meetings held in the period, with the members present in person, electronically or by proxy, and those entitled that day. */
export async function generalMeetingsInPeriod(db: ReadDb, organisationId: string, from: string, to: string) {
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'kind', 'title', 'held_on', 'class_id'])
    .where('organisation_id', '=', organisationId)
    .where('kind', 'in', [...GENERAL_KINDS])
    .where('status', 'in', ['held', 'minutes_approved'])
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const out = [];
  for (const m of meetings) {
    const present = await db
      .selectFrom('attendance')
      .select((eb) => eb.fn.count<number>(eb.fn.coalesce('member_id', 'id')).distinct().as('n'))
      .where('meeting_id', '=', m.id)
      .where('role', 'in', ['member', 'proxy', 'corporate_representative'])
      .where('status', 'in', ['present', 'present_electronically'])
      .executeTakeFirstOrThrow();
    let entitled = db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('admitted_on', '<=', m.held_on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', m.held_on)]));
    if (m.kind === 'class' && m.class_id) entitled = entitled.where('class_id', '=', m.class_id);
    const e = await entitled.executeTakeFirstOrThrow();
    out.push({ id: m.id, kind: m.kind as (typeof GENERAL_KINDS)[number], title: m.title, heldOn: m.held_on, classId: m.kind === 'class' ? m.class_id : null, present: Number(present.n), entitled: Number(e.n) });
  }
  return out;
}

/** Ballots closed in the period (their UK closing day), with the roll, those who voted and the kinds of question put. */
export async function ballotsInPeriod(db: ReadDb, organisationId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('ballot')
    .select(['id', 'title', 'closed_at', 'roll_count'])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['closed', 'decided'])
    // Instants are UTC and a UK day starts at most an hour before UTC's: look from the day before, judge each by its UK day.
    .where('closed_at', '>=', `${dayBefore(from)}T00:00:00`)
    .orderBy('closed_at')
    .orderBy('id')
    .execute();
  const out = [];
  for (const b of rows) {
    const day = b.closed_at ? ukDateOf(new Date(b.closed_at)) : null;
    if (!day || day < from || day > to) continue;
    const voted = await db.selectFrom('ballot_roll').select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', '=', b.id).where('voted_by', 'is not', null).executeTakeFirstOrThrow();
    const kinds = await db.selectFrom('ballot_question').select('kind').distinct().where('ballot_id', '=', b.id).orderBy('kind').execute();
    out.push({ id: b.id, title: b.title, closedAt: b.closed_at, roll: b.roll_count ?? 0, voted: Number(voted.n), kinds: kinds.map((k) => k.kind) });
  }
  return out;
}

const QUESTION_LABEL: Record<string, string> = { resolution: 'resolutions', election: 'elections', consultation: 'consultation questions' };

export async function buildCic34(src: ReportSource): Promise<BuiltReport> {
  const { db, org } = src;
  const to = src.period.to;
  const from = src.period.from ?? to;
  const period = { from, to };
  src.progress(0, 4, 'Reading the organisation as it stood');
  const onDate = await organisationOnDate(db, org, to);
  const particulars = await particularsOnDate(db, org, to);
  const missing: BuiltReport['missing'] = [];
  const sections: ReportSection[] = [];

  const intro: ReportBlock[] = [
    text(`${particulars.name}, company number ${particulars.registrationNumber}: community interest company report for the financial year from ${formatLegalDate(from)} to ${formatLegalDate(to)}.`),
    text(`Every community interest company delivers a report with its accounts each year (${CIC_LAW.report}), on form CIC34. The parts below are pre-filled from the records where they hold the facts, as they stood at the end of the year; the rest is for the company to write.`, 'law'),
  ];
  if (!isCic(onDate.legalForm)) {
    intro.push(
      text(`On ${formatLegalDate(to)} the organisation was recorded as a ${LEGAL_FORM_INFO[onDate.legalForm].label.toLowerCase()}, not a community interest company: only a community interest company delivers this report (C(AICE) Act 2004 s34).`, 'note'),
    );
  }
  sections.push({ id: 'company', title: 'The company', blocks: intro });
  await src.checkpoint();

  // Part 1: only the company can describe its activities and their benefit to the community.
  sections.push({ id: 'activities', title: CIC_PARTS.activities, blocks: [text(CIC_TEXT.activities, 'law'), toWrite('Describe the company’s activities in the year and how they benefited the community', 'The records hold the company’s meetings, decisions and contracts, not what its activities achieved for the community.')] });
  missing.push({ section: CIC_PARTS.activities, what: 'A fair and accurate description of how the company’s activities in the year benefited the community (reg 26(1)(a)).' });

  // Part 2: general meetings and ballots are the members' consultations the records hold.
  src.progress(1, 4, 'Reading the meetings and ballots of the year');
  const meetings = await generalMeetingsInPeriod(db, org.id, from, to);
  const ballots = await ballotsInPeriod(db, org.id, from, to);
  await src.checkpoint();
  sections.push({
    id: 'consultation',
    title: CIC_PARTS.consultation,
    blocks: [
      text(CIC_TEXT.consultation, 'law'),
      {
        type: 'figures',
        items: [
          { id: 'general-meetings', label: 'General meetings held in the year', value: count(meetings.length, { set: 'regulator.generalMeetings', params: period }) },
          { id: 'ballots', label: 'Ballots of members closed in the year', value: count(ballots.length, { set: 'regulator.ballots', params: period }) },
        ],
      },
      {
        type: 'table',
        id: 'cic-general-meetings',
        title: 'General meetings held in the year',
        columns: [
          { key: 'meeting', label: 'Meeting' },
          { key: 'held', label: 'Held on' },
          { key: 'present', label: 'Members present or by proxy', numeric: true },
          { key: 'entitled', label: 'Members entitled that day', numeric: true },
          { key: 'turnout', label: 'Turnout' },
        ],
        rows: meetings.map((m) => ({
          meeting: { display: `${m.title} (${KIND_LABEL[m.kind]})` },
          held: { display: formatLegalDate(m.heldOn) },
          present: count(m.present),
          entitled: count(m.entitled, { set: 'regulator.members', params: { on: m.heldOn, classId: m.classId } }),
          turnout: { display: turnoutText(m.present, m.entitled) },
        })),
        empty: 'No general meeting was held in the year.',
      },
      {
        type: 'table',
        id: 'cic-ballots',
        title: 'Ballots of members closed in the year',
        columns: [
          { key: 'ballot', label: 'Ballot' },
          { key: 'closed', label: 'Closed on' },
          { key: 'questions', label: 'Questions put' },
          { key: 'voted', label: 'Voted', numeric: true },
          { key: 'roll', label: 'On the roll', numeric: true },
          { key: 'turnout', label: 'Turnout' },
        ],
        rows: ballots.map((b) => ({
          ballot: { display: b.title },
          closed: { display: formatLegalDate(ukDateOf(new Date(b.closedAt!))) },
          questions: { display: b.kinds.map((k) => QUESTION_LABEL[k] ?? k).join(', ') },
          voted: count(b.voted),
          roll: count(b.roll),
          turnout: { display: turnoutText(b.voted, b.roll) },
        })),
        empty: 'No ballot of members closed in the year.',
      },
      toWrite('Describe how the company consulted the people affected by its activities, and what came of it', 'The records show the members’ meetings and ballots above; consultation of service users, commissioners, staff who are not members and the wider community, and its outcome, are not recorded.'),
    ],
  });
  missing.push({ section: CIC_PARTS.consultation, what: 'The steps taken to consult persons affected by the company’s activities beyond the members’ meetings and ballots recorded, and the outcome (reg 26(1)(b)).' });

  // Part 3: the directors are on record; their pay is not (the officers register has no remuneration field).
  src.progress(2, 4, 'Reading the directors of the year');
  const directors = await directorsInPeriod(db, org.id, from, to);
  sections.push({
    id: 'remuneration',
    title: CIC_PARTS.remuneration,
    blocks: [
      text(CIC_TEXT.remuneration, 'law'),
      {
        type: 'figures',
        items: [{ id: 'directors-in-year', label: 'Directors in office during the year', value: count(directors.length, { set: 'regulator.directorsInPeriod', params: period }) }],
      },
      {
        type: 'table',
        id: 'cic-directors',
        title: 'Directors in office during the year',
        columns: [
          { key: 'name', label: 'Director' },
          { key: 'appointed', label: 'Appointed' },
          { key: 'ceased', label: 'Ceased' },
          { key: 'remuneration', label: 'Emoluments, pension and compensation for loss of office' },
        ],
        rows: directors.map((d) => ({
          name: { display: d.name },
          // Each term in the year (a director re-appointed in it is one row); cessations dated after the year are not shown.
          appointed: { display: d.terms.map((x) => formatLegalDate(x.appointedOn)).join('; ') },
          ceased: { display: d.terms.filter((x) => x.ceasedOn !== null).map((x) => formatLegalDate(x.ceasedOn!)).join('; ') },
          remuneration: { display: 'To be written: not recorded' },
        })),
        empty: 'No director was in office during the year.',
      },
      toWrite('Give the directors’ remuneration for the year, or state that it is in the notes to the accounts', 'The register of directors records appointments, not remuneration; the figures come from the payroll and the accounts (reg 26(1)(c), or the statement reg 26(3) allows).'),
    ],
  });
  missing.push({ section: CIC_PARTS.remuneration, what: 'The directors’ emoluments, pensions and compensation for loss of office, or the statement that they are in the notes to the accounts (reg 26(1)(c), (3)).' });

  sections.push({
    id: 'transfers',
    title: CIC_PARTS.transfers,
    blocks: [
      text(CIC_TEXT.transfers, 'law'),
      toWrite('State each transfer of assets made other than for full consideration, with its amount or a fair estimate of its value, or that there were none', 'Transfers of the company’s assets are not recorded in the app (it keeps the registers, meetings and contracts, not the company’s assets).'),
    ],
  });
  missing.push({ section: CIC_PARTS.transfers, what: 'Transfers of assets other than for full consideration in the year, with their amount or value, or a statement that there were none (reg 26(2)).' });

  if (onDate.legalForm === 'cic_limited_by_shares') {
    src.progress(3, 4, 'Reading the share ledger at the year end');
    const capital = (await shareCapitalOnDate(db, org.id, to, () => src.checkpoint())).filter((c) => c.nominalPence !== null || c.shares > 0);
    const shares = capital.reduce((n, c) => n + c.shares, 0);
    const paid = capital.reduce((n, c) => n + c.paidPence, 0);
    sections.push({
      id: 'dividends',
      title: CIC_PARTS.dividends,
      blocks: [
        text(CIC_TEXT.dividends, 'law'),
        {
          type: 'table',
          id: 'cic-share-capital',
          title: `Shares in issue at the end of ${formatLegalDate(to)}`,
          columns: [
            { key: 'class', label: 'Class' },
            { key: 'holders', label: 'Holders', numeric: true },
            { key: 'shares', label: 'Shares', numeric: true },
            { key: 'paid', label: 'Paid up', numeric: true },
          ],
          rows: capital.map((c) => ({
            class: { display: c.name },
            holders: count(c.holders, { set: 'regulator.holders', params: { on: to, classId: c.classId, className: c.name } }),
            shares: count(c.shares),
            paid: { display: formatPence(c.paidPence), value: c.paidPence },
          })),
          total: { class: { display: 'All classes' }, holders: count(capital.reduce((n, c) => n + c.holders, 0), { set: 'regulator.holders', params: { on: to, classId: null, className: null } }), shares: count(shares), paid: { display: formatPence(paid), value: paid } },
          empty: 'No shares were in issue at the year end.',
          note: 'From the share ledger: entries dated on or before the year end.',
        },
        toWrite('Give the dividends declared or proposed for the year and show they were within the maximum aggregate dividend', 'Dividends and the distributable profits the cap is measured against are not recorded in the app: they come from the members’ resolutions and the accounts (regs 17, 19 and 27).'),
        toWrite('Give any performance-related interest paid on debts or debentures in the year', 'Loans and their interest are not recorded in the app (reg 27).'),
      ],
    });
    missing.push({ section: CIC_PARTS.dividends, what: 'The dividends declared or proposed for the year and how they met the maximum aggregate dividend (regs 17, 19, 27): dividends and distributable profits are not recorded.' });
    missing.push({ section: CIC_PARTS.dividends, what: 'Performance-related interest on debts or debentures (reg 27): loans are not recorded.' });
  }
  src.progress(4, 4, 'Done');
  return { title: `Community interest company report (CIC34), ${formatLegalDate(from)} to ${formatLegalDate(to)}`, sections, missing };
}

function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

function toWrite(title: string, why: string): ReportBlock {
  return { type: 'toWrite', title, why };
}
