import { LEGAL_FORM_INFO, type LegalFormInfo } from '../../../shared/domain/legal-form';
import { useApiQuery } from '../api/queries';

/** What the organisation's legal form means for the register: shares, and company or society. */
export function useLegalForm(): LegalFormInfo | undefined {
  const org = useApiQuery('organisation.get', {});
  return org.data ? LEGAL_FORM_INFO[org.data.legalForm] : undefined;
}
