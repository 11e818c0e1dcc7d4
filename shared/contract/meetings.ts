import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText, wholeNumber } from './fields';
import { uploadId } from './uploads';
import { jobStartedSchema } from './jobs';

/**
 * Meetings: board meetings, committees of the board, general meetings of members (annual or
 * other) and class meetings; their notice, agenda and papers, attendance, proxies, consents to
 * short notice, resolutions set out in the notice and interests declared at the meeting.
 * Decisions, minutes, actions and written resolutions have contract files of their own.
 */
export const MEETING_KINDS = ['board', 'committee', 'annual_general', 'general', 'class'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABEL: Record<MeetingKind, string> = {
  board: 'Board meeting',
  committee: 'Committee meeting',
  annual_general: 'Annual general meeting',
  general: 'General meeting',
  class: 'Class meeting',
};
/** Meetings of members (notice in clear days, proxies, member resolutions) rather than of directors. */
export const isMembersMeeting = (kind: MeetingKind): boolean => kind === 'annual_general' || kind === 'general' || kind === 'class';

export const MEETING_STATUSES = ['planned', 'notice_given', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  planned: 'Planned',
  notice_given: 'Notice given',
  held: 'Held',
  minutes_approved: 'Minutes approved',
  cancelled: 'Cancelled',
};

export const ITEM_PURPOSES = ['decision', 'discussion', 'information'] as const;
export const ITEM_PURPOSE_LABEL: Record<(typeof ITEM_PURPOSES)[number], string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
};
export const STANDARD_ITEMS = ['apologies', 'declarations', 'previous_minutes', 'matters_arising', 'aob'] as const;
export type StandardItem = (typeof STANDARD_ITEMS)[number];
export const STANDARD_ITEM_TITLE: Record<StandardItem, string> = {
  apologies: 'Welcome and apologies for absence',
  declarations: 'Declarations of interest',
  previous_minutes: 'Minutes of the previous meeting',
  matters_arising: 'Matters arising and actions',
  aob: 'Any other business',
};

