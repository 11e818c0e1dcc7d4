import type { ReportBlock, ReportSection } from '../../../../shared/contract/reports';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { EOT_REGISTRABLE_REASON } from '../../../../shared/rules/psc';
import {
  EOT_LAW,
  atLeastFivePercent,
  bandAgrees,
  bandText,
  percentText,
  pscBand,
  serviceConditionBeyondAllowed,
  sharesAndVotesStatus,
  type Status,
} from '../../../../shared/rules/reports/eot';
import { moreThanHalf } from '../../../../shared/rules/reports/share-capital';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import { controlOnDate } from '../../contracts/reports/register-on-date';
import { count, text, type BuiltReport, type ReportSource } from '../source';
import { asTheyStood, classesOnDate, holdersOnDate, pscOnDate, votesOnDate } from './regulator-records';

/**
 * Employee ownership trust checks as at a date (TCGA 1992 ss236H-236U; the law as read is in
 * shared/rules/reports/eot.ts). From the registers as they stood that day: whether the trustee
 * held more than half the shares in issue and a majority of the votes (s236M(1)(a)), whether the
 * PSC record agrees, and what on record bears on the all-employee benefit and equality
 * requirements (s236J, s236K) and limited participation (s236N). Everything that turns on the
 * trust deed, the articles, the payroll or the trustees' own affairs is stated as beyond the app.
 */

