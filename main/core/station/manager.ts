import { networkInterfaces } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NetworkInterface, StationStatus } from '../../../shared/contract/station';
import type { WrittenResolution } from '../../../shared/contract/written-resolutions';
import type { AppErrorBody, Result } from '../../../shared/result';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { StationAbout, StationErrorCode } from '../../../shared/station/api';
import type { Answer, StationBackend, StationEvents, StationLimits, StationServer, ThrottleReason } from '../../station/server';
import type { Actor, AuditEntry } from '../audit/log';
import type { ReadContext, WriteContext } from '../context';
import { EMPTY_TRACKER } from '../ballots/slots';
import { AppError } from '../errors';
import { logError } from '../log';
import { statusOn } from '../written-resolutions/handlers';
import { stoppedEvent, THROTTLE_WORDS, throttledEvent } from './events';
import type { StationControl, StationPlan, StationRun } from './types';

/** What the manager needs of the Core that owns it (core.ts), and nothing more. */
export interface StationHost {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  readContext(): ReadContext;
  mutate<T>(label: string, fn: (tx: WriteContext) => Promise<T>, as?: Actor): Promise<T>;
  who(): Actor;
}

export interface StationOptions {
  /** The voting page's build; defaults to build/station beside the app (stationPageDir). */
  pageDir?: string;
  /** Tighter limits for tests and the benchmark. */
  limits?: Partial<StationLimits>;
  /** How often the station checks whether its ballot or resolution has ended (ms). */
  watchEveryMs?: number;
}

/** The port phones are told to use when it is free: easy to type, and not one a common program takes. */
export const PREFERRED_PORT = 8181;
/** The station's own entries in the log: at most this many throttling events a minute (a flood of distinct addresses is counted, not logged one by one). */
const THROTTLE_EVENTS_PER_MINUTE = 30;
const MAX_ALERTS = 50;
/** Audit events the station writes of its own accord (throttling, stopping when the ballot ends). */
const STATION_ACTOR = 'voting station';

interface Running {
  plan: StationPlan;
  server: StationServer;
  url: string;
  startedAt: string;
  timer: NodeJS.Timeout;
}

/**
 * The voting station as the core owns it (issue 9): at most one running, for one open ballot
 * and/or one circulating members' written resolution, listening on one chosen address. It stops
 * itself when its ballot closes or is cancelled (or, serving only a resolution, when that passes,
 * lapses or is withdrawn), and the core stops it when it closes and before a restore. Every phone
 * call goes through `dispatch`, the same door as the secretary's screens.
 */
export class StationManager implements StationControl {
  readonly #host: StationHost;
  readonly #options: StationOptions;
  #running: Running | null = null;
  #starting = false;
  #stopping: Promise<StationRun | null> | null = null;
  #stoppedBecause: string | null = null;
  #stoppedFor: StationStatus['stoppedFor'] = null;
  #refusals = { throttled: 0, badCodes: 0, usedCodes: 0 };
  #alerts: { at: string; message: string }[] = [];
  #throttleLog: number[] = [];
  #unloggedThrottles = 0;
  #checking = false;

  constructor(host: StationHost, options: StationOptions = {}) {
    this.#host = host;
    this.#options = options;
  }

  interfaces(): NetworkInterface[] {
    return listInterfaces();
  }

