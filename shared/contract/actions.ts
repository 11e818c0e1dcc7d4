import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';

/**
 * The action tracker: what a meeting agreed someone would do, by when; open actions are carried
 * to the next meeting's "matters arising" automatically, and overdue ones show on the home screen.
 */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const ACTION_STATUS_LABEL: Record<(typeof ACTION_STATUSES)[number], string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

export const actionSchema = z.object({
  id,
  meetingId: id,
  meetingTitle: z.string(),
  meetingHeldOn: z.string(),
  agendaItemId: id.nullable(),
  itemNumber: z.string().nullable(),
  description: z.string(),
  ownerOfficerId: id.nullable(),
  ownerName: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  closedOn: z.string().nullable(),
  closedNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type Action = z.output<typeof actionSchema>;

const actionFields = {
  description: requiredText('what is to be done', 2000, 'many'),
  ownerOfficerId: id.optional(),
  ownerName: optionalText("the owner's name", 200, 'one'),
  dueOn: legalDate('the due date').optional(),
};

export const actionMethods = defineMethods('actions', {
  'actions.list': method({
    kind: 'query',
    summary: 'Actions: open, overdue, done, or all; optionally those agreed at one meeting or carried to it.',
    input: z.strictObject({
      status: z.enum(['open', 'overdue', 'closed', 'all']).default('open'),
      meetingId: id.optional(),
      /** Open actions agreed at earlier meetings, for this meeting's matters arising. */
      carriedTo: id.optional(),
      search: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(actionSchema),
  }),
  'actions.create': method({
    kind: 'mutation',
    summary: 'Record an action agreed at a meeting (the owner a director or officer, or any named person).',
    input: z.strictObject({ meetingId: id, agendaItemId: id.optional(), ...actionFields }),
    output: actionSchema,
  }),
  'actions.update': method({
    kind: 'mutation',
    summary: 'Change an action’s description, owner or due date.',
    input: z.strictObject({ id, ...actionFields }),
    output: actionSchema,
  }),
  'actions.close': method({
    kind: 'mutation',
    summary: 'Mark an action done or dropped (with a note), or reopen it.',
    input: z.strictObject({ id, status: z.enum(ACTION_STATUSES), closedOn: legalDate('the date').optional(), note: optionalText('the note', 2000) }),
    output: actionSchema,
  }),
});
