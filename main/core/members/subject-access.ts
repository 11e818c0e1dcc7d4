import type { SubjectAccessRecord } from '../../../shared/contract/members';
import type { FormFamily } from '../../../shared/domain/legal-form';
import type { WriteContext } from '../context';
import { toMemberDetail } from './columns';
import { requireMember } from './lookup';
import { timeline } from './timeline';

/**
 * The lawful basis for each kind of register data (UK GDPR Art 6). Only what the law requires
 * the register to hold rests on legal obligation (Art 6(1)(c)); the rest is held under the
 * membership contract (Art 6(1)(b): eligibility for an employee class) or the society's or
 * company's legitimate interests (Art 6(1)(f)).
 */
export function lawfulBases(family: FormFamily): SubjectAccessRecord['lawfulBases'] {
  if (family === 'society') {
    return [
      { data: 'Name, postal address, the dates you became and ceased to be a member, shares held and paid, loans and deposits', basis: 'Legal obligation (UK GDPR Art 6(1)(c)): the register of members, CCBS Act 2014 s30(2)' },
      { data: 'E-mail address and what it may be used for', basis: 'Legal obligation (UK GDPR Art 6(1)(c)) once you have given it for notices: CCBS Act 2014 s30(2)(b)' },
      { data: 'Date of birth, employee number, service area, employment dates and hours', basis: 'The membership contract (UK GDPR Art 6(1)(b)): they show you meet the conditions of your membership class under the society’s rules' },
      { data: 'The history of changes to your entry', basis: 'Legal obligation and legitimate interests (UK GDPR Art 6(1)(c) and (f)): a record that the register is kept accurately' },
    ];
  }
  return [
    { data: 'Name, address, the dates you became and ceased to be a member, and shares held', basis: 'Legal obligation (UK GDPR Art 6(1)(c)): the register of members, CA 2006 s113' },
    { data: 'E-mail address', basis: 'Legitimate interests (UK GDPR Art 6(1)(f)) and your agreement to receive notices electronically (CA 2006 s1144 and Sch 5): the register itself does not require it' },
    { data: 'Date of birth, employee number, service area, employment dates and hours', basis: 'The membership contract (UK GDPR Art 6(1)(b)): they show you meet the conditions of your membership class under the articles' },
    { data: 'The history of changes to your entry', basis: 'Legal obligation and legitimate interests (UK GDPR Art 6(1)(c) and (f)): a record that the register is kept accurately (CA 2006 s1138)' },
  ];
}

/** Everything held about the person of an entry (UK GDPR Art 15); the disclosure is itself audited. */
export async function subjectAccess(tx: WriteContext, id: string): Promise<SubjectAccessRecord> {
  const rc = await tx.register();
  const db = tx.db;
  const row = await requireMember(db, rc.org.id, id);
  const entries = await db.selectFrom('member').selectAll().where('person_id', '=', row.person_id).orderBy('admitted_on').execute();
  const classes = new Map((await db.selectFrom('membership_class').select(['id', 'name']).where('organisation_id', '=', rc.org.id).execute()).map((c) => [c.id, c.name]));
  const out: SubjectAccessRecord = {
    generatedAt: tx.now().toISOString(),
    controller: { name: rc.org.name, registrationNumber: rc.org.registration_number },
    lawfulBasis:
      rc.form.family === 'society'
        ? 'The register of members is kept because the law requires it (CCBS Act 2014 s30); each kind of data below says on which basis it is held (UK GDPR Art 6).'
        : 'The register of members is kept because the law requires it (CA 2006 s113); each kind of data below says on which basis it is held (UK GDPR Art 6).',
    lawfulBases: lawfulBases(rc.form.family),
    entries: [],
  };
  for (const e of entries) {
    const ledger = await db.selectFrom('share_transaction').selectAll().where('member_id', '=', e.id).orderBy('date').orderBy('created_at').execute();
    out.entries.push({
      entry: toMemberDetail(e, rc.form.hasShares, []),
      className: classes.get(e.class_id) ?? null,
      shareLedger: ledger.map((l) => ({ kind: l.kind, date: l.date, shares: l.shares, amountPence: l.amount_pence, noticeDate: l.notice_date, paymentDate: l.payment_date })),
      history: await timeline(db, e.id),
    });
  }
  const officers = await db.selectFrom('officer').selectAll().where('member_id', 'in', entries.map((e) => e.id)).execute();
  if (officers.length > 0) {
    out.officerRecords = await Promise.all(
      officers.map(async (o) => ({
        officer: { givenNames: o.given_names, familyName: o.family_name, serviceAddress: [o.service_line1, o.service_line2, o.service_town, o.service_postcode].filter(Boolean).join(', ') },
        appointments: await db.selectFrom('appointment').select(['role', 'director_kind', 'appointed_on', 'ceased_on']).where('officer_id', '=', o.id).execute(),
        interests: await db.selectFrom('interest').select(['category', 'nature', 'related_organisation', 'declared_on', 'ended_on']).where('officer_id', '=', o.id).execute(),
      })),
    );
  }
  // Disclosure of personal data is itself recorded (UK GDPR Art 5(2), accountability); it changes no record.
  tx.audit({
    action: 'member.subject_access',
    entityType: 'member',
    entityId: row.id,
    summary: `Subject access export for member ${row.member_number}`,
    before: null,
    after: { entries: entries.length },
    records: [],
  });
  return out;
}
