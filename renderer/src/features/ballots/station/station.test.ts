import { describe, expect, test } from 'vitest';
import type { NetworkInterface, StationStatus } from '../../../../../shared/contract/station';
import { contract } from '../../../../../shared/contract/index';
import { ANNOUNCE_GAP_MS, waitBeforeAnnouncing } from './announce';
import { ALL_INTERFACES, interfaceKind, listensEverywhere, networkChoices, otherAddresses, startInput } from './interfaces';
import { servesTarget, stoppedReasonFor } from './target';
import { agreementWords, percent, phoneWords, projectorTurnout, refusalRows, shortFingerprint, stoppedSentence, turnoutWords } from './words';

const LAPTOP: NetworkInterface[] = [
  { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true },
  { name: 'docker0', address: '172.17.0.1', family: 'IPv4', internal: false },
  { name: 'wlp2s0', address: 'fe80::1c2b:3aff:fe4d:5e6f', family: 'IPv6', internal: false },
  { name: 'wlp2s0', address: '2a00:23c7:1234::20', family: 'IPv6', internal: false },
  { name: 'wlp2s0', address: '192.168.8.20', family: 'IPv4', internal: false },
  { name: 'enp0s31f6', address: '10.0.0.5', family: 'IPv4', internal: false },
  { name: 'lo', address: '::1', family: 'IPv6', internal: true },
];

describe('choosing the network the station listens on', () => {
  test('real networks come first (IPv4 before IPv6), then virtual ones, then this laptop only, then all connections last', () => {
    const choices = networkChoices(LAPTOP);
    expect(choices.map((c) => c.label)).toEqual([
      'enp0s31f6: 10.0.0.5',
      'wlp2s0: 192.168.8.20',
      'wlp2s0: 2a00:23c7:1234::20',
      'docker0: 172.17.0.1',
      'Only this laptop (for trying it out)',
      'All network connections',
    ]);
    expect(choices.at(-1)).toMatchObject({ value: ALL_INTERFACES, address: '0.0.0.0', allInterfaces: true });
    expect(choices.filter((c) => c.allInterfaces)).toHaveLength(1);
  });

  test('an IPv6 link-local address (fe80::) is left out: no phone can open it without a zone', () => {
    expect(networkChoices(LAPTOP).some((c) => c.address.startsWith('fe80'))).toBe(false);
  });

  test('this laptop is offered once, on its IPv4 loopback address where it has one', () => {
    expect(networkChoices(LAPTOP).filter((c) => c.internal).map((c) => c.address)).toEqual(['127.0.0.1']);
    expect(networkChoices([LAPTOP[6]!]).filter((c) => c.internal).map((c) => c.address)).toEqual(['::1']);
  });

  test('loopback says what it is for and which address it is, and the hints tell Wi-Fi from a VPN or container', () => {
    const choices = networkChoices(LAPTOP);
    const loopback = choices.find((c) => c.address === '127.0.0.1')!;
    expect(loopback.internal).toBe(true);
    expect(loopback.hint).toContain('127.0.0.1 on lo');
    expect(choices.find((c) => c.address === '192.168.8.20')!.hint).toMatch(/^Wi-Fi\./);
    expect(choices.find((c) => c.address === '172.17.0.1')!.hint).toMatch(/unlikely to reach it/);
    expect(choices.find((c) => c.address === '2a00:23c7:1234::20')!.hint).toMatch(/IPv6/);
  });

  test('interface names are read as Linux, macOS and Windows give them', () => {
    expect(interfaceKind('wlan0')).toBe('wifi');
    expect(interfaceKind('Wi-Fi')).toBe('wifi');
    expect(interfaceKind('Wireless LAN adapter')).toBe('wifi');
    expect(interfaceKind('eth0')).toBe('wired');
    expect(interfaceKind('Ethernet 2')).toBe('wired');
    expect(interfaceKind('vEthernet (WSL)')).toBe('virtual');
    expect(interfaceKind('utun3')).toBe('virtual');
    expect(interfaceKind('tailscale0')).toBe('virtual');
    expect(interfaceKind('en0')).toBe('other');
  });

  test('no network: only this laptop and all connections are offered, and values are unique', () => {
    const choices = networkChoices([LAPTOP[0]!, LAPTOP[0]!]);
    expect(choices.map((c) => c.value)).toEqual(['lo|127.0.0.1', ALL_INTERFACES]);
  });

  test('what station.start is sent is what its contract accepts: one address, or all connections only explicitly', () => {
    const choices = networkChoices(LAPTOP);
    const wifi = choices.find((c) => c.address === '192.168.8.20')!;
    const all = choices.find((c) => c.allInterfaces)!;
    const input = contract['station.start'].input;
    const b1 = '01936f5e-1c2a-7d3e-8f40-123456789abc';
    const w1 = '01936f5e-1c2a-7d3e-9f40-cba987654321';
    expect(input.parse(startInput(wifi, { ballotId: b1 }))).toEqual({ ballotId: b1, address: '192.168.8.20', allInterfaces: false });
    expect(input.parse(startInput(all, { writtenResolutionId: w1 }))).toEqual({ writtenResolutionId: w1, address: '0.0.0.0', allInterfaces: true });
  });

  test('listening everywhere, the addresses phones on the laptop’s other networks use (not loopback, not link-local, not the one shown)', () => {
    expect(listensEverywhere('0.0.0.0')).toBe(true);
    expect(listensEverywhere('::')).toBe(true);
    expect(listensEverywhere('192.168.8.20')).toBe(false);
    expect(otherAddresses(LAPTOP, 8181, 'http://192.168.8.20:8181/')).toEqual(['http://172.17.0.1:8181/', 'http://[2a00:23c7:1234::20]:8181/', 'http://10.0.0.5:8181/']);
  });
});

