import { useCallback, useState } from 'react';
import { PSC_NATURE_LABEL, PSC_STATEMENT_TEXT, type Psc } from '../../../../shared/contract/psc';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toasts';
import { useQueryClient } from '@tanstack/react-query';
import { formatAddress } from '../../lib/people';
import { AddPscDialog, CeasePscDialog, EOT_TRUSTEE_PREFILL, StatementDialog, WithdrawStatementDialog, type PscPrefill, type StatementAvailability } from './PscDialogs';
import '../officers/officers.css';
import './psc.css';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';

type Statement = { id: string; statement: string; text: string; madeOn: string; withdrawnOn: string | null };

const TITLE = 'People with significant control';

/**
 * The company's PSC record (CA 2006 Part 21A): people, statements and what is missing. Since 18
 * November 2025 a company keeps no PSC register of its own and notifies Companies House within
 * 14 days (s790LA); each change here adds that filing. Companies only.
 */
export function PscPage() {
  const register = useApiQuery('psc.register', {});
  const org = useApiQuery('organisation.get', {});
  if (register.error) {
    return (
      <div className="page">
        <PageHeader title={TITLE} />
        <Banner tone="error" title="The PSC record could not be opened">
          <p>{register.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!register.data || !org.data) return <p role="status">Loading…</p>;
  if (!register.data.applicable) {
    return (
      <div className="page page-narrow">
        <PageHeader title={TITLE} />
        <Banner tone="info" title="Does not apply to a society">
          <p>{register.data.reason}</p>
        </Banner>
      </div>
    );
  }
  return <PscRecord data={register.data} hasShares={LEGAL_FORM_INFO[org.data.legalForm].hasShares} />;
}

function PscRecord({ data, hasShares }: { data: { people: Psc[]; statements: Statement[]; warnings: string[]; statementsAvailable: StatementAvailability[] }; hasShares: boolean }) {
  const [adding, setAdding] = useState<PscPrefill | null>(null);
  const [stating, setStating] = useState(false);
  const [ceasing, setCeasing] = useState<Psc | null>(null);
  const [withdrawing, setWithdrawing] = useState<Statement | null>(null);
  const [confirmNone, setConfirmNone] = useState(false);
  const [noneError, setNoneError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const closeAdd = useCallback(() => setAdding(null), []);
  const closeStating = useCallback(() => setStating(false), []);
  const closeCease = useCallback(() => setCeasing(null), []);
  const closeWithdraw = useCallback(() => setWithdrawing(null), []);
  const cancelNone = useCallback(() => setConfirmNone(false), []);
  const empty = data.people.length === 0 && data.statements.length === 0;
  // A company owned through an employee ownership trust always has a registrable trustee (shared/rules/psc.ts).
  const noneWithheld = data.statementsAvailable.find((a) => a.statement === 'no_registrable_person' && !a.available);
  const today = todayUk();

  const recordNone = async () => {
    setConfirmNone(false);
    setNoneError(null);
    const result = await call('psc.addStatement', { statement: 'no_registrable_person', madeOn: today });
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast('Statement recorded: the company has no registrable person.');
    } else {
      setNoneError(result.error.message);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title={TITLE}
        lede="The company’s PSC record (CA 2006 Part 21A): anyone who holds more than 25% of the shares or votes, can appoint or remove a majority of the board, or otherwise has significant influence or control over the company. Since 18 November 2025 a company keeps no PSC register of its own: it tells Companies House within 14 days of confirming each change (s790LA), and the app lists the form each change needs."
      />
      {noneError ? (
        <Banner tone="error" title="The statement was not recorded">
          <p>{noneError}</p>
        </Banner>
      ) : null}
      {data.warnings.map((w) => (
        <Banner key={w} tone="warning" title="The PSC record needs attention">
          <p>{w}</p>
        </Banner>
      ))}

      {empty && noneWithheld ? (
        <section className="card psc-empty" aria-labelledby="psc-empty-h">
          <h2 id="psc-empty-h">Nothing entered yet</h2>
          <p>{noneWithheld.reason}</p>
          <div className="psc-empty-actions">
            <button type="button" className="btn btn-primary" onClick={() => setAdding(EOT_TRUSTEE_PREFILL)}>
              Enter the trust’s trustee
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAdding({})}>
              Add a person with significant control
            </button>
            <button type="button" className="btn btn-link" onClick={() => setStating(true)}>
              Record a different statement
            </button>
          </div>
        </section>
      ) : null}

      {empty && !noneWithheld ? (
        <section className="card psc-empty" aria-labelledby="psc-empty-h">
          <h2 id="psc-empty-h">Nothing entered yet</h2>
          <p>
            Most employee-owned mutuals have no person with significant control: ownership is spread across many members, and none holds more than
            25% of the votes or can appoint most of the board. The company then says so in a statement, which Companies House is given (form PSC08).
          </p>
          <div className="psc-empty-actions">
            <button type="button" className="btn btn-primary" onClick={() => setConfirmNone(true)}>
              Record the statement that there is no registrable person
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAdding({})}>
              Add a person with significant control
            </button>
            <button type="button" className="btn btn-link" onClick={() => setStating(true)}>
              Record a different statement
            </button>
          </div>
        </section>
      ) : null}

      {!empty ? (
        <section className="card" aria-labelledby="psc-statements-h">
          <header>
            <h2 id="psc-statements-h">Statements</h2>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setStating(true)}>
              Record a statement
            </button>
          </header>
          {data.statements.length === 0 ? <p className="muted">No statement. The PSC record needs one only when it names no person with significant control, or not all of them.</p> : null}
          <ul className="psc-statements">
            {data.statements.map((s) => (
              <li key={s.id} className={s.withdrawnOn ? 'is-withdrawn' : undefined}>
                <blockquote>{s.text}</blockquote>
                <p className="psc-statement-meta">
                  <span>Made {formatLegalDate(s.madeOn)}</span>
                  {s.withdrawnOn ? <span className="badge">Withdrawn {formatLegalDate(s.withdrawnOn)}</span> : <span className="badge badge-success">Current</span>}
                  {s.withdrawnOn ? null : (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setWithdrawing(s)}>
                      Withdraw<span className="visually-hidden"> the statement made {formatLegalDate(s.madeOn)}</span>
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!empty ? (
        <section className="card" aria-labelledby="psc-people-h">
          <header>
            <h2 id="psc-people-h">People and entities with significant control</h2>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAdding({})}>
              Add a person with significant control
            </button>
          </header>
          <DataTable
            data={data.people}
            caption="People with significant control"
            rowKey={(p) => p.id}
            className="board-table"
            empty={<p className="muted">Nobody is entered.</p>}
            columns={[
              {
                id: 'name',
                header: 'Name',
                cell: ({ row: { original: p } }) => (
                  <>
                    <span className="board-name">{p.name}</span>
                    <span className="board-sub">
                      {p.kind === 'individual' ? `Individual · ${p.nationality ?? ''}` : `${p.legalForm ?? 'Legal entity'} · ${p.governingLaw ?? ''}`}
                    </span>
                    <span className="board-sub">{formatAddress(p.serviceAddress)}</span>
                  </>
                ),
              },
              {
                id: 'natures',
                header: 'Nature of control',
                cell: ({ row: { original: p } }) => (
                  <ul className="board-stack">
                    {p.natures.map((n) => (
                      <li key={n}>{PSC_NATURE_LABEL[n]}</li>
                    ))}
                  </ul>
                ),
              },
              { id: 'from', header: 'Registrable from', meta: { nowrap: true }, cell: ({ row: { original: p } }) => formatLegalDate(p.becameRegistrableOn) },
              {
                id: 'ceased',
                header: 'Ceased',
                meta: { nowrap: true },
                cell: ({ row: { original: p } }) => (p.ceasedOn ? formatLegalDate(p.ceasedOn) : <span className="badge badge-success">Current</span>),
              },
              {
                id: 'actions',
                header: 'Actions',
                meta: { headerHidden: true, className: 'board-row-action' },
                cell: ({ row: { original: p } }) =>
                  p.ceasedOn ? null : (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setCeasing(p)}>
                      Control ended<span className="visually-hidden"> for {p.name}</span>
                    </button>
                  ),
              },
            ]}
          />
        </section>
      ) : null}

      <ConfirmDialog open={confirmNone} title="Record that there is no registrable person?" confirmLabel="Record the statement" onConfirm={recordNone} onCancel={cancelNone}>
        <p>The PSC record will carry this statement from today, {formatLegalDate(today)}, and Companies House must be given it (form PSC08):</p>
        <blockquote className="psc-quote">{PSC_STATEMENT_TEXT.no_registrable_person}</blockquote>
        <p className="muted">
          Make it once the company has taken reasonable steps to find out (CA 2006 s790CB) and knows of no one, and no legal entity, with significant
          control. If that changes, withdraw it and enter the person.
        </p>
      </ConfirmDialog>
      <AddPscDialog open={adding !== null} onClose={closeAdd} hasShares={hasShares} prefill={adding ?? undefined} />
      <StatementDialog open={stating} onClose={closeStating} availability={data.statementsAvailable} />
      <CeasePscDialog psc={ceasing} onClose={closeCease} />
      <WithdrawStatementDialog statement={withdrawing} onClose={closeWithdraw} />
    </div>
  );
}
