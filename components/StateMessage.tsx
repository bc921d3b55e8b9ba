// Empty, loading and error states: each says what happened and what the reader can do next.
import type { ComponentChildren } from 'preact';

export interface StateMessageProps {
  kind: 'empty' | 'loading' | 'error';
  message: string;
  action?: { label: string; onClick(): void } | undefined;
  children?: ComponentChildren;
}

/** A message in place of a list; errors are announced at once, loading politely. */
export function StateMessage({ kind, message, action, children }: StateMessageProps) {
  return (
    <div class={`state state-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-state={kind}>
      <p>{message}</p>
      {children}
      {action && (
        <button type="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
