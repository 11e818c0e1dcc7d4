import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { HOLDING_BASES, HOLDING_BASIS_CHOICE, HOLDING_BASIS_LABEL, type GroupOrganisation, type HoldingBasis, type Relation, type RelationKind } from '../../../../shared/contract/group';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DateInput } from '../../ui/DateInput';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useToast } from '../../ui/Toasts';
import { AddOrganisationForm } from './AddOrganisationForm';
import './group.css';

/** "100% of the ordinary shares (100 shares), 100% of the votes" beside the words recorded. */
export function holdingText(r: Relation): string {
  const h = r.holding;
  if (!h) return '';
  const figures = [
    h.sharesPct !== null ? `${h.sharesPct}% of the ordinary shares` : null,
    h.sharesHeld !== null ? `${h.sharesHeld.toLocaleString('en-GB')} shares` : null,
    h.votesPct !== null ? `${h.votesPct}% of the votes` : null,
    h.membershipClass ? `membership class: ${h.membershipClass}` : null,
  ].filter(Boolean);
  return `${HOLDING_BASIS_LABEL[h.basis]}: ${h.words}${figures.length > 0 ? ` (${figures.join(', ')})` : ''}`;
}

function period(r: Relation): string {
  return r.endedOn ? `from ${formatLegalDate(r.sinceOn)} until ${formatLegalDate(r.endedOn)}` : `since ${formatLegalDate(r.sinceOn)}`;
}

/**
 * Settings › Group: the organisations this file keeps and how they relate (a parent and its
 * subsidiaries with the parent's holding, sisters sharing a secretariat). A secretary adds an
 * organisation with the set-up form, records a relation, and ends one.
 */
