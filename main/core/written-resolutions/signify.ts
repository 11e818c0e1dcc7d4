import { AGREEMENT_CHANNEL_LABEL, type AgreementChannel } from '../../../shared/contract/written-resolutions';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RecordRef } from '../audit/state';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import type { DecisionRow } from '../meetings/tables';
import { auditView, passedOn, statusOn, type Ctx, type SignatoryRow, type WrRow } from './view';

/**
 * Agreement codes are the Companies Act procedure for a private company's members: a member
 * signifies agreement by an authenticated document in electronic form (CA 2006 s296(1)-(2)), the
 * code confirming who sent it in the manner the company specifies (s1146(3)(a)). A board's written
 * resolution is each eligible director's agreement in writing, recorded by the secretary (Model
 * Articles art 8); a society's registered rules decide whether and how its members agree in writing
 * (the CCBS Act 2014 has no procedure); a public company's members cannot resolve in writing at all
 * (s281(2), s288(1)), and every company the app keeps is private.
 */
export function refuseUnlessCodesApply(r: WrRow, ctx: Ctx): void {
  if (r.body === 'board') {
    throw new AppError(
      'CONFLICT',
      "Agreement codes are for members' written resolutions. A board written resolution is agreed by each eligible director in writing, which the secretary records (Model Articles art 8).",
    );
  }
  if (ctx.family !== 'company') {
    throw new AppError(
      'CONFLICT',
      "Agreement codes follow the Companies Act procedure for a private company's members (CA 2006 s288-s300, s296). The CCBS Act 2014 has no written-resolution procedure: your registered rules decide whether and how members agree in writing, so record each agreement received under them.",
    );
  }
}

