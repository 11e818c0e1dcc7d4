import { formatLegalDate } from '../../../shared/rules/legal-date';
import { loadBallot } from '../ballots/election';
import type { CommandContext } from '../context';
import { AppError } from '../errors';
import { command, defineHandlers, query } from '../handler';
import { statusOn } from '../written-resolutions/handlers';
import { startedEvent, stoppedEvent } from './events';
import type { StationPlan } from './types';

/**
 * The secretary's calls for the voting station (issue 9). Starting and stopping are commands
 * (they change no record) that write an audit event through `ctx.write`, so the log shows how
 * the vote was run: where phones could reach it, from when to when.
 */
export const stationHandlers = defineHandlers('station', {
  'station.interfaces': query(async (_input, ctx) => ({ interfaces: ctx.station.interfaces() })),

  'station.status': query(async (_input, ctx) => ctx.station.status()),

  'station.start': command(async (input, ctx) => {
    const plan = await planOf(input, ctx);
    const status = await ctx.station.start(plan);
    try {
      await ctx.write(async (tx) => void tx.audit(startedEvent(plan, status.url!)));
    } catch (e) {
      // Not recorded, so not running: the log is the record of where phones could vote.
      await ctx.station.stop('its start could not be recorded');
      throw e;
    }
    return status;
  }),

  'station.stop': command(async (_input, ctx) => {
    const because = 'stopped by the secretary';
    const run = await ctx.station.stop(because);
    if (run) await ctx.write(async (tx) => void tx.audit(stoppedEvent(run, because)));
    return ctx.station.status();
  }),
});

type StartInput = { ballotId?: string; writtenResolutionId?: string; address: string; allInterfaces: boolean; port?: number };

/** What the station may serve and where; each refusal says why. */
async function planOf(input: StartInput, ctx: CommandContext): Promise<StationPlan> {
  const rc = await ctx.register();
  if (!input.ballotId && !input.writtenResolutionId) throw AppError.field('ballotId', 'Choose the open ballot, or the members’ written resolution, that members will vote on or agree to from their phones.');
  const current = await ctx.station.status();
  if (current.running) throw new AppError('CONFLICT', `The voting station is already running at ${current.url}; stop it before starting it again.`);

  let ballot: StationPlan['ballot'] = null;
  if (input.ballotId) {
    const b = await loadBallot(ctx.db, rc.org.id, input.ballotId);
    if (b.status !== 'open') {
      const why = {
        draft: 'it is still being set up: open it first (the roll is frozen when it opens)',
        closed: `voting closed${b.closed_at ? ` on ${formatLegalDate(b.closed_at.slice(0, 10))}` : ''}`,
        decided: 'its result has been declared',
        cancelled: 'it was cancelled',
        open: '',
      }[b.status];
      throw AppError.field('ballotId', `The voting station serves only a ballot that is open for voting; “${b.title}” is not: ${why}.`);
    }
    ballot = { id: b.id, title: b.title, fingerprint: b.fingerprint! };
  }

  let writtenResolution: StationPlan['writtenResolution'] = null;
  if (input.writtenResolutionId) {
    const w = await ctx.db.selectFrom('written_resolution').selectAll().where('id', '=', input.writtenResolutionId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!w) throw new AppError('NOT_FOUND', 'That written resolution is not on record.');
    if (w.body !== 'members') throw AppError.field('writtenResolutionId', 'Only a members’ written resolution can be agreed to from phones; the board’s are agreed by the directors (Model Articles art 7-8).');
    // Agreement by code is the Companies Act procedure (s296); a society's rules decide how its members agree (signify.ts).
    if (rc.form.family !== 'company') {
      throw AppError.field('writtenResolutionId', 'Agreement from phones follows the Companies Act procedure for a private company’s members (CA 2006 s288-s300, s296). The CCBS Act 2014 has none: your registered rules decide whether and how members agree in writing, so record each agreement received under them.');
    }
    const status = statusOn(w, rc.today);
    if (status !== 'circulating') {
      const why = status === 'passed' ? `it passed${w.decided_on ? ` on ${formatLegalDate(w.decided_on)}` : ''}` : status === 'lapsed' ? `it lapsed at the end of ${formatLegalDate(w.lapses_after!)} (CA 2006 s297)` : 'it was withdrawn';
      throw AppError.field('writtenResolutionId', `Agreement can be collected only while a written resolution is circulating; this one is not: ${why}.`);
    }
    writtenResolution = { id: w.id, text: w.text };
  }

  const where = addressOf(input, ctx);
  return { ballot, writtenResolution, ...where, port: input.port ?? null };
}

/** One address the laptop has (as `station.interfaces` lists them), or every interface when chosen explicitly. */
function addressOf(input: StartInput, ctx: CommandContext): Pick<StationPlan, 'address' | 'interfaceName' | 'scope'> {
  const all = input.address === '0.0.0.0' || input.address === '::';
  if (input.allInterfaces || all) {
    if (!input.allInterfaces) throw AppError.field('address', 'Listening on every network of this laptop must be chosen explicitly (all interfaces); otherwise choose one address from the list.');
    if (!all) throw AppError.field('address', 'To listen on every interface, the address is 0.0.0.0 (IPv4) or :: (IPv6).');
    return { address: input.address, interfaceName: 'all interfaces', scope: null };
  }
  const found = ctx.station.interfaces().find((i) => i.address === input.address);
  if (!found) throw AppError.field('address', `${input.address} is not an address of this laptop now: choose one from the list (it changes when the laptop joins another network).`);
  const linkLocal = found.family === 'IPv6' && /^fe80:/i.test(found.address);
  return { address: found.address, interfaceName: found.internal ? `${found.name} (this laptop only)` : found.name, scope: linkLocal ? found.name : null };
}
