import { useEffect } from 'react';
import { useParams } from 'react-router';
import { CESSATION_REASON_LABEL, memberName, type CessationReason, type MemberDetail, type TimelineEntry } from '../../../../shared/contract/members';
import { ROLE_LABEL, type AppointmentRole } from '../../../../shared/contract/officers';
import { INTEREST_CATEGORY_LABEL } from '../../../../shared/contract/interests';
import { auditActionLabel } from '../../../../shared/domain/audit-actions';
import { formatPence } from '../../../../shared/rules/shareholding';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { describeChange, visibleChanges } from '../../lib/changes';
import { PrintToolbar } from '../../ui/PrintToolbar';
import '../../ui/print.css';
import { formatInstant, formatLegalDate } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';

interface EntryRecord {
  entry: MemberDetail;
  className: string | null;
  shareLedger: { kind: string; date: string; shares: number; amountPence: number; noticeDate: string | null; paymentDate: string | null }[];
  history: TimelineEntry[];
}
interface OfficerRecord {
  officer: { givenNames: string; familyName: string; serviceAddress: string };
  appointments: { role: string; director_kind: string | null; appointed_on: string; ceased_on: string | null }[];
  interests: { category: string; nature: string; related_organisation: string | null; declared_on: string; ended_on: string | null }[];
}
interface SubjectAccessRecord {
  generatedAt: string;
  controller: { name: string; registrationNumber: string };
  lawfulBasis: string;
  entries: EntryRecord[];
  officerRecords?: OfficerRecord[];
}

const date = (d: string | null | undefined) => (d ? formatLegalDate(d) : '—');

/**
 * Everything held about the person of a register entry (UK GDPR Art 15), readably: each of
 * their entries with its particulars, share ledger and history, and any officer records.
 */
