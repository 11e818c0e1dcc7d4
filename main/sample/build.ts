import { LEGAL_FORM_INFO, type LegalForm } from '../../shared/domain/legal-form';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { addDays, ukDateOf } from '../../shared/rules/legal-date';
import type { Core } from '../core/core';
import { buildSampleBallots, type SampleBallots } from './ballots';
import { buildSampleMeetings } from './meetings';
import { buildSampleContracts } from './contracts';
import { rng, samplePerson, type SamplePerson } from './people';

/**
 * A realistic mutual built through the app's own services (core.dispatch), so demos and
 * benchmarks exercise the real data paths: set-up, membership classes, members (by hand for
 * a few, through the HR import for the workforce), a share ledger where the form has shares,
 * cessations and a re-admission, directors and officers with declared interests, the PSC
 * statement for companies, and an inspection request.
 */
export interface SampleOptions {
  members: number;
  form: LegalForm;
  seed: number;
  log: (line: string) => void;
}

type Dispatch = (method: string, input: unknown) => Promise<any>;

function dispatcher(core: Core): Dispatch {
  return async (method, input) => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
    return r.value;
  };
}

async function runJob(core: Core, d: Dispatch, method: string, input: unknown, onProgress?: (done: number, total: number) => void): Promise<any> {
  const { jobId } = await d(method, input);
  for (;;) {
    const s = await d('jobs.get', { id: jobId });
    if (s.state === 'succeeded') return s.result;
    if (s.state === 'failed') throw new Error(`${method}: ${s.error?.message}`);
    onProgress?.(s.done, s.total);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ORG_BY_FORM: Record<LegalForm, { name: string; number: string }> = {
  company_limited_by_guarantee: { name: 'Riverside Community Care Ltd', number: '09876543' },
  cic_limited_by_guarantee: { name: 'Northgate Community Health CIC', number: '11223344' },
  cic_limited_by_shares: { name: 'Westfield Leisure CIC', number: '12345678' },
  cooperative_society: { name: 'Pennine Care Co-operative Ltd', number: 'RS007318' },
  community_benefit_society: { name: 'Thameside Libraries and Culture Ltd', number: '31247R' },
  eot_company: { name: 'Harbour Reablement Ltd', number: '10987654' },
};

export async function buildSample(core: Core, opts: SampleOptions): Promise<{ members: number; ballots: SampleBallots }> {
  const d = dispatcher(core);
  const r = rng(opts.seed);
  const form = LEGAL_FORM_INFO[opts.form];
  const today = ukDateOf(core.now());
  const org = ORG_BY_FORM[opts.form];
  opts.log(`Setting up ${org.name} (${form.label.toLowerCase()})…`);
  await d('organisation.setUp', {
    particulars: {
      name: org.name,
      legalForm: opts.form,
      registrationNumber: org.number,
      registeredOffice: { line1: 'Unit 4, Mill Yard', line2: 'Water Lane', town: 'Leeds', postcode: 'LS11 5WD', country: 'england' },
      incorporatedOn: '2014-04-01',
      financialYearEnd: '03-31',
    },
    rules: defaultRuleValues(opts.form),
  });

  const shares = (nominalPence: number, withdrawable: boolean, transferable: boolean, maxHolding: number | null) =>
    form.hasShares ? { nominalPence, withdrawable, transferable, maxHolding } : null;
  const votes = form.hasShares && form.family === 'company' ? 'per_share' : 'per_member';
  const classes = {
    employee: await d('classes.create', {
      name: 'Employee',
      description: 'Anyone employed by the mutual on a contract of at least 7.5 hours a week, after three months’ service.',
      votingRights: votes,
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
      shareTerms: shares(100, form.family === 'society', form.family === 'company', form.family === 'society' ? 1000 : null),
    }),
    serviceUser: await d('classes.create', {
      name: 'Service user',
      description: 'People who use the mutual’s services, and their carers.',
      votingRights: votes,
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: shares(100, form.family === 'society', form.family === 'company', form.family === 'society' ? 100 : null),
    }),
    community: await d('classes.create', {
      name: 'Community',
      description: 'Residents of the area the mutual serves who support its objects.',
      votingRights: votes,
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: shares(100, form.family === 'society', form.family === 'company', form.family === 'society' ? 100 : null),
    }),
    associate: await d('classes.create', {
      name: 'Associate (non-voting)',
      description: 'Partner organisations and supporters without a vote.',
      votingRights: 'none',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: shares(100, form.family === 'society', form.family === 'company', form.family === 'society' ? 10 : null),
    }),
  };

  // A small part of the register is entered by hand, as a secretary does for non-employees.
  const byHand = Math.min(Math.max(Math.round(opts.members * 0.1), Math.min(opts.members, 10)), 2000);
  const employees = opts.members - byHand;
  const people: SamplePerson[] = [];
  for (let i = 1; i <= opts.members; i++) people.push(samplePerson(r, i));
  const handClasses = [classes.serviceUser, classes.community, classes.community, classes.associate];
  const admitted: { id: string; memberNumber: number; admittedOn: string }[] = [];
  opts.log(`Admitting ${byHand} members by hand…`);
  for (let i = 0; i < byHand; i++) {
    const p = people[employees + i]!;
    const cls = handClasses[i % handClasses.length]!;
    const admittedOn = addDays('2015-06-01', Math.floor(r() * 3000));
    const m = await d('members.admit', {
      classId: cls.id,
      particulars: {
        givenNames: p.givenNames,
        familyName: p.familyName,
        address: { line1: p.line1, town: p.town, postcode: p.postcode },
        email: p.email,
        ...(form.family === 'society' ? { emailPurposes: 'Notices of meetings and ballots' } : {}),
        dateOfBirth: p.dateOfBirth,
        employee: null,
        loansAndDepositsPence: form.family === 'society' ? (r() < 0.05 ? 50_000 : null) : null,
      },
      applicationDate: addDays(admittedOn < today ? admittedOn : today, -14),
      admittedOn: admittedOn < today ? admittedOn : today,
      boardReference: `Board minute ${2015 + Math.floor(r() * 10)}/${1 + Math.floor(r() * 40)}`,
      initialShares: form.hasShares ? { shares: 1, amountPaidPence: 100 } : null,
    });
    admitted.push({ id: m.id, memberNumber: m.memberNumber, admittedOn: m.admittedOn });
  }

  if (employees > 0) {
    opts.log(`Importing ${employees.toLocaleString('en-GB')} employees through the HR import…`);
    await importEmployees(core, d, people.slice(0, employees), classes.employee.id, today, opts.log);
  }

  // Some members leave; one comes back.
  const leavers = admitted.filter((_, i) => i % 9 === 3).slice(0, 200);
  for (const [i, m] of leavers.entries()) {
    const ceasedOn = addDays(m.admittedOn, 200 + Math.floor(r() * 1500));
    if (ceasedOn > today) continue;
    if (form.hasShares) {
      if (form.family === 'society') {
        await d('shares.withdraw', { memberId: m.id, noticeDate: addDays(ceasedOn, -30), date: ceasedOn, paymentDate: ceasedOn, shares: 1, amountRepaidPence: 100 });
      } else {
        const to = admitted.find((x) => !leavers.includes(x))!;
        await d('shares.transfer', { fromMemberId: m.id, toMemberId: to.id, date: ceasedOn < to.admittedOn ? to.admittedOn : ceasedOn, shares: 1 });
      }
    }
    await d('members.cease', { memberId: m.id, ceasedOn, reason: (['resigned', 'other', 'deceased', 'resigned'] as const)[i % 4], ...(i % 4 === 1 ? { note: 'Moved out of the area' } : {}) });
  }

  opts.log('Appointing the board and recording interests…');
  const board: [string, string, string, string, Record<string, unknown>][] = [
    ['Margaret', 'Okafor', 'chair', 'independent', {}],
    ['Dafydd', 'ap Gwilym', 'director', 'employee', {}],
    ['Siobhán', "O'Neill", 'director', 'employee', {}],
    ['Rajesh', 'Patel', 'director', 'nominee', { nominatedBy: 'Leeds City Council' }],
    ['Helen', 'Åberg', 'director', 'nominee', { nominatedBy: 'Leeds Community Healthcare NHS Trust' }],
    ['Peter', 'Lloyd-Webber', 'director', 'independent', {}],
    ['Ngozi', 'Adeyemi', 'secretary', '', {}],
  ];
  for (const [i, [given, family, role, kind, extra]] of board.entries()) {
    const officer = await d('officers.add', {
      particulars: {
        givenNames: given,
        familyName: family,
        serviceAddress: { line1: 'Unit 4, Mill Yard', line2: 'Water Lane', town: 'Leeds', postcode: 'LS11 5WD' },
        dateOfBirth: `19${60 + i * 3}-0${1 + (i % 9)}-1${i}`,
        nationality: 'British',
        occupation: role === 'secretary' ? 'Company secretary' : 'Director',
        countryOfResidence: 'England',
      },
      residentialAddress: { line1: `${10 + i} Elm Grove`, town: 'Harrogate', postcode: 'HG1 2AB' },
      appointment: {
        role: role === 'chair' ? 'director' : role,
        ...(role === 'secretary' ? {} : { directorKind: kind || 'independent' }),
        ...extra,
        appointedOn: addDays('2019-04-01', i * 40),
      },
    });
    if (role === 'chair') await d('officers.appoint', { officerId: officer.id, appointment: { role: 'chair', appointedOn: '2021-04-01' } });
    if (i === 3) {
      await d('interests.declare', { officerId: officer.id, category: 'employment', nature: 'Employed by the nominating council as Head of Adult Commissioning', relatedOrganisation: 'Leeds City Council', declaredOn: '2023-05-10' });
    }
    if (i === 5) {
      await d('interests.declare', { officerId: officer.id, category: 'directorship', nature: 'Trustee of a hospice that the mutual buys services from', relatedOrganisation: 'Riverside Hospice', declaredOn: '2024-01-15' });
    }
  }
  if (form.family === 'company') await d('psc.addStatement', { statement: 'no_registrable_person', madeOn: '2016-06-30' });
  // A society keeps no inspection log (CCBS Act 2014 s103: no request procedure), so only companies get one.
  if (form.family === 'company') await d('inspections.log', {
    requesterName: 'Jordan Ellis',
    requesterAddress: '7 Canal Wharf, Leeds LS11 5PS',
    purpose: 'To contact members about standing for election to the board.',
    willShare: false,
    receivedOn: addDays(today, -2),
  });
  await buildSampleMeetings(core, { today, log: opts.log });
  await buildSampleContracts(core, { today, log: opts.log });
  const ballots = await buildSampleBallots(core, { today, rnd: r, log: opts.log });
  const count = await d('members.count', { status: 'all' });
  opts.log(`Done: ${count.count.toLocaleString('en-GB')} register entries.`);
  return { members: count.count, ballots };
}

/** The workforce arrives the way it does in real life: an HR export, mapped, planned and applied. */
async function importEmployees(core: Core, d: Dispatch, people: SamplePerson[], classId: string, today: string, log: (s: string) => void): Promise<void> {
  const BATCH = 100_000;
  for (let start = 0; start < people.length; start += BATCH) {
    const slice = people.slice(start, start + BATCH);
    const csv = hrCsv(slice);
    const bytes = Buffer.from(csv, 'utf8');
    const { uploadId, chunkBytes } = await d('uploads.begin', { purpose: 'import', fileName: `hr-export-${start / BATCH + 1}.csv`, sizeBytes: bytes.length });
    for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
      await d('uploads.append', { uploadId, index, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
    }
    const analysis = await runJob(core, d, 'hrImport.analyse', { uploadId });
    const plan = await runJob(core, d, 'hrImport.plan', { importId: analysis.importId, mapping: analysis.mapping, dateFormat: analysis.dateFormat, defaultClassId: classId, asOf: today });
    await runJob(core, d, 'hrImport.apply', { planId: plan.planId });
    log(`  ${Math.min(start + BATCH, people.length).toLocaleString('en-GB')} employees imported (${plan.counts.admit} admitted, ${plan.counts.notEligible} not yet eligible, ${plan.counts.rejected} rejected)`);
  }
}

/** An HR system's export: its own column names, UK dates (dd/mm/yyyy); a leaver has a leaving date. */
export function hrCsv(people: readonly (SamplePerson & { leavingDate?: string })[]): string {
  const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['Employee No,Forename,Surname,Email,Date of Birth,Address 1,Town,Post Code,Department,Start Date,Leaving Date,Contracted Hours'];
  for (const p of people) {
    lines.push([p.employeeNumber, p.givenNames, p.familyName, p.email, dmy(p.dateOfBirth), p.line1, p.town, p.postcode, p.serviceArea, dmy(p.employmentStart), p.leavingDate ? dmy(p.leavingDate) : '', String(p.weeklyHours)].map(q).join(','));
  }
  return `${lines.join('\n')}\n`;
}
