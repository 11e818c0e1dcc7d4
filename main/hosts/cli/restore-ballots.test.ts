import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backup, cleanups, MID_BALLOT, openBallot, roll, vote, withMembers } from '../../core/backup/ballot-restore.test-helpers';
import { useLightKdfForTests } from '../../core/ballots/kdf';
import { Core } from '../../core/core';
import { restore } from './commands/restore';

// Issue 8, "restoring a backup taken during a ballot", from the command line (the way back when
// the app cannot open its file): the same warning as the app's, and no restore without consent.
beforeAll(() => useLightKdfForTests());
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('restoring from the command line', () => {
  it('names the votes a backup taken during a ballot would set back, and restores it only with --despite-ballots', async () => {
    const { t, later } = await withMembers(3);
    const b = await openBallot(t, 'AGM 2026 poll');
    const entries = await roll(t, b.id);
    await vote(t, b, entries[0]!);
    later();
    const taken = join(t.core.backupsDir, await backup(t));
    await vote(t, b, entries[1]!);
    await vote(t, b, entries[2]!);
    await t.core.close();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const before = readFileSync(t.dbPath);

    const refusal = await restore({ db: t.dbPath, from: taken }, io).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(lines).toEqual([MID_BALLOT]);
    expect(refusal).toMatch(/was not restored, because of the ballot above\. To restore it all the same, run the command again with --despite-ballots\. .* is unchanged\.$/);
    expect(readFileSync(t.dbPath).equals(before)).toBe(true);

    lines.length = 0;
    expect(await restore({ db: t.dbPath, from: taken, 'despite-ballots': '' }, io)).toBe(0);
    expect(lines[0]).toBe(MID_BALLOT);
    expect(lines[1]).toMatch(/^Restored /);
    const reopened = await Core.open({ dbPath: t.dbPath, host: 'cli' });
    try {
      const logged = reopened.raw.prepare("select p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'data.restored'").pluck().get() as string;
      expect(JSON.parse(logged)).toMatchObject({ after: { ballotWarnings: [MID_BALLOT] } });
    } finally {
      await reopened.close();
    }
  }, 60_000);
});

