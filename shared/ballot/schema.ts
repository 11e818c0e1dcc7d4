// The shapes of the ballot and of the verification file (docs/ballot-protocol.md §10, §12) as zod
// schemas: checked before any arithmetic, so a damaged file or a malformed cast is refused with the
// path of the bad field instead of failing somewhere inside the checks. The contract can reuse them.
import { z } from 'zod';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positive = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const proofSchema = z.object({ c: hex32, s: hex32 });
export const ciphertextSchema = z.object({ alpha: hex32, beta: hex32 });

export const ballotSchema = z.object({
  version: z.number().int(),
  fingerprint: hex32,
  answers: z.array(
    z.object({
      choices: z.array(ciphertextSchema.extend({ proof: z.array(proofSchema) })),
      sumProof: z.array(proofSchema),
    }),
  ),
});

export const questionSchema = z.object({
  id: z.string(),
  kind: z.enum(['resolution', 'election', 'consultation']),
  text: z.string(),
  choices: z.array(z.object({ id: z.string(), label: z.string() })).min(1),
  min: count,
  max: count,
});

export const setupSchema = z.object({
  id: z.string(),
  title: z.string(),
  questions: z.array(questionSchema).min(1),
  trustees: z.object({ count: positive, threshold: positive }),
});

export const trusteeSchema = z.object({
  index: positive,
  name: z.string(),
  commitments: z.array(hex32).min(1),
  proof: proofSchema,
  transportKey: hex32.optional(),
});

export const verificationFileSchema = z.object({
  format: z.literal('mutual-governance/ballot-verification'),
  version: z.number().int(),
  election: setupSchema,
  trustees: z.array(trusteeSchema),
  publicKey: hex32,
  rollHash: z.string(),
  totalWeight: positive,
  fingerprint: hex32,
  counts: z.object({ roll: count, votedElectronically: count }),
  ballots: z.array(z.object({ tracker: hex32, weight: positive, ballot: ballotSchema })),
  sealedBoxHash: hex32,
  tally: z.array(z.array(ciphertextSchema)),
  decryptions: z.array(z.object({ trustee: positive, factors: z.array(z.array(z.object({ d: hex32, proof: proofSchema }))) })),
  result: z.array(z.array(count)),
});

/** "at ballots[3].ballot.answers[0]: expected array, received null", for the first problem, or null. */
export function shapeProblem(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
  return `${path ? `at ${path}: ` : ''}${issue.message}`;
}
