import type { ReportSection } from '../../../../shared/contract/reports';
import { LEGAL_FORM_INFO, formFamily } from '../../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import { FROM_THE_ACCOUNTS, SOCIETY_LAW, SOCIETY_TEXT } from '../../../../shared/rules/reports/society-return';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { controlOnDate } from '../../contracts/reports/register-on-date';
import { count, text, type BuiltReport, type ReportSource } from '../source';
import { boardOnDate, classesCreatedAfter, classesOnDate, movedMembersOnDate, officeHoldersOnDate, particularsOnDate, rulesVersionOnDate, shareCapitalOnDate } from './regulator-records';

/**
 * The figures a registered society's annual return asks for that its registers hold, as they stood
 * at the end of the year of account (CCBS Act 2014 s89; the FCA's form AR30; see
 * shared/rules/reports/society-return.ts): the members by class (dated admissions and cessations),
 * the share capital (the share ledger's entries dated on or before the day), the committee in
 * office that day, and the particulars and rules as they then stood (the audit log rolled back).
 * The accounts' figures are the society's auditors', and are listed as what the app cannot know.
 */
export async function buildSocietyReturn(src: ReportSource): Promise<BuiltReport> {
  const { db, org } = src;
  const on = src.period.to;
  src.progress(0, 4, 'Reading the society as it stood');
  const onDate = await organisationOnDate(db, org, on);
  const particulars = await particularsOnDate(db, org, on);
  const rules = await rulesVersionOnDate(db, org, on);
  const sections: ReportSection[] = [];
  const missing: BuiltReport['missing'] = [];

  const society = [
    text(SOCIETY_TEXT.annualReturn, 'law'),
    {
      type: 'table' as const,
      id: 'society-particulars',
      title: `The society on ${formatLegalDate(on)}`,
      columns: [
        { key: 'item', label: 'Particular' },
        { key: 'value', label: 'As recorded' },
      ],
      rows: [
        { item: { display: 'Name' }, value: { display: particulars.name } },
        { item: { display: 'Registration number' }, value: { display: particulars.registrationNumber } },
        { item: { display: 'Legal form' }, value: { display: LEGAL_FORM_INFO[onDate.legalForm].label } },
        { item: { display: 'Registered office' }, value: { display: particulars.office } },
        {
          item: { display: 'Rules' },
          value: { display: rules.changedOn ? `As last changed in the app on ${formatLegalDate(rules.changedOn)} (audit event ${rules.seq})` : `As recorded when the app was set up on ${formatLegalDate(rules.setUpOn)}` },
        },
      ],
    },
  ];
  if (formFamily(onDate.legalForm) !== 'society') {
    society.push(text(`On ${formatLegalDate(on)} the organisation was recorded as a ${LEGAL_FORM_INFO[onDate.legalForm].label.toLowerCase()}: only a registered society makes this return (${SOCIETY_LAW.annualReturn}).`, 'note'));
  }
  society.push(text('The rules are dated by when they were changed in the app; the date the members resolved the amendment and the FCA registered it (CCBS Act 2014 s16) is the society’s to state.', 'note'));
  sections.push({ id: 'society', title: 'The society', blocks: society });
  await src.checkpoint();

  src.progress(1, 4, 'Counting the members at the year end');
  const control = await controlOnDate(db, org.id, on);
  const classNames = await classesOnDate(db, org.id, on);
  // controlOnDate counts by today's class; a member moved since is counted in the class they were in on the day.
  const moved = await movedMembersOnDate(db, org.id, on);
  const counts = new Map(control.classes.map((c) => [c.classId, c.members]));
  if (moved.size > 0) {
    const rows = await db
      .selectFrom('member')
      .select(['id', 'class_id'])
      .where('organisation_id', '=', org.id)
      .where('id', 'in', [...moved.keys()])
      .where('admitted_on', '<=', on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
      .execute();
    for (const r of rows) {
      counts.set(r.class_id, (counts.get(r.class_id) ?? 0) - 1);
      counts.set(moved.get(r.id)!, (counts.get(moved.get(r.id)!) ?? 0) + 1);
    }
  }
  // A class created after the year end with no member on it was not a class of that year.
  const createdLater = await classesCreatedAfter(db, org.id, on);
  const byClass = control.classes
    .map((c) => ({ ...c, members: counts.get(c.classId) ?? 0, name: classNames.get(c.classId)?.name ?? c.name }))
    .filter((c) => !(createdLater.has(c.classId) && c.members === 0))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  sections.push({
    id: 'members',
    title: 'Members at the year end',
    blocks: [
      { type: 'figures', items: [{ id: 'members', label: `Members on ${formatLegalDate(on)}`, value: count(control.members, { set: 'regulator.members', params: { on, classId: null } }) }] },
      {
        type: 'table',
        id: 'society-members-by-class',
        title: `Members by class on ${formatLegalDate(on)}`,
        columns: [
          { key: 'class', label: 'Class' },
          { key: 'members', label: 'Members', numeric: true },
        ],
        rows: byClass.map((c) => ({ class: { display: c.name }, members: count(c.members, { set: 'regulator.members', params: { on, classId: c.classId, className: c.name } }) })),
        total: { class: { display: 'All classes' }, members: count(control.members, { set: 'regulator.members', params: { on, classId: null } }) },
        empty: 'The society had no membership classes on record.',
        note: 'From the register of members (CCBS Act 2014 s30): admitted on or before the date and not ceased by it.',
      },
    ],
  });
  await src.checkpoint();

  src.progress(2, 4, 'Reading the share ledger at the year end');
  const capital = await shareCapitalOnDate(db, org.id, on, () => src.checkpoint());
  const shares = capital.reduce((n, c) => n + c.shares, 0);
  const paid = capital.reduce((n, c) => n + c.paidPence, 0);
  const holders = capital.reduce((n, c) => n + c.holders, 0);
  sections.push({
    id: 'shares',
    title: 'Share capital at the year end',
    blocks: [
      {
        type: 'figures',
        items: [
          { id: 'shares', label: 'Shares held', value: count(shares) },
          { id: 'paid', label: 'Paid up on them', value: { display: formatPence(paid), value: paid } },
          { id: 'holders', label: 'Members holding shares', value: count(holders, { set: 'regulator.holders', params: { on, classId: null, className: null } }) },
        ],
      },
      {
        type: 'table',
        id: 'society-share-capital',
        title: `Shares held and paid at the end of ${formatLegalDate(on)}`,
        columns: [
          { key: 'class', label: 'Class' },
          { key: 'holders', label: 'Holders', numeric: true },
          { key: 'shares', label: 'Shares', numeric: true },
          { key: 'paid', label: 'Paid up', numeric: true },
        ],
        rows: capital.map((c) => ({
          class: { display: c.name },
          holders: count(c.holders, { set: 'regulator.holders', params: { on, classId: c.classId, className: c.name } }),
          shares: count(c.shares),
          paid: { display: formatPence(c.paidPence), value: c.paidPence },
        })),
        total: { class: { display: 'All classes' }, holders: count(holders, { set: 'regulator.holders', params: { on, classId: null, className: null } }), shares: count(shares), paid: { display: formatPence(paid), value: paid } },
        empty: 'No shares were held at the year end.',
        note: 'From the share ledger (CCBS Act 2014 s30(1)(b)): allotments, transfers, withdrawals and cancellations dated on or before the year end; the paid-up value moves with the shares as the register moves it.',
      },
    ],
  });
  await src.checkpoint();

  src.progress(3, 4, 'Reading the committee in office');
  const board = await boardOnDate(db, org.id, on);
  const secretaries = await officeHoldersOnDate(db, org.id, on, 'secretary');
  sections.push({
    id: 'board',
    title: 'The committee (board) at the year end',
    blocks: [
      { type: 'figures', items: [{ id: 'committee', label: `Committee members in office on ${formatLegalDate(on)}`, value: count(board.length, { set: 'regulator.board', params: { on } }) }] },
      {
        type: 'table',
        id: 'society-committee',
        title: `Committee members in office on ${formatLegalDate(on)}`,
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'roles', label: 'Offices held' },
          { key: 'appointed', label: 'Appointed' },
        ],
        rows: board.map((d) => ({ name: { display: d.name }, roles: { display: d.roles.join(', ') }, appointed: { display: formatLegalDate(d.appointedOn) } })),
        empty: 'No committee member was in office on the date.',
      },
      text(
        secretaries.length > 0
          ? `Secretary on ${formatLegalDate(on)}: ${secretaries.map((s) => `${s.name} (appointed ${formatLegalDate(s.appointedOn)})`).join('; ')}.`
          : `No secretary was recorded in office on ${formatLegalDate(on)}.`,
      ),
    ],
  });

  sections.push({
    id: 'accounts',
    title: 'From the audited accounts',
    blocks: [text(SOCIETY_TEXT.accounts, 'law'), ...FROM_THE_ACCOUNTS.map((a) => ({ type: 'toWrite' as const, title: a.title, why: `The app cannot know this: it comes from ${a.source}.` }))],
  });
  for (const a of FROM_THE_ACCOUNTS) missing.push({ section: 'From the audited accounts', what: `${a.title}: the app cannot know this; it comes from ${a.source}.` });
  if (secretaries.length === 0) missing.push({ section: 'The committee (board) at the year end', what: 'The society’s secretary on the date: none recorded in office.' });
  src.progress(4, 4, 'Done');
  return { title: `Society annual return data, year ended ${formatLegalDate(on)}`, sections, missing };
}
