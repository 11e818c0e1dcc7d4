import type { ElectionPublic, ElectionSetup, Group, Question, TrusteePublic } from '../../../shared/ballot';
import { sodiumGroup } from '../../../shared/ballot/group-sodium';
import type { BallotQuestion } from '../../../shared/contract/ballots';
import type { ReadDb } from '../context';
import { AppError } from '../errors';
import type { BallotRow } from './tables';

/**
 * The protocol's view of a ballot (docs/ballot-protocol.md §3), rebuilt from the tables the same
 * way every time: question and choice ids are the rows' ids, in position order, so the setup hash
 * recorded at set-up is recomputed exactly from what is on record.
 */

/** libsodium's ristretto255 (§13): the core checks proofs and decrypts with it. Loaded once. */
export function coreGroup(): Promise<Group<Uint8Array>> {
  return sodiumGroup();
}

export const RESOLUTION_CHOICES = [
  { key: 'for', label: 'For' },
  { key: 'against', label: 'Against' },
  { key: 'abstain', label: 'Abstain' },
] as const;

export async function questionsOf(db: ReadDb, ballotId: string): Promise<BallotQuestion[]> {
  const qs = await db.selectFrom('ballot_question').selectAll().where('ballot_id', '=', ballotId).orderBy('position').execute();
  if (qs.length === 0) return [];
  const cs = await db
    .selectFrom('ballot_choice')
    .selectAll()
    .where(
      'question_id',
      'in',
      qs.map((q) => q.id),
    )
    .orderBy('position')
    .execute();
  return qs.map((q) => ({
    id: q.id,
    position: q.position,
    kind: q.kind,
    text: q.text,
    resolutionKind: q.resolution_kind,
    resolutionId: q.resolution_id,
    min: q.min_choices,
    max: q.max_choices,
    choices: cs.filter((c) => c.question_id === q.id).map((c) => ({ id: c.id, label: c.label, statement: c.statement })),
  }));
}

export function setupOf(ballot: Pick<BallotRow, 'id' | 'title' | 'trustee_count' | 'threshold'>, questions: readonly BallotQuestion[]): ElectionSetup {
  return {
    id: ballot.id,
    title: ballot.title,
    questions: questions.map(
      (q): Question => ({ id: q.id, kind: q.kind, text: q.text, choices: q.choices.map((c) => ({ id: c.id, label: c.label })), min: q.min, max: q.max }),
    ),
    trustees: { count: ballot.trustee_count, threshold: ballot.threshold },
  };
}

export async function trusteesPublic(db: ReadDb, ballotId: string): Promise<TrusteePublic[]> {
  const rows = await db.selectFrom('ballot_trustee').select(['position', 'public_part']).where('ballot_id', '=', ballotId).orderBy('position').execute();
  return rows.filter((r) => r.public_part !== null).map((r) => JSON.parse(r.public_part!) as TrusteePublic);
}

/** The election as opened (§3): refused before opening. */
export async function electionOf(db: ReadDb, ballot: BallotRow): Promise<ElectionPublic> {
  if (ballot.public_key === null || ballot.fingerprint === null || ballot.roll_hash === null || ballot.total_weight === null) {
    throw new AppError('CONFLICT', 'This ballot has not been opened yet.');
  }
  const setup = setupOf(ballot, await questionsOf(db, ballot.id));
  return {
    setup,
    setupHash: ballot.setup_hash,
    trustees: await trusteesPublic(db, ballot.id),
    publicKey: ballot.public_key,
    rollHash: ballot.roll_hash,
    totalWeight: ballot.total_weight,
    fingerprint: ballot.fingerprint,
  };
}

export async function loadBallot(db: ReadDb, organisationId: string, id: string): Promise<BallotRow> {
  const row = await db.selectFrom('ballot').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That ballot is not on record.');
  return row;
}
