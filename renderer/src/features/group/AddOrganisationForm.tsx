import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { flattenErrors } from '../../ui/form-errors';
import { DialogButtons } from '../../ui/FormDialog';
import { useToast } from '../../ui/Toasts';
import { ParticularsFields } from '../settings/OrganisationFields';
import { RulesFields } from '../settings/RulesFields';
import { useSetUpForm } from '../settings/useSetUpForm';

/**
 * Another organisation in this file (group.addOrganisation): the set-up form's own fields
 * (ParticularsFields and RulesFields, with the same schema and checks), in a dialog.
 */
export function AddOrganisationForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { form, legalForm, proxiesAllowed, general, attempt, onSubmit } = useSetUpForm({
    save: (values) => call('group.addOrganisation', values),
    onSaved: async (added) => {
      await queryClient.invalidateQueries({ queryKey: ['group.organisations'] });
      toast(`${added.name} is added to this file. Switch to it from the top bar to keep its records.`);
      onDone();
    },
    clearGeneralOnInvalid: false,
  });
  const { register, control, formState } = form;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add an organisation">
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? <Banner tone="error" title="The organisation was not added">{general}</Banner> : null}
      <fieldset>
        <legend>About the organisation</legend>
        <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="organisation" />
      </fieldset>
      <fieldset>
        <legend>Registered office</legend>
        <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="office" />
      </fieldset>
      <fieldset>
        <legend>Rules from its governing document</legend>
        <RulesFields register={register} errors={formState.errors} legalForm={legalForm} prefix="rules." proxiesAllowed={proxiesAllowed} />
      </fieldset>
      <DialogButtons submitLabel={formState.isSubmitting ? 'Adding…' : 'Add the organisation'} busy={formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
