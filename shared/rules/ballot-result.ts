import type { FormFamily } from '../domain/legal-form';
import { lengthPrefixed, sha256Hex } from '../ballot/encoding';
import { COMPANY_SPECIAL_PCT } from './resolution-result';

/**
 * The outcome of each question of a ballot (issue 8), from the decrypted electronic totals and the
 * paper and proxy totals counted outside the encryption, each shown separately.
 *
 * Resolutions, companies (CA 2006, text as amended by SI 2009/1632, checked on legislation.gov.uk):
 * - s282(4): on a poll at a meeting an ordinary resolution needs members representing a simple
 *   majority of the total voting rights of the members who (being entitled to) vote in person, by
 *   proxy or in advance; s283(5): a special one not less than 75% of them. A ballot is a poll.
 * - s282(2), s283(2): a written resolution needs a simple majority / not less than 75% of the
 *   total voting rights of eligible members, whether or not they reply.
 * - s283(3), (6): a resolution is special only if the written resolution or the notice stated that
 *   it was proposed as special, and then it can pass only as special.
 * Abstentions are shown but are not votes cast; a tie is not a majority.
 *
 * The chair's casting vote on a members' resolution: CA 2006 s281(3) and s282 (in force 1 October
 * 2007) require a majority of the members' own votes, which overrode casting-vote articles (Table A
 * reg 50 was removed on 1 October 2007, and the Model Articles 2008, SI 2008/3229, give the chair no
 * casting vote at general meetings: art 13 is the directors' casting vote only). The Companies Act
 * 2006 (Commencement No. 3 ...) Order 2007 (SI 2007/2194) Sch 3 para 23A, inserted by the
 * Commencement No. 5 Order 2007 (SI 2007/3495) from 14 January 2008, saves a provision that was in
 * a company's articles immediately before 1 October 2007 (not for a traded company; no company in
 * this app is traded). So a company's chair has a casting vote only where the caller says its
 * articles had one before that day. A society's registered rules decide (the CCBS Act 2014 is
 * silent), as they decide the majorities and their base (see society-resolutions.ts for the Act's
 * own two-meeting special resolutions).
 *
 * Elections: the n candidates with the most votes are elected; a tie for the last seat(s) is
 * resolved as the rules say, or by lot where they say nothing, with a recorded seed (drawLots).
 *
 * Every pass/fail test is exact integer arithmetic (BigInt); percentages are for display only,
 * with one decimal place, and never shown on the wrong side of the threshold (74.96% is shown as
 * "74.96%", not "75.0%").
 */
export const CASTING_VOTE_SAVING = 'SI 2007/2194 Sch 3 para 23A';
const SOCIETY_RULES = 'your registered rules';

export type Channel = 'electronic' | 'paper' | 'proxy';

/**
 * Votes for one choice, by channel. `proxy` is only what proxies cast outside the electronic
 * tally (e.g. entered from proxy forms); a proxy voting at the kiosk is inside `electronic`, since
 * an encrypted ballot says nothing about who cast it.
 */
export interface ByChannel {
  electronic: number;
  paper?: number;
  proxy?: number;
}

export interface ChannelTotals {
  total: number;
  electronic: number;
  paper: number;
  proxy: number;
}

// ---------------------------------------------------------------------------------------------
// Display helpers

/** "2,750": whole numbers with thousands separators, without depending on the platform's locale data. */
export function formatCount(n: number | bigint): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function scaledText(scaled: bigint, decimals: number): string {
  const unit = 10n ** BigInt(decimals);
  const frac = (scaled % unit).toString().padStart(decimals, '0');
  return `${formatCount(scaled / unit)}.${frac}%`;
}

/**
 * `part` of `whole` as a percentage rounded half up to one decimal place ("9.1%"). With a
 * threshold, more decimals are shown where one would put the figure on the wrong side of it:
 * 74.96% failing "not less than 75%" shows "74.96%", 50.04% passing "more than 50%" shows "50.04%".
 */
