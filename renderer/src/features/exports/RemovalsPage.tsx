import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { useModalDialog } from '../../ui/useModalDialog';
import './exports.css';
import { formatLegalDate } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';

/**
 * Former members whose entries may now be removed: for a company 10 years after they ceased (CA
 * 2006 s121); for a society, as its rules allow (the CCBS Act 2014 sets no period), which the
 * lede says rather than citing s121.
 * Removal is irreversible, so it asks for the number of entries to be typed before it runs.
 */
export function RemovalsPage() {
  const removable = useApiQuery('members.removable', {});
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ removed: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => removable.data?.rows ?? [], [removable.data]);
  const allBox = useRef<HTMLInputElement>(null);

  // Only entries still listed count as selected (the list is re-read after a removal).
  const picked = rows.filter((r) => selected.has(r.id));
  const n = picked.length;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = n > 0 && n < rows.length;
  }, [n, rows.length]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const remove = async () => {
    setConfirming(false);
    setError(null);
    const ids = picked.map((p) => p.id);
    const r = await call('members.remove', { ids, confirm: true });
    if (r.ok) {
      setResult(r.value);
      setSelected(new Set());
      await queryClient.invalidateQueries();
    } else {
      setError(r.error.message);
    }
  };

  const d = removable.data;

  return (
    <div className="page removals-page">
      <PageHeader
        title="Entries due for removal"
        lede={
          d ? (
            <>
              Former members who ceased on or before <strong>{formatLegalDate(d.ceasedOnOrBefore)}</strong>. {d.source.replace(/\.$/, '')}.
            </>
          ) : (
            'Former members whose entries may now be removed from the register.'
          )
        }
      />
      <p className="breadcrumb">
        <Link to="/register/exports">Exports and inspection</Link>
      </p>

      {result ? (
        <Banner tone="success" title={`${formatCount(result.removed, 'entry', 'entries')} removed`}>
          <p>
            The audit log records the removal by member number only. The personal data in the earlier events about{' '}
            {result.removed === 1 ? 'this entry' : 'these entries'} has been erased, and the log still verifies.
          </p>
        </Banner>
      ) : null}
      {error ? <Banner tone="error" title="Nothing was removed">{error}</Banner> : null}
      {removable.error ? <Banner tone="error" title="The list could not be read">{removable.error.message}</Banner> : null}

      <section className="card removal-explainer" aria-labelledby="what-h">
        <h2 id="what-h">What removal does</h2>
        <ul>
          <li>The entry leaves the register, with its share ledger. Its member number is never given to anyone else.</li>
          <li>
            The audit log keeps a record that the entries were removed, with their member numbers and no personal data. The personal data in the
            earlier events about them (their particulars and changes) is erased.
          </li>
          <li>
            The audit chain still verifies: each event is sealed with a digest of its details, so erasing the details does not break the seal, and
            the removal event says which events it erased.
          </li>
          <li>It cannot be undone, except by restoring a backup made before it.</li>
        </ul>
      </section>

      <section className="card" aria-labelledby="list-h">
        <header>
          <h2 id="list-h">{d ? `${formatCount(rows.length, 'entry', 'entries')} may be removed` : 'Entries that may be removed'}</h2>
        </header>
        {removable.isPending ? <p role="status">Loading…</p> : null}
        {d && rows.length === 0 ? (
          <div className="empty empty-compact">
            <p>
              No entries are due for removal. An entry becomes removable {d.years} year{d.years === 1 ? '' : 's'} after the member ceased
              {d.statutory ? ' (CA 2006 s121)' : ' (the period your rules set, or 10 years where they set none)'}; the next ones will appear here when
              they do.
            </p>
          </div>
        ) : null}
        {rows.length > 0 ? (
          <>
            <DataTable
              data={rows}
              caption="Former members whose entries may be removed, earliest cessation first"
              rowKey={(r) => r.id}
              className="removals-table"
              columns={[
                {
                  id: 'pick',
                  header: () => (
                    <input
                      ref={allBox}
                      type="checkbox"
                      aria-label="Select all entries"
                      checked={n > 0 && n === rows.length}
                      onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                    />
                  ),
                  cell: ({ row: { original: r } }) => (
                    <input
                      type="checkbox"
                      id={`pick-${r.id}`}
                      aria-label={`Select member ${r.memberNumber}, ${r.givenNames} ${r.familyName}`}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  ),
                },
                { id: 'number', header: 'Member number', cell: ({ row: { original: r } }) => r.memberNumber },
                {
                  id: 'name',
                  header: 'Name',
                  cell: ({ row: { original: r } }) => (
                    <Link to={`/register/members/${r.id}`}>
                      {r.givenNames} {r.familyName}
                    </Link>
                  ),
                },
                { id: 'ceased', header: 'Ceased', meta: { nowrap: true }, cell: ({ row: { original: r } }) => formatLegalDate(r.ceasedOn) },
                { id: 'removable', header: 'Removable from', meta: { nowrap: true }, cell: ({ row: { original: r } }) => formatLegalDate(r.removableFrom) },
              ]}
            />
            <div className="removal-bar">
              <button type="button" className="btn btn-danger" disabled={n === 0} onClick={() => setConfirming(true)}>
                {n === 0 ? 'Remove selected entries' : `Remove ${formatCount(n, 'entry', 'entries')}`}
              </button>
              <span className="muted" aria-live="polite">
                {n === 0 ? 'Select the entries to remove.' : `${formatCount(n, 'entry', 'entries')} selected.`}
              </span>
            </div>
          </>
        ) : null}
      </section>

      <ConfirmRemoval open={confirming} count={n} onCancel={() => setConfirming(false)} onConfirm={remove} />
    </div>
  );
}

/** The irreversible step: the secretary types how many entries will go. */
function ConfirmRemoval({ open, count, onCancel, onConfirm }: { open: boolean; count: number; onCancel: () => void; onConfirm: () => void }) {
  const titleId = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  // Each opening starts with an empty box.
  const ref = useModalDialog(open, onCancel, () => {
    setTyped('');
    setTried(false);
  });
  const matches = typed.trim() === String(count);
  const error = tried && !matches ? `Type ${count} to confirm, or cancel.` : undefined;
  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId}>
      <h2 id={titleId}>Remove {formatCount(count, 'entry', 'entries')} from the register?</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (matches) onConfirm();
        }}
      >
        <p>
          This cannot be undone. The {count === 1 ? 'entry' : 'entries'} and the personal data in the audit log about {count === 1 ? 'it' : 'them'} will be
          erased; the log keeps only the member {count === 1 ? 'number' : 'numbers'} and the date of removal.
        </p>
        <div className={`field confirm-count${error ? ' has-error' : ''}`}>
          <label htmlFor="confirm-count">Type the number of entries to remove ({count}) to confirm</label>
          {error ? (
            <span className="error-message" id="confirm-count-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </span>
          ) : null}
          <input
            id="confirm-count"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'confirm-count-error' : undefined}
            onChange={(e) => setTyped(e.target.value)}
            autoFocus
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger">
            Remove {formatCount(count, 'entry', 'entries')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
