import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Counterparty } from '../../../../shared/contract/counterparties';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toasts';
import { AddOrganisationDialog } from './OrganisationForm';
import { OrganisationsNav } from './OrganisationsPage';
import './organisations.css';

interface Pending {
  name: string;
  uses: number;
  counterparty: Pick<Counterparty, 'id' | 'name'>;
}

/**
 * Organisation names typed into declarations of interest, decisions, agenda items and
 * nominations before the organisations list existed (/organisations/names): each can be linked
 * to an organisation on the list, so its conflicts and contracts are found by the link.
 */
export function UnlinkedNamesPage() {
  const names = useApiQuery('counterparties.unlinkedNames', {});
  const orgs = useApiQuery('counterparties.list', {});
  const queryClient = useQueryClient();
  const toast = useToast();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [rowError, setRowError] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [adding, setAdding] = useState<{ name: string; uses: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const chosen = (name: string, matchId: string | null) => choice[name] ?? matchId ?? '';
  const ask = (name: string, uses: number, counterpartyId: string) => {
    const c = (orgs.data ?? []).find((o) => o.id === counterpartyId);
    if (!c) {
      setRowError((e) => ({ ...e, [name]: `Choose the organisation “${name}” means, or add it to the list.` }));
      // The message is next to the list to choose from: take the keyboard there.
      const index = (names.data ?? []).findIndex((n) => n.name === name);
      window.requestAnimationFrame(() => document.getElementById(`link-${index}`)?.focus());
      return;
    }
    setRowError((e) => ({ ...e, [name]: '' }));
    setPending({ name, uses, counterparty: c });
  };
  const link = async (p: Pending) => {
    setPending(null);
    const r = await call('counterparties.linkName', { name: p.name, counterpartyId: p.counterparty.id });
    if (!r.ok) {
      setFailure(r.error.fieldErrors?.['name'] ?? r.error.fieldErrors?.['counterpartyId'] ?? r.error.message);
      return;
    }
    setFailure(null);
    await queryClient.invalidateQueries();
    const v = r.value;
    const parts = [
      v.interests ? formatCount(v.interests, 'declaration') : null,
      v.decisions ? formatCount(v.decisions, 'decision') : null,
      v.agendaItems ? formatCount(v.agendaItems, 'agenda item') : null,
      v.appointments ? formatCount(v.appointments, 'nomination') : null,
    ].filter(Boolean);
    toast(`“${p.name}” linked to ${p.counterparty.name}${parts.length ? `: ${parts.join(', ')}` : ''}.`);
  };

  return (
    <div className="page">
      <PageHeader
        title="Names already used in records"
        lede="Organisations named in words in declarations of interest, decisions, agenda items and nominations, and not yet linked to the list. Link each to the organisation it means: conflicts of interest on contracts are then found by the link. The words recorded are kept as they were."
      />
      <OrganisationsNav current="names" />
      {failure ? (
        <Banner tone="error" title="Not linked">
          <p>{failure}</p>
        </Banner>
      ) : null}
      {names.error ? (
        <Banner tone="error" title="The names could not be read">
          <p>{names.error.message}</p>
        </Banner>
      ) : null}
      {!names.data ? (
        names.error ? null : <p role="status">Loading…</p>
      ) : names.data.length === 0 ? (
        <section className="card empty" aria-labelledby="names-empty-h">
          <h2 id="names-empty-h">Every name is linked</h2>
          <p>No declaration of interest, decision, agenda item or nomination names an organisation that is not linked to the list.</p>
          <p className="empty-actions">
            <Link to="/organisations">Back to the organisations list</Link>
          </p>
        </section>
      ) : (
        <div className="card org-table-card">
          <div className="table-wrap">
            <table className="data org-names">
              <caption className="visually-hidden">Organisation names not yet linked to the list</caption>
              <thead>
                <tr>
                  <th scope="col">Name as recorded</th>
                  <th scope="col" className="num">
                    Used
                  </th>
                  <th scope="col">Organisation it means</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {names.data.map((n, i) => {
                  const selectId = `link-${i}`;
                  const err = rowError[n.name];
                  return (
                    <tr key={n.name}>
                      <th scope="row">{n.name}</th>
                      <td className="num">{formatCount(n.uses, 'time')}</td>
                      <td>
                        <div className={`field org-link-field${err ? ' has-error' : ''}`}>
                          <label htmlFor={selectId} className="visually-hidden">
                            Organisation “{n.name}” means
                          </label>
                          {err ? (
                            <span className="error-message" id={`${selectId}-error`}>
                              <span className="visually-hidden">Error: </span>
                              {err}
                            </span>
                          ) : null}
                          <select
                            id={selectId}
                            value={chosen(n.name, n.matchId)}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={err ? `${selectId}-error` : undefined}
                            onChange={(e) => setChoice((c) => ({ ...c, [n.name]: e.target.value }))}
                          >
                            <option value="">Choose the organisation</option>
                            {(orgs.data ?? []).map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.name}
                                {o.id === n.matchId ? ' (same name)' : ''}
                              </option>
                            ))}
                          </select>
                        </div>
                      </td>
                      <td className="org-row-action">
                        <button type="button" className="btn btn-primary btn-small" onClick={() => ask(n.name, n.uses, chosen(n.name, n.matchId))}>
                          Link<span className="visually-hidden"> “{n.name}”</span>
                        </button>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setAdding({ name: n.name, uses: n.uses })}>
                          Add as a new organisation<span className="visually-hidden"> for “{n.name}”</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `Link “${pending.name}” to ${pending.counterparty.name}?` : 'Link the name?'}
        confirmLabel="Link the records"
        onCancel={() => setPending(null)}
        onConfirm={() => pending && void link(pending)}
      >
        {pending ? (
          <p>
            The {formatCount(pending.uses, 'record')} that name “{pending.name}” (declarations of interest, decisions, agenda items and nominations) will point to{' '}
            {pending.counterparty.name}. The words recorded are kept. The link is recorded in the audit log and there is no undo on this screen.
          </p>
        ) : null}
      </ConfirmDialog>
      <AddOrganisationDialog
        open={adding !== null}
        initialName={adding?.name ?? ''}
        onClose={() => setAdding(null)}
        onAdded={(c) => {
          if (adding) {
            setChoice((ch) => ({ ...ch, [adding.name]: c.id }));
            setPending({ name: adding.name, uses: adding.uses, counterparty: c });
          }
        }}
      />
    </div>
  );
}
