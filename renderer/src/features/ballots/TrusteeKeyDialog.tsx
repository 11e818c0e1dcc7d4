import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Ballot } from '../../../../shared/contract/ballots';
import type { Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { saveBlob } from '../../api/download';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useToast } from '../../ui/Toasts';
import { MIN_PASSPHRASE, passphraseLength, passphraseStrength } from './passphrase';
import { STEP_LABEL, type TrusteeStep } from './steps';

type Trustee = Ballot['trustees'][number];
type Backup = { backup: string; backupFileName: string };

const DESCRIPTION: Record<TrusteeStep, string> = {
  make_key:
    'Your key share is made on this laptop and locked with a passphrase that only you know. Nobody can recover it: not the secretary, not the other trustees, not the makers of this app. Without it (or your backup file) your part of the result cannot be decrypted.',
  deal: 'Enter your passphrase to seal a share of your key for each of the other trustees. Each share can be opened only with that trustee’s own passphrase.',
  accept: 'Enter your passphrase to open and check the shares the other trustees sealed for you. Your combined share replaces your key, so you will get a new backup file to keep instead of the first.',
  decrypt:
    'Enter your passphrase to decrypt your part of the total of the votes, with a proof that you did it correctly. Only the total is ever decrypted, never a single vote. A wrong passphrase changes nothing.',
};

const SUCCESS: Record<TrusteeStep, (name: string) => string> = {
  make_key: (name) => `${name}’s key is made.`,
  deal: (name) => `${name} has sealed their shares for the other trustees.`,
  accept: (name) => `${name} has accepted their shares.`,
  decrypt: (name) => `${name} has decrypted their part.`,
};

/** One trustee's step with their passphrase: make a key, seal or accept shares, or decrypt. */
export function TrusteeKeyDialog({ ballot, trustee, step, onClose }: { ballot: Ballot; trustee: Trustee | null; step: TrusteeStep | null; onClose: () => void }) {
  const [backup, setBackup] = useState<Backup | null>(null);
  const close = () => {
    setBackup(null);
    onClose();
  };
  const open = trustee !== null && step !== null;
  return (
    <FormDialog
      open={open}
      title={open ? `${STEP_LABEL[step]}: ${trustee.name}` : ''}
      onClose={close}
      description={open ? (backup ? undefined : DESCRIPTION[step]) : undefined}
      className="ballot-key-dialog"
    >
      {open ? (
        backup ? (
          <BackupStep backup={backup} name={trustee.name} replaces={step === 'accept'} onDone={close} />
        ) : (
          <PassphraseForm ballot={ballot} trustee={trustee} step={step} onBackup={setBackup} onClose={close} />
        )
      ) : null}
    </FormDialog>
  );
}

interface Values {
  passphrase: string;
  confirm: string;
}

