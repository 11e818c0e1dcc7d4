import { useState } from 'react';
import type { MeetingView } from '../../../../shared/contract/meetings';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { linkInput, NO_CHOICE, type LinkChoice } from '../organisations/link-choice';
import { OrganisationPicker } from '../organisations/OrganisationPicker';
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
  const [organisation, setOrganisation] = useState<LinkChoice>(NO_CHOICE);
  // The organisation an item is tagged with, offered when the item is chosen (the core takes it too).
  const itemOrganisation = (id: string): LinkChoice => {
    const item = v.items.find((i) => i.id === id);
    return item?.relatedOrganisation ? { id: item.counterpartyId, text: item.relatedOrganisation } : NO_CHOICE;
  };
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
        const org = linkInput(organisation);
        const r = await change(
          'meetings.declareInterest',
          { meetingId: v.meeting.id, officerId, nature, relatedOrganisation: org.text, ...(org.id ? { counterpartyId: org.id } : {}), ...(itemId ? { agendaItemId: itemId } : {}) },
          'Declaration recorded and entered in the interests register.',
        );
        setBusy(false);
        if (r.ok) onClose();
        else {
          // The core names the link counterpartyId; its problems show on the organisation's box.
          const f = { ...(r.error.fieldErrors ?? {}) };
          if (f['counterpartyId'] && !f['relatedOrganisation']) f['relatedOrganisation'] = f['counterpartyId'];
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
        <select
          value={itemId}
          onChange={(e) => {
            const next = e.target.value;
            // An empty box, or the last item's organisation untouched, follows the item chosen.
            const last = itemOrganisation(itemId);
            if (organisation.text.trim() === '' || (organisation.text === last.text && organisation.id === last.id)) setOrganisation(itemOrganisation(next));
            setItemId(next);
          }}
        >
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
      <Field
        id="relatedOrganisation"
        label="Related organisation (optional)"
        hint="The organisation the interest is in: the item’s, if it is tagged with one. Chosen from the organisations list (or added to it), its contracts name this director as conflicted; a name not on the list is recorded as typed."
        error={errors['relatedOrganisation']}
      >
        <OrganisationPicker value={organisation} onChange={setOrganisation} addDescription="It joins the organisations list and is named as the organisation the interest is in." />
      </Field>
      <DialogButtons submitLabel="Record declaration" busy={busy} onCancel={onClose} />
    </form>
  );
}