export function GroupPage() {
  const group = useApiQuery('group.organisations', {});
  const [adding, setAdding] = useState(false);
  const [relating, setRelating] = useState(false);
  const [ending, setEnding] = useState<Relation | null>(null);

  if (group.error) return <Banner tone="error" title="The group could not be read">{group.error.message}</Banner>;
  if (!group.data) return <p role="status">Loading…</p>;
  const { organisations, relations } = group.data;
  const live = (o: GroupOrganisation) => o.relations.filter((r) => r.endedOn === null);

  return (
    <section aria-labelledby="group-h">
      <h2 id="group-h">Group</h2>
      <p className="muted">
        One file can keep the records of several organisations: a parent and its subsidiaries, or sister organisations sharing a secretariat. Each
        screen shows only the records of the organisation chosen in the top bar.
      </p>
      <div className="group-actions">
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          Add an organisation
        </button>
        {organisations.length > 1 ? (
          <button type="button" className="btn btn-secondary" onClick={() => setRelating(true)}>
            Record a relation
          </button>
        ) : null}
      </div>

      <table className="data group-table">
        <caption className="visually-hidden">Organisations in this file</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Legal form and number</th>
            <th scope="col">Parent</th>
            <th scope="col">Subsidiaries</th>
            <th scope="col">Sisters</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => {
            const parents = live(o).filter((r) => r.kind === 'subsidiary' && r.relatedOrganisationId === o.id);
            const subsidiaries = live(o).filter((r) => r.kind === 'subsidiary' && r.organisationId === o.id);
            const sisters = live(o).filter((r) => r.kind === 'sister');
            return (
              <tr key={o.id}>
                <th scope="row">
                  {o.name}
                  {o.current ? <span className="muted"> (shown now)</span> : null}
                </th>
                <td>
                  {LEGAL_FORM_INFO[o.legalForm].label}, {LEGAL_FORM_INFO[o.legalForm].registrar} {o.registrationNumber}
                </td>
                <td>{parents.length === 0 ? <span className="muted">None</span> : parents.map((r) => <div key={r.id}>{r.organisationName}</div>)}</td>
                <td>
                  {subsidiaries.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="group-relations">
                      {subsidiaries.map((r) => (
                        <li key={r.id}>
                          {r.relatedOrganisationName}: {holdingText(r)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {sisters.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    sisters.map((r) => <div key={r.id}>{r.organisationId === o.id ? r.relatedOrganisationName : r.organisationName}</div>)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 id="relations-h">Relations</h3>
      {relations.length === 0 ? (
        <p className="muted">No relation between the organisations is recorded yet.</p>
      ) : (
        <table className="data group-table" aria-labelledby="relations-h">
          <thead>
            <tr>
              <th scope="col">Relation</th>
              <th scope="col">Holding</th>
              <th scope="col">When</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {relations.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.kind === 'subsidiary' ? `${r.relatedOrganisationName} is a subsidiary of ${r.organisationName}` : `${r.organisationName} and ${r.relatedOrganisationName} are sisters`}
                </th>
                <td>{r.kind === 'subsidiary' ? holdingText(r) : 'A shared secretariat; neither holds the other'}</td>
                <td>{period(r)}</td>
                <td>
                  {r.endedOn === null ? (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setEnding(r)}>
                      End<span className="visually-hidden"> the relation of {r.organisationName} and {r.relatedOrganisationName}</span>
                    </button>
                  ) : (
                    <span className="muted">Ended</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <FormDialog open={adding} title="Add an organisation" wide onClose={() => setAdding(false)} description="Its particulars and the rules of its governing document, as at set-up. The organisation shown now stays shown; switch to the new one from the top bar.">
        <AddOrganisationForm onDone={() => setAdding(false)} />
      </FormDialog>
      <FormDialog open={relating} title="Record a relation" onClose={() => setRelating(false)}>
        <RelationForm organisations={organisations} onDone={() => setRelating(false)} />
      </FormDialog>
      <FormDialog open={ending !== null} title="End a relation" onClose={() => setEnding(null)} description={ending ? `${ending.organisationName} and ${ending.relatedOrganisationName}, ${period(ending)}.` : undefined}>
        {ending ? <EndRelationForm relation={ending} onDone={() => setEnding(null)} /> : null}
      </FormDialog>
    </section>
  );
}

type Errors = Record<string, string>;

function RelationForm({ organisations, onDone }: { organisations: GroupOrganisation[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const current = organisations.find((o) => o.current) ?? organisations[0]!;
  const [organisationId, setOrganisationId] = useState(current.id);
  const [relatedId, setRelatedId] = useState(organisations.find((o) => o.id !== current.id)?.id ?? '');
  const [kind, setKind] = useState<RelationKind>('subsidiary');
  const [basis, setBasis] = useState<HoldingBasis>('shares');
  const [words, setWords] = useState('');
  const [sharesHeld, setSharesHeld] = useState('');
  const [sharesPct, setSharesPct] = useState('');
  const [votesPct, setVotesPct] = useState('');
  const [membershipClass, setMembershipClass] = useState('');
  const [sinceOn, setSinceOn] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    const holding =
      kind === 'subsidiary'
        ? {
            basis,
            words,
            ...(basis === 'shares' ? { sharesHeld: num(sharesHeld), sharesPct: num(sharesPct) } : { membershipClass }),
            votesPct: num(votesPct),
          }
        : null;
    const result = await call('group.setRelation', { organisationId, relatedOrganisationId: relatedId, kind, holding, sinceOn });
    setBusy(false);
    if (result.ok) {
      await queryClient.invalidateQueries({ queryKey: ['group.organisations'] });
      toast('Relation recorded in the audit log.');
      onDone();
      return;
    }
    const fields = result.error.fieldErrors ?? {};
    setErrors(fields);
    setGeneral(Object.keys(fields).length === 0 ? result.error.message : null);
    setAttempt((a) => a + 1);
  };
  const err = (path: string) => errors[path];
  const summary: SummaryItem[] = Object.entries(errors).map(([path, message]) => ({ fieldId: `rel-${path.replaceAll('.', '-')}`, message }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary items={summary} focusKey={attempt} />
      {general ? <Banner tone="error" title="Not recorded">{general}</Banner> : null}
      <Field id="rel-organisationId" label={kind === 'subsidiary' ? 'Parent' : 'Organisation'} error={err('organisationId')}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="field">
        <legend>How they relate</legend>
        <div className="checkbox">
          <input type="radio" id="rel-kind-subsidiary" name="rel-kind" checked={kind === 'subsidiary'} onChange={() => setKind('subsidiary')} />
          <label htmlFor="rel-kind-subsidiary">The other is its subsidiary</label>
        </div>
        <div className="checkbox">
          <input type="radio" id="rel-kind-sister" name="rel-kind" checked={kind === 'sister'} onChange={() => setKind('sister')} />
          <label htmlFor="rel-kind-sister">Sisters: they share a secretariat and neither holds the other</label>
        </div>
      </fieldset>
      <Field id="rel-relatedOrganisationId" label={kind === 'subsidiary' ? 'Subsidiary' : 'Sister organisation'} error={err('relatedOrganisationId')}>
        <select value={relatedId} onChange={(e) => setRelatedId(e.target.value)}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'subsidiary' ? (
        <>
          <fieldset className="field">
            <legend>How the parent holds it</legend>
            {HOLDING_BASES.map((b) => (
              <div className="checkbox" key={b}>
                <input type="radio" id={`rel-basis-${b}`} name="rel-basis" checked={basis === b} onChange={() => setBasis(b)} />
                <label htmlFor={`rel-basis-${b}`}>{HOLDING_BASIS_CHOICE[b]}</label>
              </div>
            ))}
          </fieldset>
          <Field id="rel-holding-words" label="The holding in words" hint="For example: all 100 ordinary shares of £1, or one A share as a member of the society." error={err('holding.words')}>
            <input type="text" value={words} onChange={(e) => setWords(e.target.value)} />
          </Field>
          {basis === 'shares' ? (
            <>
              <Field id="rel-holding-sharesHeld" label="Number of shares held (optional)" error={err('holding.sharesHeld')}>
                <input type="text" inputMode="numeric" value={sharesHeld} onChange={(e) => setSharesHeld(e.target.value)} />
              </Field>
              <Field id="rel-holding-sharesPct" label="Percentage of the ordinary shares (optional)" error={err('holding.sharesPct')}>
                <input type="text" inputMode="decimal" value={sharesPct} onChange={(e) => setSharesPct(e.target.value)} />
              </Field>
            </>
          ) : (
            <Field id="rel-holding-membershipClass" label="Class of membership (optional)" error={err('holding.membershipClass')}>
              <input type="text" value={membershipClass} onChange={(e) => setMembershipClass(e.target.value)} />
            </Field>
          )}
          <Field id="rel-holding-votesPct" label="Percentage of the votes (optional)" error={err('holding.votesPct')}>
            <input type="text" inputMode="decimal" value={votesPct} onChange={(e) => setVotesPct(e.target.value)} />
          </Field>
        </>
      ) : null}
      <DateInput id="rel-sinceOn" label="The date the relation began" value={sinceOn} onChange={setSinceOn} error={err('sinceOn')} />
      <DialogButtons submitLabel="Record the relation" busy={busy} onCancel={onDone} />
    </form>
  );
}

function EndRelationForm({ relation, onDone }: { relation: Relation; onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [endedOn, setEndedOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('group.endRelation', { id: relation.id, endedOn });
    setBusy(false);
    if (result.ok) {
      await queryClient.invalidateQueries({ queryKey: ['group.organisations'] });
      toast('The end of the relation is recorded in the audit log.');
      onDone();
      return;
    }
    setError(result.error.fieldErrors?.['endedOn'] ?? result.error.message);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DateInput id="rel-endedOn" label="The date the relation ended" value={endedOn} onChange={setEndedOn} error={error ?? undefined} />
      <DialogButtons submitLabel="End the relation" busy={busy} onCancel={onDone} />
    </form>
  );
}
