import { Link } from 'react-router';
import { INTEREST_CATEGORY_LABEL, type Interest } from '../../../../shared/contract/interests';
import { formatLegalDate } from '../../lib/dates';

/** Declarations of interest, newest first; with `showOfficer` for the board-wide view. */
export function InterestsTable({ interests, showOfficer, caption, onEnd }: { interests: Interest[]; showOfficer: boolean; caption: string; onEnd: (i: Interest) => void }) {
  return (
    <div className="table-wrap">
      <table className="data board-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showOfficer ? <th scope="col">Director or officer</th> : null}
            <th scope="col">Interest</th>
            <th scope="col">Related organisation</th>
            <th scope="col">Declared</th>
            <th scope="col">Ended</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {interests.map((i) => (
            <tr key={i.id}>
              {showOfficer ? (
                <td>
                  <Link to={`/officers/${i.officerId}`}>{i.officerName}</Link>
                </td>
              ) : null}
              <td>
                <span className="board-interest-nature">{i.nature}</span>
                <span className="board-sub">{INTEREST_CATEGORY_LABEL[i.category]}</span>
              </td>
              <td>{i.relatedOrganisation ?? <span className="muted">None given</span>}</td>
              <td className="nowrap">{formatLegalDate(i.declaredOn)}</td>
              <td className="nowrap">{i.endedOn ? formatLegalDate(i.endedOn) : <span className="badge badge-success">Current</span>}</td>
              <td className="board-row-action">
                {i.endedOn === null ? (
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => onEnd(i)}>
                    End<span className="visually-hidden"> the interest “{i.nature}”</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
