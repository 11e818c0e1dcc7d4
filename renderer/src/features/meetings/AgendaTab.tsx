import { useCallback, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ITEM_PURPOSE_LABEL, PAPER_MAX_BYTES, STANDARD_ITEMS, STANDARD_ITEM_TITLE, type AgendaItem, type MeetingView, type Paper, type StandardItem } from '../../../../shared/contract/meetings';
import { request } from '../../api/client';
import { downloadExport } from '../../api/download';
import { formatBytes } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import { DocumentButton, startBoardPack, uploadPaper } from './documents';
import { conflictWords, formatAllotted, itemDepth, shortSha } from './format';
import { ItemDialog, type ItemDialogState } from './ItemDialog';
import { useMeetingChange } from './useMeetingChange';

/** The Agenda and papers tab: ordered items with sub-items, their papers, and who is conflicted. */
export function AgendaTab({ v }: { v: MeetingView }) {
  const [dialog, setDialog] = useState<ItemDialogState>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [standard, setStandard] = useState<StandardItem | ''>('');
  const change = useMeetingChange(v.meeting.id);
  const editable = !v.sealed && v.meeting.status !== 'cancelled';
  const present = new Set(v.items.map((i) => i.standard).filter(Boolean));
  const missing = STANDARD_ITEMS.filter((s) => !present.has(s));
  const papers = v.items.reduce((n, i) => n + i.papers.length, 0);
  const run = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await p;
    setProblem(r.ok ? null : (r.error?.message ?? null));
  };
  return (
    <div className="mtg-agenda">
      <div className="board-section-head">
        <div>
          <h2>Agenda and papers</h2>
          <p className="muted">
            {v.items.length} {v.items.length === 1 ? 'item' : 'items'}, {papers} {papers === 1 ? 'paper' : 'papers'}. Papers are kept inside the records file with their SHA-256 fingerprint.
          </p>
        </div>
        <DocumentButton label="Board pack (PDF)" busyLabel="Producing the board pack" start={() => startBoardPack(v.meeting.id)} describe={(r) => (typeof r['pages'] === 'number' ? `${r['pages']} pages` : '')} />
      </div>
      {problem ? (
        <p className="mtg-inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      {v.items.length === 0 ? (
        <p className="empty">No items yet. Add the first item, or the standard ones (apologies, declarations of interest, minutes of the last meeting, matters arising, any other business).</p>
      ) : (
        <ol className="mtg-items" aria-label="Agenda">
          {v.items.map((item) => {
            const siblings = v.items.filter((i) => i.parentId === item.parentId);
            const index = siblings.findIndex((i) => i.id === item.id);
            return (
              <li key={item.id} className={`mtg-item depth-${itemDepth(item.number)}`} aria-labelledby={`item-${item.id}-h`}>
                <div className="mtg-item-head">
                  <span className="mtg-item-number" aria-hidden="true">
                    {item.number}
                  </span>
                  <div className="mtg-item-main">
                    <h3 id={`item-${item.id}-h`} className="mtg-item-title">
                      <span className="visually-hidden">Item {item.number}: </span>
                      {item.title}
                    </h3>
                    <ItemMeta item={item} />
                    {conflictWords(item.conflicted) ? <p className="mtg-conflict">{conflictWords(item.conflicted)}</p> : null}
                  </div>
                  {editable ? (
                    <div className="mtg-item-actions" role="group" aria-label={`Item ${item.number}`}>
                      <button type="button" className="btn btn-secondary btn-small" disabled={index === 0} onClick={() => void run(change('meetings.moveItem', { id: item.id, direction: 'up' }))}>
                        <span aria-hidden="true">↑ </span>Up<span className="visually-hidden"> (move item {item.number} up)</span>
                      </button>
                      <button type="button" className="btn btn-secondary btn-small" disabled={index === siblings.length - 1} onClick={() => void run(change('meetings.moveItem', { id: item.id, direction: 'down' }))}>
                        <span aria-hidden="true">↓ </span>Down<span className="visually-hidden"> (move item {item.number} down)</span>
                      </button>
                      <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog({ mode: 'edit', item })}>
                        Change<span className="visually-hidden"> item {item.number}</span>
                      </button>
                      {item.parentId === null ? (
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog({ mode: 'add', parent: item })}>
                          Sub-item<span className="visually-hidden"> (add one under item {item.number})</span>
                        </button>
                      ) : null}
                      <button type="button" className="btn btn-link" onClick={() => setRemoving(item)}>
                        Remove<span className="visually-hidden"> item {item.number}</span>
                      </button>
                    </div>
                  ) : null}
                </div>
                <Papers item={item} meetingId={v.meeting.id} editable={editable} />
              </li>
            );
          })}
        </ol>
      )}
      {editable ? (
        <div className="mtg-add-items">
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ mode: 'add' })}>
            Add an item
          </button>
          {missing.length > 0 ? (
            <form
              className="mtg-add-standard"
              aria-label="Add a standard item"
              onSubmit={(e) => {
                e.preventDefault();
                if (!standard) return;
                void run(change('meetings.addItem', { meetingId: v.meeting.id, standard, title: STANDARD_ITEM_TITLE[standard], purpose: standard === 'previous_minutes' ? 'decision' : 'discussion' }, `${STANDARD_ITEM_TITLE[standard]} added.`));
                setStandard('');
              }}
            >
              <label htmlFor="standard-item">Standard item</label>
              <select id="standard-item" value={standard} onChange={(e) => setStandard(e.target.value as StandardItem)}>
                <option value="">Choose one</option>
                {missing.map((s) => (
                  <option key={s} value={s}>
                    {STANDARD_ITEM_TITLE[s]}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary" disabled={!standard}>
                Add standard item
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      <ItemDialog meetingId={v.meeting.id} state={dialog} onClose={closeDialog} />
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove item ${removing.number}?` : 'Remove item?'}
        confirmLabel="Remove item"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const item = removing!;
          setRemoving(null);
          void run(change('meetings.removeItem', { id: item.id }, `Item ${item.number} removed.`));
        }}
      >
        <p>
          {removing?.title}
          {removing && (removing.papers.length > 0 || v.items.some((i) => i.parentId === removing.id)) ? ', with its sub-items and papers.' : '.'} An item with decisions recorded on it cannot be removed.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** The item's presenter, purpose, time and tags. */
export function ItemMeta({ item }: { item: AgendaItem }) {
  return (
    <ul className="mtg-item-meta">
      <li>
        <span className={item.purpose === 'decision' ? 'badge badge-info' : 'badge'}>{ITEM_PURPOSE_LABEL[item.purpose]}</span>
      </li>
      {item.presenter ? <li>Presented by {item.presenter}</li> : null}
      {item.minutesAllotted ? <li>{formatAllotted(item.minutesAllotted)}</li> : null}
      {item.relatedOrganisation ? (
        <li className="mtg-tag">
          <span className="visually-hidden">Organisation: </span>
          <span aria-hidden="true">Organisation · </span>
          {item.counterpartyId ? <Link to={`/organisations/${item.counterpartyId}`}>{item.relatedOrganisation}</Link> : item.relatedOrganisation}
        </li>
      ) : null}
      {item.contractRef ? (
        <li className="mtg-tag">
          <span className="visually-hidden">Contract: </span>
          <span aria-hidden="true">Contract · </span>
          {item.contractId ? <Link to={`/contracts/${item.contractId}`}>{item.contractRef}</Link> : item.contractRef}
        </li>
      ) : null}
      {item.startsAt ? <li>Taken at {item.startsAt}</li> : null}
    </ul>
  );
}

const PAPER_KIND_LABEL: Record<Paper['kind'], string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', png: 'PNG image', jpeg: 'JPEG image' };

/** An item's papers: download, remove, and attach another (sent in chunks, its type checked by the core from its bytes). */
function Papers({ item, meetingId, editable }: { item: AgendaItem; meetingId: string; editable: boolean }) {
  const change = useMeetingChange(meetingId);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const fileId = useId();
  const [title, setTitle] = useState('');
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<Paper | null>(null);
  const attach = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setMessage({ error: true, text: 'Choose a file to attach.' });
      return;
    }
    if (file.size > PAPER_MAX_BYTES) {
      setMessage({ error: true, text: `${file.name} is ${formatBytes(file.size)}; a paper can be at most ${formatBytes(PAPER_MAX_BYTES)}.` });
      return;
    }
    setMessage(null);
    setUpload({ sent: 0, total: file.size });
    try {
      const uploadId = await uploadPaper(file, (sent, total) => setUpload({ sent, total }));
      const r = await change('meetings.attachPaper', { agendaItemId: item.id, uploadId, ...(title.trim() ? { title } : {}) });
      if (r.ok) {
        setMessage({ error: false, text: `${file.name} attached to item ${item.number}.` });
        setTitle('');
        if (fileRef.current) fileRef.current.value = '';
      } else setMessage({ error: true, text: r.error.fieldErrors?.['uploadId'] ?? r.error.fieldErrors?.['title'] ?? r.error.message });
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : 'The file could not be sent.' });
    } finally {
      setUpload(null);
    }
  };
  const download = async (p: Paper) => {
    try {
      const made = await request('meetings.readPaper', { id: p.id });
      await downloadExport(made.fileId);
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : 'The paper could not be read.' });
    }
  };
  if (item.papers.length === 0 && !editable) return null;
  return (
    <div className="mtg-papers">
      {item.papers.length > 0 ? (
        <table className="data mtg-paper-table">
          <caption className="visually-hidden">Papers for item {item.number}</caption>
          <thead>
            <tr>
              <th scope="col">Paper</th>
              <th scope="col">Type and size</th>
              <th scope="col">SHA-256 (first 12)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {item.papers.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.title}
                  {p.title !== p.fileName ? <span className="board-sub">{p.fileName}</span> : null}
                </th>
                <td className="nowrap">
                  {PAPER_KIND_LABEL[p.kind]}, {formatBytes(p.sizeBytes)}
                </td>
                <td>
                  <span className="hash" title={p.sha256}>
                    {shortSha(p.sha256)}
                  </span>
                </td>
                <td className="board-row-action">
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => void download(p)}>
                    Download<span className="visually-hidden"> {p.title}</span>
                  </button>
                  {editable ? (
                    <button type="button" className="btn btn-link" onClick={() => setRemoving(p)}>
                      Remove<span className="visually-hidden"> {p.title}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editable ? (
        <details className="mtg-attach">
          <summary>
            Attach a paper<span className="visually-hidden"> to item {item.number}</span>
          </summary>
          <div className="mtg-attach-body">
            <div className="field">
              <label htmlFor={fileId}>File</label>
              <span className="hint" id={`${fileId}-hint`}>
                PDF, Word, Excel, PNG or JPEG, up to 50 MB.
              </span>
              <input ref={fileRef} id={fileId} type="file" aria-describedby={`${fileId}-hint`} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" />
            </div>
            <div className="field">
              <label htmlFor={titleId}>Title (optional)</label>
              <span className="hint" id={`${titleId}-hint`}>
                Left blank, the file name is used.
              </span>
              <input id={titleId} type="text" aria-describedby={`${titleId}-hint`} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
            </div>
            <button type="button" className="btn btn-secondary" disabled={upload !== null} onClick={() => void attach()}>
              Attach<span className="visually-hidden"> to item {item.number}</span>
            </button>
            {upload ? <ProgressBar done={upload.sent} total={upload.total} label="Sending the paper" /> : null}
          </div>
        </details>
      ) : null}
      <p className={message?.error ? 'mtg-inline-error' : 'mtg-inline-ok'} role="status">
        {message?.text ?? ''}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this paper?"
        confirmLabel="Remove paper"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const p = removing!;
          setRemoving(null);
          const r = await change('meetings.removePaper', { id: p.id }, `${p.title} removed.`);
          if (!r.ok) setMessage({ error: true, text: r.error.message });
        }}
      >
        <p>{removing?.title} will no longer be part of item {item.number} or the board pack.</p>
      </ConfirmDialog>
    </div>
  );
}

