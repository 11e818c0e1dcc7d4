import { useQueryClient } from '@tanstack/react-query';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useToast } from '../../ui/Toasts';
import { forgetReportBuilds } from '../reports/report-builds';
import './group.css';

/**
 * The organisation the app is showing, in the top bar. When the file keeps more than one
 * (group structures), it is a menu button: Enter, Space or the down arrow opens the list of
 * organisations (the current one checked), and choosing one switches to it. Every cached answer
 * belonged to the previous organisation, so the cache is cleared and the home page opens.
 */
export function OrganisationSwitcher({ name }: { name: string | null }) {
  const organisations = useApiQuery('group.organisations', {});
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [problem, setProblem] = useState<string | null>(null);
  const list = organisations.data?.organisations ?? [];

  if (list.length <= 1) {
    return (
      <span className="org" data-testid="org-name">
        {name}
      </span>
    );
  }

  const current = list.find((o) => o.current);
  const choose = async (id: string) => {
    if (id === current?.id) return;
    setProblem(null);
    const result = await call('group.switch', { organisationId: id });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    queryClient.clear();
    // Reports built (or building) for the previous organisation must not be shown under this one.
    forgetReportBuilds();
    navigate('/', { replace: false });
    toast(`Now showing the records of ${result.value.name}.`);
  };

  return (
    <span className="org org-switcher">
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="org-switcher-trigger" aria-label={`Organisation: ${name ?? ''}. Switch organisation`}>
          <span data-testid="org-name">{name}</span>
          <span aria-hidden="true" className="org-switcher-caret">
            ▾
          </span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="org-switcher-menu" align="start" sideOffset={6}>
            <DropdownMenu.Label className="org-switcher-label">Switch to the records of</DropdownMenu.Label>
            <DropdownMenu.RadioGroup value={current?.id ?? ''} onValueChange={(id) => void choose(id)}>
              {list.map((o) => (
                <DropdownMenu.RadioItem key={o.id} value={o.id} className="org-switcher-item">
                  <DropdownMenu.ItemIndicator className="org-switcher-check">✓</DropdownMenu.ItemIndicator>
                  <span>{o.name}</span>
                  {o.current ? <span className="visually-hidden"> (current)</span> : null}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {problem ? (
        <span role="alert" className="org-switcher-problem">
          Not switched: {problem}
        </span>
      ) : null}
    </span>
  );
}
