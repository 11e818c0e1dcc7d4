import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant } from './fields';

/**
 * The voting station (issue 9): the secretary's laptop serves members' phones on the meeting
 * room's network, for one open ballot and/or one circulating members' written resolution. These
 * are the secretary's calls (through the loopback host); the phones' own calls are a separate,
 * much smaller server (shared/station/api.ts, main/station/).
 */
export const networkInterfaceSchema = z.object({
  /** The operating system's name for the interface (Wi-Fi, en0, wlan0, Ethernet 2). */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** Loopback: reachable only from this laptop (for trying the station out). */
  internal: z.boolean(),
});
export type NetworkInterface = z.output<typeof networkInterfaceSchema>;

/** What a phone may have been refused for, counted for the secretary (never which code, never how anyone voted). */
export const stationRefusalsSchema = z.object({
  /** Requests answered 429: a phone (or a code) tried too often. */
  throttled: z.number().int(),
  /** Codes that were not valid for this ballot or resolution. */
  badCodes: z.number().int(),
  /** Codes that had already been used. */
  usedCodes: z.number().int(),
});

export const stationStatusSchema = z.object({
  running: z.boolean(),
  /** The address phones open, e.g. http://192.168.8.20:8181/ (null when stopped). */
  url: z.string().nullable(),
  interfaceName: z.string().nullable(),
  address: z.string().nullable(),
  port: z.number().int().nullable(),
  startedAt: isoInstant.nullable(),
  ballot: z.object({ id, title: z.string(), fingerprint: z.string() }).nullable(),
  writtenResolution: z.object({ id, text: z.string() }).nullable(),
  /** Live turnout (never choices): voters who have voted, by any channel, of those on the roll. */
  turnout: z.object({ voted: z.number().int(), count: z.number().int(), fromPhones: z.number().int() }).nullable(),
  /** Members who have agreed to the written resolution, and the votes they hold, of the total. */
  agreement: z.object({ agreed: z.number().int(), eligible: z.number().int(), votesAgreed: z.number().int(), totalVotes: z.number().int(), passed: z.boolean() }).nullable(),
  refusals: stationRefusalsSchema,
  /** Recent warnings for the secretary, newest first (e.g. "A phone at 192.168.8.31 was stopped after 20 wrong codes"). */
  alerts: z.array(z.object({ at: isoInstant, message: z.string() })),
  /** Why the station stopped on its own (the ballot closed, the resolution passed or lapsed), while stopped. */
  stoppedBecause: z.string().nullable(),
  /** What the stopped station was serving, so a screen says why only about its own ballot or resolution. */
  stoppedFor: z.object({ ballotId: id.nullable(), writtenResolutionId: id.nullable() }).nullable(),
});
export type StationStatus = z.output<typeof stationStatusSchema>;

export const stationMethods = defineMethods('station', {
  'station.interfaces': method({
    kind: 'query',
    summary: 'The laptop’s network addresses with their interface names, for choosing where the station listens.',
    input: z.strictObject({}),
    output: z.object({ interfaces: z.array(networkInterfaceSchema) }),
  }),
  'station.start': method({
    kind: 'command',
    summary: 'Start the voting station on one chosen address (all interfaces only when chosen explicitly) for an open ballot and/or a circulating members’ written resolution.',
    input: z
      .strictObject({
        ballotId: id.optional(),
        writtenResolutionId: id.optional(),
        /** One of the addresses `station.interfaces` lists, or '0.0.0.0' with `allInterfaces`. */
        address: z.string().max(100),
        allInterfaces: z.boolean().default(false),
        /** 0 or absent: a free port is chosen (8181 if free). */
        port: z.number().int().min(0).max(65535).optional(),
      }),
    output: stationStatusSchema,
  }),
  'station.stop': method({
    kind: 'command',
    summary: 'Stop the voting station: phones can no longer reach it.',
    input: z.strictObject({}),
    output: stationStatusSchema,
  }),
  'station.status': method({
    kind: 'query',
    summary: 'Whether the station is running, its address, live turnout (never choices), refusals and alerts.',
    input: z.strictObject({}),
    output: stationStatusSchema,
  }),
});
