import type { ReactNode } from 'react';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { ProgressBar } from '../../ui/ProgressBar';
import type { useReadFile } from './use-read-file';

/**
 * The working end of an import's first step (the HR export, a contracts spreadsheet): why the file
 * was not read, the file field, the sending and reading progress and the Read the file button. Each
 * screen gives its own field id, label, hint, accepted types and any words beside the button.
 */
export function ReadFileControls(props: {
  reader: Pick<ReturnType<typeof useReadFile>, 'choose' | 'fieldError' | 'problem' | 'sending' | 'reading' | 'busy' | 'read'>;
  inputId: string;
  label: string;
  hint: string;
  accept: string;
  besideButton?: ReactNode;
}) {
  const { reader, inputId, label, hint, accept, besideButton } = props;
  const { choose, fieldError, problem, sending, reading, busy, read } = reader;
  return (
    <>
      {problem ? (
        <Banner tone="error" title="The file was not read">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <Field id={inputId} label={label} hint={hint} error={fieldError}>
        <input type="file" accept={accept} disabled={busy} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
      </Field>
      {sending ? <ProgressBar done={sending.sent} total={sending.total} label="Sending the file" /> : null}
      {reading ? <ProgressBar done={reading.done} total={reading.total} label={reading.message || 'Reading the file'} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void read()} disabled={busy}>
          Read the file
        </button>
        {besideButton}
      </div>
    </>
  );
}
