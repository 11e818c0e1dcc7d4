import type { MethodInput, MethodName } from '../../shared/contract/index';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { validSetUpInput } from './testing';

/**
 * One input per contract method that passes the method's schema (whether the service then
 * accepts it depends on the records). Tests start from these, e.g. the dispatcher fuzz test
 * mutates them one part at a time. The type makes a new method without a sample a compile
 * error, so no method escapes the fuzzing.
 */
const ID = '0190f000-0000-7000-8000-000000000001';
const OTHER_ID = '0190f000-0000-7000-8000-000000000002';
const TOKEN = 'a'.repeat(32);
const ADDRESS = { line1: '2 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' };

const classInput = {
  name: 'Employee members',
  description: 'Employees on a permanent contract',
  votingRights: 'per_member',
  votesPerMember: 1,
  isEmployeeClass: true,
  eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
  shareTerms: null,
} as const;

const memberParticulars = {
  givenNames: 'Ada',
  familyName: 'Lovelace',
  address: ADDRESS,
  email: 'ada@example.org',
  dateOfBirth: '1990-12-10',
  employee: { employeeNumber: 'E1001', serviceArea: 'Home care', employmentStart: '2020-04-01', weeklyHours: 37.5 },
  loansAndDepositsPence: null,
};

const officerParticulars = { givenNames: 'Grace', familyName: 'Hopper', serviceAddress: ADDRESS, dateOfBirth: '1970-12-09', nationality: 'British' };

const nullMapping = {
  employeeNumber: 'Staff no',
  givenNames: 'First name',
  familyName: 'Surname',
  fullName: null,
  email: null,
  dateOfBirth: null,
  wholeAddress: null,
  addressLine1: 'Address 1',
  addressLine2: null,
  town: 'Town',
  postcode: 'Postcode',
  serviceArea: null,
  employmentStart: 'Start date',
  employmentEnd: null,
  weeklyHours: null,
  className: null,
};

