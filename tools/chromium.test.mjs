// How tools/test.mjs reports a Chromium it could not install: with apt's own words, not just
// "could not run".
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aptError, aptGet } from './chromium.mjs';

const hasApt = spawnSync('apt-get', ['--version']).status === 0;

describe('aptError', () => {
  it("quotes apt's E: and W: lines", () => {
    const r = {
      status: 100,
      stdout: 'Reading package lists...\nBuilding dependency tree...\n',
      stderr: 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (unattended-upgr)\nE: Unable to acquire the dpkg frontend lock\n',
    };
    expect(aptError(r)).toBe(
      'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (unattended-upgr)\nE: Unable to acquire the dpkg frontend lock',
    );
  });

  it('falls back to the last lines, or says apt said nothing, or that it could not start', () => {
    expect(aptError({ status: 1, stdout: 'a\nb\nc\nd\ne\nf\ng\n', stderr: '' })).toBe('c\nd\ne\nf\ng');
    expect(aptError({ status: 1, stdout: '', stderr: '' })).toBe('apt-get ended with code 1 and said nothing');
    expect(aptError({ status: null, error: new Error('spawnSync apt-get ENOENT') })).toBe('apt-get could not start: spawnSync apt-get ENOENT');
  });
});

describe.skipIf(!hasApt)('aptGet (simulated, so nothing is installed or locked)', () => {
  it("waits for the lock and keeps apt's error output for the summary", () => {
    const r = aptGet(['-s', 'install', 'mg-no-such-package-for-tests'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
    expect(r.status).not.toBe(0);
    expect(aptError(r)).toMatch(/^E: Unable to locate package mg-no-such-package-for-tests/m);
  });
});
