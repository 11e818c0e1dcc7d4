import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate, optionalText, requiredText } from './fields';
import { committeeSchema } from './meetings';

/**
 * Committees of the board (audit, remuneration, nominations…). Their members are chosen from the
 * directors (Model Articles pcls art 5: directors may delegate to committees; a society's rules
 * make their own provision).
 */
export const committeeMethods = defineMethods('committees', {
  'committees.list': method({
    kind: 'query',
    summary: 'Committees of the board with their members, current first.',
    input: z.strictObject({}),
    output: z.array(committeeSchema),
  }),
  'committees.create': method({
    kind: 'mutation',
    summary: 'Form a committee of the board from directors in office.',
    input: z.strictObject({
      name: requiredText('the name of the committee', 200, 'one'),
      terms: optionalText('the terms of reference', 5000, 'many'),
      formedOn: legalDate('the date the committee was formed'),
      officerIds: z.array(id).min(1, 'Choose at least one director.'),
    }),
    output: committeeSchema,
  }),
  'committees.update': method({
    kind: 'mutation',
    summary: "Rename a committee or change its terms of reference.",
    input: z.strictObject({ id, name: requiredText('the name of the committee', 200, 'one'), terms: optionalText('the terms of reference', 5000, 'many') }),
    output: committeeSchema,
  }),
  'committees.addMember': method({
    kind: 'mutation',
    summary: 'Add a director to a committee.',
    input: z.strictObject({ id, officerId: id, joinedOn: legalDate('the date they joined') }),
    output: committeeSchema,
  }),
  'committees.removeMember': method({
    kind: 'mutation',
    summary: 'Record that a director left a committee.',
    input: z.strictObject({ id, officerId: id, leftOn: legalDate('the date they left') }),
    output: committeeSchema,
  }),
  'committees.dissolve': method({
    kind: 'mutation',
    summary: 'Record that a committee was dissolved.',
    input: z.strictObject({ id, dissolvedOn: legalDate('the date it was dissolved') }),
    output: committeeSchema,
  }),
});
