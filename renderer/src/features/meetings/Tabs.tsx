import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef {
  id: string;
  label: string;
  /** A count shown after the label ("3"). */
  badge?: string;
  /** What a screen reader hears for the badge ("3 items"). */
  badgeText?: string;
}

/**
 * Tabs as the WAI-ARIA Authoring Practices describe them: a tablist whose tabs are one Tab stop
 * (the selected one), Left and Right (and Home and End) move between tabs and show them, and the
 * panel is labelled by its tab and can take focus. The selected tab is kept by the caller (in the
 * address, so a link or Back returns to it).
 */
export function Tabs({ tabs, selected, onSelect, label, children }: { tabs: readonly TabDef[]; selected: string; onSelect: (id: string) => void; label: string; children: ReactNode }) {
  const base = useId();
  const refs = useRef<Map<string, HTMLButtonElement>>(new Map());
  const tabId = (id: string) => `${base}-tab-${id}`;
  const panelId = (id: string) => `${base}-panel-${id}`;
  const move = (to: number) => {
    const t = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(t.id);
    refs.current.get(t.id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selected);
    if (e.key === 'ArrowRight') move(i + 1);
    else if (e.key === 'ArrowLeft') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div className="mtg-tabs">
      <div role="tablist" aria-label={label} className="mtg-tablist" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const on = t.id === selected;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={tabId(t.id)}
              aria-selected={on}
              aria-controls={panelId(t.id)}
              tabIndex={on ? 0 : -1}
              className="mtg-tab"
              onClick={() => onSelect(t.id)}
            >
              {t.label}
              {t.badge ? (
                <>
                  <span className="mtg-tab-badge" aria-hidden="true">
                    {t.badge}
                  </span>
                  <span className="visually-hidden">, {t.badgeText ?? t.badge}</span>
                </>
              ) : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId(selected)} aria-labelledby={tabId(selected)} tabIndex={0} className="mtg-tabpanel">
        {children}
      </div>
    </div>
  );
}
