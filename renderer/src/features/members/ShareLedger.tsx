import { useState } from 'react';
import { Link } from 'react-router';
import type { MembershipClass } from '../../../../shared/contract/classes';
import type { MemberDetail } from '../../../../shared/contract/members';
import { LEDGER_KIND_LABEL, type LedgerEntry } from '../../../../shared/contract/shares';
import { formatPence } from '../../../../shared/rules/shareholding';
import { useApiQuery } from '../../api/queries';
import { FormDialog } from '../../ui/FormDialog';
import { AllotForm, TransferForm, WithdrawForm } from './ShareForms';
import { formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

type Action = 'allot' | 'transfer' | 'withdraw' | null;

/** The member's share ledger, oldest first, with the holding it adds up to, and the share actions. */
export function ShareLedger({ member, cls }: { member: MemberDetail; cls: MembershipClass | undefined }) {
  const ledger = useApiQuery('shares.ledger', { memberId: member.id });
  const [action, setAction] = useState<Action>(null);
  const close = () => setAction(null);
  const terms = cls?.shareTerms ?? null;
  const current = member.status === 'current';
  const holder = terms && ledger.data ? { id: member.id, memberNumber: member.memberNumber, sharesHeld: ledger.data.sharesHeld, nominalPence: terms.nominalPence } : null;

  return (
    <section className="card" aria-labelledby="ledger-h">
      <header>
        <h2 id="ledger-h">Shares</h2>
        {current && holder ? (
          <div className="section-actions">
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('allot')}>
              Allot shares
            </button>
            {terms?.transferable ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('transfer')} disabled={holder.sharesHeld === 0}>
                Transfer shares
              </button>
            ) : null}
            {terms?.withdrawable ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('withdraw')} disabled={holder.sharesHeld === 0}>
                Withdraw shares
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      {ledger.error ? <p className="muted">{ledger.error.message}</p> : null}
      {ledger.data ? (
        <>
          <div className="holding">
            <div>
              <span className="figure" data-testid="shares-held">
                {ledger.data.sharesHeld.toLocaleString('en-GB')}
              </span>
              <span className="figure-label">shares held</span>
            </div>
            <div>
              <span className="figure">{formatPence(ledger.data.paidPence)}</span>
              <span className="figure-label">paid up</span>
            </div>
            {terms ? (
              <div>
                <span className="figure">{formatPence(terms.nominalPence)}</span>
                <span className="figure-label">nominal value each</span>
              </div>
            ) : null}
          </div>
          {terms && current ? (
            <p className="muted">
              Shares of the {cls?.name} class are {terms.withdrawable ? 'withdrawable' : 'not withdrawable'} and {terms.transferable ? 'transferable' : 'not transferable'}
              {terms.maxHolding !== null ? `; a member may hold at most ${terms.maxHolding.toLocaleString('en-GB')}` : ''}.
            </p>
          ) : null}
          {ledger.data.entries.length === 0 ? (
            <p className="muted">No shares have been allotted to this member.</p>
          ) : (
            <LedgerTable entries={ledger.data.entries} />
          )}
        </>
      ) : null}
      {holder ? (
        <>
          <FormDialog open={action === 'allot'} title={`Allot shares to member ${member.memberNumber}`} onClose={close}>
            <AllotForm holder={holder} onClose={close} />
          </FormDialog>
          <FormDialog open={action === 'transfer'} title={`Transfer shares from member ${member.memberNumber}`} onClose={close}>
            <TransferForm holder={holder} onClose={close} />
          </FormDialog>
          <FormDialog open={action === 'withdraw'} title={`Withdraw shares of member ${member.memberNumber}`} onClose={close} wide>
            <WithdrawForm holder={holder} onClose={close} />
          </FormDialog>
        </>
      ) : null}
    </section>
  );
}

const LEDGER_COLUMNS: ColumnDef<LedgerEntry>[] = [
  { id: 'date', header: 'Date', meta: { nowrap: true }, cell: ({ row: { original: e } }) => formatLegalDate(e.date) },
  {
    id: 'entry',
    header: 'Entry',
    cell: ({ row: { original: e } }) => (
      <>
        {LEDGER_KIND_LABEL[e.kind]}
        {e.boardReference ? <div className="muted small">{e.boardReference}</div> : null}
      </>
    ),
  },
  {
    id: 'shares',
    header: 'Shares',
    meta: { numeric: true },
    cell: ({ row: { original: e } }) =>
      e.shares > 0 ? `+${e.shares.toLocaleString('en-GB')}` : <span className="negative">−{(-e.shares).toLocaleString('en-GB')}</span>,
  },
  {
    id: 'amount',
    header: 'Amount',
    meta: { numeric: true },
    cell: ({ row: { original: e } }) => (
      <>
        {formatPence(e.amountPence)}
        <div className="muted small">{e.kind === 'withdrawal' ? 'repaid' : e.kind === 'allotment' ? 'paid' : 'paid up'}</div>
      </>
    ),
  },
  {
    id: 'counterparty',
    header: 'Other member',
    cell: ({ row: { original: e } }) =>
      e.counterparty ? (
        <Link to={`/register/members/${e.counterparty.id}`}>
          {e.counterparty.name} ({e.counterparty.memberNumber})
        </Link>
      ) : (
        <span className="muted">–</span>
      ),
  },
  {
    id: 'notice',
    header: 'Notice and payment',
    cell: ({ row: { original: e } }) => (
      <>
        {e.noticeDate ? <div>Notice {formatLegalDate(e.noticeDate)}</div> : null}
        {e.paymentDate ? <div>Paid {formatLegalDate(e.paymentDate)}</div> : null}
        {!e.noticeDate && !e.paymentDate ? <span className="muted">–</span> : null}
      </>
    ),
  },
  { id: 'balance', header: 'Balance', meta: { numeric: true }, cell: ({ row: { original: e } }) => <strong>{e.balanceAfter.toLocaleString('en-GB')}</strong> },
];

function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  return <DataTable data={entries} columns={LEDGER_COLUMNS} caption="Share ledger, oldest first" rowKey={(e) => e.id} className="ledger-table" />;
}
