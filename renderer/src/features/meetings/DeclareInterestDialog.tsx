import { useState } from 'react';
import type { MeetingView } from '../../../../shared/contract/meetings';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useMeetingChange } from './useMeetingChange';

/**
 * A declaration of interest made at the meeting (CA 2006 s177; Model Articles art 14): recorded
 * against the item and entered in the interests register in the same step.
 */
export function DeclareInterestDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Record a declaration of interest" onClose={onClose} description="It is recorded for the minutes and entered in the interests register in the same step.">
      <DeclareForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

function DeclareForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const change = useMeetingChange(v.meeting.id);
  const directors = [
    ...v.attendance.filter((a) => a.officerId).map((a) => ({ officerId: a.officerId!, name: a.name })),
    ...v.expected,
  ];
  const [officerId, setOfficerId] = useState('');
  const [itemId, setItemId] = useState('');
  const [nature, setNature] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      aria-label="Record a declaration of interest"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!officerId) return setErrors({ officerId: 'Choose the director making the declaration.' });
        setBusy(true);
        const r = await change(
          'meetings.declareInterest',
          { meetingId: v.meeting.id, officerId, nature, relatedOrganisation: organisation, ...(itemId ? { agendaItemId: itemId } : {}) },
          'Declaration recorded and entered in the interests register.',
        );
        setBusy(false);
        if (r.ok) onClose();
        else {
          const f = r.error.fieldErrors ?? {};
          const shown = ['officerId', 'agendaItemId', 'nature', 'relatedOrganisation'].filter((k) => f[k]);
          setErrors({ ...Object.fromEntries(shown.map((k) => [k, f[k]])), general: shown.length ? undefined : r.error.message });
        }
      }}
    >
      {errors['general'] ? (
        <Banner tone="error" title="Not recorded">
          <p>{errors['general']}</p>
        </Banner>
      ) : null}
      <Field id="officerId" label="Director" error={errors['officerId']}>
        <select value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
          <option value="">Choose the director</option>
          {directors.map((d) => (
            <option key={d.officerId} value={d.officerId}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="agendaItemId" label="Item (optional)" error={errors['agendaItemId']}>
        <select value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">The meeting as a whole</option>
          {v.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number}. {i.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id="nature" label="Nature of the interest" hint="For example: employed by Leeds City Council, which commissions the service." error={errors['nature']}>
        <input type="text" value={nature} onChange={(e) => setNature(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="relatedOrganisation" label="Related organisation (optional)" error={errors['relatedOrganisation']}>
        <input type="text" value={organisation} onChange={(e) => setOrganisation(e.target.value)} autoComplete="off" />
      </Field>
      <DialogButtons submitLabel="Record declaration" busy={busy} onCancel={onClose} />
    </form>
  );
}
