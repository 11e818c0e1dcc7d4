import {
  combineShares,
  createTrusteeKey,
  dealShares,
  openElection,
  openShare,
  openTrusteeSecret,
  sealKey,
  sealShare,
  sealTrusteeSecret,
  setupHashOf,
  setupProblem,
  type SealedKey,
  type SealedShare,
  type TrusteePublic,
} from '../../../shared/ballot';
import type { Ballot, BallotResult } from '../../../shared/contract/ballots';
import { decisionsHandlers } from '../decisions/handlers';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { sql } from 'kysely';
import type { ReadDb, RegisterCtx } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { command, defineHandlers, job, mutation, query } from '../handler';
import { assertNotBeforeIncorporation } from '../organisation/guards';
import { toRules } from '../organisation/handlers';
import { proxyInTime, ukPartOf } from '../meetings/view';
import { proxyDeadlineFromRules } from '../../../shared/rules/proxy-deadline';
import { cast, codeHash, newCheckIn, newCode, refuseUnlessOpen } from './cast';
import { warmUpChecks } from './check-pool';
import { closeBallot } from './close';
import { decrypt, decryptionRequest, importDecryption } from './decrypt';
import { coreGroup, electionOf, loadBallot, questionsOf, RESOLUTION_CHOICES, setupOf, trusteesPublic } from './election';
import { exportVerification } from './export';
import { kdfForKeys, openOptions } from './kdf';
import { batchesOf, enterPaperBatch, issuePaper, shownBatches } from './paper';
import { rollOn } from './roll';
import { layOutSlots } from './slots';
import { frozenRoll, rollHashOf } from './roll-weights';
import type { BallotRow, BallotTrusteeRow } from './tables';
import { ballotView, summaries } from './view';

async function viewOf(db: ReadDb, orgId: string, id: string): Promise<Ballot> {
  return ballotView(db, await loadBallot(db, orgId, id));
}

async function trusteeRow(db: ReadDb, b: BallotRow, position: number): Promise<BallotTrusteeRow> {
  const t = await db.selectFrom('ballot_trustee').selectAll().where('ballot_id', '=', b.id).where('position', '=', position).executeTakeFirst();
  if (!t) throw AppError.field('trustee', `This ballot has ${b.trustee_count} trustees; there is no trustee ${position}.`);
  return t;
}

function refuseUnlessDraft(b: BallotRow, what: string): void {
  if (b.status !== 'draft') throw new AppError('CONFLICT', `${what} only while the ballot is being set up; it is ${b.status === 'open' ? 'open for voting' : b.status}.`);
}

/**
 * Whether the ballot can open now, and what it would open with: a draft, on or after its record
 * date, every trustee's key made (and, for k-of-n, every share accepted), a roll that is not
 * empty, and keys that fit together. Throws the reason otherwise.
 */
