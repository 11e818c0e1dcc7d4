import type { appMethods } from '../../../shared/contract/app';
import type { Handlers } from '../context';
import { formFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { currentOrganisation } from './organisation';

type Methods = keyof typeof appMethods;

export const appHandlers: Handlers<Methods> = {
  'app.status': async (_input, ctx) => {
    const org = await currentOrganisation(ctx.db);
    const busy = ctx.jobs.exclusive;
    return {
      appVersion: ctx.appVersion,
      organisationName: org?.name ?? null,
      legalFamily: org ? formFamily(org.legal_form as LegalForm) : null,
      host: ctx.host,
      busy: busy ? { jobId: busy.id, label: busy.label } : null,
      integrity: ctx.integrity(),
    };
  },
};
