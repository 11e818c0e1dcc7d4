import { useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { legalDate } from '../../../../shared/contract/fields';
import { WRITTEN_RESOLUTION_STATUS_LABEL, type WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { formFamily } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, formatShortDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { DateField } from '../../ui/DateInput';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { PageHeader } from '../../ui/PageHeader';
import { StationPanel } from '../ballots/station/StationPanel';
import { ProgressBar } from '../../ui/ProgressBar';
import { useToast } from '../../ui/Toasts';
import { agreementWords, codesApply } from './agreement';
import { statusBadge } from './status';
import '../officers/officers.css';
import './written-resolutions.css';

type Signatory = WrittenResolution['signatories'][number];

/** One written resolution: its text, those eligible and who has agreed, and the result on the base the law sets. */
export function WrittenResolutionPage() {
  const { id = '' } = useParams();
  // While members may still agree, the page reads the resolution every few seconds, so an agreement
  // given from a phone on the voting station, or at the laptop, shows here without a reload.
  const wr = useApiQuery('writtenResolutions.get', { id }, { refetchInterval: (q) => (q.state.data?.status === 'circulating' && q.state.data.body === 'members' ? 3000 : false) });
  const org = useApiQuery('organisation.get', {});
  const [agreeing, setAgreeing] = useState<Signatory | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const closeAgree = useCallback(() => setAgreeing(null), []);
  const queryClient = useQueryClient();
  const toast = useToast();
  if (wr.error) {
    return (
      <div className="page page-narrow">
        <p className="board-back">
          <Link to="/written-resolutions">Written resolutions</Link>
        </p>
        <PageHeader title="Written resolution" />
        <Banner tone="error" title="This written resolution could not be read">
          <p>{wr.error.message}</p>
        </Banner>
      </div>
    );
  }
  const r = wr.data;
  if (!r) return <p role="status">Loading…</p>;
  const members = r.body === 'members';
  const withCodes = org.data ? codesApply(r, formFamily(org.data.legalForm)) : false;
  const withdraw = async () => {
    setWithdrawing(false);
    const result = await call('writtenResolutions.withdraw', { id: r.id });
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast('Written resolution withdrawn.');
  };
  const columns: ColumnDef<Signatory>[] = [
    { id: 'name', header: members ? 'Eligible member' : 'Eligible director', meta: { rowHeader: true }, cell: ({ row: { original: s } }) => s.name },
    ...(members ? [{ id: 'votes', header: 'Votes', meta: { numeric: true }, cell: ({ row: { original: s } }) => s.votes.toLocaleString('en-GB') } satisfies ColumnDef<Signatory>] : []),
    {
      id: 'agreed',
      header: 'Agreement',
      cell: ({ row: { original: s } }) =>
        s.agreedOn ? (
          <span>
            <span aria-hidden="true">✓ </span>
            {agreementWords(s)}
          </span>
        ) : r.status === 'circulating' ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setAgreeing(s)}>
            Record agreement<span className="visually-hidden">: {s.name}</span>
          </button>
        ) : (
          <span className="muted">No agreement received</span>
        ),
    },
  ];
  const agreed = r.signatories.filter((s) => s.agreedOn).length;
  return (
    <div className="page">
      <p className="board-back">
        <Link to="/written-resolutions">Written resolutions</Link>
      </p>
      <PageHeader
        title={members ? `Members’ written resolution (${r.kind === 'special' ? 'special' : 'ordinary'})` : 'Board written resolution'}
        lede={
          <>
            {statusBadge(r.status, WRITTEN_RESOLUTION_STATUS_LABEL[r.status])} Circulated on {formatLegalDate(r.circulatedOn)}
            {r.lapsesAfter && r.status === 'circulating' ? `; lapses if not passed by the end of ${formatLegalDate(r.lapsesAfter)}` : ''}
            {r.lapsesAfter && r.status === 'lapsed' ? `; lapsed at the end of ${formatLegalDate(r.lapsesAfter)}` : ''}
            {r.decidedOn && r.status !== 'lapsed' ? `; ${r.status} on ${formatLegalDate(r.decidedOn)}` : ''}.
          </>
        }
      />
      {problem ? (
        <Banner tone="error" title="Not withdrawn">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <section className="card" aria-labelledby="wr-text-h">
        <h2 id="wr-text-h">The resolution</h2>
        <p className="wr-text">{r.text}</p>
        {r.relatedOrganisation ? (
          <p>
            Related organisation: <strong>{r.relatedOrganisation}</strong>
          </p>
        ) : null}
        <h3>{r.status === 'circulating' ? 'The result so far' : 'The result'}</h3>
        <div aria-live="polite">
          <Banner tone={r.status === 'passed' ? 'success' : r.status === 'circulating' ? 'info' : 'warning'}>
            <p className="wr-result">{r.message}</p>
          </Banner>
        </div>
        {r.totalVotes > 0 ? (
          <div className="wr-meter">
            <ProgressBar done={r.votesAgreed} total={r.totalVotes} label={members ? `Votes agreed, of the total voting rights of eligible members` : 'Directors agreed, of those eligible'} />
          </div>
        ) : null}
        {r.decisionId ? (
          <p>
            It is in the <Link to="/decisions">decisions register</Link>.
          </p>
        ) : null}
        {r.status === 'circulating' && withCodes ? (
          <>
            <h3>Agreement by code</h3>
            <p>
              Members can agree with a one-time code: at this laptop, or from their phone while the voting station runs at a meeting (an
              authenticated document in electronic form, CA 2006 s296(2), s1146(3)). {r.codesIssued.toLocaleString('en-GB')} of{' '}
              {r.eligible.toLocaleString('en-GB')} eligible members have a code.
            </p>
            <div className="wr-actions">
              <Link className="btn btn-secondary" to={`/written-resolutions/${r.id}/codes`}>
                Issue agreement codes
              </Link>
              {r.codesIssued > 0 ? (
                <Link className="btn btn-secondary" to={`/written-resolutions/${r.id}/agree`}>
                  Agree at this laptop
                </Link>
              ) : null}
            </div>
          </>
        ) : null}
        {r.status === 'circulating' ? (
          <div className="wr-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setWithdrawing(true)}>
              Withdraw the resolution
            </button>
          </div>
        ) : null}
      </section>
      {r.status === 'circulating' && withCodes ? <StationPanel writtenResolutionId={r.id} projectorPath={`/written-resolutions/${r.id}/station`} /> : null}
      <section className="card board-table-card" aria-labelledby="wr-eligible-h">
        <h2 id="wr-eligible-h">
          {members ? 'Members eligible on the circulation date' : 'Directors eligible'} ({agreed} of {r.signatories.length} agreed)
        </h2>
        <p className="muted">
          {members
            ? 'Fixed on the circulation date: the members entitled to vote then (CA 2006 s289). The result counts their total voting rights, not only those who reply.'
            : 'Every eligible director must agree; a director with an interest in the matter is not eligible (Model Articles art 8).'}
        </p>
        <DataTable data={r.signatories} columns={columns} caption={members ? 'Eligible members and their agreement' : 'Eligible directors and their agreement'} rowKey={(s) => s.id} />
      </section>
      <AgreementDialog resolution={r} signatory={agreeing} onClose={closeAgree} />
      {withdrawing ? (
        <ConfirmDialog open title="Withdraw this written resolution?" confirmLabel="Withdraw it" tone="danger" onConfirm={() => void withdraw()} onCancel={() => setWithdrawing(false)}>
          <p>It stops circulating and cannot then pass. Agreements already received are kept with it.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

const agreeSchema = z.object({ agreedOn: legalDate('the date agreement was received') });

function AgreementDialog({ resolution, signatory, onClose }: { resolution: WrittenResolution; signatory: Signatory | null; onClose: () => void }) {
  return (
    <FormDialog
      open={signatory !== null}
      title="Record agreement"
      onClose={onClose}
      description={signatory ? `${signatory.name} signified agreement${resolution.body === 'members' ? ` (${signatory.votes.toLocaleString('en-GB')} votes)` : ''}. Once given, agreement cannot be revoked (CA 2006 s296(3)).` : undefined}
    >
      {signatory ? <AgreementForm resolution={resolution} signatory={signatory} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function AgreementForm({ resolution, signatory, onClose }: { resolution: WrittenResolution; signatory: Signatory; onClose: () => void }) {
  const { control, handleSubmit, setError, formState } = useForm<{ agreedOn: string }>({
    resolver: withDateChecks(zodResolver(agreeSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { agreedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['agreedOn']);
  const onValid = async (v: { agreedOn: string }) => {
    outcome.clear();
    const result = await call('writtenResolutions.recordAgreement', { id: resolution.id, signatoryId: signatory.id, agreedOn: v.agreedOn });
    await outcome.settle(result, (r) => `Agreement of ${signatory.name} recorded. ${r.message}`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record agreement">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <DateField
        id="agreedOn"
        label="Date the agreement was received"
        hint={resolution.lapsesAfter ? `It must be received by ${formatShortDate(resolution.lapsesAfter)}.` : undefined}
        error={errorAt(formState.errors, 'agreedOn')}
        control={control}
        name="agreedOn"
      />
      <DialogButtons submitLabel="Record agreement" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
