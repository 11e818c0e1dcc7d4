import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RegisterSettings } from '../../../../shared/contract/members';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { CheckboxField, Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';

/**
 * The register's settings the law leaves to the organisation: whether the register is itself
 * kept as an index of members' names (CA 2006 s115(1), companies), and a society's period, under
 * its rules, for removing former members' entries (the CCBS Act 2014 sets none).
 */
export function RegisterSettingsForm({ family, settings }: { family: FormFamily; settings: RegisterSettings }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isIndex, setIsIndex] = useState(settings.registerIsIndex);
  const [years, setYears] = useState(settings.retentionYears === null ? '' : String(settings.retentionYears));
  const [error, setError] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const company = family === 'company';

  const save = async () => {
    setBusy(true);
    setError({});
    setGeneral(null);
    const trimmed = years.trim();
    const retentionYears = company || trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (Number.isNaN(retentionYears)) {
      setError({ retentionYears: 'Enter the number of whole years, such as 6, or leave it empty.' });
      setBusy(false);
      return;
    }
    const r = await call('members.updateRegisterSettings', { registerIsIndex: isIndex, retentionYears });
    setBusy(false);
    if (r.ok) {
      await queryClient.invalidateQueries();
      toast('Register settings saved');
    } else if (r.error.fieldErrors) setError(r.error.fieldErrors);
    else setGeneral(r.error.message);
  };

  return (
    <form
      className="register-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Settings of the register</h3>
      {general ? (
        <Banner tone="error" title="The settings were not saved">
          <p>{general}</p>
        </Banner>
      ) : null}
      {company ? (
        <CheckboxField
          id="registerIsIndex"
          label="The register is itself kept in the form of an index (in alphabetical order of names)"
          error={error['registerIsIndex']}
          source="Then no separate index of members is needed (CA 2006 s115(1))."
        >
          <input checked={isIndex} onChange={(e) => setIsIndex(e.target.checked)} />
        </CheckboxField>
      ) : (
        <Field
          id="retentionYears"
          label="Years after a member ceases that your rules allow their entry to be removed (optional)"
          hint="Leave empty if your rules set no period; the app then waits 10 years, as CA 2006 s121 does for companies."
          error={error['retentionYears']}
          source="The CCBS Act 2014 sets no period for removing a former member’s entry; the society’s rules decide, within UK GDPR storage limitation."
        >
          <input type="text" inputMode="numeric" className="narrow" value={years} onChange={(e) => setYears(e.target.value)} />
        </Field>
      )}
      <button type="submit" className="btn btn-secondary" disabled={busy}>
        {busy ? 'Saving…' : 'Save the settings'}
      </button>
    </form>
  );
}
