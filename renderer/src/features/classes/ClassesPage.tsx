import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MembershipClass } from '../../../../shared/contract/classes';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toasts';
import { eligibilitySummary, shareTermsSummary, voteCapSummary, votingSummary } from './class-terms';
import { useLegalForm } from '../../lib/useLegalForm';
import { BLANK_CLASS, CLASS_PRESETS, classValues, defaultShareTerms, type ClassValues } from './class-form-values';
import { ClassForm } from './ClassForm';
import './classes.css';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

type View = { kind: 'list' } | { kind: 'create'; initial: ClassValues } | { kind: 'edit'; cls: MembershipClass };

/** Membership classes: who may join, how they vote and, where there are shares, on what terms. */
export function ClassesPage() {
  const classes = useApiQuery('classes.list', {});
  const form = useLegalForm();
  const [view, setView] = useState<View>({ kind: 'list' });
  const queryClient = useQueryClient();
  const toast = useToast();

  if (classes.error) {
    return (
      <div className="page">
        <PageHeader title="Membership classes" />
        <Banner tone="error" title="The classes could not be read">
          <p>{classes.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!classes.data || !form) return <p role="status">Loading…</p>;

  const start = (values: Omit<ClassValues, 'shareTerms'>) => setView({ kind: 'create', initial: { ...values, shareTerms: defaultShareTerms(form.family) } });
  const done = async (saved: MembershipClass, verb: string) => {
    await queryClient.invalidateQueries({ queryKey: ['classes.list'] });
    toast(`Class “${saved.name}” ${verb}.`);
    setView({ kind: 'list' });
  };

  if (view.kind !== 'list') {
    const editing = view.kind === 'edit' ? view.cls : null;
    return (
      <div className="page page-narrow">
        <PageHeader title="Membership classes" />
        <ClassForm
          form={form}
          editing={editing}
          initial={view.kind === 'edit' ? classValues(view.cls) : view.initial}
          onDone={(saved) => void done(saved, editing ? 'saved' : 'created')}
          onCancel={() => setView({ kind: 'list' })}
        />
      </div>
    );
  }

  const used = new Set(classes.data.map((c) => c.name.toLowerCase()));
  const unusedPresets = CLASS_PRESETS.filter((p) => !used.has(p.values.name.toLowerCase()));
  return (
    <div className="page">
      <PageHeader
        title="Membership classes"
        lede="Who may be a member, how each class votes and, where members hold shares, the terms of their shares, as your governing document sets them."
        actions={
          classes.data.length > 0 ? (
            <button type="button" className="btn btn-primary" onClick={() => start(BLANK_CLASS)}>
              Add a class
            </button>
          ) : null
        }
      />
      {classes.data.length === 0 ? (
        <div className="card">
          <div className="empty classes-empty">
            <h2>No membership classes yet</h2>
            <p>Start from a class most public service mutuals have, and change it to match your governing document.</p>
          </div>
          <Presets presets={CLASS_PRESETS} onPick={start} />
          <div className="empty-actions">
            <button type="button" className="btn btn-secondary" onClick={() => start(BLANK_CLASS)}>
              Start from a blank form
            </button>
          </div>
        </div>
      ) : (
        <>
          <ClassTable classes={classes.data} form={form} onEdit={(cls) => setView({ kind: 'edit', cls })} />
          {unusedPresets.length > 0 ? (
            <section className="card" aria-labelledby="presets-h">
              <h2 id="presets-h">Add a typical class</h2>
              <Presets presets={unusedPresets} onPick={start} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function Presets({ presets, onPick }: { presets: typeof CLASS_PRESETS; onPick: (values: Omit<ClassValues, 'shareTerms'>) => void }) {
  return (
    <ul className="presets">
      {presets.map((p) => (
        <li key={p.key}>
          <button type="button" className="preset" onClick={() => onPick(p.values)} aria-describedby={`preset-${p.key}`}>
            <span className="preset-plus" aria-hidden="true">
              +
            </span>
            <span className="preset-name">{p.label}</span>
          </button>
          <span className="preset-blurb" id={`preset-${p.key}`}>
            {p.blurb}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ClassTable({ classes, form, onEdit }: { classes: MembershipClass[]; form: LegalFormInfo; onEdit: (cls: MembershipClass) => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [deleting, setDeleting] = useState<MembershipClass | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const confirmDelete = async () => {
    if (!deleting) return;
    const target = deleting;
    setDeleting(null);
    const result = await call('classes.delete', { id: target.id });
    if (result.ok) {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ['classes.list'] });
      toast(`Class “${target.name}” deleted.`);
    } else {
      setProblem(result.error.message);
    }
  };

  return (
    <>
      {problem ? (
        <Banner tone="error" title="The class was not deleted">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <div className="card table-card">
        <DataTable
          data={classes}
          caption="Membership classes"
          rowKey={(c) => c.id}
          className="classes-table"
          columns={[
            {
              id: 'name',
              header: 'Class',
              meta: { rowHeader: true },
              cell: ({ row: { original: c } }) => (
                <>
                  <strong>{c.name}</strong>
                  {c.description ? <div className="muted class-description">{c.description}</div> : null}
                </>
              ),
            },
            {
              id: 'voting',
              header: 'Voting rights',
              cell: ({ row: { original: c } }) => (
                <>
                  {votingSummary(c)}
                  {c.voteCap ? <div className="muted">{voteCapSummary(c)}</div> : null}
                </>
              ),
            },
            {
              id: 'eligibility',
              header: 'Employee eligibility',
              cell: ({ row: { original: c } }) =>
                c.isEmployeeClass ? capitalise(eligibilitySummary(c) ?? 'employees, no further conditions') : <span className="muted">Not an employee class</span>,
            },
            ...(form.hasShares
              ? [{ id: 'shares', header: 'Share terms', cell: ({ row: { original: c } }) => shareTermsSummary(c, form.family) ?? <span className="muted">None set</span> } satisfies ColumnDef<MembershipClass>]
              : []),
            { id: 'members', header: 'Current members', meta: { numeric: true }, cell: ({ row: { original: c } }) => c.currentMembers.toLocaleString('en-GB') },
            {
              id: 'actions',
              header: 'Actions',
              meta: { headerHidden: true, className: 'row-actions' },
              cell: ({ row: { original: c } }) => (
                <>
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => onEdit(c)}>
                    Change<span className="visually-hidden"> the {c.name} class</span>
                  </button>
                  {c.currentMembers === 0 ? (
                    <button type="button" className="btn btn-link" onClick={() => setDeleting(c)}>
                      Delete<span className="visually-hidden"> the {c.name} class</span>
                    </button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete the ${deleting.name} class?` : ''}
        confirmLabel="Delete the class"
        tone="danger"
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          A class can be deleted only if it has never had a member; one that has stays for the register’s history. The deletion is recorded in the
          audit log.
        </p>
      </ConfirmDialog>
    </>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
