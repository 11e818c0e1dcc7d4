import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call, forgetShownOrganisation } from '../../api/client';
import { uploadFile, useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { formatBytes, formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatInstant } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';
import type { CheckedBackup } from '../../../../shared/contract/data';
import { headFingerprint } from '../../../../shared/domain/fingerprint';


type Pending = { kind: 'backup'; name: string } | { kind: 'file'; file: File };

export function DataSettings() {
  const info = useApiQuery('data.info', {});
  const queryClient = useQueryClient();
  const [backupJob, setBackupJob] = useState<string | null>(null);
  const [checkJob, setCheckJob] = useState<string | null>(null);
  const [restoreJob, setRestoreJob] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  /** The backup being checked (its name in the confirmation), then what the check found. */
  const [pending, setPending] = useState<Pending | null>(null);
  const [candidate, setCandidate] = useState<CheckedBackup | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const backup = useJob(backupJob, 'data.backup');
  const check = useJob(checkJob, 'data.checkBackup');
  const restore = useJob(restoreJob, 'data.restore');

  useEffect(() => {
    if (backup?.state === 'succeeded') void queryClient.invalidateQueries({ queryKey: ['data.info'] });
  }, [backup?.state, queryClient]);
  useEffect(() => {
    if (restore && restore.state !== 'running') {
      // The restored file may keep another organisation: learnt afresh, not taken for another window's switch.
      if (restore.state === 'succeeded') forgetShownOrganisation();
      void queryClient.invalidateQueries();
    }
  }, [restore, queryClient]);
  // A backup that passed its check is shown for confirmation before anything is replaced.
  const checked = check?.state === 'succeeded' ? (check.result ?? null) : null;
  const [shownCandidate, setShownCandidate] = useState<string | null>(null);
  if (checked && checked.candidateId !== shownCandidate) {
    setShownCandidate(checked.candidateId);
    setCandidate(checked);
  }

  const startBackup = async () => {
    setStartError(null);
    setRestoreJob(null);
    const r = await call('data.backup', {});
    if (r.ok) setBackupJob(r.value.jobId);
    else setStartError(r.error.message);
  };

  /** First step: check the backup completely (integrity, audit chain) and say what it holds. */
  const startCheck = async (what: Pending) => {
    setPending(what);
    setCandidate(null);
    setStartError(null);
    setBackupJob(null);
    setRestoreJob(null);
    setCheckJob(null);
    let source: { kind: 'backup'; name: string } | { kind: 'upload'; uploadId: string };
    if (what.kind === 'backup') {
      source = { kind: 'backup', name: what.name };
    } else {
      try {
        setUpload({ sent: 0, total: what.file.size });
        const uploadId = await uploadFile(what.file, 'restore', (sent, total) => setUpload({ sent, total }));
        source = { kind: 'upload', uploadId };
      } catch (e) {
        setStartError((e as Error).message);
        return;
      } finally {
        setUpload(null);
      }
    }
    const r = await call('data.checkBackup', { source });
    if (r.ok) setCheckJob(r.value.jobId);
    else setStartError(r.error.message);
  };

  /** Second step, once the secretary has seen what the backup holds. */
  const confirmRestore = async () => {
    const what = candidate;
    setCandidate(null);
    setCheckJob(null);
    if (!what) return;
    const r = await call('data.restore', { candidateId: what.candidateId, confirm: true });
    if (r.ok) setRestoreJob(r.value.jobId);
    else setStartError(r.error.message);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const d = info.data;
  const busy = backup?.state === 'running' || check?.state === 'running' || restore?.state === 'running' || upload !== null;
  const backupResult = backup?.state === 'succeeded' ? (backup.result ?? null) : null;
  /** The check found ballots this backup would set back (votes recorded since, a close or a result): the confirmation names them. */
  const ballotLoss = (candidate?.ballotWarnings.length ?? 0) > 0;
  const restoreResult = restore?.state === 'succeeded' ? (restore.result ?? null) : null;

  return (
    <>
      <h2>Data and backups</h2>
      {startError ? <Banner tone="error" title="That did not start">{startError}</Banner> : null}
      {backup?.state === 'running' ? <ProgressBar done={backup.done} total={backup.total} label="Backing up" /> : null}
      {backupResult ? (
        <Banner tone="success" title="Backup saved">
          <p>
            {backupResult.name} ({formatBytes(backupResult.sizeBytes)}), checked and complete. It holds {formatCount(backupResult.events, 'audit event')}; fingerprint{' '}
            <span className="fingerprint">{headFingerprint(backupResult.events, backupResult.headHash)}</span>, kept beside it.
          </p>
        </Banner>
      ) : null}
      {backup?.state === 'failed' ? <Banner tone="error" title="The backup failed">{backup.error?.message}</Banner> : null}
      {upload ? <ProgressBar done={upload.sent} total={upload.total} label="Sending the file" /> : null}
      {check?.state === 'running' ? <ProgressBar done={check.done} total={check.total} label={check.message || 'Checking the backup'} /> : null}
      {check?.state === 'failed' ? <Banner tone="error" title="Not restored">{check.error?.message}</Banner> : null}
      {restore?.state === 'running' ? <ProgressBar done={restore.done} total={restore.total} label={restore.message || 'Restoring'} /> : null}
      {restoreResult ? (
        <Banner tone="success" title="Restored">
          <p>
            The records now come from {restoreResult.restoredFrom}. The previous database was kept as <span className="hash">{restoreResult.keptAside}</span>.
          </p>
          {restoreResult.ballotWarnings.length > 0 ? (
            <p>The audit log records what the restore set back in the ballots: {restoreResult.ballotWarnings.join(' ')}</p>
          ) : null}
        </Banner>
      ) : null}
      {restore?.state === 'failed' ? <Banner tone="error" title="Not restored">{restore.error?.message}</Banner> : null}

      <section className="card" aria-labelledby="db-h">
        <header>
          <h3 id="db-h">This database</h3>
          <button type="button" className="btn btn-primary" onClick={startBackup} disabled={busy}>
            Back up now
          </button>
        </header>
        {d ? (
          <dl className="facts">
            <dt>Location</dt>
            <dd className="hash">{d.path}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(d.sizeBytes)}</dd>
            <dt>Audit log</dt>
            <dd>
              {formatCount(d.auditEvents, 'event')}; fingerprint <span className="fingerprint">{headFingerprint(d.auditEvents, d.headHash)}</span>
            </dd>
            <dt>Backups folder</dt>
            <dd className="hash">{d.backupsDir}</dd>
            <dt>Version</dt>
            <dd>
              App {d.appVersion}, schema {d.schemaVersion}
            </dd>
          </dl>
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>

      <section className="card" aria-labelledby="backups-h">
        <h3 id="backups-h">Backups</h3>
        {d ? (
          <DataTable
            data={d.backups}
            caption="Backups in the backups folder, newest first"
            rowKey={(b) => b.name}
            empty={<p className="muted">No backups yet. Use “Back up now”; copy the backups folder to a safe place regularly.</p>}
            columns={[
              { id: 'name', header: 'File', meta: { cellClassName: 'hash' }, cell: ({ row: { original: b } }) => b.name },
              { id: 'made', header: 'Made', meta: { nowrap: true }, cell: ({ row: { original: b } }) => formatInstant(b.createdAt) },
              { id: 'size', header: 'Size', meta: { numeric: true }, cell: ({ row: { original: b } }) => formatBytes(b.sizeBytes) },
              {
                id: 'actions',
                header: 'Actions',
                meta: { headerHidden: true },
                cell: ({ row: { original: b } }) => (
                  <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => void startCheck({ kind: 'backup', name: b.name })}>
                    Restore<span className="visually-hidden"> {b.name}</span>
                  </button>
                ),
              },
            ]}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="restore-file-h">
        <h3 id="restore-file-h">Restore from a file</h3>
        <p className="muted">
          Choose a backup made by Mutual Governance. It is checked completely (integrity and audit chain) before anything changes; a file that
          fails is refused and your records stay as they are.
        </p>
        <div className="field">
          <label htmlFor="restore-file">Backup file</label>
          <input id="restore-file" ref={fileInput} type="file" accept=".sqlite,.sqlite3,.db" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="button" className="btn btn-secondary" disabled={!file || busy} onClick={() => file && void startCheck({ kind: 'file', file })}>
          Restore from this file
        </button>
      </section>

      <ConfirmDialog
        open={candidate !== null}
        title={ballotLoss ? 'Replace your records with this backup, and lose ballot records?' : 'Replace your records with this backup?'}
        confirmLabel={ballotLoss ? 'Restore and lose the ballot records listed' : 'Restore'}
        tone="danger"
        onCancel={() => {
          setCandidate(null);
          setCheckJob(null);
        }}
        onConfirm={confirmRestore}
      >
        {candidate && ballotLoss ? (
          <Banner tone="warning" title="Ballots in your current records that this backup would set back">
            <ul>
              {candidate.ballotWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <p>
              Restore only if you must (for example, your current file is damaged), and tell the ballot’s trustees and scrutineer first: members whose
              votes would be lost need to vote again, as their receipts will not be in the published list of trackers.
            </p>
          </Banner>
        ) : null}
        <p>
          The app will show the records as they were in <strong>{pending?.kind === 'backup' ? pending.name : (pending?.file.name ?? candidate?.fileName)}</strong>. Changes
          made since then will no longer appear.
        </p>
        {candidate ? (
          <dl className="facts spaced">
            <dt>Organisation</dt>
            <dd>{candidate.organisationName ?? 'Not set up'}</dd>
            <dt>Current members</dt>
            <dd>{candidate.currentMembers.toLocaleString('en-GB')}</dd>
            <dt>Audit log</dt>
            <dd>{formatCount(candidate.auditEvents, 'event')}</dd>
            <dt>Last changed</dt>
            <dd>{candidate.lastChangedAt ? formatInstant(candidate.lastChangedAt) : 'Never'}</dd>
            {candidate.takenAt ? (
              <>
                <dt>Backed up</dt>
                <dd>{formatInstant(candidate.takenAt)}</dd>
              </>
            ) : null}
            <dt>Fingerprint</dt>
            <dd className="hash">{candidate.fingerprint}</dd>
          </dl>
        ) : null}
        {candidate?.needsUpgrade ? <p>It was made by an earlier version of the app; its records are brought up to date as it is restored.</p> : null}
        <p>Your current database is not deleted: it is kept aside in the same folder, and the restore is recorded in the audit log.</p>
      </ConfirmDialog>
    </>
  );
}
