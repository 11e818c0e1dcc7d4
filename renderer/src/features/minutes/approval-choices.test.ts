import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../../shared/contract/decisions';
import { approvalChoices } from './approval-choices';

const d = (id: string, meetingId: string | null, text: string, decidedOn: string): Decision => ({
  id,
  meetingId,
  meetingTitle: 'Board meeting',
  meetingKind: 'board',
  agendaItemId: null,
  itemNumber: '2',
  resolutionId: null,
  writtenResolutionId: meetingId ? null : 'wr',
  kind: 'board',
  text,
  proposer: null,
  seconder: null,
  method: 'board_vote',
  votesFor: 3,
  votesAgainst: 0,
  votesAbstain: 0,
  votes: [],
  outcome: 'carried',
  outcomeMessage: 'Carried',
  recordedNotQuorate: false,
  relatedOrganisation: null,
  counterpartyId: null,
  decidedOn,
  sealed: false,
});

describe('approvalChoices', () => {
  it('leaves out the meeting’s own decisions and written resolutions', () => {
    const out = approvalChoices([d('1', 'm1', 'Approve the budget', '2026-10-01'), d('2', null, 'Written', '2026-10-02'), d('3', 'm2', 'Approve the budget', '2026-11-01')], 'm1');
    expect(out.map((x) => x.id)).toEqual(['3']);
  });
  it('puts the decisions about minutes first, then the newest', () => {
    const out = approvalChoices(
      [d('a', 'm2', 'Approve the budget', '2026-11-20'), d('b', 'm2', 'The minutes of the meeting of 1 October were approved', '2026-11-01'), d('c', 'm3', 'Hire an auditor', '2026-11-25')],
      'm1',
    );
    expect(out.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
