// Styles for cards inside a shadow root: px only (the page's root font size must not leak in),
// logical properties for RTL, light/dark by data-theme, and forced-colours support.
export const CARD_CSS = `
:host { all: initial; }
.sq-root {
  --bg: #ffffff; --fg: #1b1b1b; --muted: #5b5b5b; --line: #d6d6d6; --accent: #0b57d0;
  --person: #1565c0; --organization: #7b1fa2; --place: #2e7d32; --quote: #a15c00; --saved: #c62828;
  font: 15px/1.6 "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--fg);
}
.sq-root[data-theme="dark"] {
  --bg: #1f2226; --fg: #eceff1; --muted: #b0b7bd; --line: #3c4248; --accent: #8ab4f8;
  --person: #82b1ff; --organization: #ce93d8; --place: #81c784; --quote: #ffb74d; --saved: #ff8a80;
}
@media (prefers-color-scheme: dark) {
  .sq-root[data-theme="system"] {
    --bg: #1f2226; --fg: #eceff1; --muted: #b0b7bd; --line: #3c4248; --accent: #8ab4f8;
    --person: #82b1ff; --organization: #ce93d8; --place: #81c784; --quote: #ffb74d; --saved: #ff8a80;
  }
}
.sq-float { position: fixed; top: 0; left: 0; /* physical: Floating UI computes physical x/y */ z-index: 2147483647; max-inline-size: min(360px, calc(100vw - 16px)); }
.sq-card {
  box-sizing: border-box; inline-size: 340px; max-inline-size: 100%; max-block-size: 70vh; overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-inline-start: 4px solid var(--person);
  border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.22); padding: 10px 14px; text-align: start;
}
.sq-card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.sq-organization { border-inline-start-color: var(--organization); border-inline-start-style: dashed; }
.sq-place { border-inline-start-color: var(--place); border-inline-start-style: dotted; }
.sq-quote { border-inline-start-color: var(--quote); border-inline-start-style: double; border-inline-start-width: 6px; }
.sq-saved { border-inline-start-color: var(--saved); }
.sq-head { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--muted); }
.sq-type { display: inline-flex; align-items: center; gap: 6px; }
.sq-swatch { display: inline-block; inline-size: 14px; block-size: 0; border-block-end: 3px solid var(--person); }
.sq-organization .sq-swatch { border-block-end: 3px dashed var(--organization); }
.sq-place .sq-swatch { border-block-end: 3px dotted var(--place); }
.sq-quote .sq-swatch { border-block-end: 3px double var(--quote); }
.sq-saved .sq-swatch { border-block-end-color: var(--saved); }
.sq-pinned { padding: 0 6px; border: 1px solid var(--line); border-radius: 4px; }
.sq-close { margin-inline-start: auto; background: none; border: 0; color: var(--fg); font: inherit; font-size: 20px; line-height: 1; cursor: pointer; padding: 2px 6px; }
.sq-title { margin: 4px 0; font-size: 18px; line-height: 1.4; font-weight: 700; }
.sq-latin { font-size: 14px; font-weight: 400; color: var(--muted); }
.sq-role, .sq-desc, .sq-count, .sq-speaker, .sq-history p, .sq-credit, .sq-actions, .sq-error, .sq-more { margin: 4px 0; }
.sq-label { color: var(--muted); }
.sq-count, .sq-credit { font-size: 13px; color: var(--muted); }
.sq-quotes h3 { margin: 8px 0 2px; font-size: 13px; color: var(--muted); font-weight: 600; }
.sq-quotes ul { margin: 0; padding-inline-start: 18px; }
.sq-quotes li { margin: 2px 0; }
.sq-history { border-block-start: 1px solid var(--line); margin-block-start: 8px; padding-block-start: 6px; font-size: 13px; }
blockquote { margin: 4px 0; padding-inline-start: 10px; border-inline-start: 2px solid var(--line); }
/* Quotations are the article's Arabic text: Arabic guillemets whatever the interface language. */
q { quotes: "\\00AB" "\\00BB"; }
.sq-figure { float: inline-end; margin: 0 0 4px 0; margin-inline-start: 8px; inline-size: 72px; font-size: 10px; color: var(--muted); }
.sq-figure img { inline-size: 72px; block-size: 72px; object-fit: cover; border-radius: 4px; }
.sq-button, .sq-link { font: inherit; font-size: 14px; cursor: pointer; border-radius: 6px; }
.sq-button { padding: 4px 12px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); margin-inline-end: 6px; }
.sq-primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.sq-button:disabled { opacity: 0.6; cursor: default; }
.sq-link { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; }
.sq-error { color: var(--saved); }
.sq-field { display: block; margin: 6px 0; font-size: 13px; }
.sq-field span { display: block; color: var(--muted); }
.sq-field select, .sq-field input { box-sizing: border-box; inline-size: 100%; font: inherit; font-size: 14px; padding: 3px 6px; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; }
.sq-live { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (forced-colors: active) {
  .sq-card { border-color: CanvasText; forced-color-adjust: auto; }
  .sq-swatch { border-block-end-color: CanvasText !important; }
  .sq-primary { border: 2px solid ButtonText; }
}
`;
