import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The phone voting page is served to anyone on the meeting's network, so its bundle must hold
// nothing of the secretary's app: no screens, no router, no contract client or method names (issue
// 9). This reads what `npm run build:renderer` wrote to build/station/ (the e2e step builds it);
// it builds nothing itself, and says so when there is nothing to read.

const OUT = fileURLToPath(new URL('../../build/station', import.meta.url));
const built = existsSync(join(OUT, 'index.html'));

/** Words only the secretary's app has: contract methods, screens, the router, the API client. */
const SECRETARY_ONLY = [
  'members.admit',
  'members.list',
  'ballots.issueCodes',
  'ballots.create',
  'ballots.open',
  'ballots.cast',
  'ballots.checkIn',
  'ballots.publicElection',
  'writtenResolutions.',
  'meetings.create',
  'settings.',
  'backup.',
  'audit.verify',
  'station.start',
  'Register of members',
  'Membership classes',
  'Audit log',
  'Board pack',
  'Back to check-in',
  'Check in a voter',
  'X-MG-Token',
  'createHashRouter',
  'react-router',
];

/**
 * URLs the libraries carry that the page never loads (each checked in the built files):
 * - XML namespaces, React's SVG and MathML support;
 * - React's and react-i18next's links to their documentation, in messages they log;
 * - JSON Schema's identifiers, in zod's JSON Schema output (the sealing code checks its ballot with zod);
 * - zod's IPv6 check, which parses `http://[address]` with URL() and sends nothing.
 */
const NEVER_LOADED = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/react\.dev\/errors\/$/,
  /^https:\/\/react\.i18next\.com\/latest\/[a-z-]+$/,
  /^https?:\/\/json-schema\.org\/draft[/-][0-9a-z/-]+schema#?$/,
  /^http:\/\/\[\$\{[a-z]\}\]$/,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const title = built
  ? 'the phone voting page’s bundle (build/station)'
  : 'the phone voting page’s bundle: SKIPPED, build/station/ is not built (`npm run build:renderer` builds it; npm test and the e2e step do)';

// npm test builds the page before the unit tests and says so: then a missing build is a failure, not a skip.
if (process.env.MG_STATION_BUILT === '1' && !built) throw new Error(`npm test built the phone voting page, but ${OUT} has no index.html.`);

describe.skipIf(!built)(title, () => {
  const all = built ? files(OUT) : [];
  const text = (exts: RegExp) => all.filter((f) => exts.test(f)).map((f) => ({ file: relative(OUT, f), body: readFileSync(f, 'utf8') }));

  it('holds an index page, its script, its style and the sealing worker', () => {
    const names = all.map((f) => relative(OUT, f));
    expect(names).toContain('index.html');
    expect(names.filter((n) => n.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
    expect(names.some((n) => n.endsWith('.css'))).toBe(true);
    expect(text(/\.js$/).some(({ body }) => body.includes('The ballot could not be sealed.'))).toBe(true);
  });

  it('holds no word of the secretary’s app', () => {
    const found = text(/\.(js|html|css)$/).flatMap(({ file, body }) => SECRETARY_ONLY.filter((w) => body.includes(w)).map((w) => `${file}: ${w}`));
    expect(found).toEqual([]);
  });

  it('holds both languages', () => {
    const js = text(/\.js$/)
      .map(({ body }) => body)
      .join('\n');
    expect(js).toContain('Enter your voting code');
    expect(js).toContain('Rhowch eich cod pleidleisio');
  });

  it('loads nothing from another host and runs no inline script', () => {
    const urls = text(/\.(js|html|css)$/).flatMap(({ file, body }) => [...body.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)].map((m) => ({ file, url: m[0] })));
    expect(urls.filter(({ url }) => !NEVER_LOADED.some((ok) => ok.test(url)))).toEqual([]);
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    // Every script is a file of the bundle (the station's CSP has no 'unsafe-inline'), by a relative path.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim()).toBe('');
      expect(attrs).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).toMatch(/<link rel="stylesheet"[^>]*href="\.\/assets\/[^"]+\.css"/);
  });
});