async function openingPlan(db: ReadDb, rc: RegisterCtx, b: BallotRow) {
  refuseUnlessDraft(b, 'A ballot can be opened');
  if (b.record_date > rc.today) throw AppError.field('recordDate', `The record date is ${formatLegalDate(b.record_date)}: the roll is taken from the register on that date, so the ballot can open on or after it.`);
  const trows = await db.selectFrom('ballot_trustee').selectAll().where('ballot_id', '=', b.id).orderBy('position').execute();
  const noKey = trows.filter((t) => t.public_part === null);
  if (noKey.length) throw new AppError('CONFLICT', `${noKey.map((t) => `Trustee ${t.position}, ${t.name},`).join(' and ')} ${noKey.length === 1 ? 'has' : 'have'} not made their key yet.`);
  if (b.threshold < b.trustee_count) {
    const notAccepted = trows.filter((t) => t.sealed_share === null);
    if (notAccepted.length) throw new AppError('CONFLICT', `${notAccepted.map((t) => `Trustee ${t.position}, ${t.name},`).join(' and ')} ${notAccepted.length === 1 ? 'has' : 'have'} not accepted their shares yet.`);
  }
  const roll = frozenRoll(await rollOn(db, rc.org.id, b.record_date));
  if (roll.problem) throw new AppError('CONFLICT', roll.problem);
  if (roll.entries.length === 0) throw AppError.field('recordDate', `No member was entitled to vote on ${formatLegalDate(b.record_date)}, so there is nobody to vote.`);
  const rollHash = rollHashOf(roll.entries);
  const G = await coreGroup();
  const setup = setupOf(b, await questionsOf(db, b.id));
  try {
    return { trows, roll, rollHash, election: openElection(G, setup, trows.map((t) => JSON.parse(t.public_part!) as TrusteePublic), rollHash, roll.totalWeight) };
  } catch (e) {
    throw new AppError('CONFLICT', `The trustees' keys do not fit together: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A trustee's passphrase failing to open their key: nothing is revealed or changed (§11). */
async function opening<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw AppError.field('passphrase', e instanceof Error ? e.message : 'The passphrase is wrong or the key file is damaged.');
  }
}

function backupOf(b: BallotRow, t: BallotTrusteeRow, sealed: SealedKey, what: string): { backup: string; backupFileName: string } {
  const backup = JSON.stringify(
    {
      about: `Trustee ${t.position} (${t.name}) of the ballot “${b.title}”: ${what}, sealed under the trustee's passphrase. Keep it safe and private; without it and the passphrase this trustee cannot decrypt the result.`,
      ballotId: b.id,
      setupHash: b.setup_hash,
      trustee: t.position,
      sealed,
    },
    null,
    2,
  );
  const slug = b.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'ballot';
  return { backup, backupFileName: `trustee-${t.position}-${what.startsWith('combined') ? 'share' : 'key'}-${slug}.json` };
}

function auditBallot(b: Pick<BallotRow, 'title' | 'status' | 'record_date' | 'base' | 'trustee_count' | 'threshold' | 'meeting_id'>) {
  return { title: b.title, status: b.status, recordDate: b.record_date, base: b.base, trustees: b.trustee_count, threshold: b.threshold, meetingId: b.meeting_id };
}

