import { randomInt } from 'node:crypto';
import { encryptBallot, prepare, type ElectionPublic } from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';
import type { Ballot, RollEntry } from '../../shared/contract/ballots';
import type { Core } from '../core/core';

/**
 * Two ballots for the sample organisation, built through the app's own services (core.dispatch),
 * so that a secretary opening the sample sees one of each state that matters and a scrutineer has
 * a real verification file to check (issue 8 "For a scrutineer"):
 *
 * - "Annual general meeting 2026: poll" (a special resolution, an ordinary resolution and a
 *   3-seat election of 5 candidates), taken to its result: two trustees make their keys, votes
 *   come through every channel (kiosk check-ins, voting codes, paper ballots counted by two
 *   tellers), the ballot is closed, both trustees decrypt and the result is declared.
 * - A second ballot left open, with the trustees' keys made and a few votes in.
 *
 * The trustees' passphrases are made here at random and returned for the sample to print: in a
 * real ballot each trustee chooses their own and nobody else sees it. The voters' ballots are
 * sealed with libsodium, which is quicker than the device's noble and makes the same format and
 * proofs. Electronic votes are a light sample (up to 60 however big the roll) so the sample
 * stays quick.
 */
export interface SampleTrustee {
  position: number;
  name: string;
  role: string;
  passphrase: string;
}

export interface SampleBallots {
  decided: { id: string; title: string; words: string[]; turnout: string; trustees: SampleTrustee[] };
  open: { id: string; title: string; voted: number; trustees: SampleTrustee[] };
}

const TRUSTEES = [
  { name: 'Priya Natarajan', role: 'Independent scrutineer' },
  { name: 'Margaret Okafor', role: 'Chair' },
];

/** Words for passphrases a trustee can read out and type: six of 64 give 36 bits, enough for a sample. */
const WORDS = [
  'amber', 'anchor', 'apple', 'badger', 'beacon', 'birch', 'bramble', 'bridge', 'canal', 'candle', 'cedar', 'clover', 'copper', 'cotton', 'daisy', 'delta',
  'ember', 'fern', 'fiddle', 'forest', 'garnet', 'harbour', 'hazel', 'heron', 'holly', 'island', 'ivory', 'jasper', 'kettle', 'lantern', 'larch', 'lemon',
  'linen', 'maple', 'meadow', 'mill', 'nutmeg', 'orchard', 'otter', 'pebble', 'pepper', 'pine', 'plum', 'quarry', 'quill', 'raven', 'river', 'rowan',
  'saffron', 'salmon', 'silver', 'spruce', 'thistle', 'timber', 'tulip', 'valley', 'velvet', 'violet', 'walnut', 'willow', 'winter', 'yarrow', 'zephyr', 'acorn',
];

export function samplePassphrase(): string {
  return Array.from({ length: 6 }, () => WORDS[randomInt(WORDS.length)]!).join(' ');
}

type Dispatch = <T = any>(method: string, input: unknown) => Promise<T>;

