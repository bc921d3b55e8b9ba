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

/** Timing of hover cards; targets are compared with `same` (marks are recreated on repaint). */
export class HoverIntent<T> {
  private pending: T | null = null;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private last: { x: number; y: number; t: number } | null = null;
  private speed = 0;
  private point = { x: 0, y: 0 };
  private inCard = false;
  open: T | null = null;
  pinned = false;

  constructor(
    private readonly callbacks: HoverCallbacks<T>,
    private readonly same: (a: T, b: T) => boolean = (a, b) => a === b,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The pointer moved; `target` is the mark under it, or null. */
  move(target: T | null, x: number, y: number): void {
    const t = this.now();
    if (this.last) {
      const dt = Math.max(1, t - this.last.t);
      this.speed = Math.hypot(x - this.last.x, y - this.last.y) / dt;
    }
    this.last = { x, y, t };
    this.point = { x, y };
    if (this.inCard) return;
    if (target && this.open && this.same(target, this.open)) {
      this.cancelClose();
      this.cancelDwell();
      return;
    }
    if (!target) {
      this.cancelDwell();
      if (this.open && !this.pinned) this.scheduleClose();
      return;
    }
    if (this.open && !this.pinned) this.scheduleClose();
    if (this.pending && this.same(target, this.pending)) return;
    this.pending = target;
    this.startDwell();
  }

  private startDwell(): void {
    clearTimeout(this.dwellTimer);
    this.dwellTimer = setTimeout(() => {
      const target = this.pending;
      if (!target) return;
      // Still sweeping along a long name: wait for the pointer to settle.
      if (this.speed > SWEEP_SPEED && this.last && this.now() - this.last.t < 50) {
        this.startDwell();
        return;
      }
      this.pending = null;
      if (this.pinned && this.open) return;
      this.cancelClose();
      this.open = target;
      this.callbacks.open(target, this.point);
    }, DWELL_MS);
  }

  private cancelDwell(): void {
    clearTimeout(this.dwellTimer);
    this.pending = null;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      if (!this.pinned && !this.inCard) this.dismiss();
    }, GRACE_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  /** The pointer entered the card: keep it open. */
  enterCard(): void {
    this.inCard = true;
    this.cancelClose();
    this.cancelDwell();
  }

  /** The pointer left the card: close after the grace period unless pinned. */
  leaveCard(): void {
    this.inCard = false;
    if (this.open && !this.pinned) this.scheduleClose();
  }

  /** A card was opened some other way (keyboard, side panel): hover now governs its closing. */
  opened(target: T, pinned: boolean): void {
    this.cancelDwell();
    this.cancelClose();
    this.open = target;
    this.pinned = pinned;
  }

  /** Pin or unpin the open card; returns the new state. */
  togglePin(): boolean {
    if (!this.open) return false;
    this.pinned = !this.pinned;
    if (this.pinned) this.cancelClose();
    return this.pinned;
  }

  /** Close now (Escape, close button, repaint). */
  dismiss(): void {
    this.cancelDwell();
    this.cancelClose();
    this.inCard = false;
    const wasOpen = this.open !== null;
    this.open = null;
    this.pinned = false;
    if (wasOpen) this.callbacks.close();
  }

  /** Stop every timer (teardown). */
  dispose(): void {
    this.cancelDwell();
    this.cancelClose();
  }
}