export const ATTENDANCE_ROLES = ['director', 'member', 'proxy', 'corporate_representative', 'in_attendance'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
export const ATTENDANCE_STATUSES = ['present', 'present_electronically', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = {
  present: 'Present in person',
  present_electronically: 'Present by electronic means',
  apologies: 'Apologies',
  absent: 'Absent',
};

export const PAPER_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];
/** Papers are kept inside the database file; anything larger is refused before it is sent. */
export const PAPER_MAX_BYTES = 50 * 1024 * 1024;

export const NOTICE_METHODS = ['post', 'electronic', 'hand'] as const;
export const RESOLUTION_KINDS = ['ordinary', 'special'] as const;

/** A time of day on the UK wall clock, 'HH:MM' (24-hour). */
export const timeOfDay = (what: string) =>
  z
    .string({ error: `Enter ${what} as a time like 18:30.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter ${what} as a time like 18:30 (24-hour clock).`);
/** A moment on the UK wall clock, 'YYYY-MM-DDTHH:MM'. */
export const localDateTime = (what: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, `Enter ${what} as a date and a time.`);

/** A legal verdict the screens show as it is: whether it holds and why, citing the law. */
export const verdictSchema = z.object({ ok: z.boolean(), message: z.string() });
export type Verdict = z.output<typeof verdictSchema>;

export const meetingSummarySchema = z.object({
  id,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  committeeId: id.nullable(),
  committeeName: z.string().nullable(),
  classId: id.nullable(),
  className: z.string().nullable(),
  heldOn: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  electronicMeans: z.string().nullable(),
  chairOfficerId: id.nullable(),
  chairName: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  minutesStatus: z.enum(['draft', 'circulated', 'approved', 'signed']).nullable(),
  /** For a members' meeting not yet noticed: the last day notice can be sent by post (null otherwise). */
  noticeDeadline: z.string().nullable(),
});
export type MeetingSummary = z.output<typeof meetingSummarySchema>;

export const paperSchema = z.object({
  id,
  agendaItemId: id,
  title: z.string(),
  fileName: z.string(),
  kind: z.enum(PAPER_KINDS),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  position: z.number().int(),
});
export type Paper = z.output<typeof paperSchema>;

export const conflictSchema = z.object({ officerId: id, name: z.string(), interest: z.string() });

export const itemQuorumSchema = z.object({ quorate: z.boolean(), counted: z.number().int(), required: z.number().int(), message: z.string() });
export type ItemQuorum = z.output<typeof itemQuorumSchema>;

export const agendaItemSchema = z.object({
  id,
  parentId: id.nullable(),
  /** "4" or "4.1", from the order. */
  number: z.string(),
  position: z.number().int(),
  title: z.string(),
  presenter: z.string().nullable(),
  purpose: z.enum(ITEM_PURPOSES),
  minutesAllotted: z.number().int().nullable(),
  standard: z.enum(STANDARD_ITEMS).nullable(),
  relatedOrganisation: z.string().nullable(),
  contractRef: z.string().nullable(),
  /** Tags from the list of organisations and the contracts (issue 10), where linked. */
  counterpartyId: id.nullable(),
  contractId: id.nullable(),
  /** When the item was taken (live meeting), 'HH:MM'. */
  startsAt: z.string().nullable(),
  notes: z.string().nullable(),
  papers: z.array(paperSchema),
  /** Directors whose declared interests relate to the item's organisation, as on the meeting date. */
  conflicted: z.array(conflictSchema),
  /** Board and committee meetings: quorate for this item, with conflicted directors left out where the rules say so. */
  quorum: itemQuorumSchema.nullable(),
});
export type AgendaItem = z.output<typeof agendaItemSchema>;

export const attendeeSchema = z.object({
  id,
  role: z.enum(ATTENDANCE_ROLES),
  officerId: id.nullable(),
  memberId: id.nullable(),
  name: z.string(),
  capacity: z.string().nullable(),
  status: z.enum(ATTENDANCE_STATUSES),
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  /**
   * The members whose proxy appointments this person holds: for a proxy, every unrevoked
   * appointment with the same holder (a member by id, anyone else by name with case, spaces and
   * punctuation ignored); for a member attending in their own right, those naming them as proxy.
   */
  represents: z.array(z.object({ memberId: id, name: z.string() })),
});
export type Attendee = z.output<typeof attendeeSchema>;

export const proxyAppointmentSchema = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  /** The proxy's name: a member's as the register has it, or as the appointment gives it. */
  proxyName: z.string(),
  /** The proxy when they are themselves a member; null for anyone else. */
  proxyMemberId: id.nullable(),
  receivedAt: z.string(),
  instructions: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Whether it was received by the deadline the rules set (CA 2006 s327 for a company). */
  inTime: verdictSchema,
});

export const resolutionSchema = z.object({
  id,
  agendaItemId: id.nullable(),
  position: z.number().int(),
  kind: z.enum(RESOLUTION_KINDS),
  societyKind: z.string().nullable(),
  text: z.string(),
  explanatoryNote: z.string().nullable(),
});
export type Resolution = z.output<typeof resolutionSchema>;

export const declarationSchema = z.object({ id, agendaItemId: id.nullable(), officerId: id, name: z.string(), nature: z.string(), interestId: id.nullable() });

export const noticeStateSchema = z.object({
  /** Clear days required and where that comes from ("CA 2006 s307 and your articles"). */
  requiredClearDays: z.number().int().nullable(),
  source: z.string(),
  /** The last day notice can be posted or e-mailed and still be in time (members' meetings). */
  latestSend: z.object({ latestDay: z.string(), message: z.string() }).nullable(),
  /** Whether the notice recorded as given is enough. */
  verdict: z.object({ ok: z.boolean(), message: z.string(), explanation: z.string() }).nullable(),
  /** Consents to short notice (CA 2006 s307(4)-(6)) and whether they reach the majority needed. */
  shortNotice: z
    .object({
      consents: z.number().int(),
      /** Each consent recorded, by name: the date it was received and the member's votes on the meeting date (0 if none). */
      list: z.array(z.object({ memberId: id, name: z.string(), consentedOn: z.string(), votes: z.number().int() })),
      verdict: verdictSchema,
    })
    .nullable(),
  proxyDeadline: z.string().nullable(),
  /** Whether members may appoint proxies: always for a company (CA 2006 s324), only where its rules say for a society. */
  proxiesAllowed: z.boolean(),
  /** Whose law sets the notice: company law, or (a society) its registered rules. */
  family: z.enum(['company', 'society']),
});

