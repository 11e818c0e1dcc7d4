import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { Counterparty } from '../../../shared/contract/counterparties';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Organisation } from '../../../shared/contract/organisation';
import { boardMeeting, director, NOW, once, open, ok } from '../decisions/fixtures.test-helpers';
import { pdfOf, uploadPaper } from '../meetings/papers.test-helpers';
import { expectOk, validSetUpInput } from '../testing';

/** The contract's page (contracts.get), read in one statement: every part in its order and shape. Today is 30 November 2026. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const contractInput = (counterpartyId: string) => ({
  counterpartyId,
  reference: 'LCC/2025/014',
  title: 'Community health services',
  description: 'District nursing and therapies',
  services: ['85312000-9', '85300000-2'],
  route: 'pa23_open',
  awardOn: '2025-03-01',
  startOn: '2025-04-01',
  endOn: '2027-03-31',
  annualValuePence: 120_000_000,
  wholeLifeValuePence: 480_000_000,
  extensions: [
    { lengthMonths: 12, decisionBy: '2026-12-31', noticeBy: '2027-01-31' },
    { lengthMonths: 6, decisionBy: '2027-12-31' },
  ],
  breaks: [
    { earliestOn: '2026-10-01', noticeDays: 30, description: 'Commissioner only' },
    { earliestOn: '2026-04-01', noticeDays: 90, description: 'Either party' },
  ],
  priceReviews: [{ reviewOn: '2027-02-01', note: 'Uplift' }, { reviewOn: '2026-04-01' }],
  kpis: [{ name: 'Visits within 48 hours', target: '95%', frequency: 'annual', firstDueOn: '2025-10-15' }],
});

describe('contracts.get', () => {
  it('shows every part of a contract in its order and shape, with its duties, documents, decisions, agenda items and conflicted directors', async () => {
    const t = await open(cleanups);
    const leeds = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
    const [ada, bob, cy] = [await director(t, 'Ada', 'Lovelace'), await director(t, 'Bob', 'Brown'), await director(t, 'Cy', 'Clark')];
    // Ada by the commissioner's name (case and spacing ignored), Bob through the link; Cy's interest has ended.
    const adaInterest = expectOk(await t.core.dispatch('interests.declare', { officerId: ada.id, category: 'employment', nature: 'Spouse works in commissioning', relatedOrganisation: 'LEEDS  city council', declaredOn: '2025-01-01' })) as { id: string };
    const bobInterest = expectOk(await t.core.dispatch('interests.declare', { officerId: bob.id, category: 'other', nature: 'Governor', relatedOrganisation: 'The council', counterpartyId: leeds.id, declaredOn: '2025-02-01' })) as { id: string };
    const ended = expectOk(await t.core.dispatch('interests.declare', { officerId: cy.id, category: 'other', nature: 'Former governor', relatedOrganisation: 'Leeds City Council', declaredOn: '2025-01-01' })) as { id: string };
    expectOk(await t.core.dispatch('interests.end', { id: ended.id, endedOn: '2025-06-01' }));

    const c = await once<ContractDetail>(t, 'contracts.create', contractInput(leeds.id));
    await once(t, 'contracts.recordVariation', { contractId: c.id, madeOn: '2026-06-01', description: 'Extra caseload', valueChangePence: 500_000 });
    const pdf = await pdfOf(1, 'Signed contract');
    const withDoc = await once<ContractDetail>(t, 'contracts.attachDocument', { contractId: c.id, uploadId: await uploadPaper(t.core, 'Signed contract.pdf', pdf), title: 'Signed contract', kind: 'contract' });
    const m = await boardMeeting(t, { present: [ada.id, bob.id, cy.id], chair: ada.id });
    const d = expectOk(await t.core.dispatch('decisions.record', { agendaItemId: m.itemId, kind: 'board', text: 'Award the community services contract', votesFor: 3, votesAgainst: 0, votesAbstain: 0 })) as { id: string };
    await once(t, 'contracts.linkDecision', { contractId: c.id, decisionId: d.id, purpose: 'sign' });
    const withItem = await once<MeetingView>(t, 'meetings.addItem', { meetingId: m.meetingId, title: 'Contract performance', purpose: 'discussion', contractId: c.id });
    const item = withItem.items.at(-1)!;
    const kpiDuty = c.duties.find((x) => x.kind === 'kpi_report' && x.dueOn === '2025-10-15')!;
    await once(t, 'contracts.recordDutyDone', { contractId: c.id, key: kpiDuty.key, doneOn: '2025-10-20', note: 'Sent to the council' });

    const page = await ok<ContractDetail>(t, 'contracts.get', { id: c.id });
    expect(page).toMatchObject({
      id: c.id,
      reference: 'LCC/2025/014',
      title: 'Community health services',
      description: 'District nursing and therapies',
      counterpartyId: leeds.id,
      counterpartyName: 'Leeds City Council',
      route: 'pa23_open',
      status: 'live',
      awardOn: '2025-03-01',
      startOn: '2025-04-01',
      endOn: '2027-03-31',
      currentEndOn: '2027-03-31',
      maximumEndOn: '2028-09-30',
      maximumTerm: '3 years 6 months',
      terminatedOn: null,
      annualValuePence: 120_000_000,
      wholeLifeValuePence: 480_000_000,
    });
    expect(page.services.map((s) => s.code)).toEqual(['85300000-2', '85312000-9']);
    expect(page.services[0]).toMatchObject({ lightTouch: true, description: expect.any(String) });
    expect(page.extensions).toEqual([
      { id: c.extensions[0]!.id, position: 1, lengthMonths: 12, decisionBy: '2026-12-31', noticeBy: '2027-01-31', exercisedOn: null, declinedOn: null },
      { id: c.extensions[1]!.id, position: 2, lengthMonths: 6, decisionBy: '2027-12-31', noticeBy: null, exercisedOn: null, declinedOn: null },
    ]);
    expect(page.breaks.map((b) => [b.earliestOn, b.noticeDays, b.description])).toEqual([
      ['2026-04-01', 90, 'Either party'],
      ['2026-10-01', 30, 'Commissioner only'],
    ]);
    expect(page.priceReviews.map((p) => [p.reviewOn, p.note])).toEqual([
      ['2026-04-01', null],
      ['2027-02-01', 'Uplift'],
    ]);
    expect(page.kpis).toEqual([{ id: c.kpis[0]!.id, name: 'Visits within 48 hours', target: '95%', frequency: 'annual', firstDueOn: '2025-10-15' }]);
    expect(page.variations).toEqual([{ id: expect.any(String), madeOn: '2026-06-01', description: 'Extra caseload', valueChangePence: 500_000, newEndOn: null }]);
    expect(page.documents).toEqual([
      {
        id: withDoc.documents[0]!.id,
        title: 'Signed contract',
        fileName: 'Signed contract.pdf',
        kind: 'contract',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        addedAt: NOW.toISOString(),
      },
    ]);
    expect(page.decisions).toEqual([
      { decisionId: d.id, purpose: 'sign', text: 'Award the community services contract', decidedOn: '2026-11-10', outcome: expect.any(String), meetingId: m.meetingId, meetingTitle: m.view.meeting.title },
    ]);
    expect(page.agendaItems).toEqual([{ id: item.id, title: 'Contract performance', meetingId: m.meetingId, meetingTitle: m.view.meeting.title, heldOn: '2026-11-10' }]);
    expect(page.conflicted).toEqual([
      { officerId: bob.id, name: 'Bob Brown', interestId: bobInterest.id, nature: 'Governor', declaredOn: '2025-02-01' },
      { officerId: ada.id, name: 'Ada Lovelace', interestId: adaInterest.id, nature: 'Spouse works in commissioning', declaredOn: '2025-01-01' },
    ]);

    // Duties in date order (then key), each with its done record; open ones before today are overdue, never the end.
    const dues = page.duties.map((x) => x.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(page.duties).toEqual(c.duties.map((x) => ({ ...x, done: x.key === kpiDuty.key ? expect.anything() : null, overdue: x.key === kpiDuty.key ? false : x.overdue })));
    expect(page.duties.find((x) => x.key === kpiDuty.key)).toEqual({
      contractId: c.id,
      key: kpiDuty.key,
      kind: 'kpi_report',
      dueOn: '2025-10-15',
      title: kpiDuty.title,
      done: { doneOn: '2025-10-20', recordedBy: expect.any(String), recordedAt: NOW.toISOString(), note: 'Sent to the council' },
      overdue: false,
    });
    const overdue = page.duties.filter((x) => x.done === null && x.dueOn < '2026-11-30' && x.key !== 'end');
    expect(overdue.length).toBeGreaterThan(0);
    expect(page.duties.filter((x) => x.overdue)).toEqual(overdue);
    expect(page.overdueCount).toBe(overdue.length);
    const next = page.duties.find((x) => x.done === null && x.dueOn >= '2026-11-30')!;
    expect(page.nextDuty).toEqual({ key: next.key, dueOn: next.dueOn, title: next.title });
  });

  it('reads only the current organisation’s contract, and its directors’ interests only', async () => {
    const t = await open(cleanups);
    const leeds = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
    const own = await once<ContractDetail>(t, 'contracts.create', contractInput(leeds.id));
    const home = (await ok<Organisation>(t, 'organisation.get', {})).id;

    const other = await ok<Organisation>(t, 'group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321' } }));
    await ok(t, 'group.switch', { organisationId: other.id });
    const theirs = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
    const dana = await director(t, 'Dana', 'Bravo');
    expectOk(await t.core.dispatch('interests.declare', { officerId: dana.id, category: 'employment', nature: 'Works for the council', relatedOrganisation: 'Leeds City Council', declaredOn: '2025-01-01' }));
    const theirContract = await once<ContractDetail>(t, 'contracts.create', contractInput(theirs.id));
    expect(theirContract.conflicted.map((x) => x.name)).toEqual(['Dana Bravo']);

    await ok(t, 'group.switch', { organisationId: home });
    const page = await ok<ContractDetail>(t, 'contracts.get', { id: own.id });
    expect(page.conflicted).toEqual([]);
    const refused = await t.core.dispatch('contracts.get', { id: theirContract.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
