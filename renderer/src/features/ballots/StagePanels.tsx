import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { VOTE_CHANNELS, VOTE_CHANNEL_LABEL, type Ballot } from '../../../../shared/contract/ballots';
import { call } from '../../api/client';
import { downloadExport } from '../../api/download';
import { useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { formatInstant, formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { useToast } from '../../ui/Toasts';
import { keysReady } from './steps';
import { StationJump, StationPanel } from './station/StationPanel';

const n = (v: number) => v.toLocaleString('en-GB');

/** Before opening: the roll the ballot would freeze now, and "Open the ballot" once the trustees are ready. */
export function OpenBallotPanel({ ballot }: { ballot: Ballot }) {
  const preview = useApiQuery('ballots.previewRoll', { id: ballot.id });
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, 'ballots.open');
  const queryClient = useQueryClient();
  const toast = useToast();
  const handled = useRef<string | null>(null);
  const ready = keysReady(ballot);
  useEffect(() => {
    if (!job || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    if (job.state === 'succeeded' && job.result) {
      toast(`${job.result.title} is open for voting.`);
      void queryClient.invalidateQueries();
    }
  }, [job, queryClient, toast]);
  const open = async () => {
    setConfirming(false);
    setProblem(null);
    const result = await call('ballots.open', { id: ballot.id });
    if (!result.ok) return setProblem(result.error.message);
    setJobId(result.value.jobId);
  };
  const failed = job?.state === 'failed' ? (job.error?.message ?? 'The ballot could not be opened.') : null;
  const running = jobId !== null && (!job || job.state !== 'failed');
  const shown = problem ?? failed;
  return (
    <section className="card" aria-labelledby="ballot-roll-h">
      <h2 id="ballot-roll-h">The roll and opening the ballot</h2>
      <p>
        When the ballot opens, the roll is taken from the register of members as it stood on <strong>{formatLegalDate(ballot.recordDate)}</strong> and frozen: a member admitted or ceasing
        afterwards does not change it. This is who would be on it if it opened now.
      </p>
      {preview.error ? (
        <Banner tone="error" title="The roll could not be previewed">
          <p>{preview.error.message}</p>
        </Banner>
      ) : null}
      {preview.data ? (
        <>
          <p className="ballot-roll-words">{preview.data.words}</p>
          {preview.data.classes.length > 0 ? (
            <table className="data ballot-roll-table">
              <caption className="visually-hidden">Voters and votes by membership class</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col" className="num">
                    Voters
                  </th>
                  <th scope="col" className="num">
                    Votes
                  </th>
                  <th scope="col" className="num">
                    Weight counted
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.data.classes.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{n(c.voters)}</td>
                    <td className="num">{n(c.votes)}</td>
                    <td className="num">{n(c.weight)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All classes</th>
                  <td className="num">{n(preview.data.count)}</td>
                  <td className="num" />
                  <td className="num">{n(preview.data.totalWeight)}</td>
                </tr>
              </tfoot>
            </table>
          ) : null}
        </>
      ) : preview.isPending ? (
        <p role="status">Reading the register…</p>
      ) : null}
      {shown ? (
        <Banner tone="error" title="Not opened">
          <p>{shown}</p>
        </Banner>
      ) : null}
      {running ? (
        job ? <ProgressBar done={job.done} total={job.total} label={job.message || 'Opening the ballot'} /> : <p role="status">Starting…</p>
      ) : ready ? (
        <div className="ballot-actions">
          <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
            Open the ballot
          </button>
        </div>
      ) : (
        <p className="muted">The ballot can be opened once every trustee has finished the steps above.</p>
      )}
      {confirming ? (
        <ConfirmDialog open title="Open the ballot?" confirmLabel="Open the ballot" onConfirm={() => void open()} onCancel={() => setConfirming(false)}>
          <p>
            The roll is frozen from the register as it stood on {formatLegalDate(ballot.recordDate)}
            {preview.data ? `: ${n(preview.data.count)} voters with ${n(preview.data.totalWeight)} votes` : ''}. The questions and trustees can no longer be changed, and members can start to vote.
          </p>
          {ballot.warnings.length > 0 ? (
            <ul>
              {ballot.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** While open: turnout by channel (never a running result), the polling-station screens, and closing. */
export function VotingPanel({ ballot }: { ballot: Ballot }) {
  const roll = ballot.roll;
  const voted = roll ? VOTE_CHANNELS.reduce((sum, c) => sum + roll.voted[c], 0) : 0;
  return (
    <>
      <section className="card" aria-labelledby="ballot-turnout-h">
        <h2 id="ballot-turnout-h">Turnout</h2>
        <p className="muted">
          No result is shown while the ballot is open: each vote is encrypted on the device it is cast on, and only the total is ever decrypted, by the trustees, after the ballot closes.
        </p>
        {roll ? (
          <>
            <p className="ballot-turnout-words">
              {n(voted)} of {n(roll.count)} voters on the roll have voted{roll.count > 0 ? ` (${Math.round((voted / roll.count) * 100)}%)` : ''}.
            </p>
            <ProgressBar done={voted} total={roll.count} label="Voters who have voted" />
            <table className="data ballot-channel-table">
              <caption className="visually-hidden">Voters who have voted, by how they voted</caption>
              <thead>
                <tr>
                  <th scope="col">How they voted</th>
                  <th scope="col" className="num">
                    Voters
                  </th>
                </tr>
              </thead>
              <tbody>
                {VOTE_CHANNELS.map((c) => (
                  <tr key={c}>
                    <th scope="row">{VOTE_CHANNEL_LABEL[c].replace(/^./, (ch) => ch.toUpperCase())}</th>
                    <td className="num">{n(roll.voted[c])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              Voting codes issued: {n(roll.codesIssued)}. The roll’s fingerprint <span className="fingerprint">{roll.hash.slice(0, 16)}</span> was recorded when it opened
              {ballot.openedAt ? ` (${formatInstant(ballot.openedAt)})` : ''}.
            </p>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="ballot-station-h">
        <h2 id="ballot-station-h">Polling station</h2>
        <ul className="ballot-links">
          <li>
            <Link to={`/ballots/${ballot.id}/kiosk`}>Kiosk</Link>: check voters in from the roll and let them vote on this laptop.
          </li>
          <li>
            <Link to={`/ballots/${ballot.id}/roll`}>The roll</Link>: search, print or export the voters (names and numbers only).
          </li>
          <li>
            <Link to={`/ballots/${ballot.id}/codes`}>Voting codes</Link>: issue one-time codes for ballot letters or a mail merge.
          </li>
          <li>
            <Link to={`/ballots/${ballot.id}/paper`}>Paper ballots</Link>: record papers handed out, and the tellers’ counts.
          </li>
          <li>
            <StationJump />: members vote on their own phones over this room’s Wi-Fi.
          </li>
        </ul>
      </section>
      <StationPanel ballotId={ballot.id} />
    </>
  );
}

/** Closing: a job that seals the box and adds up the encrypted votes; offered again if the sum stopped part-way. */
export function CloseBallotPanel({ ballot }: { ballot: Ballot }) {
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJob(jobId, 'ballots.close');
  const queryClient = useQueryClient();
  const toast = useToast();
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!job || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    if (job.state === 'succeeded' && job.result) {
      const sealed = job.result.boxCount;
      toast(`The ballot is closed: ${n(sealed)} electronic ${sealed === 1 ? 'ballot' : 'ballots'} sealed in the box.`);
      void queryClient.invalidateQueries();
    }
  }, [job, queryClient, toast]);
  const failed = job?.state === 'failed' ? (job.error?.message ?? 'The ballot could not be closed.') : null;
  const close = async () => {
    setConfirming(false);
    setProblem(null);
    const result = await call('ballots.close', { id: ballot.id });
    if (!result.ok) return setProblem(result.error.message);
    setJobId(result.value.jobId);
  };
  const running = jobId !== null && (!job || job.state !== 'failed');
  const shown = problem ?? failed;
  return (
    <section className="card" aria-labelledby="ballot-close-h">
      <h2 id="ballot-close-h">Closing the ballot</h2>
      {ballot.status === 'open' ? (
        <p>When voting time is over, close the ballot. The box is sealed, its fingerprint goes into the audit log, and the encrypted votes are added up for the trustees to decrypt.</p>
      ) : (
        <p>The box is sealed. The encrypted votes are being added up for the trustees to decrypt; if this stopped part-way, finish it here.</p>
      )}
      {shown ? (
        <Banner tone="error" title="Not closed">
          <p>{shown}</p>
        </Banner>
      ) : null}
      {running ? (
        job ? <ProgressBar done={job.done} total={job.total} label={job.message || 'Sealing and adding up the ballot box'} /> : <p role="status">Starting…</p>
      ) : (
        <div className="ballot-actions">
          {ballot.status === 'open' ? (
            <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
              Close the ballot
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void close()}>
              Finish adding up the votes
            </button>
          )}
        </div>
      )}
      {confirming ? (
        <ConfirmDialog open title="Close the ballot?" confirmLabel="Close the ballot" tone="danger" onConfirm={() => void close()} onCancel={() => setConfirming(false)}>
          <p>Nobody can vote after this, at the kiosk, with a code or on paper, and the ballot cannot be reopened.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** Once closed: what was sealed, for the trustees to decrypt. */
export function SealedPanel({ ballot }: { ballot: Ballot }) {
  return (
    <section className="card" aria-labelledby="ballot-sealed-h">
      <h2 id="ballot-sealed-h">The sealed box</h2>
      <p>
        Closed {ballot.closedAt ? formatInstant(ballot.closedAt) : ''}: {n(ballot.boxCount ?? 0)} electronic {ballot.boxCount === 1 ? 'ballot' : 'ballots'} sealed.
        {ballot.sealedBoxHash ? (
          <>
            {' '}
            The box’s fingerprint is <span className="fingerprint">{ballot.sealedBoxHash.slice(0, 16)}</span>, recorded in the audit log.
          </>
        ) : null}
      </p>
      {ballot.status === 'closed' ? <p>Each trustee now decrypts their part of the total, with their passphrase, in the Trustees section above.</p> : null}
    </section>
  );
}

/** "Export for verification": the job writes the file, then it downloads. */
export function ExportPanel({ ballot }: { ballot: Ballot }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const job = useJob(jobId, 'ballots.exportVerification');
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!job || job.state === 'running' || handled.current === job.id) return;
    handled.current = job.id;
    const result = job.state === 'succeeded' ? job.result : undefined;
    const failure = job.error?.message ?? 'The verification file could not be written.';
    void Promise.resolve()
      .then(() => (result ? downloadExport(result.fileId) : Promise.reject(new Error(failure))))
      .then(
        (f) => setDownloaded(f.fileName),
        (e: Error) => setProblem(e.message),
      )
      .finally(() => setJobId(null));
  }, [job]);
  const start = async () => {
    setProblem(null);
    setDownloaded(null);
    const result = await call('ballots.exportVerification', { id: ballot.id });
    if (!result.ok) return setProblem(result.error.message);
    setJobId(result.value.jobId);
  };
  const running = jobId !== null;
  return (
    <section className="card" aria-labelledby="ballot-export-h">
      <h2 id="ballot-export-h">Export for verification</h2>
      <p>
        One file with every encrypted ballot and its proofs, the sealed box, the trustees’ decryptions and the result. A scrutineer or any member checks it with{' '}
        <code>npm run verify-ballot -- FILE</code>, which recomputes everything and prints “verified” or exactly what does not match. Voters can look for their receipt’s tracker in it.
      </p>
      <div className="ballot-actions">
        <button type="button" className="btn btn-secondary" onClick={() => void start()} disabled={running}>
          Export for verification
        </button>
        <Link className="btn btn-secondary" to={`/print/ballots/${ballot.id}/result`}>
          Print the result
        </Link>
      </div>
      {running && job ? <ProgressBar done={job.done} total={job.total} label={job.message || 'Writing the verification file'} /> : null}
      {downloaded ? (
        <p className="muted" role="status">
          Downloaded {downloaded}.
        </p>
      ) : null}
      {problem ? (
        <Banner tone="error" title="No verification file">
          <p>{problem}</p>
        </Banner>
      ) : null}
    </section>
  );
}
