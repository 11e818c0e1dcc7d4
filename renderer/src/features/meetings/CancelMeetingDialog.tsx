import { useState } from 'react';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useMeetingChange } from './useMeetingChange';

/** Cancel a meeting, saying why; the record stays, marked cancelled. */
export function CancelMeetingDialog({ meetingId, title, open, onClose }: { meetingId: string; title: string; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Cancel the meeting" onClose={onClose} description={`${title} stays on record, marked as cancelled, with the reason you give.`}>
      <CancelForm meetingId={meetingId} title={title} onClose={onClose} />
    </FormDialog>
  );
}

function CancelForm({ meetingId, title, onClose }: { meetingId: string; title: string; onClose: () => void }) {
  const change = useMeetingChange(meetingId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      aria-label="Cancel the meeting"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await change('meetings.setStatus', { id: meetingId, status: 'cancelled', reason }, `${title} cancelled.`);
        setBusy(false);
        if (r.ok) onClose();
        else setError(r.error.fieldErrors?.['reason'] ?? r.error.message);
      }}
    >
      <Field id="cancel-reason" label="Reason (optional)" error={error} hint="For example: not enough directors could attend; rearranged for 17 March.">
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
      <DialogButtons submitLabel="Cancel the meeting" busy={busy} onCancel={onClose} />
    </form>
  );
}
