import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { formatPence } from '../../../shared/rules/shareholding';
import type { ReadDb } from '../context';
import type { OrganisationRow } from '../db/schema';

/**
 * Why the register cannot survive a change of legal form, or null. A change of legal form is in
 * law a conversion (a society converting into a company, CCBS Act 2014 s112; a company
 * re-registering, CA 2006 Part 7), and the register has to be brought into the new form's shape
 * first, or what it holds would vanish from every screen while staying in the file:
 * - to a form without shares, while members hold shares: their shares must first be transferred,
 *   withdrawn, redeemed or bought back, or cancelled (the classes' share terms are removed after
 *   the change, when the class form asks for it; the former members' ledgers stay in the file
 *   and in their subject access exports);
 * - to a company, while a class's shares are withdrawable (only a registered society's can be,
 *   CCBS Act 2014 Sch 1) or members have loans and deposits or e-mail purposes recorded (a
 *   society's register holds them, s30(2)(b) and (d); a company's does not);
 * - to a society, while a class's shares are redeemable (a company's, CA 2006 s684) or are held
 *   jointly (CA 2006 s113(5)).
 * The message says what to do first.
 */
export async function legalFormChangeProblem(db: ReadDb, org: OrganisationRow, to: LegalForm): Promise<string | null> {
  const from = LEGAL_FORM_INFO[org.legal_form as LegalForm];
  const next = LEGAL_FORM_INFO[to];
  const label = next.label.toLowerCase();
  if (from.hasShares && !next.hasShares) {
    const held = await db
      .selectFrom('member')
      .select((eb) => [eb.fn.countAll<number>().as('members'), eb.fn.coalesce(eb.fn.sum<number>('shares_held'), eb.lit(0)).as('shares')])
      .where('organisation_id', '=', org.id)
      .where('shares_held', '>', 0)
      .executeTakeFirstOrThrow();
    if (Number(held.members) > 0) {
      const m = Number(held.members);
      const n = Number(held.shares);
      return `A ${label} has no shares, but ${m} member${m === 1 ? ' holds' : 's hold'} ${n.toLocaleString('en-GB')} share${n === 1 ? '' : 's'}; the register cannot show them once the form changes. Changing the legal form is a conversion: first record what happens to the shares (a transfer, ${from.family === 'society' ? 'a withdrawal or a cancellation under the rules' : 'a redemption or a purchase of own shares'}); the classes’ share terms can then be removed.`;
    }
  }
  if (next.family === 'company' && from.family === 'society') {
    const withdrawable = await db.selectFrom('membership_class').select('name').where('organisation_id', '=', org.id).where('share_withdrawable', '=', 1).orderBy('name').executeTakeFirst();
    if (withdrawable) {
      return `Shares of the ${withdrawable.name} class are withdrawable, which only a registered society’s can be (CCBS Act 2014 Sch 1); a company returns capital by redemption or purchase of own shares (CA 2006 Part 18). Change the class’s terms first.`;
    }
    const loans = await db
      .selectFrom('member')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('loans_deposits_pence'), eb.lit(0)).as('pence')])
      .where('organisation_id', '=', org.id)
      .where('loans_deposits_pence', 'is not', null)
      .where('loans_deposits_pence', '>', 0)
      .executeTakeFirstOrThrow();
    if (Number(loans.n) > 0) {
      return `${Number(loans.n)} member${Number(loans.n) === 1 ? ' has' : 's have'} loans and deposits recorded (${formatPence(Number(loans.pence))} in all), which a society’s register holds (CCBS Act 2014 s30(2)(d)) and a company’s does not. Settle or clear them on their entries first.`;
    }
    const purposes = await db.selectFrom('member').select('member_number').where('organisation_id', '=', org.id).where('email_purposes', 'is not', null).orderBy('member_number').executeTakeFirst();
    if (purposes) {
      return `Member ${purposes.member_number} and perhaps others have e-mail purposes recorded, which a society’s register holds (CCBS Act 2014 s30(2)(b)) and a company’s does not. Clear them on their entries first.`;
    }
  }
  if (next.family === 'society' && from.family === 'company') {
    const redeemable = await db.selectFrom('membership_class').select('name').where('organisation_id', '=', org.id).where('share_redeemable', '=', 1).orderBy('name').executeTakeFirst();
    if (redeemable) return `Shares of the ${redeemable.name} class are redeemable, which only a company’s can be (CA 2006 s684). Change the class’s terms first.`;
    const joint = await db
      .selectFrom('member_joint_holder as j')
      .innerJoin('member as m', 'm.id', 'j.member_id')
      .select('m.member_number')
      .where('m.organisation_id', '=', org.id)
      .orderBy('m.member_number')
      .executeTakeFirst();
    if (joint) return `Member ${joint.member_number} and perhaps others are joint holders (CA 2006 s113(5)); a society’s register enters each member alone. Record them separately first.`;
  }
  return null;
}
