import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Ballot } from '../../../../shared/contract/ballots';
import { call } from '../../api/client';
import { saveBlob } from '../../api/download';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { useToast } from '../../ui/Toasts';

type Trustee = Ballot['trustees'][number];

/**
 * A trustee who would rather not type their passphrase on this laptop decrypts on their own
 * computer: this laptop gives them a request (the sealed total and the election's public part,
 * no secret and no single ballot), and takes back the decryption, whose proof the core checks
 * against the sealed total before keeping it.
 */
export function RemoteDecryptDialog({ ballot, trustee, onClose }: { ballot: Ballot; trustee: Trustee | null; onClose: () => void }) {
  return (
    <FormDialog open={trustee !== null} title={trustee ? `Decrypt on their own computer: ${trustee.name}` : ''} onClose={onClose} className="ballot-key-dialog">
      {trustee ? <RemoteSteps ballot={ballot} trustee={trustee} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function RemoteSteps({ ballot, trustee, onClose }: { ballot: Ballot; trustee: Trustee; onClose: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const request = async () => {
    setProblem(null);
    const result = await call('ballots.decryptionRequest', { id: ballot.id, trustee: trustee.position });
    if (!result.ok) return setProblem(result.error.message);
    saveBlob(new Blob([result.value.file], { type: 'application/json' }), result.value.fileName);
    setRequested(result.value.fileName);
  };
  const send = async () => {
    setProblem(null);
    if (!file) return setProblem('Choose the decryption file that ballot-decrypt wrote.');
    setBusy(true);
    const text = await file.text();
    const result = await call('ballots.importDecryption', { id: ballot.id, file: text });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast(`${trustee.name}’s decryption is checked and kept.`);
    onClose();
  };
  return (
    <div className="ballot-remote">
      <h3>1. Give them the request</h3>
      <p>
        The request file holds the sealed total of the votes and the ballot’s public key: no secret and no single ballot, so it can travel by e-mail or USB stick. On their own computer,
        {` ${trustee.name}`} runs <code>npm run cli -- ballot-decrypt</code> with it and their backup file, and types their passphrase there.
      </p>
      <button type="button" className="btn btn-secondary" onClick={() => void request()}>
        Download the request file
      </button>
      {requested ? (
        <p className="muted" role="status">
          Downloaded {requested}.
        </p>
      ) : null}
      <h3>2. Take back their decryption</h3>
      <div className="field">
        <label htmlFor="decryption-file">The decryption file they send back</label>
        <span className="hint" id="decryption-file-hint">
          Its proof is checked against the sealed total before it is kept; a file for another ballot or trustee is refused.
        </span>
        <input id="decryption-file" type="file" accept="application/json,.json" aria-describedby="decryption-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {problem ? (
        <Banner tone="error" title="Not done">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void send()}>
          Check and keep the decryption
        </button>
      </div>
    </div>
  );
}
