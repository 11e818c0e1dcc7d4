import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { legalDate, optionalText, requiredText } from '../../../../shared/contract/fields';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { lastDayToPass } from './lapse';

const circulateSchema = z.object({
  body: z.enum(['board', 'members'], { error: 'Choose the board or the members.' }),
  kind: z.enum(['ordinary', 'special', '']),
  purpose: z.enum(['other', 'remove_director', 'remove_auditor']),
  text: requiredText('the text of the resolution', 10000, 'many'),
  circulatedOn: legalDate('the circulation date'),
  relatedOrganisation: optionalText('the related organisation', 200, 'one'),
}).refine((v) => v.body !== 'members' || v.kind !== '', { path: ['kind'], message: 'Choose ordinary or special.' });
type CirculateValues = { body: string; kind: string; purpose: string; text: string; circulatedOn: string; relatedOrganisation: string };
const PATHS = ['body', 'kind', 'purpose', 'text', 'circulatedOn', 'relatedOrganisation'];

/** Circulate a written resolution of the board or of the members; the eligible are fixed on the circulation date (CA 2006 s289). */
export function CirculateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Circulate a written resolution"
      onClose={onClose}
      wide
      description="Those eligible are fixed on the circulation date: the directors in office, or the members entitled to vote on that date (CA 2006 s289)."
    >
      <CirculateForm onClose={onClose} />
    </FormDialog>
  );
}

function CirculateForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const rules = useApiQuery('rules.get', {});
  const { register, control, handleSubmit, setError, formState } = useForm<CirculateValues>({
    resolver: withDateChecks(zodResolver(circulateSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { body: 'members', kind: '', purpose: 'other', text: '', circulatedOn: todayUk(), relatedOrganisation: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, PATHS);
  const body = useWatch({ control, name: 'body' });
  const circulatedOn = useWatch({ control, name: 'circulatedOn' });
  const period = rules.data?.values.writtenResolutionLapseDays ?? 28;
  const lastDay = lastDayToPass(circulatedOn, period);
  const onValid = async (v: CirculateValues) => {
    outcome.clear();
    const result = await call('writtenResolutions.circulate', {
      body: v.body as 'board' | 'members',
      ...(v.body === 'members' && v.kind ? { kind: v.kind as 'ordinary' | 'special' } : {}),
      purpose: v.purpose as 'other',
      text: v.text,
      circulatedOn: v.circulatedOn,
      ...(v.relatedOrganisation.trim() ? { relatedOrganisation: v.relatedOrganisation.trim() } : {}),
    });
    await outcome.settle(result, () => 'Written resolution circulated.', (r) => {
      onClose();
      void navigate(`/written-resolutions/${r.id}`);
    });
  };
  const err = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Circulate a written resolution">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not circulated" />
      <fieldset className={`field${err('body') ? ' has-error' : ''}`}>
        <legend>Whose resolution</legend>
        {err('body') ? <span className="error-message">{err('body')}</span> : null}
        <div className="checkbox">
          <input id="body" type="radio" value="members" {...register('body')} />
          <label htmlFor="body">The members (CA 2006 s288-s300; a society follows its rules)</label>
        </div>
        <div className="checkbox">
          <input id="body-board" type="radio" value="board" {...register('body')} />
          <label htmlFor="body-board">The board: every eligible director must agree (Model Articles art 8)</label>
        </div>
      </fieldset>
      {body === 'members' ? (
        <fieldset className={`field${err('kind') ? ' has-error' : ''}`}>
          <legend>Kind of resolution</legend>
          {err('kind') ? (
            <span className="error-message" id="kind-error">
              {err('kind')}
            </span>
          ) : null}
          <div className="checkbox">
            <input id="kind" type="radio" value="ordinary" {...register('kind')} />
            <label htmlFor="kind">Ordinary: members holding more than half of the total voting rights of eligible members (s282(2))</label>
          </div>
          <div className="checkbox">
            <input id="kind-special" type="radio" value="special" {...register('kind')} />
            <label htmlFor="kind-special">Special: members holding at least 75% of the total voting rights of eligible members (s283(2))</label>
          </div>
        </fieldset>
      ) : null}
      <Field id="purpose" label="What it is for" hint="A written resolution cannot remove a director (s168) or an auditor (s510) before the end of their term: CA 2006 s288(2)." error={err('purpose')}>
        <select {...register('purpose')}>
          <option value="other">Anything else</option>
          <option value="remove_director">Removing a director</option>
          <option value="remove_auditor">Removing an auditor</option>
        </select>
      </Field>
      <Field id="text" label="Text of the resolution" hint="As it goes to those eligible, starting “THAT …”." error={err('text')}>
        <textarea rows={5} {...register('text')} />
      </Field>
      <DateField
        id="circulatedOn"
        label="Circulation date"
        hint="The day the resolution was sent (s290)."
        error={err('circulatedOn')}
        control={control}
        name="circulatedOn"
        source={
          body === 'members' && lastDay
            ? `If not passed by the end of ${formatLegalDate(lastDay)} it lapses: ${period} days beginning with the circulation date (${rules.data?.sources.writtenResolutionLapseDays ?? 'CA 2006 s297(1)'}).`
            : undefined
        }
      />
      <Field id="relatedOrganisation" label="Related organisation (optional)" hint="A council, trust or supplier it concerns, for the decisions register." error={err('relatedOrganisation')}>
        <input type="text" autoComplete="off" {...register('relatedOrganisation')} />
      </Field>
      <DialogButtons submitLabel="Circulate" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
