import { combine, decryptionProblem, openKey, openTrusteeSecret, partialDecrypt, tallyFromJson, type CiphertextJson, type DecryptionJson, type SealedKey } from '../../../shared/ballot';
import type { Ballot, BallotResult, QuestionResult } from '../../../shared/contract/ballots';
import { VOTE_CHANNEL_LABEL } from '../../../shared/contract/ballots';
import { formFamily } from '../../../shared/domain/legal-form';
import { questionOutcome } from '../../../shared/rules/ballot-result';
import type { ReadDb, WriteContext } from '../context';
import { AppError } from '../errors';
import { toRules } from '../organisation/handlers';
import { lotSeed } from './cast';
import { coreGroup, electionOf, loadBallot, questionsOf } from './election';
import { openOptions } from './kdf';
import { paperTotals } from './paper';
import type { BallotRow, BallotTrusteeRow } from './tables';
import { ballotView, channelCounts } from './view';

/**
 * Decryption (docs/ballot-protocol.md §7, §9): each trustee, with their passphrase, decrypts
 * their part of the summed ballots with a proof of correct decryption; only the sum is ever
 * decrypted. When the threshold is reached the parts are combined, the bounded discrete log gives
 * the electronic totals, the tellers' agreed paper counts are added, and the result is computed
 * on the ballot's base by shared/rules/ballot-result.ts and declared.
 */
interface Stage {
  b: BallotRow;
  t: BallotTrusteeRow;
  done: { position: number; decryption: string | null }[];
  last: boolean;
  paper: { counts: number[][]; spoilt: number } | null;
}

/** The checks before a trustee's part is taken, in person or from a file: nothing changes if one fails. */
async function stage(tx: WriteContext, orgId: string, id: string, trustee: number): Promise<Stage> {
  const b = await loadBallot(tx.db, orgId, id);
  if (b.status === 'decided') throw new AppError('CONFLICT', 'The result of this ballot has already been declared.');
  if (b.status !== 'closed') throw new AppError('CONFLICT', b.status === 'open' ? 'The ballot is still open: close it first. Nothing is decrypted while voting goes on.' : `This ballot is ${b.status}; there is nothing to decrypt.`);
  if (b.tally === null) throw new AppError('CONFLICT', 'The sealed ballots have not been summed yet: close the ballot again to finish the sum.');
  const t = await tx.db.selectFrom('ballot_trustee').selectAll().where('ballot_id', '=', b.id).where('position', '=', trustee).executeTakeFirst();
  if (!t) throw AppError.field('trustee', `This ballot has ${b.trustee_count} trustees; there is no trustee ${trustee}.`);
  if (t.decryption !== null) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already decrypted their part.`);
  const done = await tx.db.selectFrom('ballot_trustee').select(['position', 'decryption']).where('ballot_id', '=', b.id).where('decryption', 'is not', null).execute();
  const last = done.length + 1 >= b.threshold;
  // The paper counts must be agreed before the result can be declared, so check before anything changes.
  const paper = last ? await paperTotals(tx.db, b) : null;
  return { b, t, done, last, paper };
}

/** Checks a trustee's part against its proof, keeps it, and declares the result once enough have been given. */
async function accept(tx: WriteContext, s: Stage, dec: DecryptionJson, how: string, field: string): Promise<void> {
  const { b, t } = s;
  const G = await coreGroup();
  const election = await electionOf(tx.db, b);
  const tally = tallyFromJson(G, JSON.parse(b.tally!) as CiphertextJson[][]);
  if (dec.trustee !== t.position) throw AppError.field(field, `This decryption is trustee ${dec.trustee}'s, not trustee ${t.position}'s.`);
  const problem = decryptionProblem(G, election, b.sealed_box_hash!, tally, dec);
  if (problem) throw AppError.field(field, `This decryption does not check against the sealed total, so it was not accepted: ${problem}`);
  await tx.db.updateTable('ballot_trustee').set({ decryption: JSON.stringify(dec), updated_at: tx.who.at }).where('id', '=', t.id).execute();
  tx.audit({ action: 'ballot.decrypted', entityType: 'ballot_trustee', entityId: t.id, summary: `Trustee ${t.position} decrypted their part of the sealed total ${how}, with a proof`, before: null, after: { decryption: dec } });
  if (s.last) {
    const all = [...s.done.map((d) => JSON.parse(d.decryption!) as DecryptionJson), dec];
    const electronic = combine(G, election, tally, all);
    const result = await declare(tx, b, electronic, s.paper!);
    tx.audit({
      action: 'ballot.decided',
      entityType: 'ballot',
      entityId: b.id,
      summary: `Result declared: ${result.questions.map((q) => q.outcome).join(', ')}`,
      before: { status: 'closed' },
      after: { status: 'decided', electronic, paper: s.paper!.counts, result },
    });
  }
}

/** A trustee's secret scalar from their sealed key and passphrase (n-of-n: the key; k-of-n: the combined share). */
export async function trusteeScalar(passphrase: string, sealed: SealedKey, threshold: boolean): Promise<bigint> {
  if (!threshold) return (await openTrusteeSecret(passphrase, sealed, { degree: 1, withTransport: false }, openOptions())).coefficients[0]!;
  return ((await openKey(passphrase, sealed, openOptions())) as [bigint])[0];
}

export async function decrypt(tx: WriteContext, input: { id: string; trustee: number; passphrase: string }): Promise<Ballot> {
  const rc = await tx.register();
  const s = await stage(tx, rc.org.id, input.id, input.trustee);
  const { b, t } = s;
  const G = await coreGroup();
  let x: bigint;
  try {
    const threshold = b.threshold < b.trustee_count;
    if (threshold && t.sealed_share === null) throw new Error('This trustee never accepted their shares.');
    x = await trusteeScalar(input.passphrase, JSON.parse((threshold ? t.sealed_share : t.sealed_secret)!) as SealedKey, threshold);
  } catch (e) {
    throw AppError.field('passphrase', e instanceof Error ? e.message : 'The passphrase is wrong or the key file is damaged.');
  }
  const election = await electionOf(tx.db, b);
  const tally = tallyFromJson(G, JSON.parse(b.tally!) as CiphertextJson[][]);
  let dec: DecryptionJson;
  try {
    dec = partialDecrypt(G, election, b.sealed_box_hash!, t.position, x, tally);
  } catch (e) {
    throw AppError.field('passphrase', e instanceof Error ? e.message : String(e));
  }
  await accept(tx, s, dec, 'on this computer', 'passphrase');
  return ballotView(tx.db, await loadBallot(tx.db, rc.org.id, b.id));
}

/**
 * What a trustee takes to their own machine to decrypt there (issue 8: "or on their own machine
 * from an exported file"): the election's public part, the sealed box hash and the summed
 * ciphertexts. No secret, no ballot: only the sum, which is all that is ever decrypted.
 */
export const REQUEST_FORMAT = 'mutual-governance/ballot-decryption-request';
export const RESPONSE_FORMAT = 'mutual-governance/ballot-decryption';

export async function decryptionRequest(tx: { db: ReadDb }, orgId: string, id: string, trustee: number) {
  const b = await loadBallot(tx.db, orgId, id);
  if (b.status !== 'closed' || b.tally === null) throw new AppError('CONFLICT', b.status === 'decided' ? 'The result has already been declared.' : 'A decryption request is made once the ballot is closed and summed.');
  const t = await tx.db.selectFrom('ballot_trustee').select(['position', 'name', 'decryption']).where('ballot_id', '=', b.id).where('position', '=', trustee).executeTakeFirst();
  if (!t) throw AppError.field('trustee', `This ballot has ${b.trustee_count} trustees; there is no trustee ${trustee}.`);
  if (t.decryption !== null) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already decrypted their part.`);
  return {
    format: REQUEST_FORMAT,
    version: 1,
    about: `Decryption request for trustee ${t.position} (${t.name}) of the ballot “${b.title}”. Run on your own computer: npm run cli -- ballot-decrypt --request THIS-FILE --key YOUR-KEY-BACKUP --out DECRYPTION.json, then bring DECRYPTION.json back to the secretary.`,
    ballotId: b.id,
    trustee: t.position,
    threshold: b.threshold < b.trustee_count,
    election: await electionOf(tx.db, b),
    sealedBoxHash: b.sealed_box_hash!,
    tally: JSON.parse(b.tally) as CiphertextJson[][],
  };
}