export const VALID_INPUTS: { [M in MethodName]: MethodInput<M> } = {
  'app.status': {},
  'organisation.get': {},
  'organisation.setUp': validSetUpInput(),
  'organisation.update': validSetUpInput().particulars,
  'rules.get': {},
  'rules.update': defaultRuleValues('company_limited_by_guarantee'),
  'rules.history': {},
  'audit.list': { action: 'rules.updated', entityType: 'organisation', entityId: 'x', from: '2026-01-01', to: '2026-12-31', beforeSeq: 10, limit: 50 },
  'audit.get': { seq: 1 },
  'audit.verify': {},
  'data.info': {},
  'data.backup': {},
  'data.checkBackup': { source: { kind: 'backup', name: 'mutual-governance-backup-20261128-100000.sqlite' } },
  'data.restore': { candidateId: TOKEN, confirm: true },
  'uploads.begin': { purpose: 'restore', fileName: 'backup.sqlite', sizeBytes: 1024 },
  'uploads.append': { uploadId: TOKEN, index: 0, base64: 'AAAA' },
  'jobs.get': { id: 'b'.repeat(32) },
  'classes.list': {},
  'classes.create': classInput,
  'classes.update': { id: ID, changes: classInput },
  'classes.delete': { id: ID },
  'members.list': { status: 'current', classId: ID, admittedFrom: '2020-01-01', admittedTo: '2026-12-31', sort: 'name', direction: 'asc', after: { sortKey: 'lovelace', memberNumber: 7 }, limit: 50 },
  'members.search': { query: 'lovelace', status: 'all', limit: 20 },
  'members.count': { status: 'former', classId: ID },
  'members.get': { id: ID },
  'members.history': { id: ID },
  'members.admit': { classId: ID, particulars: memberParticulars, applicationDate: '2026-01-05', admittedOn: '2026-01-10', boardReference: 'Board 2026/01', initialShares: null },
  'members.update': { id: ID, classId: OTHER_ID, particulars: memberParticulars },
  'members.cease': { memberId: ID, ceasedOn: '2026-06-30', reason: 'resigned' },
  'members.subjectAccess': { id: ID },
  'members.removable': {},
  'members.remove': { ids: [ID, OTHER_ID], confirm: true },
  'shares.ledger': { memberId: ID },
  'shares.allot': { memberId: ID, date: '2026-02-01', shares: 10, amountPaidPence: 1000, boardReference: 'Board 2026/02' },
  'shares.transfer': { fromMemberId: ID, toMemberId: OTHER_ID, date: '2026-03-01', shares: 5 },
  'shares.withdraw': { memberId: ID, noticeDate: '2026-03-01', date: '2026-04-01', paymentDate: '2026-04-15', shares: 5, amountRepaidPence: 500 },
  'shares.redeem': { memberId: ID, date: '2026-04-01', shares: 5, amountPaidPence: 500, paymentDate: '2026-04-01', resolutionReference: 'Board minute 2026/14' },
  'shares.purchase': { memberId: ID, date: '2026-04-01', shares: 5, amountPaidPence: 500, resolutionReference: 'Ordinary resolution of 20 March 2026' },
  'members.registerFacts': {},
  'members.updateRegisterSettings': { registerIsIndex: true, retentionYears: null },
  'officers.list': { status: 'current' },
  'officers.get': { id: ID },
  'officers.residentialAddress': { id: ID },
  'officers.add': {
    particulars: officerParticulars,
    residentialAddress: { line1: '9 Park Road', town: 'Leeds', postcode: 'LS6 2AB' },
    appointment: { role: 'director', directorKind: 'nominee', nominatedBy: 'Leeds City Council', appointedOn: '2025-09-01' },
  },
  'officers.update': { id: ID, particulars: officerParticulars, residentialAddress: null },
  'officers.appoint': { officerId: ID, appointment: { role: 'chair', appointedOn: '2026-01-01' } },
  'officers.endAppointment': { appointmentId: ID, ceasedOn: '2026-06-30', reason: 'Term ended' },
  'officers.recordIdentity': { id: ID, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' } },
  'interests.list': { officerId: ID, currentOnly: true },
  'interests.declare': { officerId: ID, category: 'contract', nature: 'Spouse runs a supplier', relatedOrganisation: 'Acme Care Ltd', declaredOn: '2026-02-02' },
  'interests.end': { id: ID, endedOn: '2026-05-05' },
  'psc.register': {},
  'psc.add': { kind: 'individual', name: 'Grace Hopper', serviceAddress: ADDRESS, dateOfBirth: '1970-12-09', natures: ['shares_25_to_50'], becameRegistrableOn: '2024-01-01' },
  'psc.cease': { id: ID, ceasedOn: '2026-01-01' },
  'psc.addStatement': { statement: 'no_registrable_person', madeOn: '2026-01-01' },
  'psc.withdrawStatement': { id: ID, withdrawnOn: '2026-02-01' },
  'filings.list': { status: 'open' },
  'filings.markFiled': { id: ID, filedOn: '2026-02-10', reference: 'CH-000123' },
  'filings.markNotRequired': { id: ID, reason: 'Named on the incorporation application' },
  'hrImport.analyse': { uploadId: TOKEN },
  'hrImport.plan': { importId: TOKEN, mapping: nullMapping, dateFormat: 'dmy', defaultClassId: ID, asOf: '2026-04-01' },
  'hrImport.apply': { planId: TOKEN },
  'exports.register': { format: 'csv', view: 'inspection', status: 'current' },
  'exports.registerPage': { view: 'full', status: 'all', afterNumber: 100, limit: 200 },
  'exports.memberIndexPage': { after: { sortKey: 'lovelace ada', memberNumber: 12 }, limit: 200 },
  'exports.officersPage': { statutory: true },
  'exports.readFile': { fileId: TOKEN, offset: 0 },
  'inspections.list': {},
  'inspections.log': { requesterName: 'A Journalist', requesterAddress: '1 Fleet Street, London', purpose: 'A story', willShare: true, sharedWith: 'Readers', receivedOn: '2026-03-03' },
  'inspections.close': { id: ID, outcome: 'declined', on: '2026-03-10', note: 'Improper purpose; the court was asked under s117(3).' },
};