export async function buildSampleBallots(core: Core, opts: { today: string; rnd: () => number; log: (line: string) => void }): Promise<SampleBallots> {
  const d = (async (method: string, input: unknown) => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
    return r.value;
  }) as Dispatch;
  const { today, rnd, log } = opts;
  const trusteesOf = (): SampleTrustee[] => TRUSTEES.map((t, i) => ({ position: i + 1, ...t, passphrase: samplePassphrase() }));
  const trustees = trusteesOf();
  log('Running the AGM 2026 poll to its result: trustees’ keys, votes at the kiosk, by code and on paper, the close and the decryption…');
  let agm = await d<Ballot>('ballots.create', {
    title: 'Annual general meeting 2026: poll',
    recordDate: today,
    // A poll at a general meeting is decided on the votes cast (CA 2006 s282(4), s283(5)).
    base: 'votes_cast',
    questions: [
      { kind: 'resolution', text: 'That the articles of association be amended as set out in the notice of the meeting.', resolutionKind: 'special' },
      { kind: 'resolution', text: 'That the annual report and accounts for the year ended 31 March 2026 be received.', resolutionKind: 'ordinary' },
      {
        kind: 'election',
        text: 'Election of three member directors',
        seats: 3,
        candidates: [
          { name: 'Aisha Bello', statement: 'Community nurse for nine years; wants the board to hear from the night shift.' },
          { name: 'Tom Fairweather', statement: 'Stores and transport lead; would push for a fair mileage policy.' },
          { name: 'Gwen Pryce', statement: 'Day centre manager and a member since the spin-out.' },
          { name: 'Kamal Hussain', statement: 'Finance officer; wants plain-English accounts for members.' },
          { name: 'Lucy Ng', statement: 'Occupational therapist; chairs the staff council.' },
        ],
      },
    ],
    trustees: TRUSTEES,
  });
  await keys(d, agm, trustees);
  agm = (await job(core, d, 'ballots.open', { id: agm.id })) as Ballot;
  const roll = await wholeRoll(d, agm.id);

  // Who votes how: up to 60 electronically (a third at the kiosk, the rest with codes), three given
  // papers (one spoilt), and at least one left who did not vote.
  const paperN = roll.length >= 6 ? 3 : roll.length >= 3 ? 1 : 0;
  const electronic = Math.max(0, Math.min(60, roll.length - paperN - 1));
  const kioskN = Math.ceil(electronic / 3);
  const order = shuffled(roll, rnd);
  const kioskVoters = order.slice(0, kioskN);
  const codeVoters = order.slice(kioskN, electronic);
  const paperVoters = order.slice(electronic, electronic + paperN);
  const marks = agmMarks(rnd);
  const seal = await sealer(d, agm.id);
  for (const e of kioskVoters) {
    const { token } = await d<{ token: string }>('ballots.checkIn', { id: agm.id, rollId: e.id });
    await d('ballots.cast', { id: agm.id, credential: { kind: 'checkin', token }, ballot: seal(marks()) });
  }
  if (codeVoters.length) {
    const { codes } = await d<{ codes: { rollId: string; code: string }[] }>('ballots.issueCodes', { id: agm.id, rollIds: codeVoters.map((e) => e.id) });
    for (const c of codes) await d('ballots.cast', { id: agm.id, credential: { kind: 'code', code: c.code }, ballot: seal(marks()) });
  }
  if (paperN > 0) {
    const counts = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0, 0, 0],
    ];
    for (const [i, e] of paperVoters.entries()) {
      await d('ballots.issuePaper', { id: agm.id, rollId: e.id, serial: `P-${String(i + 1).padStart(4, '0')}` });
      // The last paper is spoilt (marked for four candidates); the others count with the voter's votes.
      if (i === paperN - 1 && paperN > 1) continue;
      marks().forEach((row, q) => row.forEach((m, c) => (counts[q]![c]! += m * e.votes)));
    }
    const spoilt = paperN > 1 ? 1 : 0;
    await d('ballots.enterPaperBatch', { id: agm.id, label: 'A', teller: 'Jo Whitfield', counts, spoilt });
    await d('ballots.enterPaperBatch', { id: agm.id, label: 'A', teller: 'Sam Okoro', counts, spoilt });
  }
  await job(core, d, 'ballots.close', { id: agm.id });
  for (const t of trustees) agm = await d<Ballot>('ballots.decrypt', { id: agm.id, trustee: t.position, passphrase: t.passphrase });
  const result = agm.result!;
  for (const q of result.questions) log(`  ${q.words}`);
  log(`  ${result.turnout.words}`);

  log('Opening a second ballot and leaving it open, with a few votes in…');
  let open = await d<Ballot>('ballots.create', {
    title: 'Staff council consultation: the new rota pattern',
    recordDate: today,
    questions: [{ kind: 'consultation', text: 'Which rota pattern should the mutual trial next year?', options: ['Four long days', 'Five standard days', 'Self-rostering within teams'], maxChoices: 1 }],
    trustees: TRUSTEES,
  });
  const openTrustees = trusteesOf();
  await keys(d, open, openTrustees);
  open = (await job(core, d, 'ballots.open', { id: open.id })) as Ballot;
  const openRoll = await wholeRoll(d, open.id);
  const sealOpen = await sealer(d, open.id);
  const few = shuffled(openRoll, rnd).slice(0, Math.min(5, openRoll.length));
  for (const e of few) {
    const { token } = await d<{ token: string }>('ballots.checkIn', { id: open.id, rollId: e.id });
    const pick = Math.floor(rnd() * 3);
    await d('ballots.cast', { id: open.id, credential: { kind: 'checkin', token }, ballot: sealOpen([[0, 1, 2].map((c) => (c === pick ? 1 : 0))]) });
  }
  return {
    decided: { id: agm.id, title: agm.title, words: result.questions.map((q) => q.words), turnout: result.turnout.words, trustees },
    open: { id: open.id, title: open.title, voted: few.length, trustees: openTrustees },
  };
}

