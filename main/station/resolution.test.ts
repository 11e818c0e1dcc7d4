import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationStatus } from '../../shared/contract/station';
import type { IssuedAgreementCode, WrittenResolution } from '../../shared/contract/written-resolutions';
import { NOW } from '../core/decisions/fixtures.test-helpers';
import { admit, makeClass, person } from '../core/members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, tempDir, type TestCore } from '../core/testing';

/**
 * A members' written resolution agreed from phones through the voting station (issue 9; CA 2006
 * s296: agreement is not secret, and the resolution passes the moment the required majority of
 * eligible members' votes have agreed), against the real core on a real file.
 */
let t: TestCore;

beforeAll(async () => {
  t = await openTestCore({ now: () => NOW, station: { pageDir: tempDir('mg-station-page-'), watchEveryMs: 100 } });
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Member', null);
  for (const name of ['Ann', 'Ben', 'Cat']) await admit(t.core, cls, person(name, 'Jones'), { admittedOn: '2020-01-06' });
});
afterAll(async () => {
  await t.cleanup();
});

function post(port: number, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function get(port: number, path: string): Promise<{ status: number; json: any }> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, json: await r.json() };
}

describe('voting station: a members’ written resolution agreed from phones', () => {
  it('serves the resolution, records agreement from a phone with the member’s name, passes at the majority and then stops itself', async () => {
    const wr = expectOk(await t.core.dispatch('writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That the company adopt the new rota policy.', circulatedOn: '2026-11-20' })) as WrittenResolution;
    const { codes } = expectOk(await t.core.dispatch('writtenResolutions.issueCodes', { id: wr.id })) as { codes: IssuedAgreementCode[] };
    const code = (name: string) => codes.find((c) => c.name === name)!.code;

    const s = expectOk(await t.core.dispatch('station.start', { writtenResolutionId: wr.id, address: '127.0.0.1', port: 0 })) as StationStatus;
    expect(s).toMatchObject({ running: true, ballot: null, writtenResolution: { id: wr.id }, agreement: { agreed: 0, eligible: 3, passed: false } });
    expect((await get(s.port!, '/api/station')).json).toMatchObject({ ballot: null, resolution: { kind: 'ordinary' } });
    expect((await get(s.port!, '/api/resolution')).json).toMatchObject({ text: 'That the company adopt the new rota policy.', circulatedOn: '2026-11-20' });
    // No ballot is served: its calls say so.
    expect((await get(s.port!, '/api/ballot')).json.error.code).toBe('not_open');

    const ann = await post(s.port!, '/api/agree', { code: code('Ann Jones') });
    expect(ann).toMatchObject({ status: 200, json: { name: 'Ann Jones', passed: false } });
    const again = await post(s.port!, '/api/agree', { code: code('Ann Jones') });
    expect([again.status, again.json.error.code]).toEqual([409, 'code_used']);
    const wrong = await post(s.port!, '/api/agree', { code: 'ABCD-EFGH-JKMN-PQRS' });
    expect([wrong.status, wrong.json.error.code]).toEqual([403, 'code_invalid']);

    const ben = await post(s.port!, '/api/agree', { code: code('Ben Jones') });
    expect(ben).toMatchObject({ status: 200, json: { name: 'Ben Jones', passed: true } });
    const got = expectOk(await t.core.dispatch('writtenResolutions.get', { id: wr.id })) as WrittenResolution;
    expect(got.status).toBe('passed');
    expect(got.signatories.filter((x) => x.agreedVia === 'phone').map((x) => x.name)).toEqual(['Ann Jones', 'Ben Jones']);

    // Serving only that resolution, the station stops once it has passed.
    let status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    for (let i = 0; i < 50 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = expectOk(await t.core.dispatch('station.status', {})) as StationStatus;
    }
    expect(status).toMatchObject({ running: false, stoppedBecause: 'the written resolution passed on 30 November 2026' });
    // And it will not start for a resolution that is no longer circulating.
    const refused = await t.core.dispatch('station.start', { writtenResolutionId: wr.id, address: '127.0.0.1' });
    expect(refused).toMatchObject({ ok: false, error: { message: 'Agreement can be collected only while a written resolution is circulating; this one is not: it passed on 30 November 2026.' } });
  });

  it('will not start for a society’s members’ resolution: its registered rules, not the Companies Act, decide how members agree', async () => {
    const society = await openTestCore({ now: () => NOW, station: { pageDir: tempDir('mg-station-page-'), watchEveryMs: 100 } });
    try {
      await setUpOrganisation(society.core, { particulars: { legalForm: 'cooperative_society', registrationNumber: '12345R' } });
      const cls = await makeClass(society.core, 'Member', { withdrawable: true });
      for (const name of ['Ann', 'Ben']) await admit(society.core, cls, person(name, 'Jones'), { admittedOn: '2020-01-06' });
      const wr = expectOk(await society.core.dispatch('writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That the society adopt the new rota policy.', circulatedOn: '2026-11-20' })) as WrittenResolution;
      const r = await society.core.dispatch('station.start', { writtenResolutionId: wr.id, address: '127.0.0.1', port: 0 });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { writtenResolutionId: expect.stringMatching(/^Agreement from phones follows the Companies Act procedure .*CA 2006 s288-s300, s296.*your registered rules decide/) } } });
      expect((expectOk(await society.core.dispatch('station.status', {})) as StationStatus).running).toBe(false);
    } finally {
      await society.cleanup();
    }
  });
});
