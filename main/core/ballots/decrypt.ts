import { combine, decryptionProblem, openKey, openTrusteeSecret, partialDecrypt, tallyFromJson, type CiphertextJson, type DecryptionJson, type SealedKey } from '../../../shared/ballot';
import type { Ballot, BallotResult, QuestionResult } from '../../../shared/contract/ballots';
import { VOTE_CHANNEL_LABEL } from '../../../shared/contract/ballots';
import { formFamily } from '../../../shared/domain/legal-form';
import { questionOutcome } from '../../../shared/rules/ballot-result';
import type { WriteContext } from '../context';
import { AppError } from '../errors';
import { toRules } from '../organisation/handlers';
import { lotSeed } from './cast';
import { coreGroup, electionOf, loadBallot, questionsOf } from './election';
import { openOptions } from './kdf';
import { paperTotals } from './paper';
import type { BallotRow } from './tables';
import { ballotView, channelCounts } from './view';

/**
 * Decryption (docs/ballot-protocol.md §7, §9): each trustee, with their passphrase, decrypts
 * their part of the summed ballots with a proof of correct decryption; only the sum is ever
 * decrypted. When the threshold is reached the parts are combined, the bounded discrete log gives
 * the electronic totals, the tellers' agreed paper counts are added, and the result is computed
 * on the ballot's base by shared/rules/ballot-result.ts and declared.
 */
export async function decrypt(tx: WriteContext, input: { id: string; trustee: number; passphrase: string }): Promise<Ballot> {
  const rc = await tx.register();
  const b = await loadBallot(tx.db, rc.org.id, input.id);
  if (b.status === 'decided') throw new AppError('CONFLICT', 'The result of this ballot has already been declared.');
  if (b.status !== 'closed') throw new AppError('CONFLICT', b.status === 'open' ? 'The ballot is still open: close it first. Nothing is decrypted while voting goes on.' : `This ballot is ${b.status}; there is nothing to decrypt.`);
  if (b.tally === null) throw new AppError('CONFLICT', 'The sealed ballots have not been summed yet: close the ballot again to finish the sum.');
  const t = await tx.db.selectFrom('ballot_trustee').selectAll().where('ballot_id', '=', b.id).where('position', '=', input.trustee).executeTakeFirst();
  if (!t) throw AppError.field('trustee', `This ballot has ${b.trustee_count} trustees; there is no trustee ${input.trustee}.`);
  if (t.decryption !== null) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already decrypted their part.`);
  const done = await tx.db.selectFrom('ballot_trustee').select(['position', 'decryption']).where('ballot_id', '=', b.id).where('decryption', 'is not', null).execute();
  const last = done.length + 1 >= b.threshold;
  // The paper counts must be agreed before the result can be declared, so check before anything changes.
  const paper = last ? await paperTotals(tx.db, b) : null;

  const G = await coreGroup();
  let x: bigint;
  try {
    if (b.threshold === b.trustee_count) {
      x = (await openTrusteeSecret(input.passphrase, JSON.parse(t.sealed_secret!) as SealedKey, { degree: 1, withTransport: false }, openOptions())).coefficients[0]!;
    } else {
      if (t.sealed_share === null) throw new Error('This trustee never accepted their shares.');
      [x] = (await openKey(input.passphrase, JSON.parse(t.sealed_share) as SealedKey, openOptions())) as [bigint];
    }
  } catch (e) {
    throw AppError.field('passphrase', e instanceof Error ? e.message : 'The passphrase is wrong or the key file is damaged.');
  }
  const election = await electionOf(tx.db, b);
  const tally = tallyFromJson(G, JSON.parse(b.tally) as CiphertextJson[][]);
  let dec: DecryptionJson;
  try {
    dec = partialDecrypt(G, election, b.sealed_box_hash!, t.position, x, tally);
  } catch (e) {
    throw AppError.field('passphrase', e instanceof Error ? e.message : String(e));
  }
  const problem = decryptionProblem(G, election, b.sealed_box_hash!, tally, dec);
  if (problem) throw new AppError('INTERNAL', `The decryption did not check: ${problem}`);
  await tx.db.updateTable('ballot_trustee').set({ decryption: JSON.stringify(dec), updated_at: tx.who.at }).where('id', '=', t.id).execute();
  tx.audit({ action: 'ballot.decrypted', entityType: 'ballot_trustee', entityId: t.id, summary: `Trustee ${t.position} decrypted their part of the sealed total, with a proof`, before: null, after: { decryption: dec } });

  if (last) {
    const all = [...done.map((d) => JSON.parse(d.decryption!) as DecryptionJson), dec];
    const electronic = combine(G, election, tally, all);
    const result = await declare(tx, b, electronic, paper!);
    tx.audit({
      action: 'ballot.decided',
      entityType: 'ballot',
      entityId: b.id,
      summary: `Result declared: ${result.questions.map((q) => q.outcome).join(', ')}`,
      before: { status: 'closed' },
      after: { status: 'decided', electronic, paper: paper!.counts, result },
    });
  }
  return ballotView(tx.db, await loadBallot(tx.db, rc.org.id, b.id));
}

async function declare(tx: WriteContext, b: BallotRow, electronic: number[][], paper: { counts: number[][]; spoilt: number }): Promise<BallotResult> {
  const rc = await tx.register();
  const family = formFamily(rc.legalForm);
  const rulesRow = await tx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
  const rules = toRules(rulesRow, rc.legalForm);
  const questions = await questionsOf(tx.db, b.id);
  const seed = questions.some((q) => q.kind === 'election') ? lotSeed() : null;
  let resolutionNo = 0;
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
  const result: BallotResult = {
    questions: out,
    turnout: {
      voters,
      roll,
      byChannel,
      words: `${voters.toLocaleString('en-GB')} of the ${roll.toLocaleString('en-GB')} members on the roll voted (${pct}%)${parts.length ? `: ${parts.join(', ')}` : ''}${paper.spoilt ? `; ${paper.spoilt} spoilt paper${paper.spoilt === 1 ? '' : 's'}` : ''}.`,
    },
    lotSeed: seed,
    declaredAt: tx.who.at,
  };
  await tx.db.updateTable('ballot').set({ status: 'decided', result: JSON.stringify(result), lot_seed: seed, decided_at: tx.who.at, updated_at: tx.who.at }).where('id', '=', b.id).execute();
  return result;
}