interface Statement {
  title: string;
  status: Status;
  text: string;
  evidence: string[];
  citation: string;
}
const statement = (s: Statement): ReportBlock => ({ type: 'statement', ...s });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export async function buildEot(src: ReportSource): Promise<BuiltReport> {
  const { db, org } = src;
  const on = src.period.to;
  const day = formatLegalDate(on);
  src.progress(0, 4, 'Reading the company as it stood');
  const onDate = await organisationOnDate(db, org, on);
  const missing: BuiltReport['missing'] = [];
  const sections: ReportSection[] = [];

  const intro: ReportBlock[] = [
    text(
      `Checks of the employee ownership trust requirements (TCGA 1992 ss236H-236U) against the company’s registers as they stood at the end of ${day}. They are conditions of the capital gains relief on a disposal to the trust and of its continuing; HMRC judges them on the trust deed and the articles, which the app does not hold. Each statement says what the records show and what they cannot.`,
      'law',
    ),
  ];
  if (onDate.legalForm !== 'eot_company') {
    intro.push(text(`On ${day} the organisation was recorded as a ${LEGAL_FORM_INFO[onDate.legalForm].label.toLowerCase()}, not a company owned through an employee ownership trust.`, 'note'));
  }
  sections.push({ id: 'about', title: 'About these checks', blocks: intro });

  // The trustee and every holding on the day.
  src.progress(1, 4, 'Reading the share ledger and the votes');
  const holders = await asTheyStood(db, org.id, await holdersOnDate(db, org.id, on), on);
  const classesThen = await classesOnDate(db, org.id, on);
  const trustees = await db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select(['m.id', 'm.member_number', 'm.family_name', 'm.class_id', 'm.organisation_number', 'm.address_town', 'm.address_country', 'c.voting_rights', 'c.votes_per_member', 'c.name as class_name'])
    .where('m.organisation_id', '=', org.id)
    .where('m.organisation_kind', '=', 'trustee_company')
    .where('m.admitted_on', '<=', on)
    .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]))
    .orderBy('m.member_number')
    .execute();
  const votes = await votesOnDate(db, org.id, on, holders);
  // Only for its words on any cap on a class's share of the votes (read on today's class terms).
  const control = await controlOnDate(db, org.id, on);
  await src.checkpoint();

  const allShares = holders.reduce((n, h) => n + h.shares, 0);
  const trusteeIds = new Set(trustees.map((t) => t.id));
  const trustShares = holders.filter((h) => trusteeIds.has(h.memberId)).reduce((n, h) => n + h.shares, 0);
  const trustVotes = trustees.reduce((n, t) => {
    const holding = holders.find((h) => h.memberId === t.id);
    const terms = classesThen.get(holding?.classId ?? t.class_id);
    const rights = terms?.votingRights ?? t.voting_rights;
    return n + (rights === 'none' ? 0 : rights === 'per_share' ? (holding?.shares ?? 0) : (terms?.votesPerMember ?? t.votes_per_member));
  }, 0);
  const allVotes = votes.reduce((n, c) => n + c.votes, 0);
  // The trustee's name as it stood: from its holding's row (rolled back), else the register's today.
  const nameOf = (t: (typeof trustees)[number]) => holders.find((h) => h.memberId === t.id)?.name ?? t.family_name;
  const trustName = trustees.map((t) => `${nameOf(t)} (member ${t.member_number})`).join(' and ');
  const classesInIssue = new Set(holders.map((h) => h.classId));

  sections.push({
    id: 'figures',
    title: `Shares and votes at the end of ${day}`,
    blocks: [
      {
        type: 'figures',
        items: [
          { id: 'trustees', label: 'Trustees of the trust on the register', value: count(trustees.length, { set: 'regulator.trustees', params: { on } }) },
          { id: 'trust-shares', label: 'Shares held by the trustee', value: count(trustShares), note: percentText(trustShares, allShares) + ' of the shares in issue' },
          { id: 'all-shares', label: 'Shares in issue', value: count(allShares) },
          { id: 'holders', label: 'Members holding shares', value: count(holders.length, { set: 'regulator.holders', params: { on, classId: null, className: null } }) },
          { id: 'trust-votes', label: 'Votes of the trustee', value: count(trustVotes), note: percentText(trustVotes, allVotes) + ' of the votes' },
          { id: 'all-votes', label: 'Votes of all members', value: count(allVotes) },
        ],
      },
      {
        type: 'table',
        id: 'eot-holdings',
        title: `Holdings at the end of ${day}`,
        columns: [
          { key: 'member', label: 'Member' },
          { key: 'class', label: 'Class' },
          { key: 'shares', label: 'Shares', numeric: true },
          { key: 'share', label: 'Of those in issue' },
        ],
        rows: holders.map((h) => ({
          member: { display: `${h.memberNumber}. ${h.name}${trusteeIds.has(h.memberId) ? ' (trustee of the trust)' : ''}` },
          class: { display: h.className },
          shares: count(h.shares),
          share: { display: percentText(h.shares, allShares) },
        })),
        total: { member: { display: 'All holders' }, class: { display: '' }, shares: count(allShares), share: { display: '100%' } },
        empty: 'No shares were held on the date.',
        note: 'From the share ledger: entries dated on or before the date.',
      },
    ],
  });

  // s236M(1)(a): shares and votes.
  src.progress(2, 4, 'Checking the controlling interest');
  const checks: ReportBlock[] = [];
  const ordinaryNote = 'The app counts every class’s shares as ordinary share capital: it records no class whose only right is to a dividend at a fixed rate, which CTA 2010 s1119 leaves out.';
  if (trustees.length === 0) {
    checks.push(
      statement({
        title: 'The trust holds more than half the ordinary shares and a majority of the votes',
        status: 'cannotJudge',
        text: `The register names no member as the trustee of an employee ownership trust on ${day}, so the app cannot tell the trust’s holding. Enter the trustee as a member of the kind “The trustee of an employee ownership trust”.`,
        evidence: [`${plural(holders.length, 'member')} held the ${plural(allShares, 'share')} in issue; none is recorded as the trustee.`],
        citation: `${EOT_LAW.controllingInterest}(1)(a)`,
      }),
    );
    missing.push({ section: 'The controlling interest', what: 'Which member is the trustee of the employee ownership trust: none is recorded as such on the date.' });
  } else if (allShares === 0) {
    checks.push(
      statement({
        title: 'The trust holds more than half the ordinary shares and a majority of the votes',
        status: 'cannotJudge',
        text: `No shares were in issue on the share ledger on ${day}, so the app cannot tell the trust’s holding.`,
        evidence: [`Trustee on the register: ${trustName}.`],
        citation: `${EOT_LAW.controllingInterest}(1)(a)`,
      }),
    );
    missing.push({ section: 'The controlling interest', what: 'The shares in issue: the share ledger has none on the date.' });
  } else {
    const judged = sharesAndVotesStatus({ trustShares, allShares, trustVotes, allVotes });
    const capBinds = control.capWords.length > 0;
    const status: Status = capBinds && judged.shares && !judged.votes ? 'cannotJudge' : judged.status;
    checks.push(
      statement({
        title: 'The trust holds more than half the ordinary shares and a majority of the votes',
        status,
        text:
          status === 'met'
            ? `On ${day} the trustee held more than half the shares in issue and more than half the members’ votes.`
            : status === 'notMet'
              ? `On ${day} the trustee held ${judged.shares ? 'more than half the shares but not a majority of the votes' : judged.votes ? 'a majority of the votes but not more than half the shares' : 'neither more than half the shares nor a majority of the votes'}: on the records, the first limb of the controlling interest requirement was not met.`
              : `A cap on a class’s share of the votes applies, which the app cannot weigh against the trustee’s votes on every question.`,
        evidence: [
          `Shares: ${trustName} held ${plural(trustShares, 'share')} of the ${plural(allShares, 'share')} in issue (${percentText(trustShares, allShares)}), from the share ledger.`,
          `Votes: ${plural(trustVotes, 'vote')} of the ${plural(allVotes, 'vote')} of all members (${percentText(trustVotes, allVotes)}), from the register’s classes: ${votes.filter((c) => c.votes > 0).map((c) => `${c.name} ${c.votes.toLocaleString('en-GB')}`).join(', ') || 'no class carried votes'}.`,
          ...control.capWords,
          ordinaryNote,
        ],
        citation: `${EOT_LAW.controllingInterest}(1)(a)`,
      }),
    );
  }

  // s236M(1)(b), (c): profits and assets — rights the app does not record.
  const equalShare = trustees.length > 0 && allShares > 0;
  checks.push(
    statement({
      title: 'The trust is entitled to more than half the profits available for distribution and of the assets on a winding up',
      status: 'cannotJudge',
      text: 'The app records no class’s rights to dividends or to capital on a winding up; the articles decide them, and they are what this limb turns on.',
      evidence: equalShare
        ? [
            `Shares in issue on ${day} were of ${plural(classesInIssue.size, 'class', 'classes')}${classesInIssue.size === 1 ? '' : ` (${[...new Set(holders.map((h) => h.className))].join(', ')})`}.`,
            `If every share in issue carries equal rights to dividends and to capital, the trustee’s entitlement would be ${percentText(trustShares, allShares)}: ${moreThanHalf(trustShares, allShares) ? 'more than half' : 'not more than half'}.`,
          ]
        : ['No trustee holding is on record to measure.'],
      citation: `${EOT_LAW.controllingInterest}(1)(b) and (c)`,
    }),
  );
  missing.push({ section: 'The controlling interest', what: 'Each class’s rights to profits available for distribution and to assets on a winding up (from the articles): not recorded.' });
  checks.push(
    statement({
      title: 'No agreement or instrument lets the trust lose its controlling interest without the trustees’ consent',
      status: 'cannotJudge',
      text: 'Shareholders’ agreements, options and other instruments affecting the company’s constitution, shares or securities are not held in the app.',
      evidence: [],
      citation: `${EOT_LAW.controllingInterest}(1)(d)`,
    }),
  );
  missing.push({ section: 'The controlling interest', what: 'Any agreement or instrument by which the trust could lose its controlling interest without the trustees’ consent: not held in the app.' });

  // The PSC record should name the trustee, in bands that agree with the ledger.
  const psc = await pscOnDate(db, org.id, on);
  await src.checkpoint();
  if (trustees.length > 0 && allShares > 0) {
    const names = new Set(trustees.flatMap((t) => [t.family_name, nameOf(t)]).map((n) => n.toLocaleLowerCase('en-GB')));
    const numbers = new Set(trustees.map((t) => t.organisation_number).filter((n): n is string => !!n));
    const entries = psc.filter((p) => p.kind === 'legal_entity' && ((p.registrationNumber && numbers.has(p.registrationNumber)) || names.has(p.name.toLocaleLowerCase('en-GB'))));
    const evidence: string[] = [];
    let agrees = entries.length > 0;
    for (const e of entries) {
      for (const kind of ['shares', 'votes'] as const) {
        const band = pscBand(e.natures, kind);
        const [part, whole] = kind === 'shares' ? [trustShares, allShares] : [trustVotes, allVotes];
        if (!band) {
          evidence.push(`${e.name}: the record states no band of ${kind === 'shares' ? 'shares' : 'voting rights'}.`);
          agrees = false;
          continue;
        }
        const ok = bandAgrees(band, part, whole);
        agrees &&= ok;
        evidence.push(`${e.name}: ${kind === 'shares' ? 'shares' : 'voting rights'} recorded as ${bandText(band)}; the ${kind === 'shares' ? 'ledger' : 'register'} gives ${percentText(part, whole)}${ok ? '' : ', outside that band'}.`);
      }
    }
    if (entries.length === 0) evidence.push(`People with significant control registrable on ${day}: ${psc.length === 0 ? 'none' : psc.map((p) => p.name).join('; ')}. None matches the trustee by name or registration number.`);
    checks.push(
      statement({
        title: 'The PSC record names the trustee, in bands that agree with the registers',
        status: agrees ? 'met' : 'notMet',
        text: agrees
          ? `On ${day} the PSC record named the trustee as a relevant legal entity, in bands that agree with the share ledger and the votes.`
          : entries.length === 0
            ? `On ${day} the PSC record did not name the trustee. ${EOT_REGISTRABLE_REASON}`
            : `On ${day} the PSC record named the trustee, but its bands do not agree with the share ledger and the votes: correct whichever is wrong.`,
        evidence,
        citation: EOT_LAW.psc,
      }),
    );
  }
  sections.push({ id: 'controlling-interest', title: 'The controlling interest', blocks: checks });

  // s236J and s236K: what on record bears on them.
  src.progress(3, 4, 'Checking the records against the all-employee benefit requirement');
  const classes = [...classesThen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const longService = classes.filter((c) => c.isEmployeeClass && serviceConditionBeyondAllowed(c.minServiceMonths));
  const participators = holders.filter((h) => !trusteeIds.has(h.memberId));
  const employeeClassIds = new Set(classes.filter((c) => c.isEmployeeClass).map((c) => c.id));
  const benefit: ReportBlock[] = [];
  benefit.push(
    statement({
      title: 'The trust benefits all eligible employees on the same terms',
      status: 'cannotJudge',
      text: 'The requirement is about the terms of the trust deed and how the trustees apply the settled property; the app holds neither the deed nor the trust’s distributions, so it cannot judge it. These records bear on it:',
      evidence: [
        longService.length > 0
          ? `Employee classes in the company’s register ask for more than 12 months’ service: ${longService.map((c) => `${c.name} (${c.minServiceMonths} months)`).join(', ')}. The trusts may leave out only those who have not been eligible employees for a continuous 12 months (s236K(1)(b)): check the deed does not use a longer condition.`
          : 'No employee class in the company’s register asks for more than 12 months’ service (the most s236K(1)(b) allows the trusts to ask).',
        participators.length > 0
          ? `Other holders of shares on ${day}, each a participator in the company and so an excluded participator who cannot be an eligible employee nor benefit (s236J(5)-(7)): ${participators.map((p) => `${p.name} (${percentText(p.shares, allShares)}${employeeClassIds.has(p.classId) ? ', in an employee class' : ''})`).join('; ')}.`
          : `No member other than the trustee held shares on ${day}.`,
        'No distribution by the trustees is recorded in the app, so whether they were made on the same terms (by remuneration, length of service or hours worked as s236K(3)-(6) allow) cannot be checked.',
      ],
      citation: `${EOT_LAW.allEmployeeBenefit}; ${EOT_LAW.equality}`,
    }),
  );
  missing.push({ section: 'All-employee benefit and equality', what: 'The trust deed’s terms and the trustees’ distributions: not held in the app (TCGA 1992 ss236J, 236K).' });

  const bigParticipators = participators.filter((p) => atLeastFivePercent(p.shares, allShares));
  const bigEmployees = bigParticipators.filter((p) => employeeClassIds.has(p.classId));
  benefit.push(
    statement({
      title: 'Participators who are employees are no more than two-fifths of the employees',
      status: 'cannotJudge',
      text: 'The participator fraction needs the number of employees and who is connected with whom (TCGA 1992 s286), which the app does not hold.',
      evidence: [
        `Holders of 5% or more of the shares on ${day} other than the trustee: ${bigParticipators.length === 0 ? 'none' : bigParticipators.map((p) => `${p.name} (${percentText(p.shares, allShares)})`).join('; ')}.`,
        `Of them in an employee class of the register: ${bigEmployees.length}.`,
      ],
      citation: EOT_LAW.limitedParticipation,
    }),
  );
  missing.push({ section: 'All-employee benefit and equality', what: 'The number of employees and the persons connected with participators, for the participator fraction (s236N): not held in the app.' });

  benefit.push(
    statement({
      title: 'The trustees are independent of the former owners and resident in the UK',
      status: 'cannotJudge',
      text: 'For disposals to the trust on or after 30 October 2024, former owners and persons connected with them must not make up half or more of the trustees nor control them through the deed, and the trustees must be UK resident. The app records the trustee as a member, not its directors, the former owners or where the trustees are resident.',
      evidence: trustees.map((t) => `${nameOf(t)}: address on the register in ${[t.address_town, t.address_country].filter(Boolean).join(', ')}.`),
      citation: `${EOT_LAW.trusteeIndependence}; ${EOT_LAW.trusteeResidence}`,
    }),
  );
  missing.push({ section: 'All-employee benefit and equality', what: 'Who the trustees (or the trustee company’s directors) are, their connection with the former owners and their residence (s236LA, s236H(4)(za)): not recorded.' });
  sections.push({ id: 'all-employee-benefit', title: 'All-employee benefit and equality', blocks: benefit });

  src.progress(4, 4, 'Done');
  return { title: `Employee ownership trust checks as at ${day}`, sections, missing };
}