export const ballotsHandlers = defineHandlers('ballots', {
  'ballots.list': query(async (_input, ctx) => {
    const rc = await ctx.register();
    const rows = await ctx.db.selectFrom('ballot').selectAll().where('organisation_id', '=', rc.org.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return summaries(ctx.db, rows);
  }),

  'ballots.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return viewOf(ctx.db, rc.org.id, input.id);
  }),

  'ballots.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    assertNotBeforeIncorporation(rc, input.recordDate, 'recordDate', 'A record date');
    if (input.meetingId) {
      const m = await tx.db.selectFrom('meeting').select(['id', 'kind', 'status']).where('id', '=', input.meetingId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
      if (!m) throw AppError.field('meetingId', 'That meeting is not on record.');
      if (m.kind === 'board' || m.kind === 'committee') throw AppError.field('meetingId', 'Ballots are for members: choose a general or class meeting, not a board or committee meeting.');
      if (m.status === 'cancelled') throw AppError.field('meetingId', 'That meeting was cancelled.');
    }
    const n = input.trustees.length;
    const threshold = input.threshold ?? n;
    if (threshold > n) throw AppError.field('threshold', `The threshold cannot be more than the ${n} trustees.`);
    if (threshold < 2) throw AppError.field('threshold', 'At least two trustees must be needed to decrypt, so that no one person can.');
    const names = new Set<string>();
    for (const [i, t] of input.trustees.entries()) {
      const key = t.name.toLocaleLowerCase('en-GB').replace(/[^a-z0-9]/g, '');
      if (names.has(key)) throw AppError.field(`trustees.${i}.name`, `${t.name} is already a trustee: each trustee must be a different person.`);
      names.add(key);
    }
    for (const [i, q] of input.questions.entries()) {
      if (q.kind === 'election' && q.seats > q.candidates.length) {
        throw AppError.field(`questions.${i}.seats`, `There are ${q.candidates.length} candidates for ${q.seats} seats: with no more candidates than seats, there is nothing to vote on. Remove seats or add candidates.`);
      }
      if (q.kind === 'consultation' && q.maxChoices > q.options.length) throw AppError.field(`questions.${i}.maxChoices`, `There are only ${q.options.length} options to choose from.`);
      if (q.kind === 'resolution' && q.resolutionId) {
        if (!input.meetingId) throw AppError.field(`questions.${i}.resolutionId`, 'A resolution from a meeting’s notice can be put to a poll only in a ballot of that meeting.');
        const r = await tx.db.selectFrom('resolution').select(['id']).where('id', '=', q.resolutionId).where('meeting_id', '=', input.meetingId).executeTakeFirst();
        if (!r) throw AppError.field(`questions.${i}.resolutionId`, 'That resolution is not in the notice of this meeting.');
      }
    }
    const id = uuidv7();
    const at = tx.who.at;
    const questions = input.questions.map((q, i) => {
      const qid = uuidv7();
      const choices =
        q.kind === 'resolution'
          ? RESOLUTION_CHOICES.map((c) => ({ label: c.label, statement: null as string | null }))
          : q.kind === 'election'
            ? q.candidates.map((c) => ({ label: c.name, statement: c.statement ?? null }))
            : q.options.map((o) => ({ label: o, statement: null as string | null }));
      return {
        row: {
          id: qid,
          ballot_id: id,
          position: i + 1,
          kind: q.kind,
          text: q.text,
          resolution_kind: q.kind === 'resolution' ? q.resolutionKind : null,
          resolution_id: q.kind === 'resolution' ? (q.resolutionId ?? null) : null,
          // A resolution: exactly one of for, against, abstain; an election: up to n seats; a consultation: up to its maximum.
          min_choices: q.kind === 'resolution' ? 1 : 0,
          max_choices: q.kind === 'resolution' ? 1 : q.kind === 'election' ? q.seats : q.maxChoices,
          created_at: at,
        },
        choices: choices.map((c, j) => ({ id: uuidv7(), question_id: qid, position: j + 1, label: c.label, statement: c.statement, created_at: at })),
      };
    });
    const qviews = questions.map((q) => ({
      id: q.row.id,
      position: q.row.position,
      kind: q.row.kind,
      text: q.row.text,
      resolutionKind: q.row.resolution_kind,
      resolutionId: q.row.resolution_id,
      min: q.row.min_choices,
      max: q.row.max_choices,
      choices: q.choices.map((c) => ({ id: c.id, label: c.label, statement: c.statement })),
    }));
    const setup = setupOf({ id, title: input.title, trustee_count: n, threshold }, qviews);
    const problem = setupProblem(setup);
    if (problem) throw AppError.field('questions', problem);
    const row: BallotRow = {
      id,
      organisation_id: rc.org.id,
      meeting_id: input.meetingId ?? null,
      title: input.title,
      base: input.base ?? (input.meetingId ? 'votes_cast' : 'eligible_votes'),
      record_date: input.recordDate,
      status: 'draft',
      trustee_count: n,
      threshold,
      casting_vote: 0,
      setup_hash: setupHashOf(setup),
      public_key: null,
      fingerprint: null,
      roll_hash: null,
      roll_count: null,
      total_weight: null,
      opened_at: null,
      closed_at: null,
      sealed_box_hash: null,
      box_count: null,
      tally: null,
      result: null,
      lot_seed: null,
      decided_at: null,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('ballot').values(row).execute();
    await tx.db.insertInto('ballot_question').values(questions.map((q) => q.row)).execute();
    const allChoices = questions.flatMap((q) => q.choices);
    for (let i = 0; i < allChoices.length; i += 200) await tx.db.insertInto('ballot_choice').values(allChoices.slice(i, i + 200)).execute();
    const trustees = input.trustees.map((t, i) => ({
      id: uuidv7(),
      ballot_id: id,
      position: i + 1,
      name: t.name,
      role: t.role ?? null,
      public_part: null,
      sealed_secret: null,
      sealed_share: null,
      decryption: null,
      created_at: at,
      updated_at: at,
    }));
    await tx.db.insertInto('ballot_trustee').values(trustees).execute();
    tx.audit({
      action: 'ballot.created',
      entityType: 'ballot',
      entityId: id,
      summary: `Ballot set up with ${questions.length} question${questions.length === 1 ? '' : 's'} and ${n} trustees (${threshold === n ? 'all' : `any ${threshold}`} needed to decrypt); record date ${formatLegalDate(input.recordDate)}`,
      before: null,
      after: { ...auditBallot(row), setupHash: row.setup_hash, questions: qviews, trustees: trustees.map((t) => ({ position: t.position, name: t.name, role: t.role })) },
      records: [
        { type: 'ballot', id },
        ...questions.map((q) => ({ type: 'ballot_question', id: q.row.id })),
        ...allChoices.map((c) => ({ type: 'ballot_choice', id: c.id })),
        ...trustees.map((t) => ({ type: 'ballot_trustee', id: t.id })),
      ],
    });
    return viewOf(tx.db, rc.org.id, id);
  }),

  'ballots.cancel': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    if (b.status === 'decided') throw new AppError('CONFLICT', 'The result of this ballot has been declared; it cannot be cancelled.');
    if (b.status === 'cancelled') throw new AppError('CONFLICT', 'This ballot is already cancelled.');
    await tx.db.updateTable('ballot').set({ status: 'cancelled', updated_at: tx.who.at }).where('id', '=', b.id).execute();
    tx.audit({ action: 'ballot.cancelled', entityType: 'ballot', entityId: b.id, summary: `Ballot cancelled while ${b.status === 'draft' ? 'being set up' : b.status}`, before: { status: b.status }, after: { status: 'cancelled', reason: input.reason } });
    return viewOf(tx.db, rc.org.id, b.id);
  }),

  'ballots.makeTrusteeKey': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    refuseUnlessDraft(b, 'Trustees make their keys');
    const t = await trusteeRow(tx.db, b, input.trustee);
    if (t.public_part !== null) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already made their key.`);
    const G = await coreGroup();
    const setup = setupOf(b, await questionsOf(tx.db, b.id));
    const made = createTrusteeKey(G, setup, t.position, t.name);
    const sealed = await sealTrusteeSecret(input.passphrase, made.secret, { setupHash: b.setup_hash, trustee: t.position }, kdfForKeys());
    await tx.db.updateTable('ballot_trustee').set({ public_part: JSON.stringify(made.public), sealed_secret: JSON.stringify(sealed), updated_at: tx.who.at }).where('id', '=', t.id).execute();
    tx.audit({
      action: 'ballot.trustee_key_made',
      entityType: 'ballot_trustee',
      entityId: t.id,
      summary: `Trustee ${t.position} made their key share`,
      before: null,
      after: { name: t.name, public: made.public },
    });
    return { ballot: await viewOf(tx.db, rc.org.id, b.id), ...backupOf(b, t, sealed, b.threshold < b.trustee_count ? 'set-up secret' : 'key share') };
  }),

  'ballots.dealShares': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    refuseUnlessDraft(b, 'Trustees seal their shares');
    if (b.threshold === b.trustee_count) throw new AppError('CONFLICT', 'Every trustee is needed to decrypt this ballot, so there are no shares to seal.');
    const t = await trusteeRow(tx.db, b, input.trustee);
    const pubs = await trusteesPublic(tx.db, b.id);
    if (pubs.length < b.trustee_count) throw new AppError('CONFLICT', 'Every trustee must make their key before shares are sealed.');
    const already = await tx.db.selectFrom('ballot_share').select('id').where('ballot_id', '=', b.id).where('dealer', '=', t.position).limit(1).executeTakeFirst();
    if (already) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already sealed their shares.`);
    const G = await coreGroup();
    const secret = await opening(() => openTrusteeSecret(input.passphrase, JSON.parse(t.sealed_secret!) as SealedKey, { degree: b.threshold, withTransport: true }, openOptions()));
    const me = pubs[t.position - 1]!;
    const shares = dealShares(secret, b.trustee_count);
    const rows = pubs
      .filter((p) => p.index !== t.position)
      .map((p) => ({
        id: uuidv7(),
        ballot_id: b.id,
        dealer: t.position,
        recipient: p.index,
        sealed: JSON.stringify(sealShare(G, b.setup_hash, { index: t.position, transportSecret: secret.transportSecret!, transportKey: me.transportKey! }, { index: p.index, transportKey: p.transportKey! }, shares[p.index - 1]!)),
        created_at: tx.who.at,
      }));
    await tx.db.insertInto('ballot_share').values(rows).execute();
    tx.audit({
      action: 'ballot.shares_dealt',
      entityType: 'ballot_trustee',
      entityId: t.id,
      summary: `Trustee ${t.position} sealed a share for each of the other ${rows.length} trustees`,
      before: null,
      after: { recipients: rows.map((r) => r.recipient) },
      records: rows.map((r) => ({ type: 'ballot_share', id: r.id })),
    });
    return viewOf(tx.db, rc.org.id, b.id);
  }),

  'ballots.acceptShares': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    refuseUnlessDraft(b, 'Trustees accept their shares');
    if (b.threshold === b.trustee_count) throw new AppError('CONFLICT', 'Every trustee is needed to decrypt this ballot, so there are no shares to accept.');
    const t = await trusteeRow(tx.db, b, input.trustee);
    if (t.sealed_share !== null) throw new AppError('CONFLICT', `Trustee ${t.position}, ${t.name}, has already accepted their shares.`);
    const pubs = await trusteesPublic(tx.db, b.id);
    const sealedForMe = await tx.db.selectFrom('ballot_share').selectAll().where('ballot_id', '=', b.id).where('recipient', '=', t.position).execute();
    const missing = pubs.filter((p) => p.index !== t.position && !sealedForMe.some((s) => s.dealer === p.index));
    if (missing.length) throw new AppError('CONFLICT', `Waiting for ${missing.map((p) => `trustee ${p.index}, ${p.name},`).join(' and ')} to seal their shares first.`);
    const G = await coreGroup();
    const secret = await opening(() => openTrusteeSecret(input.passphrase, JSON.parse(t.sealed_secret!) as SealedKey, { degree: b.threshold, withTransport: true }, openOptions()));
    const me = { index: t.position, transportSecret: secret.transportSecret!, transportKey: pubs[t.position - 1]!.transportKey! };
    let received: bigint[];
    try {
      received = pubs.map((p) =>
        p.index === t.position
          ? dealShares(secret, b.trustee_count)[t.position - 1]!
          : openShare(G, b.setup_hash, me, { ...(p as TrusteePublic), transportKey: p.transportKey! }, JSON.parse(sealedForMe.find((s) => s.dealer === p.index)!.sealed) as SealedShare),
      );
    } catch (e) {
      // A share that does not open or does not match its dealer's commitments stops the set-up and names the dealer (§5).
      throw new AppError('CONFLICT', `${e instanceof Error ? e.message : String(e)} The set-up cannot go on: cancel this ballot and set up a new one.`);
    }
    const share = combineShares(received);
    const sealed = await sealKey(input.passphrase, [share], { setupHash: b.setup_hash, trustee: t.position, content: 'share' }, kdfForKeys());
    await tx.db.updateTable('ballot_trustee').set({ sealed_share: JSON.stringify(sealed), updated_at: tx.who.at }).where('id', '=', t.id).execute();
    tx.audit({ action: 'ballot.shares_accepted', entityType: 'ballot_trustee', entityId: t.id, summary: `Trustee ${t.position} checked and accepted the shares sealed for them`, before: null, after: { from: pubs.filter((p) => p.index !== t.position).map((p) => p.index) } });
    return { ballot: await viewOf(tx.db, rc.org.id, b.id), ...backupOf(b, t, sealed, 'combined share') };
  }),

  'ballots.previewRoll': query(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    const roll = frozenRoll(await rollOn(ctx.db, rc.org.id, b.record_date));
    return { count: roll.entries.length, totalWeight: roll.totalWeight, classes: roll.classes, words: roll.words };
  }),

  'ballots.open': job(async (input, ctx) => {
    // Checked here first, so a ballot that cannot open is refused at once with its reason; and
    // again inside the job's transaction, where the roll is frozen.
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    await openingPlan(ctx.db, rc, b);
    return ctx.startJob({ label: `Opening “${b.title}”` }, (j) =>
      ctx.write(async (tx) => {
        const wrc = await tx.register();
        const now = await loadBallot(tx.db, wrc.org.id, input.id);
        const { roll, election, rollHash } = await openingPlan(tx.db, wrc, now);
        const total = roll.entries.length;
        const steps = 2 * total;
        j.progress(0, steps, 'Freezing the roll');
        const at = tx.who.at;
        const rows = roll.entries.map((e) => ({
          id: uuidv7(),
          ballot_id: now.id,
          member_id: e.memberId,
          member_number: e.memberNumber,
          name: e.name,
          class_name: e.className,
          weight: e.weight,
          code_hash: null,
          voted_by: null,
          paper_serial: null,
          created_at: at,
          updated_at: at,
        }));
        for (let i = 0; i < rows.length; i += 500) {
          await tx.db.insertInto('ballot_roll').values(rows.slice(i, i + 500)).execute();
          j.progress(Math.min(i + 500, total), steps, 'Freezing the roll');
          await j.checkpoint();
        }
        const after = { status: 'open' as const, public_key: election.publicKey, fingerprint: election.fingerprint, roll_hash: rollHash, roll_count: rows.length, total_weight: roll.totalWeight, opened_at: at, updated_at: at };
        await tx.db.updateTable('ballot').set(after).where('id', '=', now.id).execute();
        // One empty slot per roll entry, so no cast ever allocates a page (slots.ts).
        await layOutSlots(tx, { ...now, ...after }, election, async (done) => {
          j.progress(total + done, steps, 'Laying out the ballot box');
          await j.checkpoint();
        });
        j.progress(steps, steps, 'Recording the opening in the audit log');
        tx.audit({
          action: 'ballot.opened',
          entityType: 'ballot',
          entityId: now.id,
          summary: `Ballot opened: roll of ${rows.length} voters with ${roll.totalWeight} votes frozen from the register on ${formatLegalDate(now.record_date)}`,
          before: { status: 'draft' },
          after: { status: 'open', publicKey: election.publicKey, fingerprint: election.fingerprint, rollHash, rollCount: rows.length, totalWeight: roll.totalWeight, roll: roll.words },
          records: [{ type: 'ballot', id: now.id }, { type: 'ballot_box', id: now.id }, ...rows.map((r) => ({ type: 'ballot_roll', id: r.id }))],
        });
        // The cast's proof-checking thread starts now, not on the first voter's time (check-pool.ts).
        warmUpChecks();
        return viewOf(tx.db, wrc.org.id, now.id);
      }),
    );
  }),

  'ballots.roll': query(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    let q = ctx.db.selectFrom('ballot_roll').where('ballot_id', '=', b.id);
    const search = input.search?.trim();
    if (search) {
      const n = /^\d+$/.test(search) ? Number(search) : null;
      q = n !== null ? q.where('member_number', '=', n) : q.where(sql<boolean>`instr(lower(name), lower(${search})) > 0`);
    }
    if (input.votedBy) q = q.where('voted_by', '=', input.votedBy);
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q.selectAll().orderBy('member_number').offset(input.offset ?? 0).limit(input.limit ?? 100).execute();
    return {
      total,
      entries: rows.map((r) => ({ id: r.id, memberNumber: r.member_number, name: r.name, className: r.class_name, votes: r.weight, votedBy: r.voted_by, hasCode: r.code_hash !== null, paperSerial: r.paper_serial })),
    };
  }),

  'ballots.issueCodes': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    refuseUnlessOpen(b);
    let q = tx.db.selectFrom('ballot_roll').selectAll().where('ballot_id', '=', b.id).where('voted_by', 'is', null);
    if (input.rollIds) q = q.where('id', 'in', input.rollIds.length ? input.rollIds : ['']);
    if (!input.reissue) q = q.where('code_hash', 'is', null);
    const rows = await q.orderBy('member_number').execute();
    if (input.rollIds && rows.length < input.rollIds.length && input.rollIds.length === 1) {
      const r = await tx.db.selectFrom('ballot_roll').select(['voted_by', 'code_hash', 'name']).where('id', '=', input.rollIds[0]!).where('ballot_id', '=', b.id).executeTakeFirst();
      if (!r) throw AppError.field('rollIds', 'That voter is not on the roll of this ballot.');
      if (r.voted_by) throw AppError.field('rollIds', `${r.name} has already voted; a code would be no use.`);
      if (r.code_hash) throw AppError.field('rollIds', `${r.name} already has a code. Reissue it to cancel the old one.`);
    }
    const codes = rows.map((r) => ({ rollId: r.id, memberNumber: r.member_number, name: r.name, code: newCode() }));
    for (const c of codes) await tx.db.updateTable('ballot_roll').set({ code_hash: codeHash(c.code), updated_at: tx.who.at }).where('id', '=', c.rollId).execute();
    if (codes.length) {
      const reissued = rows.filter((r) => r.code_hash !== null).length;
      tx.audit({
        action: 'ballot.codes_issued',
        entityType: 'ballot',
        entityId: b.id,
        summary: `Voting codes issued to ${codes.length} voter${codes.length === 1 ? '' : 's'}${reissued ? ` (${reissued} reissued, the old codes cancelled)` : ''}`,
        before: null,
        after: { members: codes.map((c) => c.memberNumber), reissued },
        records: rows.map((r) => ({ type: 'ballot_roll', id: r.id })),
      });
    }
    return { codes, ballot: await viewOf(tx.db, rc.org.id, b.id) };
  }),

  'ballots.publicElection': query(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    refuseUnlessOpen(b);
    return { ballotId: b.id, title: b.title, election: await electionOf(ctx.db, b), questions: await questionsOf(ctx.db, b.id) };
  }),

  'ballots.checkIn': command(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    refuseUnlessOpen(b);
    const r = await ctx.db.selectFrom('ballot_roll').selectAll().where('id', '=', input.rollId).where('ballot_id', '=', b.id).executeTakeFirst();
    if (!r) throw AppError.field('rollId', 'That person is not on the roll of this ballot.');
    if (r.voted_by && r.voted_by !== 'proxy') throw new AppError('CONFLICT', `${r.name} (member ${r.member_number}) has already voted ${r.voted_by === 'paper' ? 'on paper' : 'in this ballot'}.`);
    return { token: newCheckIn(ctx.files.dbPath, b.id, r.id, null, ctx.now().getTime()), voter: `${r.name} (member ${r.member_number})` };
  }),

  'ballots.checkInProxy': command(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    refuseUnlessOpen(b);
    if (!b.meeting_id) throw new AppError('CONFLICT', 'Proxies are appointed for a meeting; this ballot is not held at one.');
    const p = await ctx.db.selectFrom('proxy_appointment').selectAll().where('id', '=', input.proxyAppointmentId).where('meeting_id', '=', b.meeting_id).executeTakeFirst();
    if (!p) throw AppError.field('proxyAppointmentId', 'That proxy appointment is not on record for this meeting.');
    if (p.revoked_at) throw AppError.field('proxyAppointmentId', 'That proxy appointment was revoked.');
    // Only an appointment received by the deadline the rules set counts (CA 2006 s327 for a company; a society's rules).
    const m = await ctx.db.selectFrom('meeting').selectAll().where('id', '=', b.meeting_id).executeTakeFirstOrThrow();
    const rules = toRules(await ctx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow(), rc.legalForm);
    const meetingAt = `${m.held_on}T${m.starts_at}`;
    const deadline = rules.proxiesAllowed && rules.proxyDeadlineHours > 0 ? proxyDeadlineFromRules(meetingAt, rules.proxyDeadlineHours, ukPartOf(rc.org)) : null;
    const inTime = proxyInTime(p.received_at, deadline, meetingAt);
    if (!inTime.ok) throw AppError.field('proxyAppointmentId', `This appointment cannot be used: ${inTime.message.charAt(0).toLowerCase()}${inTime.message.slice(1)}`);
    const r = await ctx.db.selectFrom('ballot_roll').selectAll().where('ballot_id', '=', b.id).where('member_id', '=', p.member_id).executeTakeFirst();
    if (!r) throw AppError.field('proxyAppointmentId', 'The member who appointed this proxy is not on the roll of this ballot.');
    if (r.voted_by) throw new AppError('CONFLICT', `${r.name} (member ${r.member_number}) has already voted${r.voted_by === 'proxy' ? ' by proxy' : ''}; their proxy cannot vote for them.`);
    return { token: newCheckIn(ctx.files.dbPath, b.id, r.id, p.id, ctx.now().getTime()), voter: `${p.proxy_name}, proxy for ${r.name} (member ${r.member_number})`, instructions: p.instructions };
  }),

  'ballots.cast': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    return cast(tx, b, input.credential, input.ballot);
  }),

  'ballots.issuePaper': mutation(async (input, tx) => issuePaper(tx, input)),

  'ballots.enterPaperBatch': mutation(async (input, tx) => enterPaperBatch(tx, input)),

  'ballots.paperBatches': query(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    return { batches: shownBatches(b, await batchesOf(ctx.db, b)) };
  }),

  'ballots.close': job(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    if (b.status !== 'open' && !(b.status === 'closed' && b.tally === null)) refuseUnlessOpen(b);
    return ctx.startJob({ label: `Closing “${b.title}”` }, (j) => closeBallot(ctx, rc.org.id, b.id, j));
  }),

  'ballots.decrypt': mutation(async (input, tx) => decrypt(tx, input)),

  'ballots.decryptionRequest': query(async (input, ctx) => {
    const rc = await ctx.register();
    const request = await decryptionRequest(ctx, rc.org.id, input.id, input.trustee);
    const slug = request.election.setup.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'ballot';
    return { file: JSON.stringify(request, null, 2), fileName: `decryption-request-trustee-${input.trustee}-${slug}.json` };
  }),

  'ballots.importDecryption': mutation(async (input, tx) => importDecryption(tx, input)),

  'ballots.recordInMinutes': mutation(async (input, tx) => {
    const rc = await tx.register();
    const b = await loadBallot(tx.db, rc.org.id, input.id);
    if (b.status !== 'decided' || b.result === null) throw new AppError('CONFLICT', 'The result has not been declared yet.');
    if (!b.meeting_id) throw new AppError('CONFLICT', 'This ballot was not held at a meeting; its result is recorded with the ballot itself.');
    const q = (await questionsOf(tx.db, b.id)).find((x) => x.id === input.questionId);
    if (!q || q.kind !== 'resolution') throw AppError.field('questionId', 'Choose a resolution of this ballot.');
    const result = (JSON.parse(b.result) as BallotResult).questions.find((x) => x.questionId === q.id)!;
    const res = q.resolutionId ? await tx.db.selectFrom('resolution').select(['agenda_item_id']).where('id', '=', q.resolutionId).executeTakeFirst() : null;
    const agendaItemId = input.agendaItemId ?? res?.agenda_item_id ?? null;
    if (!agendaItemId) throw AppError.field('agendaItemId', 'Choose the agenda item at which the poll was taken.');
    const item = await tx.db.selectFrom('agenda_item').select(['meeting_id']).where('id', '=', agendaItemId).executeTakeFirst();
    if (!item || item.meeting_id !== b.meeting_id) throw AppError.field('agendaItemId', 'That item is not on the agenda of the ballot’s meeting.');
    const marker = `Poll by secret ballot “${b.title}”`;
    const already = await tx.db
      .selectFrom('decision')
      .select(['id'])
      .where('meeting_id', '=', b.meeting_id)
      .where((eb) => (q.resolutionId ? eb('resolution_id', '=', q.resolutionId) : eb('text', 'like', `%${marker}%`)))
      .executeTakeFirst();
    if (already) throw new AppError('CONFLICT', 'This resolution’s decision is already recorded for the meeting; correct it from the meeting’s Items and decisions if it is wrong.');
    // The meeting's own checks apply (minutes not sealed, meeting held, quorum): the decision is recorded as any poll is.
    const decision = await decisionsHandlers['decisions.record'].run(
      {
        agendaItemId,
        kind: q.resolutionKind!,
        method: 'poll',
        ...(q.resolutionId ? { resolutionId: q.resolutionId } : {}),
        text: `${q.text}\n\n${marker}: ${result.words}`,
        votesFor: result.choices[0]!.total,
        votesAgainst: result.choices[1]!.total,
        votesAbstain: result.choices[2]!.total,
      } as never,
      tx,
    );
    return { decisionId: decision.id, words: result.words };
  }),

  'ballots.exportVerification': job(async (input, ctx) => {
    const rc = await ctx.register();
    const b = await loadBallot(ctx.db, rc.org.id, input.id);
    if (b.status !== 'decided') throw new AppError('CONFLICT', 'The verification file is written once the result has been declared.');
    return ctx.startJob({ label: `Verification file of “${b.title}”` }, (j) => exportVerification(ctx, b, j));
  }),
});
