import { useState } from 'react';
import { Link } from 'react-router';
import type { MembershipClass } from '../../../../shared/contract/classes';
import type { MemberDetail } from '../../../../shared/contract/members';
import { LEDGER_KIND_LABEL, type LedgerEntry } from '../../../../shared/contract/shares';
import { formatPence } from '../../../../shared/rules/shareholding';
import { useApiQuery } from '../../api/queries';
import { FormDialog } from '../../ui/FormDialog';
import { AllotForm, CapitalReturnForm, TransferForm, WithdrawForm } from './ShareForms';
import { useLegalForm } from '../../lib/useLegalForm';
import { formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

type Action = 'allot' | 'transfer' | 'withdraw' | 'redeem' | 'purchase' | null;

/**
 * The member's share ledger, oldest first, with the holding it adds up to, and the share actions
 * the legal form allows: a society's withdrawable shares are withdrawn; a company's are redeemed
 * (if issued as redeemable, CA 2006 s684-s689) or bought back (s690-s708), never withdrawn.
 */
export function ShareLedger({ member, cls }: { member: MemberDetail; cls: MembershipClass | undefined }) {
  const ledger = useApiQuery('shares.ledger', { memberId: member.id });
  const form = useLegalForm();
  const company = form?.family === 'company';
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
            {terms?.withdrawable && !company ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('withdraw')} disabled={holder.sharesHeld === 0}>
                Withdraw shares
              </button>
            ) : null}
            {company && terms?.redeemable ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('redeem')} disabled={holder.sharesHeld === 0}>
                Redeem shares
              </button>
            ) : null}
            {company ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setAction('purchase')} disabled={holder.sharesHeld === 0}>
                Buy back shares
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
              {company
                ? `Shares of the ${cls?.name} class are ${terms.transferable ? 'transferable' : 'not transferable'}${terms.redeemable ? ', and were issued as redeemable (CA 2006 s684)' : ''}${terms.numbered ? '; each has a number (s113(3))' : ''}. A company’s shares are never withdrawn: capital goes back to a member only by redemption or by the company buying them back (CA 2006 Part 18)`
                : `Shares of the ${cls?.name} class are ${terms.withdrawable ? 'withdrawable' : 'not withdrawable'} and ${terms.transferable ? 'transferable' : 'not transferable'}${terms.numbered ? '; each has a number' : ''}`}
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
          <FormDialog open={action === 'redeem'} title={`Redeem shares of member ${member.memberNumber}`} onClose={close} wide>
            <CapitalReturnForm kind="redemption" holder={holder} onClose={close} />
          </FormDialog>
          <FormDialog open={action === 'purchase'} title={`The company buys back shares of member ${member.memberNumber}`} onClose={close} wide>
            <CapitalReturnForm kind="purchase" holder={holder} onClose={close} />
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
        {e.resolutionReference ? <div className="muted small">Resolution: {e.resolutionReference}</div> : null}
        {e.boardReference ? <div className="muted small">{e.boardReference}</div> : null}
        {e.shareNumbers ? <div className="muted small">Numbers {e.shareNumbers}</div> : null}
        {e.recordedAs ? (
          <div className="muted small">
            Recorded as a {LEDGER_KIND_LABEL[e.recordedAs].toLowerCase()} before the 2026 upgrade: a company’s shares cannot be withdrawn, so it is shown as what the law allows. Check it was authorised (CA 2006 s694) and reported (s707).
          </div>
        ) : null}
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
        <div className="muted small">
          {e.kind === 'withdrawal' ? 'repaid' : e.kind === 'redemption' || e.kind === 'purchase' ? 'paid to the member' : e.kind === 'allotment' ? 'paid' : e.kind === 'cancellation' ? '' : 'paid up'}
        </div>
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