/** Refuses agreement, and codes, once the resolution has passed, been withdrawn or lapsed (s297). */
export function refuseUnlessOpenForAgreement(r: WrRow, today: string): void {
  const status = statusOn(r, today);
  if (status === 'passed') {
    throw new AppError('CONFLICT', `This written resolution has already passed, on ${formatLegalDate(r.decided_on!)}: members holding the required majority had agreed (CA 2006 s296(4)). No further agreement is needed.`);
  }
  if (status === 'withdrawn') throw new AppError('CONFLICT', 'This written resolution was withdrawn, so it can no longer be agreed to.');
  if (status === 'lapsed') {
    throw new AppError(
      'CONFLICT',
      `This written resolution lapsed at the end of ${formatLegalDate(r.lapses_after!)}, the last day of the period for agreeing to it; agreement signified after that is ineffective (CA 2006 s297(1)-(2)).`,
    );
  }
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** "at 10:32 on 1 December 2026" for an instant, or "received on 1 December 2026" for a date alone. */
function whenWords(agreed: { on: string; at: string | null }): string {
  return agreed.at ? `at ${UK_TIME.format(new Date(agreed.at))} on ${formatLegalDate(agreed.on)}` : `received on ${formatLegalDate(agreed.on)}`;
}

/**
 * Records one signatory's agreement (the secretary's record of a document received, or a member's
 * code at the kiosk or from a phone) and, in the same event, the resolution's passing the moment
 * the agreements reach the required majority of the total voting rights of eligible members
 * (s296(4), s282(2), s283(2)), with its decision; or the lapse, where an agreement dated in time
 * but entered after the period did not make it pass. One audit event either way, naming the member
 * and how they agreed (agreement is not secret), never a code.
 */
export async function signify(
  tx: WriteContext,
  rc: RegisterCtx,
  ctx: Ctx,
  r: WrRow,
  signatories: readonly SignatoryRow[],
  s: SignatoryRow,
  agreed: { on: string; at: string | null; via: AgreementChannel },
): Promise<{ passed: string | null }> {
  await tx.db.updateTable('written_resolution_signatory').set({ agreed_on: agreed.on, agreed_at: agreed.at, agreed_via: agreed.via, updated_at: tx.who.at }).where('id', '=', s.id).execute();
  const after = signatories.map((x) => (x.id === s.id ? { ...x, agreed_on: agreed.on, agreed_at: agreed.at, agreed_via: agreed.via } : x));
  const passed = passedOn(r, after, ctx, rc.today);
  const refs: RecordRef[] = [{ type: 'written_resolution_signatory', id: s.id }];
  const byCode = agreed.via !== 'secretary';
  const how = byCode ? `${s.name} agreed ${AGREEMENT_CHANNEL_LABEL[agreed.via]} with their agreement code ${whenWords(agreed)}` : null;
  const agreement = { signatoryId: s.id, name: s.name, agreedOn: agreed.on, ...(agreed.at ? { agreedAt: agreed.at } : {}), via: agreed.via };
  if (passed) {
    // Passed: the decision is written in the same transaction, so the register shows it at once.
    const votesFor = after.filter((x) => x.agreed_on !== null).reduce((n, x) => n + x.votes, 0);
    const decision: DecisionRow = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      meeting_id: null,
      agenda_item_id: null,
      resolution_id: null,
      written_resolution_id: r.id,
      kind: r.body === 'board' ? 'board' : (r.kind ?? 'ordinary'),
      text: r.text,
      proposer: null,
      seconder: null,
      method: 'written',
      votes_named: 0,
      votes_for: votesFor,
      votes_against: 0,
      votes_abstain: 0,
      outcome: 'passed',
      recorded_not_quorate: 0,
      related_organisation: r.related_organisation,
      counterparty_id: null,
      decided_on: passed,
      created_at: tx.who.at,
      updated_at: tx.who.at,
    };
    await tx.db.insertInto('decision').values(decision).execute();
    await tx.db.updateTable('written_resolution').set({ status: 'passed', decided_on: passed, updated_at: tx.who.at }).where('id', '=', r.id).execute();
    tx.audit({
      action: 'written_resolution.passed',
      entityType: 'written_resolution',
      entityId: r.id,
      summary: how
        ? `Written resolution circulated on ${formatLegalDate(r.circulated_on)} passed on ${formatLegalDate(passed)} when ${how}, reaching the required majority (CA 2006 s296(4))`
        : `Written resolution circulated on ${formatLegalDate(r.circulated_on)} passed on ${formatLegalDate(passed)} with the agreement received on ${formatLegalDate(agreed.on)}`,
      before: auditView(r),
      after: { ...auditView({ ...r, status: 'passed', decided_on: passed }), agreed: agreement, decisionId: decision.id },
      records: [{ type: 'written_resolution', id: r.id }, ...refs, { type: 'decision', id: decision.id }],
    });
  } else if (statusOn(r, rc.today) === 'lapsed') {
    // An agreement dated within the period, entered after it ended, that did not make it pass:
    // the lapse is stored now, in this one event. (A code is refused once lapsed, so only the secretary's record comes here.)
    await tx.db.updateTable('written_resolution').set({ status: 'lapsed', updated_at: tx.who.at }).where('id', '=', r.id).execute();
    tx.audit({
      action: 'written_resolution.agreed',
      entityType: 'written_resolution',
      entityId: r.id,
      summary: `Agreement received on ${formatLegalDate(agreed.on)} recorded; the resolution lapsed at the end of ${formatLegalDate(r.lapses_after!)} without passing`,
      before: auditView(r),
      after: { ...auditView({ ...r, status: 'lapsed' }), agreed: agreement },
      records: [{ type: 'written_resolution', id: r.id }, ...refs],
    });
  } else {
    tx.audit({
      action: 'written_resolution.agreed',
      entityType: 'written_resolution',
      entityId: r.id,
      summary: how
        ? `${s.name} agreed to the written resolution circulated on ${formatLegalDate(r.circulated_on)} ${AGREEMENT_CHANNEL_LABEL[agreed.via]}, with their agreement code, ${whenWords(agreed)}`
        : `Agreement to the written resolution circulated on ${formatLegalDate(r.circulated_on)} received on ${formatLegalDate(agreed.on)}`,
      before: null,
      after: agreement,
      records: refs,
    });
  }
  return { passed };
}
