import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { requiredText } from '../../../../shared/contract/fields';
import type { Minutes } from '../../../../shared/contract/minutes';
import { call, request } from '../../api/client';
import { downloadExport } from '../../api/download';
import { useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, formatShortDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { Facts } from './MinutesPanel';
import { MinutesComments } from './MinutesComments';
import { MinutesEditor } from './MinutesEditor';

/**
 * Signed minutes: read only. What sealed them (the chair, the date, the SHA-256 and the audit
 * event), the PDF that carries both, a check against a printed copy, and corrections, which are
 * new records referring to these (never edits).
 */
export function SealedMinutes({ minutes }: { minutes: Minutes }) {
  const labelId = useId();
  const [correcting, setCorrecting] = useState(false);
  const closeCorrecting = useCallback(() => setCorrecting(false), []);
  return (
    <>
      <Banner tone="success" title="Signed and sealed">
        <p>
          Signed by {minutes.signedBy} on {minutes.signedOn ? formatLegalDate(minutes.signedOn) : 'the date recorded'}
          {minutes.approvedOn ? `, having been approved on ${formatLegalDate(minutes.approvedOn)}${minutes.approvedInWriting ? ' by the board in writing' : ''}` : ''}. The minutes, the meeting’s decisions and its
          papers can no longer be changed. Keep them at least until {formatLegalDate(minutes.deletableFrom)} (CA 2006 s248(2), s355(2): at least ten years).
        </p>
      </Banner>
      <section className="card minutes-seal" aria-labelledby="minutes-seal-h">
        <h3 id="minutes-seal-h">The seal</h3>
        <dl className="facts">
          <dt>SHA-256 of the sealed record</dt>
          <dd>
            <code className="hash minutes-hash">{minutes.sealedSha256 ?? 'not recorded'}</code>
          </dd>
          <dt>Audit event</dt>
          <dd>{minutes.sealedEventSeq !== null ? `Number ${minutes.sealedEventSeq.toLocaleString('en-GB')} in the audit log, which chains each event to the one before` : 'not recorded'}</dd>
        </dl>
        <div className="minutes-seal-actions">
          <PdfDownload minutesId={minutes.id} />
          <button type="button" className="btn btn-secondary" onClick={() => setCorrecting(true)}>
            Record a correction
          </button>
        </div>
        <VerifyForm minutes={minutes} />
      </section>
      {minutes.correctedBy.length > 0 ? (
        <Banner tone="warning" title="Corrected later">
          <ul className="plain-list">
            {minutes.correctedBy.map((c) => (
              <li key={c.id}>
                A correction is recorded for approval at a <Link to={`/meetings/${c.meetingId}`}>later meeting</Link> ({c.status === 'signed' ? 'signed' : c.status}).
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <div className="minutes-layout">
        <Facts minutes={minutes} />
        <div className="minutes-narrative">
          <h3 id={labelId}>Minutes as signed</h3>
          <MinutesEditor body={minutes.body} editable={false} labelId={labelId} />
        </div>
      </div>
      <MinutesComments minutes={minutes} />
      <CorrectionDialog minutes={minutes} open={correcting} onClose={closeCorrecting} />
    </>
  );
}

/** "Download PDF": starts the job, follows its progress, then downloads the file. */
function PdfDownload({ minutesId }: { minutesId: string }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const job = useJob(jobId, 'minutes.pdf');
  const handled = useRef<string | null>(null);
  // A finished PDF downloads once, by itself; state changes only after the file is fetched.
  useEffect(() => {
    if (!job || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    const result = job.state === 'succeeded' ? job.result : undefined;
    const failure = job.error?.message ?? 'The PDF could not be made.';
    void Promise.resolve()
      .then(() => (result ? downloadExport(result.fileId) : Promise.reject(new Error(failure))))
      .then(
        (f) => setDownloaded(f.fileName),
        (e: Error) => setProblem(e.message),
      );
  }, [job]);
  const running = job?.state === 'running';
  const start = async () => {
    setProblem(null);
    setDownloaded(null);
    const result = await call('minutes.pdf', { id: minutesId });
    if (!result.ok) return setProblem(result.error.message);
    setJobId(result.value.jobId);
  };
  return (
    <div className="minutes-pdf">
      <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running}>
        Download PDF
      </button>
      {running && job ? <ProgressBar done={job.done} total={job.total} label={job.message || "Making the PDF of the minutes"} /> : null}
      {downloaded ? (
        <p className="muted" role="status">
          Downloaded {downloaded}.
        </p>
      ) : null}
      {problem ? (
        <Banner tone="error" title="No PDF">
          <p>{problem}</p>
        </Banner>
      ) : null}
    </div>
  );
}

const verifySchema = z.object({ sha256: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'Enter the 64-character SHA-256 printed on the minutes.') });

function VerifyForm({ minutes }: { minutes: Minutes }) {
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<{ sha256: string }>({
    resolver: zodResolver(verifySchema, undefined, { raw: true }) as never,
    defaultValues: { sha256: '' },
    shouldFocusError: false,
  });
  const onValid = async (v: { sha256: string }) => {
    setAnswer(null);
    try {
      setAnswer(await request('minutes.verify', { id: minutes.id, sha256: v.sha256.trim().replace(/\s+/g, '') }));
    } catch (e) {
      setError('sha256', { type: 'server', message: (e as Error).message });
    }
  };
  return (
    <form className="minutes-verify" onSubmit={handleSubmit(onValid)} noValidate aria-labelledby="minutes-verify-h">
      <h4 id="minutes-verify-h">Check against a printed copy</h4>
      <Field
        id="minutes-sha256"
        label="SHA-256 printed on the copy"
        hint="Type or paste the 64 characters from the foot of the PDF. The app recomputes the seal from the file and compares."
        error={errorAt(formState.errors, 'sha256')}
      >
        <input type="text" className="mono" spellCheck={false} autoComplete="off" {...register('sha256')} />
      </Field>
      <button type="submit" className="btn btn-secondary" disabled={formState.isSubmitting}>
        Check
      </button>
      {answer ? (
        <Banner tone={answer.ok ? 'success' : 'error'} title={answer.ok ? 'It matches' : 'It does not match'}>
          <p>{answer.message}</p>
        </Banner>
      ) : null}
    </form>
  );
}

const correctionSchema = z.object({ meetingId: z.string().min(1, 'Choose the meeting that will approve the correction.'), text: requiredText('the correction', 10000, 'many') });
type CorrectionValues = { meetingId: string; text: string };

function CorrectionDialog({ minutes, open, onClose }: { minutes: Minutes; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Record a correction"
      onClose={onClose}
      wide
      description="Signed minutes are never edited. A correction is a new record that refers to them, put to a later meeting for approval; both are kept."
    >
      <CorrectionForm minutes={minutes} onClose={onClose} />
    </FormDialog>
  );
}

function CorrectionForm({ minutes, onClose }: { minutes: Minutes; onClose: () => void }) {
  const meetings = useApiQuery('meetings.list', { when: 'all', limit: 500 });
  const later = (meetings.data ?? []).filter((m) => m.id !== minutes.meetingId && m.heldOn >= minutes.heldOn && m.status !== 'cancelled');
  const { register, handleSubmit, setError, formState } = useForm<CorrectionValues>({
    resolver: zodResolver(correctionSchema, undefined, { raw: true }) as never,
    defaultValues: { meetingId: '', text: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['meetingId', 'text']);
  const onValid = async (v: CorrectionValues) => {
    outcome.clear();
    await outcome.settle(await call('minutes.correct', { id: minutes.id, meetingId: v.meetingId, text: v.text }), () => 'Correction recorded for approval at the later meeting.', onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record a correction">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <Field id="meetingId" label="Meeting to approve it" hint={later.length === 0 ? 'Plan the later meeting first; the correction goes on its agenda.' : undefined} error={errorAt(formState.errors, 'meetingId')}>
        <select {...register('meetingId')}>
          <option value="">Choose…</option>
          {later.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}, {formatShortDate(m.heldOn)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="text" label="The correction" hint="What the signed minutes got wrong and what the record should say." error={errorAt(formState.errors, 'text')}>
        <textarea rows={5} {...register('text')} />
      </Field>
      <DialogButtons submitLabel="Record the correction" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
