// The card's home on the page: a closed shadow root (page scripts cannot read the reader's history
// shown in it), created on first use only, positioned next to the mark and kept there on scroll.
import { type ComponentChild, render } from 'preact';
import CARD_CSS from '../../components/card.css?inline';
import { dirOf, type UiLang } from '../../locales/index';
import { pickLineBox, placeCard } from '../../page/place';

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
export interface CardHost {
  /** Whether an event target is our card (the page sees only the host element). */
  contains(target: EventTarget | null): boolean;
  /** Whether the reader is typing in a field of the card (a note): keys are theirs, not shortcuts. */
  typing(): boolean;
  /** Show content next to a range. */
  show(content: ComponentChild, anchor: Range, opts: ShowOptions): void;
  /** Re-render the open card (new data arrived) without moving focus. */
  update(content: ComponentChild): void;
  /** Say something to screen readers. */
  announce(text: string): void;
  /** Close the card; focus goes back where it was when the keyboard opened it. */
  hide(returnFocus?: boolean): void;
  /** Remove everything we added. */
  destroy(): void;
}

/** The shadow-root host for cards; nothing is added to the page until the first card opens. */
export function createCardHost(doc: Document, options: CardHostOptions): CardHost {
  let hostEl: HTMLElement | null = null;
  let rootEl: HTMLDivElement | null = null;
  let floatEl: HTMLDivElement | null = null;
  let liveEl: HTMLDivElement | null = null;
  let stopUpdates: (() => void) | null = null;
  let reposition: (() => void) | null = null;
  let focusBack: HTMLElement | null = null;
  let hiddenTitle: { el: Element; title: string } | null = null;
  let isOpen = false;
  let shadowRoot: ShadowRoot | null = null;

  function ensure(): void {
    if (hostEl) return;
    const host = doc.createElement('siyaq-card');
    host.setAttribute('style', 'all: initial; position: fixed; inset: 0 auto auto 0; z-index: 2147483647;');
    const shadow = host.attachShadow({ mode: 'closed' });
    shadowRoot = shadow;
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const root = doc.createElement('div');
    root.className = 'sq-root';
    const live = doc.createElement('div');
    live.className = 'sq-live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    const float = doc.createElement('div');
    float.className = 'sq-float';
    float.setAttribute('role', 'dialog');
    float.tabIndex = -1;
    float.hidden = true;
    float.addEventListener('pointerenter', () => options.onPointerEnter());
    float.addEventListener('pointerleave', () => options.onPointerLeave());
    float.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        options.onEscape();
      }
    });
    root.append(live, float);
    shadow.append(style, root);
    doc.documentElement.append(host);
    hostEl = host;
    rootEl = root;
    floatEl = float;
    liveEl = live;
  }

  /** Whether an event target or node is our card (the page sees only the host element). */
  function contains(target: EventTarget | null): boolean {
    return !!hostEl && target === hostEl;
  }

  /** Show content next to a range. */
  function show(content: ComponentChild, anchor: Range, opts: ShowOptions): void {
    ensure();
    const root = rootEl!;
    const float = floatEl!;
    root.setAttribute('lang', opts.lang);
    root.setAttribute('dir', dirOf(opts.lang));
    // "system" follows the browser's colour scheme, decided here so the stylesheet needs one dark palette.
    const dark =
      opts.theme === 'dark' || (opts.theme === 'system' && !!doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches);
    root.setAttribute('data-theme', dark ? 'dark' : 'light');
    float.setAttribute('aria-label', opts.label);
    float.setAttribute('dir', dirOf(opts.lang));
    render(content, float);
    float.hidden = false;
    isOpen = true;
    hidePageTitle(anchor);
    stopUpdates?.();
    const point = opts.point ?? null;
    const dir = dirOf(opts.lang);
    const view = doc.defaultView!;
    let frame = 0;
    const place = () => {
      frame = 0;
      const line = pickLineBox([...anchor.getClientRects()], point);
      if (!line) return;
      const size = float.getBoundingClientRect();
      const { x, y } = placeCard(line, size, { width: view.innerWidth, height: view.innerHeight }, dir);
      float.style.transform = `translate(${x}px, ${y}px)`;
    };
    const schedule = () => {
      frame ||= view.requestAnimationFrame(place);
    };
    place();
    reposition = schedule;
    const aborter = new AbortController();
    view.addEventListener('scroll', schedule, { capture: true, passive: true, signal: aborter.signal });
    view.addEventListener('resize', schedule, { passive: true, signal: aborter.signal });
    stopUpdates = () => {
      aborter.abort();
      if (frame) view.cancelAnimationFrame(frame);
    };
    if (opts.focus) {
      const active = doc.activeElement;
      if (!focusBack && active instanceof HTMLElement && active !== hostEl) focusBack = active;
      float.focus({ preventScroll: true });
    }
    if (opts.announce) announce(opts.announce);
  }

  /** Re-render the open card (new data arrived) without moving focus. */
  function update(content: ComponentChild): void {
    if (!isOpen || !floatEl) return;
    render(content, floatEl);
    reposition?.();
  }

  /** Say something to screen readers (marks toggled, nothing to save). */
  function announce(text: string): void {
    ensure();
    const live = liveEl!;
    live.textContent = '';
    setTimeout(() => {
      live.textContent = text;
    }, 50);
  }

  /** Close the card; focus goes back where it was when the keyboard opened it. */
  function hide(returnFocus = true): void {
    if (!floatEl) return;
    stopUpdates?.();
    stopUpdates = null;
    reposition = null;
    render(null, floatEl);
    floatEl.hidden = true;
    isOpen = false;
    restorePageTitle();
    const back = focusBack;
    focusBack = null;
    if (returnFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Hide the page's native tooltip on the mark while our card is open. */
  function hidePageTitle(anchor: Range): void {
    restorePageTitle();
    const el = anchor.startContainer.parentElement?.closest('[title]');
    if (!el) return;
    hiddenTitle = { el, title: el.getAttribute('title') ?? '' };
    el.removeAttribute('title');
  }

  function restorePageTitle(): void {
    if (hiddenTitle) hiddenTitle.el.setAttribute('title', hiddenTitle.title);
    hiddenTitle = null;
  }

  /** Remove everything we added. */
  function destroy(): void {
    hide();
    if (floatEl) render(null, floatEl);
    hostEl?.remove();
    hostEl = rootEl = floatEl = liveEl = null;
  }

  function typing(): boolean {
    const focused = shadowRoot?.activeElement;
    return (
      !!focused && (focused.localName === 'textarea' || (focused.localName === 'input' && (focused as HTMLInputElement).type === 'text'))
    );
  }

  return { contains, typing, show, update, announce, hide, destroy };
}
