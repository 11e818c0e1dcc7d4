import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { CESSATION_REASON_LABEL, ORGANISATION_KIND_LABEL, memberName, type MemberDetail } from '../../../../shared/contract/members';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { formatPence } from '../../../../shared/rules/shareholding';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { SubjectAccessButton } from './SubjectAccessButton';
import { eligibilitySummary, votingSummary } from '../classes/class-terms';
import { CessationForm } from './CessationForm';
import { EditParticulars } from './EditParticulars';
import { FormDialog } from '../../ui/FormDialog';
import { MemberTimeline } from './MemberTimeline';
import { ShareLedger } from './ShareLedger';
import { useLegalForm } from '../../lib/useLegalForm';
import './register.css';
import { formatLegalDate } from '../../lib/dates';

/** One register entry: particulars, membership, shares and history, with what can be done to it. */
export function MemberPage() {
  const { id = '' } = useParams();
  const member = useApiQuery('members.get', { id });
  const classes = useApiQuery('classes.list', {});
  const form = useLegalForm();

  if (member.error) {
    return (
      <div className="page">
        <PageHeader title="Member not found" />
        <Banner tone="error" title="This entry could not be opened">
          <p>{member.error.message}</p>
        </Banner>
        <p>
          <Link to="/register">Back to the register</Link>
        </p>
      </div>
    );
  }
  if (!member.data || !classes.data || !form) return <p role="status">Loading…</p>;
  // Keyed by entry, so moving from one member to another starts afresh.
  return <Member key={member.data.id} member={member.data} classes={classes.data} form={form} />;
}

function Member({ member, classes, form }: { member: MemberDetail; classes: MembershipClass[]; form: LegalFormInfo }) {
  const [editing, setEditing] = useState(false);
  const [ceasing, setCeasing] = useState(false);
  const cls = classes.find((c) => c.id === member.classId);
  const name = memberName(member.particulars, member.particulars.jointHolders);
  const current = member.status === 'current';
  const hasCurrentEntry = member.otherEntries.some((e) => e.ceasedOn === null);

  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/register">Register of members</Link>
      </nav>
      <PageHeader
        title={name}
        lede={
          <span className="member-meta">
            <span>Member {member.memberNumber}</span>
            <span className="sep" aria-hidden="true">
              ·
            </span>
            <span>{cls ? `${cls.name} class` : 'Class not found'}</span>
            <span className={`badge ${current ? 'badge-success' : 'badge-muted'}`}>{current ? 'Current member' : `Former member since ${formatLegalDate(member.ceasedOn ?? '')}`}</span>
          </span>
        }
        actions={
          editing ? null : (
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>
                Edit particulars
              </button>
              {current ? (
                <button type="button" className="btn btn-secondary" onClick={() => setCeasing(true)}>
                  Record cessation
                </button>
              ) : !hasCurrentEntry ? (
                <Link className="btn btn-secondary" to={`/register/admit?previous=${member.id}`}>
                  Re-admit
                </Link>
              ) : null}
              <SubjectAccessButton memberId={member.id} />
            </>
          )
        }
      />

      {editing ? (
        <EditParticulars member={member} classes={classes} form={form} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="member-layout">
            <div>
              <Particulars member={member} form={form} />
              {member.particulars.employee ? <Employment member={member} /> : null}
            </div>
            <div>
              <Membership member={member} cls={cls} />
              {member.otherEntries.length > 0 ? <OtherEntries member={member} /> : null}
            </div>
          </div>
          {form.hasShares ? <ShareLedger member={member} cls={cls} /> : null}
          <MemberTimeline memberId={member.id} />
        </>
      )}

      <FormDialog open={ceasing} title={`Record that member ${member.memberNumber} ceased to be a member`} onClose={() => setCeasing(false)}>
        <CessationForm member={member} cls={cls} form={form} onClose={() => setCeasing(false)} />
      </FormDialog>
    </div>
  );
}