describe('turnout in words (never choices)', () => {
  test('counts, agreement of the verb and the percentage', () => {
    expect(turnoutWords({ voted: 12, count: 40, fromPhones: 8 })).toBe('12 of 40 voters on the roll have voted (30%).');
    expect(turnoutWords({ voted: 1, count: 40, fromPhones: 0 })).toBe('1 of 40 voters on the roll has voted (3%).');
    expect(turnoutWords({ voted: 0, count: 1, fromPhones: 0 })).toBe('No votes yet: 1 voter is on the roll.');
    expect(turnoutWords({ voted: 0, count: 40, fromPhones: 0 })).toBe('No votes yet: 40 voters are on the roll.');
    expect(turnoutWords({ voted: 1234, count: 35000, fromPhones: 0 })).toBe('1,234 of 35,000 voters on the roll have voted (4%).');
    expect(turnoutWords({ voted: 0, count: 0, fromPhones: 0 })).toBe('Nobody is on the roll.');
  });

  test('the percentage never says 100% before everyone, nor 0% once someone, has voted', () => {
    expect(percent(999, 1000)).toBe(99);
    expect(percent(1, 1000)).toBe(1);
    expect(percent(1000, 1000)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  test('how many voted from phones', () => {
    expect(phoneWords({ voted: 12, count: 40, fromPhones: 8 })).toBe('8 of them from phones.');
    expect(phoneWords({ voted: 12, count: 40, fromPhones: 1 })).toBe('1 of them from a phone.');
    expect(phoneWords({ voted: 12, count: 40, fromPhones: 0 })).toBe('None of them from phones yet.');
    expect(phoneWords({ voted: 1, count: 40, fromPhones: 1 })).toBe('They voted from a phone.');
    expect(phoneWords({ voted: 0, count: 40, fromPhones: 0 })).toBeNull();
  });

  test('the projector line is short', () => {
    expect(projectorTurnout({ voted: 37, count: 120, fromPhones: 30 })).toBe('37 of 120 have voted');
    expect(projectorTurnout({ voted: 1, count: 120, fromPhones: 1 })).toBe('1 of 120 has voted');
  });

  test('a written resolution counts members and the votes they hold, and says when it has passed', () => {
    expect(agreementWords({ agreed: 5, eligible: 12, votesAgreed: 40, totalVotes: 100, passed: false })).toBe('5 of 12 eligible members have agreed, holding 40 of 100 votes (40%).');
    expect(agreementWords({ agreed: 7, eligible: 12, votesAgreed: 75, totalVotes: 100, passed: true })).toBe('7 of 12 eligible members have agreed, holding 75 of 100 votes (75%). The resolution has passed.');
  });

  test('refusals are counted by kind, in words a secretary uses', () => {
    expect(refusalRows({ throttled: 3, badCodes: 1, usedCodes: 2 })).toEqual([
      { label: 'Stopped for trying too often', count: 3 },
      { label: 'Wrong codes (not a code of this vote)', count: 1 },
      { label: 'Codes that had already been used', count: 2 },
    ]);
  });

  test('why the station stopped, as the core says it, in a sentence', () => {
    expect(stoppedSentence('the ballot closed on 1 December 2026')).toBe('The ballot closed on 1 December 2026.');
    expect(stoppedSentence('stopped by the secretary')).toBe('Stopped by the secretary.');
    expect(stoppedSentence('Already a sentence.')).toBe('Already a sentence.');
  });

  test('the fingerprint as voters compare it: its first 16 characters in fours', () => {
    expect(shortFingerprint('3f9a0c1d77e24b5a9c0d1e2f3a4b5c6d')).toBe('3f9a 0c1d 77e2 4b5a');
  });
});

describe('announcing turnout at a polite rate', () => {
  const t0 = 1_000_000;
  const last = { text: 'A', at: t0 };
  test('nothing while it has not changed, however long since', () => {
    expect(waitBeforeAnnouncing(last, 'A', t0 + ANNOUNCE_GAP_MS * 3)).toBeNull();
  });
  test('a change inside the gap waits for its end; after the gap it is announced at once', () => {
    expect(waitBeforeAnnouncing(last, 'B', t0 + 2000)).toBe(ANNOUNCE_GAP_MS - 2000);
    expect(waitBeforeAnnouncing(last, 'B', t0 + ANNOUNCE_GAP_MS - 1)).toBe(1);
    expect(waitBeforeAnnouncing(last, 'C', t0 + ANNOUNCE_GAP_MS)).toBe(0);
    expect(waitBeforeAnnouncing(last, 'C', t0 + ANNOUNCE_GAP_MS * 2)).toBe(0);
  });
});

describe('which station a screen follows', () => {
  const base: StationStatus = {
    running: true,
    url: 'http://192.168.8.20:8181/',
    interfaceName: 'wlp2s0',
    address: '192.168.8.20',
    port: 8181,
    startedAt: '2026-12-01T10:00:00.000Z',
    ballot: { id: 'b1', title: 'AGM 2026', fingerprint: 'abc' },
    writtenResolution: null,
    turnout: { voted: 0, count: 3, fromPhones: 0 },
    agreement: null,
    refusals: { throttled: 0, badCodes: 0, usedCodes: 0 },
    alerts: [],
    stoppedBecause: null,
    stoppedFor: null,
  };
  test('its own ballot or resolution while running; not another one, and not a stopped station', () => {
    expect(servesTarget(base, { ballotId: 'b1' })).toBe(true);
    expect(servesTarget(base, { ballotId: 'b2' })).toBe(false);
    expect(servesTarget(base, { writtenResolutionId: 'w1' })).toBe(false);
    expect(servesTarget({ ...base, writtenResolution: { id: 'w1', text: 'THAT…' } }, { writtenResolutionId: 'w1' })).toBe(true);
    expect(servesTarget({ ...base, running: false }, { ballotId: 'b1' })).toBe(false);
  });
  test('why it stopped is said only on the page of what it was serving', () => {
    const stopped = { ...base, running: false, stoppedBecause: 'the ballot closed on 1 December 2026', stoppedFor: { ballotId: 'b1', writtenResolutionId: null } };
    expect(stoppedReasonFor(stopped, { ballotId: 'b1' })).toBe('the ballot closed on 1 December 2026');
    expect(stoppedReasonFor(stopped, { ballotId: 'b2' })).toBeNull();
    expect(stoppedReasonFor(stopped, { writtenResolutionId: 'w1' })).toBeNull();
    expect(stoppedReasonFor(base, { ballotId: 'b1' })).toBeNull();
  });
});