export function SubjectAccessPrint() {
  const { id = '' } = useParams();
  const app = useApiQuery('app.status', {});
  const company = app.data?.legalFamily !== 'society';
  const q = useApiQuery('members.subjectAccess', { id }, { staleTime: Infinity, gcTime: 0 });
  const record = q.data as SubjectAccessRecord | undefined;
  const person = record?.entries.find((e) => e.entry.id === id)?.entry ?? record?.entries[0]?.entry;
  const name = person ? memberName(person.particulars, person.particulars.jointHolders) : '';

  useEffect(() => {
    if (person) document.title = `Subject access record – member ${person.memberNumber}`;
  }, [person]);

  return (
    <div className="print-page record-page">
      <PrintToolbar back={`/register/members/${id}`} backLabel="Back to the member" ready={!!record} status={record ? 'Ready to print' : 'Preparing…'} />
      <main>
        {q.error ? <Banner tone="error" title="The record could not be prepared">{q.error.message}</Banner> : null}
        {q.isPending ? <p role="status">Preparing the record…</p> : null}
        {record && person ? (
          <>
            <header className="print-head">
              <p className="org">{record.controller.name}</p>
              <h1>Personal data held about {name}</h1>
              <p className="description">
                A copy of the personal data {record.controller.name} holds about you, given under your right of access (UK GDPR Art 15). It includes
                every entry in the register of members in your name and the recorded history of changes to them.
              </p>
              <p className="produced">Produced {formatInstant(record.generatedAt)}</p>
            </header>

            <section className="sar-section" aria-labelledby="why-h">
              <h2 id="why-h">Why we hold it</h2>
              <p>{record.lawfulBasis}</p>
              <p>
                Controller: {record.controller.name} (registration number {record.controller.registrationNumber}). An entry stays in the register
                while you are a member and for 10 years after your membership ends{company ? ' (CA 2006 s121)' : ''}, after which it may be removed.
              </p>
            </section>

            {record.entries.map((e) => (
              <Entry key={e.entry.id} e={e} />
            ))}

            {record.officerRecords && record.officerRecords.length > 0 ? (
              <section className="sar-section" aria-labelledby="officer-h">
                <h2 id="officer-h">As a director or officer</h2>
                {record.officerRecords.map((o, i) => (
                  <div key={i}>
                    <dl className="facts">
                      <dt>Name</dt>
                      <dd>
                        {o.officer.givenNames} {o.officer.familyName}
                      </dd>
                      <dt>Service address</dt>
                      <dd>{o.officer.serviceAddress}</dd>
                    </dl>
                    <h3>Appointments</h3>
                    <ul>
                      {o.appointments.map((a, j) => (
                        <li key={j}>
                          {ROLE_LABEL[a.role as AppointmentRole] ?? a.role}: appointed {date(a.appointed_on)}
                          {a.ceased_on ? `, ended ${date(a.ceased_on)}` : ''}
                        </li>
                      ))}
                    </ul>
                    {o.interests.length > 0 ? (
                      <>
                        <h3>Declared interests</h3>
                        <ul>
                          {o.interests.map((n, j) => (
                            <li key={j}>
                              {INTEREST_CATEGORY_LABEL[n.category as keyof typeof INTEREST_CATEGORY_LABEL] ?? n.category}: {n.nature}
                              {n.related_organisation ? ` (${n.related_organisation})` : ''}, declared {date(n.declared_on)}
                              {n.ended_on ? `, ended ${date(n.ended_on)}` : ''}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </div>
                ))}
              </section>
            ) : null}
          </>
        ) : null}
      </main>
    </div>
  );
}

function Entry({ e }: { e: EntryRecord }) {
  const m = e.entry;
  const p = m.particulars;
  const address = [p.address.line1, p.address.line2, p.address.town, p.address.postcode, p.address.country].filter(Boolean).join(', ');
  const headingId = `entry-${m.id}`;
  return (
    <section className="sar-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Register entry: member {m.memberNumber} ({m.ceasedOn ? 'former member' : 'current member'})
      </h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>
          {memberName(p, p.jointHolders)}
        </dd>
        <dt>Address</dt>
        <dd>{address}</dd>
        <dt>E-mail</dt>
        <dd>{p.email ?? '—'}</dd>
        {p.emailPurposes ? (
          <>
            <dt>E-mail may be used for</dt>
            <dd>{p.emailPurposes}</dd>
          </>
        ) : null}
        {p.electronicComms ? (
          <>
            <dt>Agreed to notices by e-mail</dt>
            <dd>
              {date(p.electronicComms.agreedOn)}
              {p.electronicComms.revokedOn ? `; withdrawn ${date(p.electronicComms.revokedOn)}` : ''}
            </dd>
          </>
        ) : null}
        <dt>Date of birth</dt>
        <dd>{date(p.dateOfBirth)}</dd>
        <dt>Class</dt>
        <dd>{e.className ?? '—'}</dd>
        <dt>Application</dt>
        <dd>{date(m.applicationDate)}</dd>
        <dt>Entered in the register</dt>
        <dd>
          {date(m.admittedOn)}
          {m.boardReference ? ` (board decision ${m.boardReference})` : ''}
        </dd>
        <dt>Membership ended</dt>
        <dd>
          {m.ceasedOn ? date(m.ceasedOn) : 'Still a member'}
          {m.cessationReason ? `: ${CESSATION_REASON_LABEL[m.cessationReason as CessationReason]}` : ''}
          {m.cessationNote ? ` (${m.cessationNote})` : ''}
        </dd>
        {m.sharesHeld !== null ? (
          <>
            <dt>Shares held</dt>
            <dd>
              {m.sharesHeld}
              {m.amountPaidPence !== null ? `, ${formatPence(m.amountPaidPence)} paid` : ''}
            </dd>
          </>
        ) : null}
        {p.loansAndDepositsPence !== null ? (
          <>
            <dt>Loans and deposits</dt>
            <dd>{formatPence(p.loansAndDepositsPence)}</dd>
          </>
        ) : null}
        {p.employee ? (
          <>
            <dt>Employee number</dt>
            <dd>{p.employee.employeeNumber}</dd>
            <dt>Service area</dt>
            <dd>{p.employee.serviceArea ?? '—'}</dd>
            <dt>Employment</dt>
            <dd>
              From {date(p.employee.employmentStart)}
              {p.employee.employmentEnd ? ` to ${date(p.employee.employmentEnd)}` : ''}
              {p.employee.weeklyHours !== null ? `, ${p.employee.weeklyHours} hours a week` : ''}
            </dd>
          </>
        ) : null}
      </dl>

      {e.shareLedger.length > 0 ? (
        <>
          <h3>Shares</h3>
          <DataTable
            variant="print"
            data={e.shareLedger}
            caption={`Shares of member ${e.entry.memberNumber}`}
            // A printed record never changes under the reader, so the ledger's order is its key.
            rowKey={(_, i) => String(i)}
            columns={[
              { id: 'date', header: 'Date', cell: ({ row: { original: l } }) => date(l.date) },
              { id: 'what', header: 'What', cell: ({ row: { original: l } }) => l.kind.replaceAll('_', ' ') },
              { id: 'shares', header: 'Shares', meta: { numeric: true }, cell: ({ row: { original: l } }) => l.shares },
              { id: 'amount', header: 'Amount', meta: { numeric: true }, cell: ({ row: { original: l } }) => formatPence(l.amountPence) },
            ]}
          />
        </>
      ) : null}

      <h3>History of this entry</h3>
      {e.history.length === 0 ? (
        <p>No recorded changes.</p>
      ) : (
        <DataTable
          variant="print"
          data={e.history}
          caption={`History of the entry of member ${e.entry.memberNumber}`}
          rowKey={(h) => String(h.seq)}
          columns={[
            { id: 'at', header: 'When', meta: { nowrap: true }, cell: ({ row: { original: h } }) => formatInstant(h.at) },
            {
              id: 'what',
              header: 'What',
              cell: ({ row: { original: h } }) => (
                <>
                  {auditActionLabel(h.action)}
                  <span className="cell-note">{h.summary}</span>
                </>
              ),
            },
            { id: 'actor', header: 'By', cell: ({ row: { original: h } }) => h.actor },
            {
              id: 'details',
              header: 'Details',
              cell: ({ row: { original: h } }) =>
                h.redacted ? (
                  'Details erased'
                ) : visibleChanges(h.changes).length > 0 ? (
                  <ul className="changes">
                    {visibleChanges(h.changes).map((c) => (
                      <li key={c.field}>{describeChange(c)}</li>
                    ))}
                  </ul>
                ) : (
                  ''
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