  async start(plan: StationPlan): Promise<StationStatus> {
    if (this.#running || this.#starting || this.#stopping) throw new AppError('CONFLICT', this.#running ? `The voting station is already running at ${this.#running.url}; stop it before starting it again.` : 'The voting station is starting or stopping; wait a moment.');
    this.#starting = true;
    try {
      const server = await this.#listen(plan);
      const url = stationUrl(plan, server.port);
      this.#refusals = { throttled: 0, badCodes: 0, usedCodes: 0 };
      this.#alerts = [];
      this.#throttleLog = [];
      this.#unloggedThrottles = 0;
      this.#stoppedBecause = null;
      this.#stoppedFor = null;
      const timer = setInterval(() => void this.#watch(), this.#options.watchEveryMs ?? 1000);
      timer.unref();
      this.#running = { plan, server, url, startedAt: this.#host.who().at, timer };
      return await this.status();
    } finally {
      this.#starting = false;
    }
  }

  async #listen(plan: StationPlan): Promise<StationServer> {
    const host = plan.scope ? `${plan.address}%${plan.scope}` : plan.address;
    // Loaded when first started, so opening the core (every window, every command line) does not load Fastify.
    const { startStationServer } = await import('../../station/server');
    const open = (port: number) =>
      startStationServer({ address: host, port, pageDir: this.#options.pageDir ?? stationPageDir(), backend: this.#backend(plan), events: this.#events(plan), limits: this.#options.limits });
    try {
      if (plan.port !== null && plan.port !== 0) return await open(plan.port);
      try {
        return await open(PREFERRED_PORT);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' && (e as NodeJS.ErrnoException).code !== 'EACCES') throw e;
        return await open(0);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw AppError.field('port', `Port ${plan.port} is in use by another program on this laptop: choose another, or leave the port empty for a free one.`);
      if (code === 'EACCES') throw AppError.field('port', `Port ${plan.port} needs administrator rights on this laptop: choose a port above 1023, or leave it empty.`);
      if (code === 'EADDRNOTAVAIL') throw AppError.field('address', `The address ${plan.address} is no longer on this laptop (the network may have changed): choose again from the list.`);
      throw e;
    }
  }

  async stop(because: string): Promise<StationRun | null> {
    if (this.#stopping) return this.#stopping;
    const running = this.#running;
    if (!running) return null;
    this.#stopping = (async () => {
      clearInterval(running.timer);
      try {
        await running.server.close();
      } finally {
        this.#running = null;
        this.#stoppedBecause = because;
        this.#stoppedFor = { ballotId: running.plan.ballot?.id ?? null, writtenResolutionId: running.plan.writtenResolution?.id ?? null };
      }
      return { plan: running.plan, url: running.url, startedAt: running.startedAt, refusals: { ...this.#refusals }, unloggedThrottles: this.#unloggedThrottles };
    })();
    try {
      return await this.#stopping;
    } finally {
      this.#stopping = null;
    }
  }

  /** Stops the station on the core's own account (the app closing, a restore), recording why. */
  async shutdown(because: string): Promise<void> {
    const run = await this.stop(because).catch((e: unknown) => {
      logError('stopping the voting station', e);
      return null;
    });
    if (run) await this.#record(stoppedEvent(run, because));
  }

  /** After a change that may end the ballot or the resolution: look now rather than at the next tick. */
  checkSoon(): void {
    if (this.#running) setImmediate(() => void this.#watch());
  }

  async status(): Promise<StationStatus> {
    const r = this.#running;
    const plan = r?.plan ?? null;
    return {
      running: r !== null,
      url: r?.url ?? null,
      interfaceName: plan?.interfaceName ?? null,
      address: plan?.address ?? null,
      port: r?.server.port ?? null,
      startedAt: r?.startedAt ?? null,
      ballot: plan?.ballot ?? null,
      writtenResolution: plan?.writtenResolution ?? null,
      turnout: plan?.ballot ? await this.#turnout(plan.ballot.id) : null,
      agreement: plan?.writtenResolution ? await this.#agreement(plan.writtenResolution.id) : null,
      refusals: { ...this.#refusals },
      alerts: [...this.#alerts],
      stoppedBecause: r ? null : this.#stoppedBecause,
      stoppedFor: r ? null : this.#stoppedFor,
    };
  }

  /** Voters who have voted, by any channel, of those on the roll; never a choice. */
  async #turnout(ballotId: string): Promise<StationStatus['turnout']> {
    const db = this.#host.readContext().db;
    const rows = await db
      .selectFrom('ballot_roll')
      .select('voted_by')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ballot_id', '=', ballotId)
      .groupBy('voted_by')
      .execute();
    let count = 0;
    let voted = 0;
    let fromPhones = 0;
    for (const row of rows) {
      const n = Number(row.n);
      count += n;
      if (row.voted_by !== null) voted += n;
      if (row.voted_by === 'phone') fromPhones += n;
    }
    return { voted, count, fromPhones };
  }

  async #agreement(id: string): Promise<StationStatus['agreement']> {
    const r = await this.#host.dispatch('writtenResolutions.get', { id });
    if (!r.ok) return null;
    const wr = r.value as WrittenResolution;
    return { agreed: wr.signatories.filter((s) => s.agreedOn !== null).length, eligible: wr.eligible, votesAgreed: wr.votesAgreed, totalVotes: wr.totalVotes, passed: wr.status === 'passed' };
  }

  /** Stops the station when what it serves has ended (checked every second and after relevant changes). */
  async #watch(): Promise<void> {
    const r = this.#running;
    if (!r || this.#checking) return;
    this.#checking = true;
    try {
      const because = await this.#ended(r.plan);
      if (because && this.#running === r) {
        const run = await this.stop(because);
        if (run) await this.#record(stoppedEvent(run, because));
      }
    } catch (e) {
      logError('voting station watch', e);
    } finally {
      this.#checking = false;
    }
  }

  async #ended(plan: StationPlan): Promise<string | null> {
    const ctx = this.#host.readContext();
    if (plan.ballot) {
      const b = await ctx.db.selectFrom('ballot').select(['status', 'closed_at']).where('id', '=', plan.ballot.id).executeTakeFirst();
      if (!b) return 'the ballot is no longer on record';
      if (b.status === 'cancelled') return 'the ballot was cancelled';
      if (b.status !== 'open') return `the ballot closed${b.closed_at ? ` on ${formatLegalDate(b.closed_at.slice(0, 10))}` : ''}`;
      return null; // a resolution served beside an open ballot answers for itself (not_open)
    }
    if (plan.writtenResolution) {
      const w = await ctx.db.selectFrom('written_resolution').select(['status', 'lapses_after', 'decided_on']).where('id', '=', plan.writtenResolution.id).executeTakeFirst();
      if (!w) return 'the written resolution is no longer on record';
      const status = statusOn(w, ctx.today());
      if (status === 'passed') return `the written resolution passed${w.decided_on ? ` on ${formatLegalDate(w.decided_on)}` : ''}`;
      if (status === 'lapsed') return `the written resolution lapsed at the end of ${formatLegalDate(w.lapses_after!)}`;
      if (status === 'withdrawn') return 'the written resolution was withdrawn';
    }
    return null;
  }

  /** Writes one of the station's own events, as the station; a failure is logged, never thrown at a phone. */
  async #record(entry: AuditEntry): Promise<void> {
    try {
      await this.#host.mutate('the voting station', async (tx) => void tx.audit(entry), { ...this.#host.who(), actor: STATION_ACTOR });
    } catch (e) {
      logError('voting station audit event', e);
    }
  }

  #alert(message: string): void {
    this.#alerts.unshift({ at: this.#host.who().at, message });
    if (this.#alerts.length > MAX_ALERTS) this.#alerts.length = MAX_ALERTS;
  }

  #events(plan: StationPlan): StationEvents {
    return {
      refused: (kind) => {
        if (kind === 'throttled') this.#refusals.throttled += 1;
        else if (kind === 'bad_code') this.#refusals.badCodes += 1;
        else this.#refusals.usedCodes += 1;
      },
      throttleStarted: (e) => {
        this.#alert(alertWords(e.reason, e.client, e.limit, e.windowSeconds));
        const now = Date.now();
        this.#throttleLog = this.#throttleLog.filter((t) => t > now - 60_000);
        if (this.#throttleLog.length >= THROTTLE_EVENTS_PER_MINUTE) {
          this.#unloggedThrottles += 1;
          return;
        }
        this.#throttleLog.push(now);
        void this.#record(throttledEvent(plan, e));
      },
    };
  }

  #backend(plan: StationPlan): StationBackend {
    const host = this.#host;
    const nothing = (what: string): Answer<never> => ({ ok: false, code: 'not_open', message: `This voting station is not taking ${what}.` });
    return {
      about: async (): Promise<StationAbout> => {
        const org = await host.readContext().organisation();
        let resolution: StationAbout['resolution'] = null;
        if (plan.writtenResolution) {
          const w = await host.readContext().db.selectFrom('written_resolution').select(['kind', 'lapses_after']).where('id', '=', plan.writtenResolution.id).executeTakeFirst();
          resolution = { kind: w?.kind ?? null, lapsesAfter: w?.lapses_after ?? null };
        }
        return { organisation: org?.name ?? '', ballot: plan.ballot ? { title: plan.ballot.title, fingerprint: plan.ballot.fingerprint } : null, resolution };
      },
      ballot: async () => {
        if (!plan.ballot) return nothing('votes in a ballot');
        return answerOf(await host.dispatch('ballots.publicElection', { id: plan.ballot.id }), 'ballot') as Answer<never>;
      },
      cast: async (code, ballot) => {
        if (!plan.ballot) return nothing('votes in a ballot');
        return answerOf(await host.dispatch('ballots.cast', { id: plan.ballot.id, credential: { kind: 'code', code, via: 'phone' }, ballot }), 'ballot') as Answer<{ tracker: string }>;
      },
      receipt: async (tracker) => {
        if (!plan.ballot) return nothing('votes in a ballot');
        if (tracker === EMPTY_TRACKER) return { ok: true, value: { found: false } };
        const row = await host.readContext().db.selectFrom('ballot_slot').select('slot').where('ballot_id', '=', plan.ballot.id).where('tracker', '=', tracker).executeTakeFirst();
        return { ok: true, value: { found: row !== undefined } };
      },
      resolution: async () => {
        if (!plan.writtenResolution) return nothing('agreement to a written resolution');
        const r = await host.dispatch('writtenResolutions.get', { id: plan.writtenResolution.id });
        if (!r.ok) return answerOf(r, 'resolution');
        const wr = r.value as WrittenResolution;
        if (wr.status !== 'circulating') return { ok: false, code: 'not_open', message: `This written resolution is no longer open for agreement: ${wr.status === 'passed' ? 'it has passed' : wr.status === 'lapsed' ? 'it lapsed' : 'it was withdrawn'}.` };
        return { ok: true, value: { text: wr.text, kind: wr.kind, circulatedOn: wr.circulatedOn, lapsesAfter: wr.lapsesAfter } };
      },
      agree: async (code) => {
        if (!plan.writtenResolution) return nothing('agreement to a written resolution');
        const r = answerOf(await host.dispatch('writtenResolutions.agreeWithCode', { id: plan.writtenResolution.id, code, via: 'phone' }), 'resolution');
        if (!r.ok) return r;
        const v = r.value as { name: string; agreedAt: string; passed: boolean };
        this.checkSoon();
        return { ok: true, value: { name: v.name, agreedAt: v.agreedAt, passed: v.passed } };
      },
    };
  }
}

/** The address phones open: on every interface, the laptop's first network address (the screen lists the others). */
function stationUrl(plan: StationPlan, port: number): string {
  let address = plan.address;
  if (address === '0.0.0.0' || address === '::') {
    const list = listInterfaces();
    address = (list.find((i) => !i.internal && i.family === 'IPv4') ?? list.find((i) => !i.internal) ?? { address: '127.0.0.1' }).address;
  }
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
}

function alertWords(reason: ThrottleReason, client: string, limit: number, windowSeconds: number): string {
  return `A phone at ${client} was refused for a while after ${THROTTLE_WORDS[reason](limit, windowSeconds)}.`;
}

/**
 * The core's answer in the station's terms. A used code says only that it was used (never how or
 * by whom); a code of another ballot reads as not valid, as in the core.
 */
export function answerOf(r: Result<unknown>, what: 'ballot' | 'resolution'): Answer<unknown> {
  if (r.ok) return { ok: true, value: r.value };
  return { ok: false, ...refusalOf(r.error, what) };
}

export function refusalOf(e: AppErrorBody, what: 'ballot' | 'resolution'): { code: StationErrorCode; message: string } {
  const fields = Object.keys(e.fieldErrors ?? {});
  const onCode = fields.some((f) => f === 'code' || f.endsWith('.code'));
  if (onCode) {
    // The core names why a code was refused (AppErrorBody.reason); anything else about a code reads as not valid.
    if (e.reason === 'code_used') return { code: 'code_used', message: 'This code has already been used.' };
    if (e.reason === 'code_format') return { code: 'code_format', message: 'A code has 16 letters and numbers, in four groups of four, as printed on your letter.' };
    return { code: 'code_invalid', message: `This code is not valid for this ${what === 'ballot' ? 'ballot' : 'resolution'}. Check it against your letter.` };
  }
  if (fields.includes('ballot')) return { code: 'ballot_refused', message: e.message };
  if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND') return { code: 'not_open', message: e.message };
  if (e.code === 'VALIDATION') return { code: 'bad_request', message: e.message };
  return { code: 'server', message: e.code === 'LOCKED' ? 'The laptop is busy for a moment; try again.' : 'Something went wrong on the laptop; try again or ask the secretary.' };
}

/** The laptop's addresses with their interface names: IPv4 first, loopback last. */
export function listInterfaces(): NetworkInterface[] {
  const out: NetworkInterface[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const a of list ?? []) {
      const family = a.family === 'IPv4' || (a.family as unknown) === 4 ? 'IPv4' : 'IPv6';
      out.push({ name, address: a.address, family, internal: a.internal });
    }
  }
  return out.sort((x, y) => Number(x.internal) - Number(y.internal) || (x.family === y.family ? 0 : x.family === 'IPv4' ? -1 : 1) || x.name.localeCompare(y.name));
}

/**
 * Where the voting page's build is: build/station beside the app. The Electron bundle runs from
 * build/electron/main.cjs (its import.meta.url is that file's); the sources from main/core/station/.
 */
export function stationPageDir(base: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(base));
  if (basename(dir) === 'electron' && basename(dirname(dir)) === 'build') return join(dir, '..', 'station');
  return join(dir, '..', '..', '..', 'build', 'station');
}