function PassphraseForm({ ballot, trustee, step, onBackup, onClose }: { ballot: Ballot; trustee: Trustee; step: TrusteeStep; onBackup: (b: Backup) => void; onClose: () => void }) {
  const making = step === 'make_key';
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({ defaultValues: { passphrase: '', confirm: '' }, shouldFocusError: false });
  const outcome = useSubmitOutcome(setError, ['passphrase']);
  const queryClient = useQueryClient();
  const toast = useToast();
  const passphrase = useWatch({ control, name: 'passphrase' });
  const hint = making ? passphraseStrength(passphrase) : null;
  const check = (v: Values): boolean => {
    let ok = true;
    if (v.passphrase === '') {
      setError('passphrase', { type: 'validate', message: making ? 'Enter a passphrase.' : 'Enter your passphrase.' });
      ok = false;
    } else if (making && passphraseLength(v.passphrase) < MIN_PASSPHRASE) {
      setError('passphrase', { type: 'validate', message: `Use a passphrase of at least ${MIN_PASSPHRASE} characters: four or five ordinary words are easy to remember and hard to guess.` });
      ok = false;
    }
    if (making && v.confirm !== v.passphrase) {
      setError('confirm', { type: 'validate', message: v.confirm === '' ? 'Enter the passphrase again.' : 'The two passphrases are not the same. Type it again.' });
      ok = false;
    }
    return ok;
  };
  const onSubmit = async (v: Values) => {
    outcome.clear();
    if (!check(v)) return outcome.failed();
    const input = { id: ballot.id, trustee: trustee.position, passphrase: v.passphrase };
    const result: Result<Ballot | { ballot: Ballot; backup: string; backupFileName: string }> =
      step === 'make_key'
        ? await call('ballots.makeTrusteeKey', input)
        : step === 'deal'
          ? await call('ballots.dealShares', input)
          : step === 'accept'
            ? await call('ballots.acceptShares', input)
            : await call('ballots.decrypt', input);
    if (result.ok && 'backup' in result.value) {
      // The backup is offered before the dialog closes: this is the only time the app shows it.
      await queryClient.invalidateQueries();
      toast(SUCCESS[step](trustee.name));
      onBackup({ backup: result.value.backup, backupFileName: result.value.backupFileName });
      return;
    }
    await outcome.settle(result, () => SUCCESS[step](trustee.name), onClose);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={STEP_LABEL[step]}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title={making ? 'No key made' : 'Not done'} />
      <Field
        id="passphrase"
        label={making ? `Passphrase for ${trustee.name}` : `${trustee.name}’s passphrase`}
        hint={making ? `At least ${MIN_PASSPHRASE} characters. Four or five ordinary words you will remember, such as a line nobody would guess, are best.` : undefined}
        error={e('passphrase')}
      >
        <input type="password" autoComplete={making ? 'new-password' : 'current-password'} spellCheck={false} {...register('passphrase')} />
      </Field>
      {hint ? (
        <p className={`ballot-strength ballot-strength-${hint.strength}`} aria-live="polite" id="passphrase-strength">
          {passphrase === '' ? 'How hard it is to guess will show here as you type.' : hint.words}
        </p>
      ) : null}
      {making ? (
        <Field id="confirm" label="Type the passphrase again" error={e('confirm')}>
          <input type="password" autoComplete="new-password" spellCheck={false} {...register('confirm')} />
        </Field>
      ) : null}
      <DialogButtons submitLabel={STEP_LABEL[step]} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** After a key is made (or shares accepted): the sealed backup to save and keep safe. */
function BackupStep({ backup, name, replaces, onDone }: { backup: Backup; name: string; replaces: boolean; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: start the keyboard and screen reader at this step's heading.
  useEffect(() => heading.current?.focus(), []);
  const download = () => {
    saveBlob(new Blob([backup.backup], { type: 'application/json' }), backup.backupFileName);
    setSaved(true);
  };
  return (
    <div className="ballot-backup">
      <p role="status">{replaces ? `${name}’s shares are accepted.` : `${name}’s key is made.`}</p>
      <h3 tabIndex={-1} ref={heading}>
        Save your backup file now
      </h3>
      <p>
        The file <strong className="ballot-file-name">{backup.backupFileName}</strong> holds your key{replaces ? ' (your combined share; it replaces the backup you saved before)' : ''}, still locked
        with your passphrase. If this laptop is lost or its records are restored from an older copy, the file and your passphrase are how your part of the result is decrypted. This is the only
        time the app offers it.
      </p>
      <ul>
        <li>Save it to a USB stick or folder that only you control, or print it and keep the paper sealed.</li>
        <li>Keep your passphrase somewhere else: never in the same place as the file.</li>
        <li>Nobody can unlock the file without your passphrase, so it is safe to keep, but not to lose.</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={download}>
          Download the backup file
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {saved ? 'Done' : 'Done without saving'}
        </button>
      </div>
      {saved ? (
        <p className="muted" role="status">
          Downloaded {backup.backupFileName}. Move it somewhere safe.
        </p>
      ) : null}
    </div>
  );
}
