// When a hover card opens and closes: a short dwell before opening, no popups on fast sweeps,
// grace while the pointer travels into the card, and a pin that keeps it open.

export const DWELL_MS = 150;
export const GRACE_MS = 300;
/** Faster than this (px per ms) the reader is sweeping across the text, not pointing at a name. */
export const SWEEP_SPEED = 1.2;

export interface HoverCallbacks<T> {
  open(target: T, point: { x: number; y: number }): void;
  close(): void;
}

export interface HoverIntent<T> {
  /** The target whose card is open. */
  readonly open: T | null;
  readonly pinned: boolean;
  /** The pointer moved; `target` is the mark under it, or null. */
  move(target: T | null, x: number, y: number): void;
  /** The pointer entered the card: keep it open. */
  enterCard(): void;
  /** The pointer left the card: close after the grace period unless pinned. */
  leaveCard(): void;
  /** A card was opened some other way (keyboard, side panel): hover now governs its closing. */
  opened(target: T, pinned: boolean): void;
  /** Pin or unpin the open card; returns the new state. */
  togglePin(): boolean;
  /** Close now (Escape, close button, repaint). */
  dismiss(): void;
  /** Stop every timer (teardown). */
  dispose(): void;
}

/** Timing of hover cards; targets are compared with `same` (marks are recreated on repaint). */
export function createHoverIntent<T>(
  callbacks: HoverCallbacks<T>,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
  now: () => number = () => performance.now(),
): HoverIntent<T> {
  let pending: T | null = null;
  let dwellTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let last: { x: number; y: number; t: number } | null = null;
  let speed = 0;
  let point = { x: 0, y: 0 };
  let inCard = false;
  let open: T | null = null;
  let pinned = false;

  /** The pointer moved; `target` is the mark under it, or null. */
  function move(target: T | null, x: number, y: number): void {
    const t = now();
    if (last) {
      const dt = Math.max(1, t - last.t);
      speed = Math.hypot(x - last.x, y - last.y) / dt;
    }
    last = { x, y, t };
    point = { x, y };
    if (inCard) return;
    if (target && open && same(target, open)) {
      cancelClose();
      cancelDwell();
      return;
    }
    if (!target) {
      cancelDwell();
      if (open && !pinned) scheduleClose();
      return;
    }
    if (open && !pinned) scheduleClose();
    if (pending && same(target, pending)) return;
    pending = target;
    startDwell();
  }

  function startDwell(): void {
    clearTimeout(dwellTimer);
    dwellTimer = setTimeout(() => {
      const target = pending;
      if (!target) return;
      // Still sweeping along a long name: wait for the pointer to settle.
      if (speed > SWEEP_SPEED && last && now() - last.t < 50) {
        startDwell();
        return;
      }
      pending = null;
      if (pinned && open) return;
      cancelClose();
      open = target;
      callbacks.open(target, point);
    }, DWELL_MS);
  }

  function cancelDwell(): void {
    clearTimeout(dwellTimer);
    pending = null;
  }

  function scheduleClose(): void {
    if (closeTimer !== undefined) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (!pinned && !inCard) dismiss();
    }, GRACE_MS);
  }

  function cancelClose(): void {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  /** The pointer entered the card: keep it open. */
  function enterCard(): void {
    inCard = true;
    cancelClose();
    cancelDwell();
  }

  /** The pointer left the card: close after the grace period unless pinned. */
  function leaveCard(): void {
    inCard = false;
    if (open && !pinned) scheduleClose();
  }

  /** A card was opened some other way (keyboard, side panel): hover now governs its closing. */
  function opened(target: T, pin: boolean): void {
    cancelDwell();
    cancelClose();
    open = target;
    pinned = pin;
  }

  /** Pin or unpin the open card; returns the new state. */
  function togglePin(): boolean {
    if (!open) return false;
    pinned = !pinned;
    if (pinned) cancelClose();
    return pinned;
  }

  /** Close now (Escape, close button, repaint). */
  function dismiss(): void {
    cancelDwell();
    cancelClose();
    inCard = false;
    const wasOpen = open !== null;
    open = null;
    pinned = false;
    if (wasOpen) callbacks.close();
  }

  /** Stop every timer (teardown). */
  function dispose(): void {
    cancelDwell();
    cancelClose();
  }

  return {
    get open() {
      return open;
    },
    get pinned() {
      return pinned;
    },
    move,
    enterCard,
    leaveCard,
    opened,
    togglePin,
    dismiss,
    dispose,
  };
}