export const meetingViewSchema = z.object({
  meeting: meetingSummarySchema.extend({
    noticeSentAt: z.string().nullable(),
    noticeMethod: z.enum(NOTICE_METHODS).nullable(),
    shortNotice: z.boolean(),
    cancelledReason: z.string().nullable(),
    firstMeetingId: id.nullable(),
    societyResolutionKind: z.string().nullable(),
  }),
  notice: noticeStateSchema.nullable(),
  items: z.array(agendaItemSchema),
  attendance: z.array(attendeeSchema),
  proxies: z.array(proxyAppointmentSchema),
  resolutions: z.array(resolutionSchema),
  declarations: z.array(declarationSchema),
  /** Quorum now (with nobody left out for conflicts): board, committee or general meeting. */
  quorum: itemQuorumSchema.nullable(),
  /** Directors (or committee members) who should appear in attendance and do not yet. */
  expected: z.array(z.object({ officerId: id, name: z.string() })),
  minutesId: id.nullable(),
  /** Signed minutes freeze the meeting's record. */
  sealed: z.boolean(),
  /** Problems a secretary should see before the meeting (e.g. notice too short), each citing its source. */
  warnings: z.array(z.string()),
});
export type MeetingView = z.output<typeof meetingViewSchema>;

const meetingFields = {
  kind: z.enum(MEETING_KINDS, { error: 'Choose the kind of meeting.' }),
  title: optionalText('the title', 200, 'one'),
  committeeId: id.optional(),
  classId: id.optional(),
  heldOn: legalDate('the date of the meeting'),
  startsAt: timeOfDay('the start time'),
  endsAt: timeOfDay('the end time').optional(),
  place: optionalText('the place', 300),
  electronicMeans: optionalText('how to attend electronically', 500),
  chairOfficerId: id.optional(),
  chairName: optionalText("the chair's name", 200, 'one'),
  firstMeetingId: id.optional(),
  societyResolutionKind: z.string().optional(),
};

const itemFields = {
  title: requiredText('the title of the item', 300, 'one'),
  presenter: optionalText('the presenter', 200, 'one'),
  purpose: z.enum(ITEM_PURPOSES, { error: 'Choose the purpose of the item.' }),
  minutesAllotted: wholeNumber('the time allotted in minutes', 1, 600).optional(),
  relatedOrganisation: optionalText('the related organisation', 200, 'one'),
  contractRef: optionalText('the contract', 200, 'one'),
  /** The organisation from the list of organisations, and the contract (which brings its commissioner); their name and reference are recorded when the words are empty. */
  counterpartyId: id.optional(),
  contractId: id.optional(),
};

