import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { memberMethods, type MemberDetail } from '../../../../shared/contract/members';
import type { MethodInput } from '../../../../shared/contract/index';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { applyServerErrors, errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { mappedResolver } from '../../lib/mapped-resolver';
import { particularsPaths, particularsValues, toParticularsInput, type ParticularsValues } from './member-form-values';
import { ParticularsFields } from './ParticularsFields';

interface EditValues {
  classId: string;
  particulars: ParticularsValues;
}

/** Changing a member's particulars or class; every changed field is recorded in their history. */
export function EditParticulars({ member, classes, form, onDone }: { member: MemberDetail; classes: MembershipClass[]; form: LegalFormInfo; onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const byId = (id: string) => classes.find((c) => c.id === id);
  const { register, control, handleSubmit, setError, formState } = useForm<EditValues, unknown, MethodInput<'members.update'>>({
    resolver: mappedResolver(memberMethods['members.update'].input, (v: EditValues) => ({
      id: member.id,
      classId: v.classId,
      particulars: toParticularsInput(v.particulars, { family: form.family, hasShares: form.hasShares, employeeClass: byId(v.classId)?.isEmployeeClass === true }),
    })) as never,
    defaultValues: { classId: member.classId, particulars: particularsValues(member.particulars) },
    shouldFocusError: false,
  });
  const classId = useWatch({ control, name: 'classId' });
  const former = member.status === 'former';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onValid = async (input: MethodInput<'members.update'>) => {
    setGeneral(null);
    const result = await call('members.update', input);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(`Member ${member.memberNumber}: particulars saved.`);
      onDone();
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, ['classId', ...particularsPaths('particulars.')]));
    setAttempt((a) => a + 1);
  };

  return (
    <section aria-labelledby="edit-h" className="edit-particulars">
      <h2 id="edit-h" tabIndex={-1} ref={headingRef}>
        Change particulars
      </h2>
      <p className="muted">Each change is recorded in the member’s history with what it was before.</p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title="The particulars were not saved">
          <p>{general}</p>
        </Banner>
      ) : null}
      <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate className="register-form" aria-labelledby="edit-h">
        <div className="card">
          <fieldset>
            <legend>Membership class</legend>
            {former ? (
              <p>
                {byId(member.classId)?.name ?? 'Unknown'} class. <span className="muted">A former member’s class records the class they held, so it cannot change.</span>
              </p>
            ) : (
              <Field id={fieldId('classId')} error={errorAt(formState.errors, 'classId')} label="Class" hint="Moving to an employee class checks their eligibility today.">
                <select {...register('classId')}>
                  {classes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </fieldset>
        </div>
        <ParticularsFields
          register={register}
          control={control}
          errors={formState.errors}
          family={form.family}
          hasShares={form.hasShares}
          cls={byId(classId)}
          agreedAddress={member.particulars.electronicComms && !member.particulars.electronicComms.revokedOn ? (member.particulars.email ?? null) : null}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            Save particulars
          </button>
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
