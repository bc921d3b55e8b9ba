// The card's home on the page: a closed shadow root (page scripts cannot read the reader's history
// shown in it), created on first use only, positioned next to the mark with Floating UI.
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { type ComponentChild, render } from 'preact';
import { CARD_CSS } from '../../components/cardStyles';
import { dirOf, type UiLang } from '../../locales/index';

export interface CardHostOptions {
  onPointerEnter(): void;
  onPointerLeave(): void;
  /** Escape pressed inside the card. */
  onEscape(): void;
}

export interface ShowOptions {
  lang: UiLang;
  theme: 'system' | 'light' | 'dark';
  /** Accessible name of the dialog. */
  label: string;
  /** Move focus into the card (keyboard route) and return it on close. */
  focus: boolean;
  /** The pointer position, so a name broken across lines gets the card next to the right piece. */
  point?: { x: number; y: number } | null;
  /** Polite announcement for screen readers. */
  announce?: string;
}

/** The shadow-root host for cards; nothing is added to the page until the first card opens. */
export class CardHost {
  private host: HTMLElement | null = null;
  private root: HTMLDivElement | null = null;
  private float: HTMLDivElement | null = null;
  private live: HTMLDivElement | null = null;
  private stopUpdates: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private hiddenTitle: { el: Element; title: string } | null = null;
  isOpen = false;

  constructor(
    private readonly doc: Document,
    private readonly options: CardHostOptions,
  ) {}

  private ensure(): void {
    if (this.host) return;
    const host = this.doc.createElement('siyaq-card');
    host.setAttribute('style', 'all: initial; position: fixed; inset: 0 auto auto 0; z-index: 2147483647;');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = CARD_CSS;
    const root = this.doc.createElement('div');
    root.className = 'sq-root';
    const live = this.doc.createElement('div');
    live.className = 'sq-live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    const float = this.doc.createElement('div');
    float.className = 'sq-float';
    float.setAttribute('role', 'dialog');
    float.tabIndex = -1;
    float.hidden = true;
    float.addEventListener('pointerenter', () => this.options.onPointerEnter());
    float.addEventListener('pointerleave', () => this.options.onPointerLeave());
    float.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.options.onEscape();
      }
    });
    root.append(live, float);
    shadow.append(style, root);
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.float = float;
    this.live = live;
  }

  /** Whether an event target or node is our card (the page sees only the host element). */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target === this.host;
  }

  /** Show content next to a range. */
  show(content: ComponentChild, anchor: Range, opts: ShowOptions): void {
    this.ensure();
    const root = this.root!;
    const float = this.float!;
    root.setAttribute('lang', opts.lang);
    root.setAttribute('dir', dirOf(opts.lang));
    root.setAttribute('data-theme', opts.theme);
    float.setAttribute('aria-label', opts.label);
    render(content, float);
    float.hidden = false;
    this.isOpen = true;
    this.hidePageTitle(anchor);
    this.stopUpdates?.();
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const point = opts.point ?? null;
    const place = () =>
      computePosition(reference, float, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(point ?? undefined),
          offset(8),
          flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8 }),
        ],
      }).then(({ x, y }) => {
        float.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    this.stopUpdates = autoUpdate(reference, float, () => {
      place().catch(() => {});
    });
    if (opts.focus) {
      const active = this.doc.activeElement;
      if (!this.returnFocus && active instanceof HTMLElement && active !== this.host) this.returnFocus = active;
      float.focus({ preventScroll: true });
    }
    if (opts.announce) this.announce(opts.announce);
  }

  /** Re-render the open card (new data arrived) without moving focus. */
  update(content: ComponentChild): void {
    if (this.isOpen && this.float) render(content, this.float);
  }

  /** Say something to screen readers (marks toggled, nothing to save). */
  announce(text: string): void {
    this.ensure();
    const live = this.live!;
    live.textContent = '';
    setTimeout(() => {
      live.textContent = text;
    }, 50);
  }

  /** Close the card; focus goes back where it was when the keyboard opened it. */
  hide(returnFocus = true): void {
    if (!this.float) return;
    this.stopUpdates?.();
    this.stopUpdates = null;
    render(null, this.float);
    this.float.hidden = true;
    this.isOpen = false;
    this.restorePageTitle();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (returnFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Hide the page's native tooltip on the mark while our card is open. */
  private hidePageTitle(anchor: Range): void {
    this.restorePageTitle();
    const el = anchor.startContainer.parentElement?.closest('[title]');
    if (!el) return;
    this.hiddenTitle = { el, title: el.getAttribute('title') ?? '' };
    el.removeAttribute('title');
  }

  private restorePageTitle(): void {
    if (this.hiddenTitle) this.hiddenTitle.el.setAttribute('title', this.hiddenTitle.title);
    this.hiddenTitle = null;
  }

  /** Remove everything we added. */
  destroy(): void {
    this.hide();
    if (this.float) render(null, this.float);
    this.host?.remove();
    this.host = this.root = this.float = this.live = null;
  }
}
