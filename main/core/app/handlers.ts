import { formFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { defineHandlers, query } from '../handler';

export const appHandlers = defineHandlers('app', {
  'app.status': query(async (_input, ctx) => {
    const org = await ctx.organisation();
    const busy = ctx.jobs.exclusive;
    return {
      appVersion: ctx.appVersion,
      organisationName: org?.name ?? null,
      organisationId: org?.id ?? null,
      legalFamily: org ? formFamily(org.legal_form as LegalForm) : null,
      host: ctx.host,
      busy: busy ? { jobId: busy.id, label: busy.label } : null,
      integrity: ctx.integrity(),
      registers: ctx.registerCheck(),
    };
  }),
});
