import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Committee } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { dateInputProblem, isDateInputProblem } from '../../lib/date-parts';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { fullName } from '../../lib/people';
import { Banner } from '../../ui/Banner';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toasts';
import { useQueryClient } from '@tanstack/react-query';
import { isCurrentDirector } from '../officers/format';
import './meetings.css';

type Dialog =
  | { kind: 'form' }
  | { kind: 'change'; c: Committee }
  | { kind: 'add'; c: Committee }
  | { kind: 'remove'; c: Committee; officerId: string; name: string }
  | { kind: 'dissolve'; c: Committee }
  | null;

/** Committees of the board (audit, remuneration, nominations…), each of directors (Model Articles pcls art 5). */
export function CommitteesPage() {
  const list = useApiQuery('committees.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = useCallback(() => setDialog(null), []);
  const current = (list.data ?? []).filter((c) => !c.dissolvedOn);
  const former = (list.data ?? []).filter((c) => c.dissolvedOn);
  return (
    <div className="page mtg-list-page">
      <p className="board-back">
        <Link to="/meetings">Meetings</Link>
      </p>
      <PageHeader
        title="Committees of the board"
        lede="The board may delegate to committees of directors (Model Articles for private companies, art 5; a society’s rules make their own provision). Their meetings are planned like board meetings, with their own quorum."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'form' })}>
            Form a committee
          </button>
        }
      />
      {list.error ? (
        <Banner tone="error" title="The committees could not be read">
          <p>{list.error.message}</p>
        </Banner>
      ) : null}
      {list.data && list.data.length === 0 ? (
        <section className="card mtg-empty">
          <h2>No committees yet</h2>
          <p>Form one by naming it, giving its terms of reference and choosing its members from the directors in office.</p>
        </section>
      ) : null}
      {current.map((c) => (
        <CommitteeCard key={c.id} c={c} onDialog={setDialog} />
      ))}
      {former.length > 0 ? (
        <>
          <h2>Dissolved committees</h2>
          {former.map((c) => (
            <CommitteeCard key={c.id} c={c} onDialog={setDialog} />
          ))}
        </>
      ) : null}
      <FormDialog
        open={dialog !== null}
        title={
          dialog?.kind === 'form'
            ? 'Form a committee'
            : dialog?.kind === 'change'
              ? `Change ${dialog.c.name}`
              : dialog?.kind === 'add'
                ? `Add a member to ${dialog.c.name}`
                : dialog?.kind === 'remove'
                  ? `${dialog.name} leaves ${dialog.c.name}`
                  : dialog?.kind === 'dissolve'
                    ? `Dissolve ${dialog.c.name}`
                    : ''
        }
        onClose={close}
        wide={dialog?.kind === 'form'}
      >
        {dialog ? <CommitteeForm dialog={dialog} onClose={close} /> : null}
      </FormDialog>
    </div>
  );
}

