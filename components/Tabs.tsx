// The panel's section switcher: a WAI-ARIA tab list with roving focus; arrow keys follow the reading direction.
import { useRef } from 'preact/hooks';

interface TabItem<Id extends string> {
  id: Id;
  label: string;
}

export interface TabsProps<Id extends string> {
  tabs: TabItem<Id>[];
  active: Id;
  label: string;
  dir: 'rtl' | 'ltr';
  onSelect(id: Id): void;
}

/** The id of the element a tab controls, shared by the tab and its panel. */
export function tabPanelId(id: string): string {
  return `view-${id}`;
}

/** Tab buttons for the panel's sections; only the active tab is in the Tab order, arrows move between them. */
export function Tabs<Id extends string>({ tabs, active, label, dir, onSelect }: TabsProps<Id>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, step: number) => {
    const next = (from + step + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[next]?.focus();
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward) move(index, 1);
    else if (event.key === backward) move(index, -1);
    else if (event.key === 'Home') move(0, 0);
    else if (event.key === 'End') move(tabs.length - 1, 0);
    else return;
    event.preventDefault();
  };
  return (
    <div role="tablist" aria-label={label} class="tabs">
      {tabs.map((tab, index) => (
        <button
          type="button"
          role="tab"
          key={tab.id}
          id={`tab-${tab.id}`}
          ref={(el) => {
            refs.current[index] = el;
          }}
          aria-selected={tab.id === active}
          aria-controls={tabPanelId(tab.id)}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={onKeyDown(index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
