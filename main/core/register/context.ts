import type { Kysely } from 'kysely';
import { LEGAL_FORM_INFO, type LegalForm, type LegalFormInfo } from '../../../shared/domain/legal-form';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import type { ServiceContext } from '../context';
import type { DB, OrganisationRow } from '../db/schema';
import { AppError } from '../errors';

/** What every register operation needs to know about the organisation and the day. */
export interface RegisterCtx {
  org: OrganisationRow;
  form: LegalFormInfo;
  legalForm: LegalForm;
  today: string;
}

export async function registerCtx(db: Kysely<DB>, ctx: ServiceContext): Promise<RegisterCtx> {
  const org = await ctx.organisation(db);
  if (!org) throw new AppError('NOT_FOUND', 'Set up the organisation first.');
  const legalForm = org.legal_form as LegalForm;
  return { org, legalForm, form: LEGAL_FORM_INFO[legalForm], today: ukDateOf(ctx.now()) };
}

/** Legal events are recorded when they have happened, not before. */
export function assertNotFuture(rc: RegisterCtx, date: string, field: string, what: string): void {
  if (date > rc.today) {
    throw AppError.field(field, `${what} cannot be in the future (today is ${formatLegalDate(rc.today)}).`);
  }
}