function CommitteeCard({ c, onDialog }: { c: Committee; onDialog: (d: Dialog) => void }) {
  const members = c.members.filter((m) => !m.leftOn);
  const open = !c.dissolvedOn;
  return (
    <section className="card mtg-committee" aria-labelledby={`c-${c.id}-h`}>
      <header>
        <h2 id={`c-${c.id}-h`}>{c.name}</h2>
        <span className="muted">
          Formed {formatLegalDate(c.formedOn)}
          {c.dissolvedOn ? `, dissolved ${formatLegalDate(c.dissolvedOn)}` : ''}
        </span>
      </header>
      {c.terms ? <p className="mtg-prewrap">{c.terms}</p> : <p className="muted">No terms of reference recorded.</p>}
      <table className="data">
        <caption className="visually-hidden">Members of {c.name}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Joined</th>
            <th scope="col">Left</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {c.members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td className="nowrap">{formatLegalDate(m.joinedOn)}</td>
              <td className="nowrap">{m.leftOn ? formatLegalDate(m.leftOn) : <span className="visually-hidden">Still a member</span>}</td>
              <td className="board-row-action">
                {open && !m.leftOn ? (
                  <button type="button" className="btn btn-link" onClick={() => onDialog({ kind: 'remove', c, officerId: m.officerId, name: m.name })}>
                    Record leaving<span className="visually-hidden">: {m.name}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{members.length === 1 ? '1 current member' : `${members.length} current members`}</p>
      {open ? (
        <div className="form-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onDialog({ kind: 'add', c })}>
            Add a member<span className="visually-hidden"> to {c.name}</span>
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onDialog({ kind: 'change', c })}>
            Change name or terms<span className="visually-hidden"> of {c.name}</span>
          </button>
          <button type="button" className="btn btn-link" onClick={() => onDialog({ kind: 'dissolve', c })}>
            Dissolve<span className="visually-hidden"> {c.name}</span>
          </button>
        </div>
      ) : null}
    </section>
  );
}

const FORM_LABEL = { form: 'Form a committee', change: 'Change the committee', add: 'Add a member', remove: 'Record leaving', dissolve: 'Dissolve the committee' } as const;

function CommitteeForm({ dialog, onClose }: { dialog: NonNullable<Dialog>; onClose: () => void }) {
  const officers = useApiQuery('officers.list', { status: 'current' });
  const directors = (officers.data ?? []).filter(isCurrentDirector);
  const existing = dialog.kind === 'form' ? null : dialog.c;
  const [name, setName] = useState(existing?.name ?? '');
  const [terms, setTerms] = useState(existing?.terms ?? '');
  const [date, setDate] = useState(todayUk());
  const [chosen, setChosen] = useState<string[]>([]);
  const [officerId, setOfficerId] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const dateField = dialog.kind === 'form' ? 'formedOn' : dialog.kind === 'add' ? 'joinedOn' : dialog.kind === 'remove' ? 'leftOn' : 'dissolvedOn';
  const dateLabel = dialog.kind === 'form' ? 'Date formed' : dialog.kind === 'add' ? 'Date they joined' : dialog.kind === 'remove' ? 'Date they left' : 'Date dissolved';
  const submit = async () => {
    if (dialog.kind !== 'change' && isDateInputProblem(date)) return setErrors({ [dateField]: dateInputProblem(date) });
    setBusy(true);
    const r =
      dialog.kind === 'form'
        ? await call('committees.create', { name, terms, formedOn: date, officerIds: chosen })
        : dialog.kind === 'change'
          ? await call('committees.update', { id: dialog.c.id, name, terms })
          : dialog.kind === 'add'
            ? await call('committees.addMember', { id: dialog.c.id, officerId, joinedOn: date })
            : dialog.kind === 'remove'
              ? await call('committees.removeMember', { id: dialog.c.id, officerId: dialog.officerId, leftOn: date })
              : await call('committees.dissolve', { id: dialog.c.id, dissolvedOn: date });
    setBusy(false);
    if (r.ok) {
      await queryClient.invalidateQueries();
      toast(dialog.kind === 'form' ? `${r.value.name} formed.` : dialog.kind === 'dissolve' ? `${r.value.name} dissolved.` : `${r.value.name} saved.`);
      onClose();
      return;
    }
    const f = r.error.fieldErrors ?? {};
    const known = ['name', 'terms', 'officerIds', 'officerId', dateField];
    const shown = known.filter((k) => f[k]);
    setErrors({ ...Object.fromEntries(shown.map((k) => [k, f[k]])), general: shown.length ? undefined : r.error.message });
  };
  const memberIds = new Set(existing?.members.filter((m) => !m.leftOn).map((m) => m.officerId));
  return (
    <form
      noValidate
      aria-label={FORM_LABEL[dialog.kind]}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {errors['general'] ? (
        <Banner tone="error" title="Not saved">
          <p>{errors['general']}</p>
        </Banner>
      ) : null}
      {dialog.kind === 'form' || dialog.kind === 'change' ? (
        <>
          <Field id="name" label="Name of the committee" hint="For example: Audit and Risk Committee" error={errors['name']}>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <Field id="terms" label="Terms of reference (optional)" error={errors['terms']}>
            <textarea rows={4} value={terms} onChange={(e) => setTerms(e.target.value)} />
          </Field>
        </>
      ) : null}
      {dialog.kind === 'form' ? (
        <fieldset className={`field${errors['officerIds'] ? ' has-error' : ''}`} aria-describedby={errors['officerIds'] ? 'officerIds-error' : undefined}>
          <legend className="legend-small">Members</legend>
          {errors['officerIds'] ? (
            <span className="error-message" id="officerIds-error">
              {errors['officerIds']}
            </span>
          ) : null}
          {directors.length === 0 ? <p className="muted">No directors are in office.</p> : null}
          {directors.map((d, i) => (
            <div className="checkbox" key={d.id}>
              <input
                type="checkbox"
                id={i === 0 ? 'officerIds' : `cm-${d.id}`}
                checked={chosen.includes(d.id)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))}
              />
              <label htmlFor={i === 0 ? 'officerIds' : `cm-${d.id}`}>{fullName(d)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      {dialog.kind === 'add' ? (
        <Field id="officerId" label="Director" error={errors['officerId']}>
          <select value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
            <option value="">Choose a director</option>
            {directors
              .filter((d) => !memberIds.has(d.id))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {fullName(d)}
                </option>
              ))}
          </select>
        </Field>
      ) : null}
      {dialog.kind !== 'change' ? <DateInput id={dateField} label={dateLabel} value={date} onChange={setDate} error={errors[dateField]} /> : null}
      <DialogButtons
        submitLabel={dialog.kind === 'form' ? 'Form the committee' : dialog.kind === 'dissolve' ? 'Dissolve' : dialog.kind === 'remove' ? 'Record leaving' : 'Save'}
        busy={busy}
        onCancel={onClose}
      />
    </form>
  );
}