function Particulars({ member, form }: { member: MemberDetail; form: LegalFormInfo }) {
  const p = member.particulars;
  const society = form.family === 'society';
  return (
    <section className="card" aria-labelledby="particulars-h">
      <h2 id="particulars-h">Particulars</h2>
      <dl className="facts">
        <dt>{p.kind === 'organisation' ? 'Organisation' : 'Name'}</dt>
        <dd>{p.kind === 'organisation' ? p.familyName : `${p.givenNames} ${p.familyName}`}</dd>
        {p.organisation ? (
          <>
            <dt>Kind</dt>
            <dd>{ORGANISATION_KIND_LABEL[p.organisation.organisationKind]}</dd>
            <dt>Registration number</dt>
            <dd>{p.organisation.registrationNumber ?? <span className="muted">Not recorded</span>}</dd>
            <dt>Representative</dt>
            <dd>
              {p.organisation.representative ?? <span className="muted">Not recorded</span>}
              {form.family === 'company' ? <div className="muted small">A corporate member acts through its authorised representative (CA 2006 s323).</div> : null}
            </dd>
          </>
        ) : null}
        {p.jointHolders.length > 0 ? (
          <>
            <dt>Joint holders</dt>
            <dd>
              <ol className="plain-list" start={2}>
                {p.jointHolders.map((j, i) => (
                  <li key={i}>
                    {j.givenNames} {j.familyName}
                  </li>
                ))}
              </ol>
              <div className="muted small">Held jointly with the first-named holder above, who receives notices (CA 2006 s113(5)).</div>
            </dd>
          </>
        ) : null}
        <dt>Address</dt>
        <dd>
          {[p.address.line1, p.address.line2, p.address.town, p.address.postcode, p.address.country].filter(Boolean).map((line, i) => (
            <span key={i} className="address-line">
              {line}
            </span>
          ))}
        </dd>
        <dt>E-mail</dt>
        <dd>{p.email ?? <span className="muted">Not given</span>}</dd>
        {society ? (
          <>
            <dt>E-mail may be used for</dt>
            <dd>{p.emailPurposes ?? <span className="muted">Not recorded</span>}</dd>
          </>
        ) : null}
        <dt>Notices by e-mail</dt>
        <dd>
          {p.electronicComms === null ? (
            <span className="muted">No agreement recorded: notices go by post</span>
          ) : p.electronicComms.revokedOn ? (
            <>
              Agreed on {formatLegalDate(p.electronicComms.agreedOn)}; withdrawn on {formatLegalDate(p.electronicComms.revokedOn)}, so notices go by post
            </>
          ) : (
            <>Agreed on {formatLegalDate(p.electronicComms.agreedOn)}</>
          )}
          <div className="muted small">
            {society ? 'As the society’s rules provide.' : 'A notice goes by e-mail only to a member who has agreed and not withdrawn it (CA 2006 s1144(2), Sch 5 para 6).'}
          </div>
        </dd>
        {p.kind === 'organisation' ? null : (
          <>
            <dt>Date of birth</dt>
            <dd>{p.dateOfBirth ? formatLegalDate(p.dateOfBirth) : <span className="muted">Not recorded</span>}</dd>
          </>
        )}
        {society ? (
          <>
            <dt>Loans and deposits</dt>
            <dd>{p.loansAndDepositsPence !== null ? formatPence(p.loansAndDepositsPence) : <span className="muted">None recorded</span>}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Employment({ member }: { member: MemberDetail }) {
  const e = member.particulars.employee!;
  return (
    <section className="card" aria-labelledby="employment-h">
      <h2 id="employment-h">Employment</h2>
      <dl className="facts">
        <dt>Employee number</dt>
        <dd className="mono">{e.employeeNumber}</dd>
        <dt>Service area</dt>
        <dd>{e.serviceArea ?? <span className="muted">Not recorded</span>}</dd>
        <dt>Employed</dt>
        <dd>
          {e.employmentStart ? `From ${formatLegalDate(e.employmentStart)}` : 'Start not recorded'}
          {e.employmentEnd ? ` to ${formatLegalDate(e.employmentEnd)}` : ''}
        </dd>
        <dt>Contracted hours</dt>
        <dd>{e.weeklyHours !== null ? `${e.weeklyHours} a week` : <span className="muted">Not recorded</span>}</dd>
      </dl>
    </section>
  );
}

function Membership({ member, cls }: { member: MemberDetail; cls: MembershipClass | undefined }) {
  const eligibility = cls ? eligibilitySummary(cls) : null;
  return (
    <section className="card" aria-labelledby="membership-h">
      <h2 id="membership-h">Membership</h2>
      <dl className="facts">
        <dt>Member number</dt>
        <dd>{member.memberNumber}</dd>
        <dt>Class</dt>
        <dd>
          {cls?.name ?? '–'}
          {cls ? <div className="muted small">{[votingSummary(cls), eligibility ? `eligibility: ${eligibility}` : null].filter(Boolean).join('; ')}</div> : null}
        </dd>
        {member.applicationDate ? (
          <>
            <dt>Applied</dt>
            <dd>{formatLegalDate(member.applicationDate)}</dd>
          </>
        ) : null}
        <dt>Admitted</dt>
        <dd>{formatLegalDate(member.admittedOn)}</dd>
        <dt>Board decision</dt>
        <dd>{member.boardReference ?? <span className="muted">Not recorded</span>}</dd>
        {member.ceasedOn ? (
          <>
            <dt>Ceased</dt>
            <dd>
              {formatLegalDate(member.ceasedOn)}
              {member.cessationReason ? ` (${CESSATION_REASON_LABEL[member.cessationReason].toLowerCase()})` : ''}
              {member.cessationNote ? <div className="muted small">{member.cessationNote}</div> : null}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function OtherEntries({ member }: { member: MemberDetail }) {
  return (
    <section className="card" aria-labelledby="other-entries-h">
      <h2 id="other-entries-h">Other entries for this person</h2>
      <ul className="plain-list">
        {member.otherEntries.map((e) => (
          <li key={e.id}>
            <Link to={`/register/members/${e.id}`}>Member {e.memberNumber}</Link>: admitted {formatLegalDate(e.admittedOn)}
            {e.ceasedOn ? `, ceased ${formatLegalDate(e.ceasedOn)}` : ', current'}
          </li>
        ))}
      </ul>
    </section>
  );
}