export function percentText(part: number | bigint, whole: number | bigint, threshold?: { bp: number; strict: boolean; met: boolean }): string {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w === 0n) return '0.0%';
  for (let d = 1; d <= 18; d++) {
    const unit = 10n ** BigInt(d);
    const scaled = (2n * p * 100n * unit + w) / (2n * w);
    if (!threshold) return scaledText(scaled, d);
    // display ≥ T  ⇔  scaled × 100 ≥ bp × 10^d
    const lhs = scaled * 100n;
    const rhs = BigInt(threshold.bp) * unit;
    const ok = threshold.strict ? (threshold.met ? lhs > rhs : lhs <= rhs) : threshold.met ? lhs >= rhs : lhs < rhs;
    if (ok) return scaledText(scaled, d);
  }
  // Not reached for whole numbers below 2^53: 18 decimals separate any two such fractions.
  return scaledText((p * 100n * 10n ** 18n) / w, 18);
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: unknown, what: string): number {
  if (!(typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) throw new RangeError(`${what} must be a whole number, 0 or more; ${String(n)} given.`);
  return n;
}

/** Adds up one choice's channels, refusing anything that is not a whole number of votes. */
export function channelTotals(v: ByChannel | undefined, what: string): ChannelTotals {
  const electronic = count(v?.electronic ?? 0, `${what} (electronic)`);
  const paper = count(v?.paper ?? 0, `${what} (paper)`);
  const proxy = count(v?.proxy ?? 0, `${what} (proxy)`);
  const total = electronic + paper + proxy;
  if (!Number.isSafeInteger(total)) throw new RangeError(`${what} add up to more than can be counted exactly.`);
  return { total, electronic, paper, proxy };
}

/** "of which 30 on paper and 12 by proxy", or '' when every vote was electronic. */
function channelNote(t: ChannelTotals): string {
  const parts = [...(t.paper ? [`${formatCount(t.paper)} on paper`] : []), ...(t.proxy ? [`${formatCount(t.proxy)} by proxy`] : [])];
  return parts.length ? `of which ${list(parts)}` : '';
}

// ---------------------------------------------------------------------------------------------
// Resolutions

export type ResolutionBase = 'votes_cast' | 'eligible_votes';

export interface ResolutionInput {
  /** Its number on the notice, for the words: "Special resolution 1". */
  number?: number | string;
  resolution: 'ordinary' | 'special';
  /** 'votes_cast': a poll at a meeting (s282(4), s283(5)); 'eligible_votes': a written resolution (s282(2), s283(2)). */
  base: ResolutionBase;
  family: FormFamily;
  for: ByChannel;
  against: ByChannel;
  abstain?: ByChannel;
  /** The total voting rights of the eligible members: required for 'eligible_votes'. */
  eligibleVotes?: number;
  /** A society's rules' special majority, or a company's higher figure; 75 by default. */
  specialPct?: number;
  /** For a society: where the rules set the majorities, e.g. "rule 34"; "your registered rules" by default. */
  rulesSource?: string;
  /** The notice (or the written resolution) stated it was proposed as special; by default, true of a special one. */
  statedAsSpecial?: boolean;
  /** The governing document gives the chair of the meeting a casting vote on members' resolutions. */
  chairCastingVote?: boolean;
  /** A company only: that provision was in its articles immediately before 1 October 2007 (SI 2007/2194 Sch 3 para 23A). */
  castingVoteInArticlesBefore2007?: boolean;
  /** How the chair used the casting vote, once asked (only on a tie). */
  castingVote?: 'for' | 'against';
}

export type ResolutionStatus = 'passed' | 'not_passed' | 'casting_vote_needed';
export type ResolutionFailure = 'no_votes_cast' | 'tied' | 'no_majority' | 'below_special_majority' | 'not_stated_special' | 'stated_special' | 'casting_vote_against';

export interface ResolutionOutcome {
  status: ResolutionStatus;
  passed: boolean;
  failure: ResolutionFailure | null;
  name: string;
  for: ChannelTotals;
  against: ChannelTotals;
  abstain: ChannelTotals;
  /** For and against: abstentions are not votes cast. */
  votesCast: number;
  /** The figure the majority is measured against: the votes cast, or the eligible members' votes. */
  baseVotes: number;
  /** The smallest number of votes for that passes (on a tie at a meeting, with a casting vote, the chair decides). */
  votesNeeded: number;
  /** Votes for as a share of the base, for display ("75.0%"); null when the base is 0. */
  percentFor: string | null;
  /** "not less than 75% of the votes cast" */
  required: string;
  source: string;
  /** The chair has a casting vote that counts in law on this resolution. */
  castingVoteAvailable: boolean;
  castingVote: 'for' | 'against' | null;
  /** Words for the minutes. */
  minutes: string;
}

function resolutionName(r: ResolutionInput): string {
  const kind = r.resolution === 'special' ? 'special' : 'ordinary';
  if (r.number === undefined || r.number === '') return `The ${kind} resolution`;
  return `${kind === 'special' ? 'Special' : 'Ordinary'} resolution ${r.number}`;
}

/**
 * The outcome of one resolution. Throws a RangeError naming the first thing wrong with the input
 * (a count that is not a whole number, a company's special majority below 75%, more votes than
 * the eligible members hold, a casting vote where there is no tie).
 *
 * @example
 * resolutionOutcome({ number: 1, resolution: 'special', base: 'votes_cast', family: 'company',
 *   for: { electronic: 750 }, against: { electronic: 250 }, abstain: { electronic: 40 } }).minutes
 * // "Special resolution 1 passed: 750 for, 250 against (75.0% of the 1,000 votes cast; not less
 * //  than 75% required by CA 2006 s283(5)); 40 abstentions, not votes cast."
 */
export function resolutionOutcome(r: ResolutionInput): ResolutionOutcome {
  const company = r.family === 'company';
  const name = resolutionName(r);
  const vFor = channelTotals(r.for, 'Votes for');
  const vAgainst = channelTotals(r.against, 'Votes against');
  const vAbstain = channelTotals(r.abstain, 'Abstentions');
  const pct = r.specialPct ?? COMPANY_SPECIAL_PCT;
  if (!(Number.isFinite(pct) && pct > 50 && pct <= 100 && Math.abs(pct * 100 - Math.round(pct * 100)) < 1e-9)) {
    throw new RangeError(`A special majority is more than 50% and at most 100%, to two decimal places; ${pct}% given.`);
  }
  if (company && pct < COMPANY_SPECIAL_PCT) throw new RangeError(`CA 2006 s283(1) requires a special resolution to pass by not less than 75%; ${pct}% given.`);
  const bp = Math.round(pct * 100);
  const written = r.base === 'eligible_votes';
  const votesCast = vFor.total + vAgainst.total;
  if (!Number.isSafeInteger(votesCast + vAbstain.total)) throw new RangeError('The votes add up to more than can be counted exactly.');
  let baseVotes = votesCast;
  if (written) {
    baseVotes = count(r.eligibleVotes, 'The total voting rights of eligible members');
    if (votesCast + vAbstain.total > baseVotes) {
      throw new RangeError(`The ballots carry ${formatCount(votesCast + vAbstain.total)} votes, more than the ${formatCount(baseVotes)} votes of all eligible members.`);
    }
    if (r.castingVote) throw new RangeError('A written resolution has no chair, so no casting vote: it passes only on the eligible members’ own votes.');
  }
  const rules = r.rulesSource ?? SOCIETY_RULES;
  const stated = r.statedAsSpecial ?? r.resolution === 'special';

  // The numbers, then the words around them.
  const ordinary = r.resolution === 'ordinary';
  const threshold = ordinary ? { bp: 5000, strict: true } : { bp, strict: false };
  const baseWords = written ? `of the ${formatCount(baseVotes)} votes of eligible members` : `of the ${formatCount(baseVotes)} votes cast`;
  const required = ordinary
    ? written
      ? 'more than half of the total voting rights of eligible members'
      : 'more than half of the votes cast'
    : written
      ? `not less than ${pct}% of the total voting rights of eligible members`
      : `not less than ${pct}% of the votes cast`;
  const source = company
    ? ordinary
      ? written
        ? 'CA 2006 s282(2)'
        : 'CA 2006 s282(4)'
      : `${written ? 'CA 2006 s283(2)' : 'CA 2006 s283(5)'}${pct > COMPANY_SPECIAL_PCT ? ' and your articles' : ''}`
    : rules;
  const F = BigInt(vFor.total);
  const B = BigInt(baseVotes);
  // Nothing passes on no votes: 0 of 0 would otherwise be "not less than 75%".
  const meets = B > 0n && F > 0n && (ordinary ? 2n * F > B : F * 10000n >= BigInt(bp) * B);
  // The least n with n > base / 2, or n × 10,000 ≥ bp × base; never 0 (nothing passes on no votes).
  const votesNeeded = ordinary ? Math.floor(baseVotes / 2) + 1 : Math.max(1, Number((BigInt(bp) * B + 9999n) / 10000n));

  // Casting vote: only on a tie at a meeting, on an ordinary resolution (a tie can never reach a special majority).
  const tie = !written && ordinary && votesCast > 0 && vFor.total === vAgainst.total;
  const castingInRules = !!r.chairCastingVote;
  const castingVoteAvailable = tie && castingInRules && (!company || !!r.castingVoteInArticlesBefore2007);
  if (r.castingVote && !tie) throw new RangeError(`The chair's casting vote is used only on a tie; ${name.toLowerCase()} has ${formatCount(vFor.total)} for and ${formatCount(vAgainst.total)} against.`);
  if (r.castingVote && !castingVoteAvailable) {
    throw new RangeError(
      company
        ? `The chair has no casting vote on a members' resolution of this company: only articles that gave one immediately before 1 October 2007 keep it (${CASTING_VOTE_SAVING}).`
        : `The chair has no casting vote under ${rules}.`,
    );
  }

  const pctShown = baseVotes === 0 ? null : percentText(vFor.total, baseVotes, { ...threshold, met: meets });
  const counts = `${formatCount(vFor.total)} for, ${formatCount(vAgainst.total)} against`;
  const abst = vAbstain.total ? `; ${plural(vAbstain.total, 'abstention', 'abstentions')}${written ? '' : ', not votes cast'}` : '';
  const channelSentence = channelSentenceOf([
    ['for', vFor],
    ['against', vAgainst],
    ['abstaining', vAbstain],
  ]);
  const societyNote = company ? '' : ` The majority and its base are set by ${rules}.`;
  const base = {
    name,
    for: vFor,
    against: vAgainst,
    abstain: vAbstain,
    votesCast,
    baseVotes,
    votesNeeded,
    percentFor: pctShown,
    required,
    source,
    castingVoteAvailable,
    castingVote: r.castingVote ?? null,
  };
  // Inside the brackets the base is already named: "(75.0% of the 1,000 votes cast; not less than 75% required by …)".
  const requiredShort = ordinary ? 'more than half' : `not less than ${pct}%`;
  const figures = (extra = '') => `${counts} (${pctShown ?? '0.0%'} ${baseWords}; ${requiredShort} required by ${source}${extra})${abst}`;

  // Stated as special, or not (s283(3), (6)).
  if (!ordinary && !stated) {
    const why = company
      ? written
        ? 'the written resolution did not state that it was proposed as a special resolution (CA 2006 s283(3)(a))'
        : 'the notice of the meeting did not set out its text and state the intention to propose it as a special resolution (CA 2006 s283(6)(a))'
      : `it was not stated to be proposed as a special resolution, which ${rules} require (as CA 2006 s283(6) does for companies)`;
    return { ...base, status: 'not_passed', passed: false, failure: 'not_stated_special', minutes: `${name} not passed: ${why}; ${counts}${abst}.${channelSentence}` };
  }
  if (ordinary && stated) {
    const why = company ? (written ? 'CA 2006 s283(3)(b)' : 'CA 2006 s283(6)(b)') : `${rules}; CA 2006 s283(6)(b) for companies`;
    return {
      ...base,
      status: 'not_passed',
      passed: false,
      failure: 'stated_special',
      minutes: `${name} not passed: it was stated to be proposed as a special resolution, so it can be passed only as one (${why}); ${counts}${abst}.${channelSentence}`,
    };
  }

  if (meets) {
    return { ...base, status: 'passed', passed: true, failure: null, minutes: `${name} passed: ${figures()}.${channelSentence}${societyNote}` };
  }

  if (tie) {
    if (castingVoteAvailable) {
      const whose = company ? `given by articles in force immediately before 1 October 2007 and kept by ${CASTING_VOTE_SAVING}` : `given by ${rules}`;
      if (!r.castingVote) {
        return {
          ...base,
          status: 'casting_vote_needed',
          passed: false,
          failure: 'tied',
          minutes: `${name} is tied: ${figures()}. The chair's casting vote decides it (${whose}); record how the chair votes.${channelSentence}`,
        };
      }
      const passed = r.castingVote === 'for';
      return {
        ...base,
        status: passed ? 'passed' : 'not_passed',
        passed,
        failure: passed ? null : 'casting_vote_against',
        minutes: `${name} ${passed ? 'passed' : 'not passed'} on the chair's casting vote ${r.castingVote === 'for' ? 'for' : 'against'} it, the votes being tied: ${figures()}; the casting vote is ${whose}.${channelSentence}`,
      };
    }
    const why = !castingInRules
      ? company
        ? 'a tie is not a majority, so it is lost, and the chair has no casting vote'
        : `a tie is not a majority, so it is lost, and ${rules} give the chair no casting vote`
      : `a tie is not a majority, so it is lost; the casting vote in the articles does not apply to a members' resolution, since CA 2006 s282 needs a majority of the members' own votes and only articles that had one immediately before 1 October 2007 keep it (${CASTING_VOTE_SAVING})`;
    return { ...base, status: 'not_passed', passed: false, failure: 'tied', minutes: `${name} not passed: ${figures()}; ${why}.${channelSentence}${societyNote}` };
  }

  const failure: ResolutionFailure = baseVotes === 0 || (!written && votesCast === 0) ? 'no_votes_cast' : ordinary ? 'no_majority' : 'below_special_majority';
  if (failure === 'no_votes_cast') {
    const none = written ? `no eligible member holds a vote` : `no votes were cast for or against`;
    return { ...base, status: 'not_passed', passed: false, failure, minutes: `${name} not passed: ${none}; ${required} is required by ${source}${abst}.${channelSentence}${societyNote}` };
  }
  const short = `, so ${formatCount(votesNeeded)} ${votesNeeded === 1 ? 'was' : 'were'} needed`;
  return { ...base, status: 'not_passed', passed: false, failure, minutes: `${name} not passed: ${figures(short)}.${channelSentence}${societyNote}` };
}

function channelSentenceOf(rows: readonly [string, ChannelTotals][]): string {
  const parts = rows.filter(([, t]) => t.paper || t.proxy).map(([label, t]) => `of the ${formatCount(t.total)} ${label}, ${list([...(t.paper ? [`${formatCount(t.paper)} on paper`] : []), ...(t.proxy ? [`${formatCount(t.proxy)} by proxy`] : [])])}`);
  if (!parts.length) return '';
  const s = parts.join('; ');
  return ` ${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

// ---------------------------------------------------------------------------------------------
// Elections

export const LOT_LABEL = 'mutual-governance/ballot/v1/lot';

export interface LotDraw {
  candidateId: string;
  /** SHA-256(lp(label) ‖ lp(seed) ‖ lp(candidate id)), hex: the lowest wins. */
  digest: string;
}

/**
 * A drawing of lots anyone can repeat: each candidate's number is the SHA-256 of the label, the
 * seed and the candidate's id (length-prefixed, as docs/ballot-protocol.md §2), and the candidates
 * are ordered by it, lowest first. The seed comes from the platform's CSPRNG and is recorded, so
 * the scrutineer and the verifier get the same order from the same seed.
 */
export function drawLots(seed: string, candidateIds: readonly string[]): LotDraw[] {
  if (!/^[0-9a-f]{32,128}$/.test(seed)) throw new RangeError('The seed for drawing lots must be 32 to 128 lowercase hex characters (at least 128 random bits).');
  if (new Set(candidateIds).size !== candidateIds.length) throw new RangeError('Each candidate may be in the draw once.');
  return candidateIds
    .map((candidateId) => ({ candidateId, digest: sha256Hex(lengthPrefixed([LOT_LABEL, seed, candidateId])) }))
    .sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
}

export interface CandidateInput {
  id: string;
  name: string;
  votes: ByChannel;
}

export interface ElectionInput {
  /** "Election of directors" */
  title?: string;
  seats: number;
  candidates: readonly CandidateInput[];
  /**
   * How the rules break a tie for the last seat(s): by lot (the default where the rules say
   * nothing), with a seed the caller made with the CSPRNG and records; or as the rules say, which
   * the app cannot do itself (`source` names the rule).
   */
  tieBreak?: { method: 'lot'; seed?: string } | { method: 'rules'; source: string };
}

export type ElectionStatus = 'complete' | 'lot_needed' | 'tie_for_rules';

export interface CandidateOutcome {
  id: string;
  name: string;
  votes: ChannelTotals;
  elected: boolean;
  /** Elected or left out by the drawing of lots. */
  byLot: boolean;
}

export interface ElectionOutcome {
  status: ElectionStatus;
  seats: number;
  /** Most votes first; candidates with equal votes in the order given. */
  candidates: CandidateOutcome[];
  elected: CandidateOutcome[];
  /** Candidates tied for the last seat(s) (empty when there is no tie at the boundary). */
  tied: CandidateOutcome[];
  /** How many seats the tied candidates compete for. */
  seatsInTie: number;
  lot: { seed: string; draws: LotDraw[] } | null;
  minutes: string;
}

/**
 * Who is elected to `seats` seats, each voter having chosen up to that many: the candidates with
 * the most votes. Throws a RangeError for bad input (no seats, duplicate candidate ids, counts that
 * are not whole numbers).
 */
export function electionOutcome(e: ElectionInput): ElectionOutcome {
  if (!(Number.isSafeInteger(e.seats) && e.seats >= 1)) throw new RangeError(`An election needs at least one seat; ${e.seats} given.`);
  const ids = new Set<string>();
  const all: CandidateOutcome[] = e.candidates.map((c) => {
    if (ids.has(c.id)) throw new RangeError(`${c.name} is a candidate twice.`);
    ids.add(c.id);
    return { id: c.id, name: c.name, votes: channelTotals(c.votes, `Votes for ${c.name}`), elected: false, byLot: false };
  });
  // A stable sort keeps the order given among equal totals (only the display uses it).
  const sorted = [...all].sort((a, b) => b.votes.total - a.votes.total);
  const title = e.title ?? 'Election';
  const seatWords = plural(e.seats, 'seat', 'seats');
  const votesOf = (c: CandidateOutcome) => `${c.name} (${plural(c.votes.total, 'vote', 'votes')}${channelNote(c.votes) ? `, ${channelNote(c.votes)}` : ''}${c.byLot ? ', by lot' : ''})`;

  let tied: CandidateOutcome[] = [];
  let seatsInTie = 0;
  let lot: ElectionOutcome['lot'] = null;
  let status: ElectionStatus = 'complete';
  let tieWords = '';

  if (sorted.length <= e.seats) {
    for (const c of sorted) c.elected = true;
  } else {
    const boundary = sorted[e.seats - 1]!.votes.total;
    const above = sorted.filter((c) => c.votes.total > boundary);
    const atBoundary = sorted.filter((c) => c.votes.total === boundary);
    for (const c of above) c.elected = true;
    seatsInTie = e.seats - above.length;
    if (atBoundary.length === seatsInTie) {
      for (const c of atBoundary) c.elected = true;
      seatsInTie = 0;
    } else {
      tied = atBoundary;
      const tieBreak = e.tieBreak ?? { method: 'lot' };
      const names = list(tied.map((c) => c.name));
      const lastSeats = seatsInTie === 1 ? 'the last seat' : `the last ${seatsInTie} seats`;
      tieWords = ` ${names} tied on ${plural(boundary, 'vote', 'votes')} for ${lastSeats}.`;
      if (tieBreak.method === 'rules') {
        status = 'tie_for_rules';
        tieWords += ` Your rules decide the tie (${tieBreak.source}); record the outcome as they direct.`;
      } else if (!tieBreak.seed) {
        status = 'lot_needed';
        tieWords += ' The rules say nothing else, so it is decided by lot: draw and record the seed to decide it.';
      } else {
        const draws = drawLots(tieBreak.seed, tied.map((c) => c.id));
        lot = { seed: tieBreak.seed, draws };
        const byId = new Map(tied.map((c) => [c.id, c]));
        draws.forEach((d, i) => {
          const c = byId.get(d.candidateId)!;
          c.byLot = true;
          c.elected = i < seatsInTie;
        });
        const order = draws.map((d) => `${byId.get(d.candidateId)!.name} ${d.digest.slice(0, 8)}…`);
        tieWords += ` Decided by lot, as the rules say nothing else: with the recorded seed ${tieBreak.seed}, each tied candidate's number is the SHA-256 of the seed and their candidate id, lowest first (${order.join(', ')}), so ${list(draws.slice(0, seatsInTie).map((d) => byId.get(d.candidateId)!.name))} ${seatsInTie === 1 ? 'takes the seat' : 'take the seats'}. Anyone can repeat the draw from the seed.`;
      }
    }
  }

  const elected = sorted.filter((c) => c.elected);
  const notElected = sorted.filter((c) => !c.elected && !(status !== 'complete' && tied.includes(c)));
  const head =
    sorted.length <= e.seats
      ? `${title} (${seatWords}; ${plural(sorted.length, 'candidate', 'candidates')}, so each is elected)`
      : `${title} (${seatWords}; the ${e.seats === 1 ? 'candidate' : `${e.seats} candidates`} with the most votes ${e.seats === 1 ? 'is' : 'are'} elected)`;
  const electedWords = elected.length ? `elected ${list(elected.map(votesOf))}` : 'no one elected yet';
  const undecided = status !== 'complete' ? `; undecided ${list(tied.map(votesOf))}` : '';
  const rest = notElected.length ? `; not elected ${list(notElected.map(votesOf))}` : '';
  return {
    status,
    seats: e.seats,
    candidates: sorted,
    elected,
    tied,
    seatsInTie,
    lot,
    minutes: `${head}: ${electedWords}${undecided}${rest}.${tieWords}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Consultations

export interface ConsultationInput {
  question?: string;
  options: readonly { id: string; label: string; votes: ByChannel }[];
}

export interface ConsultationOutcome {
  options: { id: string; label: string; votes: ChannelTotals; percent: string }[];
  total: number;
  minutes: string;
}

/** Counts and percentages of an advisory question: no pass or fail. */
export function consultationOutcome(c: ConsultationInput): ConsultationOutcome {
  const options = c.options.map((o) => ({ id: o.id, label: o.label, votes: channelTotals(o.votes, `Votes for "${o.label}"`) }));
  const total = options.reduce((n, o) => n + o.votes.total, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('The votes add up to more than can be counted exactly.');
  const withPct = options.map((o) => ({ ...o, percent: percentText(o.votes.total, total) }));
  const q = c.question ? `Consultation: "${c.question}"` : 'Consultation';
  const rows = withPct.map((o) => `${o.label} ${formatCount(o.votes.total)} (${o.percent}${channelNote(o.votes) ? `; ${channelNote(o.votes)}` : ''})`);
  return {
    options: withPct,
    total,
    minutes: `${q} (advisory: the count informs the board and decides nothing): ${rows.length ? list(rows) : 'no options'}, of ${plural(total, 'vote', 'votes')} in all.`,
  };
}

// ---------------------------------------------------------------------------------------------

export type QuestionInput = ({ kind: 'resolution' } & ResolutionInput) | ({ kind: 'election' } & ElectionInput) | ({ kind: 'consultation' } & ConsultationInput);
export type QuestionOutcome = ({ kind: 'resolution' } & ResolutionOutcome) | ({ kind: 'election' } & ElectionOutcome) | ({ kind: 'consultation' } & ConsultationOutcome);

/** The outcome of any question, by its kind. */
export function questionOutcome(q: QuestionInput): QuestionOutcome {
  if (q.kind === 'resolution') return { kind: 'resolution', ...resolutionOutcome(q) };
  if (q.kind === 'election') return { kind: 'election', ...electionOutcome(q) };
  return { kind: 'consultation', ...consultationOutcome(q) };
}