/** The trustee's side, on their own machine: their partial decryption of the request's sum, with its proof. */
export async function answerRequest(request: Awaited<ReturnType<typeof decryptionRequest>>, backup: { sealed: SealedKey; trustee: number; setupHash: string }, passphrase: string) {
  if (request.format !== REQUEST_FORMAT) throw new Error('This is not a decryption request made by Mutual Governance.');
  if (backup.trustee !== request.trustee || backup.setupHash !== request.election.setupHash) throw new Error(`This key backup is trustee ${backup.trustee}'s of another ballot or another trustee, not trustee ${request.trustee}'s of “${request.election.setup.title}”.`);
  const G = await coreGroup();
  const x = await trusteeScalar(passphrase, backup.sealed, request.threshold);
  const dec = partialDecrypt(G, request.election, request.sealedBoxHash, request.trustee, x, tallyFromJson(G, request.tally));
  return { format: RESPONSE_FORMAT, version: 1, ballotId: request.ballotId, decryption: dec };
}

export async function importDecryption(tx: WriteContext, input: { id: string; file: string }): Promise<Ballot> {
  const rc = await tx.register();
  let parsed: { format?: unknown; ballotId?: unknown; decryption?: DecryptionJson };
  try {
    parsed = JSON.parse(input.file) as typeof parsed;
  } catch {
    throw AppError.field('file', 'This file is not a decryption made by Mutual Governance (it is not JSON).');
  }
  if (parsed.format !== RESPONSE_FORMAT || !parsed.decryption || typeof parsed.decryption.trustee !== 'number') throw AppError.field('file', 'This file is not a decryption made by Mutual Governance.');
  if (parsed.ballotId !== input.id) throw AppError.field('file', 'This decryption belongs to another ballot.');
  const s = await stage(tx, rc.org.id, input.id, parsed.decryption.trustee);
  await accept(tx, s, parsed.decryption, 'on their own computer', 'file');
  return ballotView(tx.db, await loadBallot(tx.db, rc.org.id, input.id));
}