export const meetingMethods = defineMethods('meetings', {
  'meetings.list': method({
    kind: 'query',
    summary: 'Meetings, upcoming first or past, optionally of one kind.',
    input: z.strictObject({
      when: z.enum(['upcoming', 'past', 'all']).default('all'),
      kind: z.enum(MEETING_KINDS).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(meetingSummarySchema),
  }),
  'meetings.get': method({
    kind: 'query',
    summary: 'One meeting with its notice, agenda and papers, attendance, quorum per item, resolutions and declarations.',
    input: z.strictObject({ id }),
    output: meetingViewSchema,
  }),
  'meetings.create': method({
    kind: 'mutation',
    summary: 'Plan a meeting; standard items may be added at once.',
    input: z.strictObject({ ...meetingFields, standardItems: z.boolean().default(true) }),
    output: meetingViewSchema,
  }),
  'meetings.update': method({
    kind: 'mutation',
    summary: "Change a meeting's date, time, place, electronic means or chair.",
    input: z.strictObject({ id, ...meetingFields }),
    output: meetingViewSchema,
  }),
  'meetings.setStatus': method({
    kind: 'mutation',
    summary: 'Mark a meeting held, or cancel it (with a reason).',
    input: z.strictObject({ id, status: z.enum(['planned', 'held', 'cancelled']), reason: optionalText('the reason', 500) }),
    output: meetingViewSchema,
  }),
  'meetings.recordNotice': method({
    kind: 'mutation',
    summary: 'Record when and how notice was given; the verdict on its validity comes back.',
    input: z.strictObject({ id, sentAt: localDateTime('when notice was sent'), method: z.enum(NOTICE_METHODS), shortNotice: z.boolean().default(false) }),
    output: meetingViewSchema,
  }),
  'meetings.recordConsent': method({
    kind: 'mutation',
    summary: 'Record (or withdraw) a member’s consent to short notice (CA 2006 s307(4)-(6)).',
    input: z.strictObject({ id, memberId: id, consentedOn: legalDate('the date of consent'), withdraw: z.boolean().default(false) }),
    output: meetingViewSchema,
  }),
  'meetings.addItem': method({
    kind: 'mutation',
    summary: 'Add an agenda item (or a sub-item under parentId), at the end or after another item.',
    input: z.strictObject({ meetingId: id, parentId: id.optional(), afterId: id.optional(), standard: z.enum(STANDARD_ITEMS).optional(), ...itemFields }),
    output: meetingViewSchema,
  }),
  'meetings.updateItem': method({
    kind: 'mutation',
    summary: 'Change an agenda item, its discussion notes, or when it was taken.',
    input: z.strictObject({ id, ...itemFields, notes: optionalText('the notes', 20000, 'many'), startsAt: timeOfDay('the time the item was taken').optional() }),
    output: meetingViewSchema,
  }),
  'meetings.moveItem': method({
    kind: 'mutation',
    summary: 'Move an agenda item up or down among its siblings.',
    input: z.strictObject({ id, direction: z.enum(['up', 'down']) }),
    output: meetingViewSchema,
  }),
  'meetings.removeItem': method({
    kind: 'mutation',
    summary: 'Remove an agenda item with its sub-items and papers (not once decisions are recorded on it).',
    input: z.strictObject({ id }),
    output: meetingViewSchema,
  }),
  'meetings.attachPaper': method({
    kind: 'command',
    summary: 'Attach an uploaded file as a paper to an item: kept inside the database with its SHA-256; its type is checked from its contents.',
    input: z.strictObject({ agendaItemId: id, uploadId, title: optionalText('the title of the paper', 300, 'one') }),
    output: meetingViewSchema,
  }),
  'meetings.removePaper': method({
    kind: 'mutation',
    summary: 'Remove a paper from an item.',
    input: z.strictObject({ id }),
    output: meetingViewSchema,
  }),
  'meetings.readPaper': method({
    kind: 'command',
    summary: 'Make a paper available to download (read back with exports.readFile).',
    input: z.strictObject({ id }),
    output: z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }),
  }),
  'meetings.setAttendance': method({
    kind: 'mutation',
    summary: 'Record a director’s or member’s attendance (status, arrival, departure); saved at once, quorum recomputed.',
    input: z.strictObject({
      meetingId: id,
      officerId: id.optional(),
      memberId: id.optional(),
      status: z.enum(ATTENDANCE_STATUSES, { error: 'Choose present, present by electronic means, apologies or absent.' }),
      arrivedAt: timeOfDay('the arrival time').optional(),
      leftAt: timeOfDay('the departure time').optional(),
    }),
    output: meetingViewSchema,
  }),
  'meetings.addAttendee': method({
    kind: 'mutation',
    summary: 'Add someone in attendance who is not a director or member (staff, auditor, observer), a proxy or a corporate representative.',
    input: z.strictObject({
      meetingId: id,
      role: z.enum(['in_attendance', 'proxy', 'corporate_representative']),
      name: requiredText('the name', 200, 'one'),
      capacity: optionalText('the capacity', 200, 'one'),
      memberId: id.optional(),
      status: z.enum(ATTENDANCE_STATUSES).default('present'),
      arrivedAt: timeOfDay('the arrival time').optional(),
    }),
    output: meetingViewSchema,
  }),
  'meetings.removeAttendee': method({
    kind: 'mutation',
    summary: 'Remove an attendance entry recorded by mistake.',
    input: z.strictObject({ id }),
    output: meetingViewSchema,
  }),
  'meetings.recordProxy': method({
    kind: 'mutation',
    summary: 'Record a proxy appointment received for a member (CA 2006 s324-s327), or revoke one.',
    input: z.strictObject({
      meetingId: id,
      memberId: id,
      /** The proxy when they are themselves a member (matched by id for the quorum, CA 2006 s318). */
      proxyMemberId: id.optional(),
      /** The proxy's name when they are not a member (one of the two is required). */
      proxyName: optionalText("the proxy's name", 200, 'one'),
      receivedAt: localDateTime('when the appointment was received'),
      instructions: optionalText('the voting instructions', 2000),
    }),
    output: meetingViewSchema,
  }),
  'meetings.revokeProxy': method({
    kind: 'mutation',
    summary: 'Record that a proxy appointment was revoked.',
    input: z.strictObject({ id, revokedAt: localDateTime('when it was revoked') }),
    output: meetingViewSchema,
  }),
  'meetings.addResolution': method({
    kind: 'mutation',
    summary: 'Set out a resolution in the notice of a members’ meeting (its full text, ordinary or special).',
    input: z.strictObject({
      meetingId: id,
      agendaItemId: id.optional(),
      kind: z.enum(RESOLUTION_KINDS, { error: 'Choose ordinary or special.' }),
      societyKind: z.string().optional(),
      text: requiredText('the text of the resolution', 10000, 'many'),
      explanatoryNote: optionalText('the explanatory note', 10000, 'many'),
    }),
    output: meetingViewSchema,
  }),
  'meetings.updateResolution': method({
    kind: 'mutation',
    summary: 'Change a resolution’s text or kind (refused once notice has been given: the notice is what members saw).',
    input: z.strictObject({
      id,
      kind: z.enum(RESOLUTION_KINDS),
      text: requiredText('the text of the resolution', 10000, 'many'),
      explanatoryNote: optionalText('the explanatory note', 10000, 'many'),
    }),
    output: meetingViewSchema,
  }),
  'meetings.removeResolution': method({
    kind: 'mutation',
    summary: 'Remove a resolution from the notice (refused once notice has been given).',
    input: z.strictObject({ id }),
    output: meetingViewSchema,
  }),
  'meetings.declareInterest': method({
    kind: 'mutation',
    summary: 'Record a declaration of interest made at the meeting; it is also entered in the interests register.',
    input: z.strictObject({
      meetingId: id,
      agendaItemId: id.optional(),
      officerId: id,
      nature: requiredText('the nature of the interest', 500),
      relatedOrganisation: optionalText('the related organisation', 200, 'one'),
      /**
       * The organisation the interest is in, from the list of organisations (issue 10), so its
       * contracts name the director as conflicted; by default the item's, when the words are the item's.
       */
      counterpartyId: id.optional(),
    }),
    output: meetingViewSchema,
  }),
  'meetings.boardPack': method({
    kind: 'command',
    summary: 'Produce the board pack: one PDF of cover, agenda and every paper in order, with page numbers and bookmarks.',
    input: z.strictObject({ id }),
    output: jobStartedSchema,
    jobResult: z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), pages: z.number().int() }),
  }),
  'meetings.notice': method({
    kind: 'command',
    summary: 'Produce the notice of the meeting as PDF or DOCX, with the members it goes to taken from the register on the date sent.',
    input: z.strictObject({ id, format: z.enum(['pdf', 'docx']) }),
    output: jobStartedSchema,
    jobResult: z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), recipients: z.number().int() }),
  }),
  'meetings.dashboard': method({
    kind: 'query',
    summary: 'For the home screen: the next meeting and its notice deadline, minutes awaiting approval or signature, overdue actions.',
    input: z.strictObject({}),
    output: z.object({
      next: meetingSummarySchema.nullable(),
      minutesAwaiting: z.array(z.object({ minutesId: id, meetingId: id, title: z.string(), heldOn: z.string(), status: z.enum(['draft', 'circulated', 'approved']) })),
      overdueActions: z.array(z.object({ id, description: z.string(), ownerName: z.string(), dueOn: z.string(), meetingId: id, meetingTitle: z.string() })),
    }),
  }),
});

export const committeeSchema = z.object({
  id,
  name: z.string(),
  terms: z.string().nullable(),
  formedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  members: z.array(z.object({ id, officerId: id, name: z.string(), joinedOn: z.string(), leftOn: z.string().nullable() })),
});
export type Committee = z.output<typeof committeeSchema>;
