import { z } from 'zod';
import { defineMethods, method } from './method';
import { ruleChangeSchema, rulesSchema, rulesViewSchema } from './organisation';

/** The rules of the governing document that the app computes with, and their history. */
export const rulesMethods = defineMethods('rules', {
  'rules.get': method({
    kind: 'query',
    summary: 'The governing-document rules with the source of each default.',
    input: z.strictObject({}),
    output: rulesViewSchema,
  }),
  'rules.update': method({
    kind: 'mutation',
    summary: 'Change governing-document rules; each change is an audit event.',
    input: rulesSchema,
    output: rulesViewSchema,
  }),
  'rules.history': method({
    kind: 'query',
    summary: 'Every change to the rules, newest first, read from the audit log.',
    input: z.strictObject({}),
    output: z.array(ruleChangeSchema),
  }),
});