async function keys(d: Dispatch, b: Ballot, trustees: SampleTrustee[]): Promise<void> {
  for (const t of trustees) await d('ballots.makeTrusteeKey', { id: b.id, trustee: t.position, passphrase: t.passphrase });
}

async function wholeRoll(d: Dispatch, id: string): Promise<RollEntry[]> {
  const out: RollEntry[] = [];
  for (;;) {
    const page = await d<{ entries: RollEntry[]; total: number }>('ballots.roll', { id, offset: out.length, limit: 5000 });
    out.push(...page.entries);
    if (page.entries.length === 0 || out.length >= page.total) return out;
  }
}

/** The voting device's work, done here with libsodium: the ballot sealed under the election's key. */
async function sealer(d: Dispatch, id: string): Promise<(selections: number[][]) => unknown> {
  const { election } = await d<{ election: ElectionPublic }>('ballots.publicElection', { id });
  const p = prepare(await sodiumGroup(), election);
  return (selections) => encryptBallot(p, selections);
}

/** Marks with a realistic lean: the special resolution near its 75% line, the accounts received, a contested election. */
function agmMarks(rnd: () => number): () => number[][] {
  const one = (weights: number[]) => {
    const x = rnd() * weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    const pick = weights.findIndex((w) => (acc += w) > x);
    return weights.map((_, i) => (i === pick ? 1 : 0));
  };
  const popularity = [0.7, 0.35, 0.6, 0.5, 0.45];
  return () => {
    const board = popularity.map((p) => (rnd() < p ? 1 : 0));
    // Up to three seats: a voter who ticked more keeps their first three.
    let n = 0;
    const capped = board.map((m) => (m && n < 3 ? (n++, 1) : 0));
    return [one([0.8, 0.17, 0.03]), one([0.9, 0.04, 0.06]), capped];
  };
}

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function job(core: Core, d: Dispatch, method: string, input: unknown): Promise<unknown> {
  const { jobId } = await d<{ jobId: string }>(method, input);
  await core.jobs.idle();
  const s = core.jobs.get(jobId)!;
  if (s.state !== 'succeeded') throw new Error(`${method}: ${s.error?.message ?? s.state}`);
  return s.result;
}

/** What a secretary, the trustees and a scrutineer need to carry on with the sample's ballots. */
export function ballotLines(dbPath: string, b: SampleBallots): string[] {
  const trustees = (ts: SampleTrustee[]) => ts.map((t) => `    Trustee ${t.position} (${t.role}) passphrase: ${t.passphrase}`);
  return [
    '',
    'Ballots (the trustees’ passphrases are printed only for the sample: in a real ballot each trustee chooses their own):',
    `  “${b.decided.title}”, result declared: ${b.decided.id}`,
    ...trustees(b.decided.trustees),
    `  “${b.open.title}”, open with ${b.open.voted} vote${b.open.voted === 1 ? '' : 's'} in: ${b.open.id}`,
    ...trustees(b.open.trustees),
    'Export the declared ballot’s verification file and check it:',
    `  npm run cli -- ballot-export --db "${dbPath}" --ballot ${b.decided.id} --out agm-2026-poll.json`,
    '  npm run verify-ballot -- agm-2026-poll.json',
  ];
}
