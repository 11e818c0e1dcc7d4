// The voting device is a browser: shared/ballot must bundle for it without Node built-ins, and a
// ballot sealed there (noble, in Chromium) must pass the core's and the verifier's check (libsodium).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ballotProblem, nobleGroup, openElection, prepare, setUpTrustees, trackerOf, type BallotJson, type ElectionSetup } from '../../shared/ballot';
import { sodiumGroup } from '../../shared/ballot/group-sodium';

const CHROMIUM = '/usr/bin/chromium';

async function browserBundle(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('../../shared/ballot/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'Ballot',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('shared/ballot on the voting device', () => {
  it('bundles for the browser with no Node built-ins', async () => {
    const code = await browserBundle();
    expect(code).not.toMatch(/require\(["']node:/);
    expect(code).not.toMatch(/libsodium/); // the WebAssembly backend stays out of the device bundle
  });

  it.skipIf(!existsSync(CHROMIUM))('a ballot sealed in Chromium verifies in Node with libsodium', async () => {
    const setup: ElectionSetup = {
      id: 'kiosk',
      title: 'Kiosk test',
      questions: [
        { id: 'r', kind: 'resolution', text: 'R', choices: ['For', 'Against', 'Abstain'].map((label, i) => ({ id: `${i}`, label })), min: 1, max: 1 },
        { id: 'e', kind: 'election', text: 'E', choices: ['A', 'B', 'C', 'D'].map((label, i) => ({ id: `${i}`, label })), min: 0, max: 2 },
      ],
      trustees: { count: 2, threshold: 2 },
    };
    const { trustees } = setUpTrustees(nobleGroup, setup);
    const election = openElection(nobleGroup, setup, trustees, 'roll', 10);
    const code = await browserBundle();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>device</title>');
      await page.addScriptTag({ content: code });
      const ballot = await page.evaluate(
        ({ e, sel }) => {
          const B = (globalThis as unknown as { Ballot: typeof import('../../shared/ballot') }).Ballot;
          return B.encryptBallot(B.prepare(B.nobleGroup, e), sel);
        },
        { e: election, sel: [[0, 1, 0], [1, 0, 0, 1]] },
      );
      const S = await sodiumGroup();
      expect(ballotProblem(prepare(S, election), ballot as BallotJson)).toBeNull();
      expect(trackerOf(ballot as BallotJson)).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