async function declare(tx: WriteContext, b: BallotRow, electronic: number[][], paper: { counts: number[][]; spoilt: number }): Promise<BallotResult> {
  const rc = await tx.register();
  const family = formFamily(rc.legalForm);
  const rulesRow = await tx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
  const rules = toRules(rulesRow, rc.legalForm);
  const questions = await questionsOf(tx.db, b.id);
  const seed = questions.some((q) => q.kind === 'election') ? lotSeed() : null;
  let resolutionNo = 0;
  // The seed is drawn before the counts are known (so nobody can choose it after), but kept only if a lot decided a seat.
  let lotUsed = false;
  const out: QuestionResult[] = questions.map((q, i) => {
    const e = electronic[i]!;
    const p = paper.counts[i]!;
    const choices = q.choices.map((c, j) => ({ id: c.id, label: c.label, electronic: e[j]!, paper: p[j]!, total: e[j]! + p[j]! }));
    const votes = (j: number) => ({ electronic: e[j]!, paper: p[j]! });
    if (q.kind === 'resolution') {
      resolutionNo += 1;
      const o = questionOutcome({
        kind: 'resolution',
        number: resolutionNo,
        resolution: q.resolutionKind!,
        base: b.base,
        family,
        for: votes(0),
        against: votes(1),
        abstain: votes(2),
        ...(b.base === 'eligible_votes' ? { eligibleVotes: b.total_weight! } : {}),
        ...(family === 'company' ? {} : { specialPct: rules.specialResolutionPct }),
      });
      if (o.kind !== 'resolution') throw new Error('unreachable');
      return { questionId: q.id, kind: q.kind, text: q.text, choices, outcome: o.status === 'casting_vote_needed' ? 'casting_vote_needed' : o.passed ? 'passed' : 'failed', elected: [], words: o.minutes };
    }
    if (q.kind === 'election') {
      const o = questionOutcome({ kind: 'election', title: q.text, seats: q.max, candidates: q.choices.map((c, j) => ({ id: c.id, name: c.label, votes: votes(j) })), tieBreak: { method: 'lot', seed: seed! } });
      if (o.kind !== 'election') throw new Error('unreachable');
      if (o.lot) lotUsed = true;
      return { questionId: q.id, kind: q.kind, text: q.text, choices, outcome: 'elected', elected: o.elected.map((c) => c.id), words: o.minutes };
    }
    const o = questionOutcome({ kind: 'consultation', question: q.text, options: q.choices.map((c, j) => ({ id: c.id, label: c.label, votes: votes(j) })) });
    if (o.kind !== 'consultation') throw new Error('unreachable');
    return { questionId: q.id, kind: q.kind, text: q.text, choices, outcome: 'advisory', elected: [], words: o.minutes };
  });
  const byChannel = await channelCounts(tx.db, b.id);
  const voters = Object.values(byChannel).reduce((s, n) => s + n, 0);
  const roll = b.roll_count ?? 0;
  const parts = (Object.keys(byChannel) as (keyof typeof byChannel)[]).filter((k) => byChannel[k] > 0).map((k) => `${byChannel[k].toLocaleString('en-GB')} ${VOTE_CHANNEL_LABEL[k]}`);
  const pct = roll ? ((voters * 1000) / roll / 10).toFixed(1) : '0.0';
  // Where members carry different numbers of votes (one a share, or a capped class), say how many votes the voters held.
  const votedWeight = Number(
    (await tx.db.selectFrom('ballot_roll').select((eb) => eb.fn.sum<number>('weight').as('w')).where('ballot_id', '=', b.id).where('voted_by', 'is not', null).executeTakeFirst())?.w ?? 0,
  );
  const weighted = (b.total_weight ?? 0) !== roll;
  const votesPart = weighted ? `, holding ${votedWeight.toLocaleString('en-GB')} of the ${(b.total_weight ?? 0).toLocaleString('en-GB')} votes on the roll (the counts below are votes, not voters)` : '';
  const result: BallotResult = {
    questions: out,
    turnout: {
      voters,
      roll,
      byChannel,
      words: `${voters.toLocaleString('en-GB')} of the ${roll.toLocaleString('en-GB')} members on the roll voted (${pct}%)${votesPart}${parts.length ? `: ${parts.join(', ')}` : ''}${paper.spoilt ? `; ${paper.spoilt} spoilt paper${paper.spoilt === 1 ? '' : 's'}` : ''}.`,
    },
    lotSeed: lotUsed ? seed : null,
    declaredAt: tx.who.at,
  };
  await tx.db.updateTable('ballot').set({ status: 'decided', result: JSON.stringify(result), lot_seed: result.lotSeed, decided_at: tx.who.at, updated_at: tx.who.at }).where('id', '=', b.id).execute();
  return result;
}
