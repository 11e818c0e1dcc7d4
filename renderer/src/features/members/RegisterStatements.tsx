import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';

/**
 * What the register says about itself, above the list: a company's latest single-member statement
 * (CA 2006 s123) with the entry it goes with, and the general meeting quorum the law and the rules
 * give for today's membership (s318: one where a company has only one member). Alterations still
 * to be made (s120) are listed where there are any.
 */
export function RegisterStatements() {
  const facts = useApiQuery('members.registerFacts', {});
  if (!facts.data) return null;
  const f = facts.data;
  const latest = f.singleMember.at(-1);
  return (
    <section className="card register-statements" aria-labelledby="register-statements-h">
      <h2 id="register-statements-h" className="visually-hidden">
        Statements in the register
      </h2>
      {latest ? (
        <p data-testid="single-member-statement">
          <strong>{latest.statement}</strong>{' '}
          <span className="muted">
            ({latest.source}; with the entry of <Link to={`/register/members/${latest.memberId}`}>member {latest.memberNumber}, {latest.name}</Link>.)
          </span>
        </p>
      ) : null}
      <p data-testid="quorum">
        General meeting quorum with {f.currentMembers.toLocaleString('en-GB')} current member{f.currentMembers === 1 ? '' : 's'}:{' '}
        <strong>{f.quorum.quorum === null ? 'as your rules set' : `${f.quorum.quorum} qualifying ${f.quorum.quorum === 1 ? 'person' : 'persons'}`}</strong>{' '}
        <span className="muted">({f.quorum.source})</span>
        {f.quorum.warning ? <span className="cell-note">{f.quorum.warning}</span> : null}
      </p>
      {f.pending.length > 0 ? (
        <div>
          <p>
            <strong>Alterations to be made:</strong>
          </p>
          <ul className="plain-list">
            {f.pending.map((p) => (
              <li key={p.kind + p.description}>{p.description}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
