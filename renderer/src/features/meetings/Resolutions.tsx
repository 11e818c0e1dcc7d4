import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { RESOLUTION_KINDS, meetingMethods, type MeetingView, type Resolution } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { mappedResolver } from '../../lib/mapped-resolver';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useMeetingChange } from './useMeetingChange';

const KIND_LABEL = { ordinary: 'Ordinary resolution', special: 'Special resolution' } as const;
const KIND_HINT = {
  ordinary: 'Passed by a simple majority (CA 2006 s282).',
  special: 'Needs at least 75%, and must be set out in the notice as a special resolution (CA 2006 s283).',
} as const;

/** Resolutions set out in the notice of a members' meeting: frozen once notice is given, since the notice is what members saw. */
export function ResolutionsSection({ v }: { v: MeetingView }) {
  const [editing, setEditing] = useState<Resolution | 'new' | null>(null);
  const [removing, setRemoving] = useState<Resolution | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMeetingChange(v.meeting.id);
  const close = useCallback(() => setEditing(null), []);
  const frozen = v.sealed || v.meeting.noticeSentAt !== null;
  return (
    <section className="mtg-subsection" aria-labelledby="resolutions-h">
      <div className="board-section-head">
        <h3 id="resolutions-h">Resolutions set out in the notice</h3>
        {frozen ? null : (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing('new')}>
            Add a resolution
          </button>
        )}
      </div>
      {frozen && !v.sealed ? <p className="muted">Notice has been given, so the resolutions are as members received them and cannot be changed.</p> : null}
      {v.resolutions.length === 0 ? (
        <p className="muted">No resolutions yet. Set out each one in full, saying whether it is ordinary or special, before the notice is sent.</p>
      ) : (
        <ol className="mtg-resolutions">
          {v.resolutions.map((r) => (
            <li key={r.id}>
              <p className="mtg-resolution-kind">
                <span className={r.kind === 'special' ? 'badge badge-warning' : 'badge'}>{KIND_LABEL[r.kind]}</span>
              </p>
              <p className="mtg-prewrap">{r.text}</p>
              {r.explanatoryNote ? <p className="board-sub mtg-prewrap">Explanatory note: {r.explanatoryNote}</p> : null}
              {frozen ? null : (
                <div className="mtg-row-actions">
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(r)}>
                    Change<span className="visually-hidden"> resolution {r.position}</span>
                  </button>
                  <button type="button" className="btn btn-link" onClick={() => setRemoving(r)}>
                    Remove<span className="visually-hidden"> resolution {r.position}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {problem ? (
        <p className="mtg-inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <FormDialog open={editing !== null} title={editing === 'new' ? 'Add a resolution' : 'Change the resolution'} onClose={close} wide>
        {editing ? <ResolutionForm v={v} resolution={editing === 'new' ? null : editing} onClose={close} /> : null}
      </FormDialog>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this resolution?"
        confirmLabel="Remove"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const r = removing!;
          setRemoving(null);
          const result = await change('meetings.removeResolution', { id: r.id }, 'Resolution removed.');
          setProblem(result.ok ? null : result.error.message);
        }}
      >
        <p>{removing?.text.slice(0, 200)}</p>
      </ConfirmDialog>
    </section>
  );
}

interface Values {
  kind: string;
  text: string;
  explanatoryNote: string;
}

function ResolutionForm({ v, resolution, onClose }: { v: MeetingView; resolution: Resolution | null; onClose: () => void }) {
  const schema = resolution ? meetingMethods['meetings.updateResolution'].input : meetingMethods['meetings.addResolution'].input;
  const toInput = (x: Values) =>
    resolution
      ? { id: resolution.id, kind: x.kind || undefined, text: x.text, explanatoryNote: x.explanatoryNote }
      : { meetingId: v.meeting.id, kind: x.kind || undefined, text: x.text, explanatoryNote: x.explanatoryNote };
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: mappedResolver(schema as never, toInput as never) as never,
    defaultValues: { kind: resolution?.kind ?? '', text: resolution?.text ?? '', explanatoryNote: resolution?.explanatoryNote ?? '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['kind', 'text', 'explanatoryNote']);
  // The resolver hands over the contract's parsed input (see mappedResolver), so it is sent as it is.
  const onValid = async (parsed: Values) => {
    outcome.clear();
    const result = resolution ? await call('meetings.updateResolution', parsed as never) : await call('meetings.addResolution', parsed as never);
    await outcome.settle(result, () => (resolution ? 'Resolution changed.' : 'Resolution added to the notice.'), onClose);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={resolution ? 'Change the resolution' : 'Add a resolution'}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not saved" />
      <fieldset className={`field${e('kind') ? ' has-error' : ''}`}>
        <legend className="legend-small">Kind of resolution</legend>
        {e('kind') ? <span className="error-message">{e('kind')}</span> : null}
        <div className="mtg-radios">
          {RESOLUTION_KINDS.map((k, i) => (
            <div className="mtg-radio" key={k}>
              <input type="radio" id={i === 0 ? 'kind' : `res-kind-${k}`} value={k} {...register('kind')} aria-describedby={`res-kind-${k}-hint`} />
              <label htmlFor={i === 0 ? 'kind' : `res-kind-${k}`}>{KIND_LABEL[k]}</label>
              <span className="hint" id={`res-kind-${k}-hint`}>
                {KIND_HINT[k]}
              </span>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="text" label="Text of the resolution" hint="In full, as members will read it: “THAT the articles of association produced to the meeting be adopted…”" error={e('text')}>
        <textarea rows={6} {...register('text')} />
      </Field>
      <Field id="explanatoryNote" label="Explanatory note (optional)" error={e('explanatoryNote')}>
        <textarea rows={3} {...register('explanatoryNote')} />
      </Field>
      <DialogButtons submitLabel={resolution ? 'Save changes' : 'Add the resolution'} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
