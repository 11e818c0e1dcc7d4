import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { BALLOT_STATUS_LABEL, type Ballot } from '../../../../shared/contract/ballots';
import { requiredText } from '../../../../shared/contract/fields';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { PageHeader } from '../../ui/PageHeader';
import { ResultPanel } from './ResultPanel';
import { CloseBallotPanel, ExportPanel, OpenBallotPanel, SealedPanel, VotingPanel } from './StagePanels';
import { statusBadge } from './status';
import { awaitingSum, isThresholdSharing, STEP_LABEL, trusteeProgress, trusteeStep, type TrusteeStep } from './steps';
import { RemoteDecryptDialog } from './RemoteDecryptDialog';
import { TrusteeKeyDialog } from './TrusteeKeyDialog';
import { MinutesPanel } from './MinutesPanel';
import '../officers/officers.css';
import './ballots.css';

type Trustee = Ballot['trustees'][number];

/** One ballot: where it stands, what comes next, its questions and trustees, and each stage's screen. */
export function BallotPage() {
  const { id = '' } = useParams();
  const query = useApiQuery('ballots.get', { id });
  const [cancelling, setCancelling] = useState(false);
  const closeCancel = useCallback(() => setCancelling(false), []);
  if (query.error) {
    return (
      <div className="page page-narrow">
        <p className="board-back">
          <Link to="/ballots">Ballots</Link>
        </p>
        <PageHeader title="Ballot" />
        <Banner tone="error" title="This ballot could not be read">
          <p>{query.error.message}</p>
        </Banner>
      </div>
    );
  }
  const b = query.data;
  if (!b) return <p role="status">Loading…</p>;
  const cancellable = b.status === 'draft' || b.status === 'open' || b.status === 'closed';
  return (
    <div className="page">
      <p className="board-back">
        <Link to="/ballots">Ballots</Link>
      </p>
      <PageHeader
        title={b.title}
        lede={
          <>
            {statusBadge(b.status, BALLOT_STATUS_LABEL[b.status])} Record date {formatLegalDate(b.recordDate)}. {b.baseWords}
          </>
        }
      />
      {b.status !== 'decided' && b.status !== 'cancelled' ? (
        <Banner tone="info" title="What happens next">
          <p className="ballot-next">{b.nextStep}</p>
        </Banner>
      ) : null}
      {b.warnings.length > 0 ? (
        <Banner tone="warning" title={b.warnings.length === 1 ? 'Before you go on' : 'Before you go on, note these'}>
          <ul className="ballot-warnings">
            {b.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {b.status === 'decided' && b.result ? <ResultPanel ballot={b} result={b.result} /> : null}
      {b.status === 'decided' && b.result && b.meetingId ? <MinutesPanel ballot={b} meetingId={b.meetingId} /> : null}
      <QuestionsSection ballot={b} />
      <TrusteesSection ballot={b} />
      {b.status === 'draft' ? <OpenBallotPanel ballot={b} /> : null}
      {b.status === 'open' ? <VotingPanel ballot={b} /> : null}
      {/* One slot for open and still-summing, so a close job's progress survives the status turning to closed. */}
      {b.status === 'open' || awaitingSum(b) ? <CloseBallotPanel ballot={b} /> : null}
      {b.status === 'closed' || b.status === 'decided' ? <SealedPanel ballot={b} /> : null}
      {b.status === 'decided' ? <ExportPanel ballot={b} /> : null}
      {cancellable ? (
        <section className="card" aria-labelledby="ballot-cancel-h">
          <h2 id="ballot-cancel-h">Cancel the ballot</h2>
          <p className="muted">A cancelled ballot is never decrypted: nobody learns how anyone voted. The reason is kept in the audit log.</p>
          <button type="button" className="btn btn-secondary" onClick={() => setCancelling(true)}>
            Cancel the ballot
          </button>
        </section>
      ) : null}
      <CancelDialog ballot={b} open={cancelling} onClose={closeCancel} />
    </div>
  );
}

function QuestionsSection({ ballot }: { ballot: Ballot }) {
  return (
    <section className="card" aria-labelledby="ballot-questions-h">
      <h2 id="ballot-questions-h">Questions</h2>
      <ol className="ballot-question-list">
        {ballot.questionList.map((q) => (
          <li key={q.id}>
            <p className="ballot-question-kind">
              {q.kind === 'resolution'
                ? `${q.resolutionKind === 'special' ? 'Special' : 'Ordinary'} resolution`
                : q.kind === 'election'
                  ? `Election: each voter may choose up to ${q.max}`
                  : `Consultation (advisory): each voter may choose ${q.min === q.max ? q.max : q.min === 0 ? `up to ${q.max}` : `${q.min} to ${q.max}`}`}
            </p>
            <p className="ballot-question-text">{q.text}</p>
            {q.kind !== 'resolution' ? (
              <ul className="ballot-choices">
                {q.choices.map((c) => (
                  <li key={c.id}>
                    <strong>{c.label}</strong>
                    {c.statement ? <span className="board-sub">{c.statement}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function TrusteesSection({ ballot }: { ballot: Ballot }) {
  const [acting, setActing] = useState<{ trustee: Trustee; step: TrusteeStep } | null>(null);
  const [remote, setRemote] = useState<Trustee | null>(null);
  const close = useCallback(() => setActing(null), []);
  const closeRemote = useCallback(() => setRemote(null), []);
  const sharing = isThresholdSharing(ballot);
  return (
    <section className="card" aria-labelledby="ballot-trustees-h">
      <h2 id="ballot-trustees-h">Trustees</h2>
      <p className="muted">
        {sharing
          ? `Any ${ballot.threshold} of the ${ballot.trusteeCount} trustees can decrypt the result together. Each makes their key, then seals a share for the others, then accepts the shares sealed for them.`
          : `All ${ballot.trusteeCount} trustees must take part to decrypt the result. Each makes their key on this laptop with their own passphrase.`}{' '}
        Hand the laptop to each trustee in turn: only they should type their passphrase.
      </p>
      <table className="data ballot-trustee-table">
        <caption className="visually-hidden">Trustees and their steps</caption>
        <thead>
          <tr>
            <th scope="col">Trustee</th>
            <th scope="col">Where they are</th>
            <th scope="col">
              <span className="visually-hidden">Next step</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ballot.trustees.map((t) => {
            const step = trusteeStep(ballot, t);
            return (
              <tr key={t.position}>
                <th scope="row">
                  {t.position}. {t.name}
                  {t.role ? <span className="board-sub">{t.role}</span> : null}
                </th>
                <td>{trusteeProgress(ballot, t)}</td>
                <td className="ballot-step-cell">
                  {step ? (
                    <button
                      type="button"
                      className={`btn btn-small ${step === 'decrypt' || step === 'make_key' ? 'btn-primary' : 'btn-secondary'}`}
                      aria-label={`${STEP_LABEL[step]}: ${t.name}`}
                      onClick={() => setActing({ trustee: t, step })}
                    >
                      {STEP_LABEL[step]}
                    </button>
                  ) : null}
                  {step === 'decrypt' ? (
                    <button type="button" className="btn btn-link btn-small" aria-label={`On their own computer: ${t.name}`} onClick={() => setRemote(t)}>
                      On their own computer
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TrusteeKeyDialog ballot={ballot} trustee={acting?.trustee ?? null} step={acting?.step ?? null} onClose={close} />
      <RemoteDecryptDialog ballot={ballot} trustee={remote} onClose={closeRemote} />
    </section>
  );
}

const cancelSchema = z.object({ reason: requiredText('why the ballot is cancelled', 1000, 'many') });

function CancelDialog({ ballot, open, onClose }: { ballot: Ballot; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Cancel the ballot" onClose={onClose} description="Nothing is decrypted and no result is declared. This cannot be undone.">
      <CancelForm ballot={ballot} onClose={onClose} />
    </FormDialog>
  );
}

function CancelForm({ ballot, onClose }: { ballot: Ballot; onClose: () => void }) {
  const { register, handleSubmit, setError, formState } = useForm<{ reason: string }>({
    resolver: zodResolver(cancelSchema, undefined, { raw: true }),
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['reason']);
  const onValid = async (v: { reason: string }) => {
    outcome.clear();
    const result = await call('ballots.cancel', { id: ballot.id, reason: v.reason });
    await outcome.settle(result, (b) => `${b.title} is cancelled.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Cancel the ballot">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not cancelled" />
      <Field id="reason" label="Why the ballot is cancelled" hint="For the audit log and anyone who asks later, for example “Notice of the meeting was defective; a new ballot will be held.”" error={errorAt(formState.errors, 'reason')}>
        <textarea rows={3} {...register('reason')} />
      </Field>
      <DialogButtons submitLabel="Cancel the ballot" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
