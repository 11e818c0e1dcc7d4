import { useCallback, useState } from 'react';
import type { MeetingView } from '../../../../shared/contract/meetings';
import { Banner } from '../../ui/Banner';
import { ItemDecisions } from '../decisions/ItemDecisions';
import { DeclareInterestDialog } from './DeclareInterestDialog';
import { conflictWords } from './format';
import { ItemMeta } from './AgendaTab';
import { ItemNotes } from './ItemNotes';
import { QuorumVerdict } from './QuorumVerdict';

/** The Items and decisions tab: each item with its quorum, notes and decisions. */
export function ItemsTab({ v }: { v: MeetingView }) {
  const [declaring, setDeclaring] = useState(false);
  const close = useCallback(() => setDeclaring(false), []);
  const editable = !v.sealed && v.meeting.status !== 'cancelled';
  return (
    <div className="mtg-items-tab">
      <div className="board-section-head">
        <h2>Items and decisions</h2>
        {editable ? (
          <button type="button" className="btn btn-secondary" onClick={() => setDeclaring(true)}>
            Record a declaration of interest
          </button>
        ) : null}
      </div>
      {v.declarations.length > 0 ? (
        <section className="mtg-subsection" aria-labelledby="decl-h">
          <h3 id="decl-h">Declarations made at the meeting</h3>
          <ul className="mtg-people">
            {v.declarations.map((d) => {
              const item = v.items.find((i) => i.id === d.agendaItemId);
              return (
                <li key={d.id}>
                  <span className="board-name">{d.name}</span> <span>{d.nature}</span>
                  {item ? <span className="muted"> (item {item.number})</span> : null}
                  {d.interestId ? <span className="muted">, entered in the interests register</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {v.items.length === 0 ? <p className="empty">No items on the agenda yet. Add them on the Agenda and papers tab.</p> : null}
      {v.items.map((item) => (
        <section key={item.id} className="card mtg-item-card" aria-labelledby={`it-${item.id}-h`}>
          <h3 id={`it-${item.id}-h`} className="mtg-item-card-title">
            <span className="mtg-item-number">{item.number}</span> {item.title}
          </h3>
          <ItemMeta item={item} />
          {item.quorum ? <QuorumVerdict q={item.quorum} /> : null}
          {conflictWords(item.conflicted) ? <p className="mtg-conflict">{conflictWords(item.conflicted)}</p> : null}
          <ItemNotes meetingId={v.meeting.id} item={item} disabled={!editable} />
          <ItemDecisions meeting={v} item={item} />
        </section>
      ))}
      {v.sealed ? (
        <Banner tone="info">
          <p>The minutes are signed: notes and decisions are sealed.</p>
        </Banner>
      ) : null}
      <DeclareInterestDialog v={v} open={declaring} onClose={close} />
    </div>
  );
}
