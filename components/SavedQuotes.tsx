// Saved quotations: Arabic-aware search, filters by speaker/site/date, notes and tags, delete with undo, export,
// and a badge on quotations whose article changed since they were saved.
import { useState } from 'preact/hooks';
import { t, type UiLang } from '../locales/index';
import type { AnchorStatus, SavedQuoteView } from '../types/library';
import { articleDate, formatDate } from './format';
import { VirtualList } from './VirtualList';

export type ExportFormat = 'markdown' | 'csv' | 'jsonld';

export interface SavedFilter {
  text: string;
  speaker: string;
  site: string;
  /** yyyy-mm-dd from a date field, or ''. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: SavedFilter = { text: '', speaker: '', site: '', from: '', to: '' };

export interface SavedQuoteItemProps {
  quote: SavedQuoteView;
  lang: UiLang;
  anchor: AnchorStatus | null;
  onNote(id: string, note: string): void;
  onTags(id: string, tags: string[]): void;
  onDelete(quote: SavedQuoteView): void;
}

/** Split typed tags on commas (Latin or Arabic), trimmed, without empties or repeats. */
export function parseTags(input: string, existing: readonly string[] = []): string[] {
  const fresh = input
    .split(/[,،]/)
    .map((s) => s.trim().replace(/^#/, ''))
    .filter(Boolean);
  return [...new Set([...existing, ...fresh])].slice(0, 20);
}

/** One saved quotation with its source, its note and tags, and the reader's actions on it. */
export function SavedQuoteItem({ quote, lang, anchor, onNote, onTags, onDelete }: SavedQuoteItemProps) {
  const [tagDraft, setTagDraft] = useState('');
  const changed = anchor === 'changed' || anchor === 'removed';
  const noteId = `note-${quote.id}`;
  const tagId = `tag-${quote.id}`;
  return (
    <article class="saved" data-testid="saved-quote" data-id={quote.id} aria-label={quote.exact.slice(0, 80)}>
      {changed && (
        <p class="badge badge-warn" title={t(lang, 'articleChangedHint')} data-testid="changed-badge">
          {t(lang, anchor === 'removed' ? 'articleRemoved' : 'articleChanged')}
          <span class="visually-hidden"> — {t(lang, 'articleChangedHint')}</span>
        </p>
      )}
      <blockquote dir="auto">{quote.exact}</blockquote>
      <p class="source">
        <bdi dir="auto" class="speaker">
          {quote.speakerName ?? t(lang, 'speakerUnknown')}
        </bdi>
        {' · '}
        <a href={quote.url} target="_blank" rel="noopener noreferrer" dir="auto">
          {quote.title ?? quote.site}
        </a>
        {' · '}
        <bdi>{quote.site}</bdi>
        {' · '}
        <time dateTime={articleDate(quote.publishedAt, quote.savedAt).date.toISOString()}>
          {formatDate(lang, articleDate(quote.publishedAt, quote.savedAt).date.getTime())}
        </time>
      </p>
      {/* Note and tags open on demand: the list stays a compact list of quotations. */}
      <details class="note-tags">
        <summary>
          {t(lang, 'noteAndTags')}
          {(quote.note || quote.tags.length > 0) && (
            <span class="preview" dir="auto">
              {' — '}
              {[quote.note.slice(0, 60) + (quote.note.length > 60 ? '…' : ''), ...quote.tags.map((tag) => `#${tag}`)]
                .filter(Boolean)
                .join(' ')}
            </span>
          )}
        </summary>
        <label for={noteId} class="field-label">
          {t(lang, 'note')}
        </label>
        <textarea
          id={noteId}
          dir="auto"
          rows={2}
          value={quote.note}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (value !== quote.note) onNote(quote.id, value);
          }}
        />
        <fieldset class="tags">
          <legend class="visually-hidden">{t(lang, 'tags')}</legend>
          <ul class="chips">
            {quote.tags.map((tag) => (
              <li key={tag} class="chip" data-testid="tag">
                <bdi dir="auto">{tag}</bdi>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t(lang, 'removeTag', { tag })}
                  onClick={() =>
                    onTags(
                      quote.id,
                      quote.tags.filter((x) => x !== tag),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <label for={tagId} class="visually-hidden">
            {t(lang, 'addTag')}
          </label>
          <input
            id={tagId}
            type="text"
            dir="auto"
            placeholder={t(lang, 'addTag')}
            title={t(lang, 'addTagHint')}
            value={tagDraft}
            maxLength={64}
            onInput={(e) => setTagDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              const next = parseTags(tagDraft, quote.tags);
              setTagDraft('');
              if (next.length !== quote.tags.length) onTags(quote.id, next);
            }}
          />
        </fieldset>
      </details>
      <div class="actions">
        <button type="button" class="danger" onClick={() => onDelete(quote)}>
          {t(lang, 'delete')}
        </button>
      </div>
    </article>
  );
}

export interface SavedQuotesProps {
  lang: UiLang;
  items: SavedQuoteView[];
  filter: SavedFilter;
  speakers: string[];
  sites: string[];
  anchors: Record<string, AnchorStatus>;
  /** The filter the items answer (they may lag behind what is typed). */
  resultsFor: SavedFilter;
  onFilter(patch: Partial<SavedFilter>): void;
  onNote(id: string, note: string): void;
  onTags(id: string, tags: string[]): void;
  onDelete(quote: SavedQuoteView): void;
  onExport(format: ExportFormat): void;
}

const FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'csv', label: 'CSV' },
  { id: 'jsonld', label: 'JSON-LD' },
];

/** The saved-quotations view: search and filters on top, export, then the list (windowed when long). */
export function SavedQuotes(props: SavedQuotesProps) {
  const { lang, items, filter, speakers, sites, anchors, onFilter } = props;
  const filtered = Object.values(filter).some((v) => v !== '');
  const current = JSON.stringify(props.resultsFor) === JSON.stringify(filter);
  return (
    <div class="saved-view" data-results-for={props.resultsFor.text} aria-busy={!current}>
      <search class="toolbar">
        <label for="saved-search" class="visually-hidden">
          {t(lang, 'searchSaved')}
        </label>
        <input
          id="saved-search"
          type="search"
          dir="auto"
          placeholder={t(lang, 'searchSaved')}
          value={filter.text}
          onInput={(e) => onFilter({ text: e.currentTarget.value })}
        />
        <details class="filters">
          <summary>{t(lang, 'filters')}</summary>
          <div class="filter-grid">
            <ChoiceFilter
              label={t(lang, 'filterSpeaker')}
              all={t(lang, 'filterAll')}
              value={filter.speaker}
              options={speakers}
              onChange={(speaker) => onFilter({ speaker })}
            />
            <ChoiceFilter
              label={t(lang, 'filterSite')}
              all={t(lang, 'filterAll')}
              value={filter.site}
              options={sites}
              onChange={(site) => onFilter({ site })}
            />
            <label>
              {t(lang, 'filterFrom')}
              <input type="date" value={filter.from} onChange={(e) => onFilter({ from: e.currentTarget.value })} />
            </label>
            <label>
              {t(lang, 'filterTo')}
              <input type="date" value={filter.to} onChange={(e) => onFilter({ to: e.currentTarget.value })} />
            </label>
          </div>
        </details>
      </search>
      <fieldset class="export">
        <legend>{t(lang, 'export')}</legend>
        {FORMATS.map((f) => (
          <button
            type="button"
            key={f.id}
            aria-label={t(lang, 'exportAs', { format: f.label })}
            disabled={items.length === 0}
            onClick={() => props.onExport(f.id)}
          >
            {f.label}
          </button>
        ))}
      </fieldset>
      {filtered && current && (
        <p class="note" role="status">
          {t(lang, 'resultCount', { count: items.length })}
        </p>
      )}
      {items.length === 0 ? (
        <p class="state state-empty" data-state="empty">
          {t(lang, filtered ? 'noMatches' : 'savedEmpty')}
        </p>
      ) : (
        <VirtualList
          items={items}
          keyOf={(q) => q.id}
          label={t(lang, 'tabSaved')}
          testId="saved-list"
          estimate={220}
          renderItem={(q) => (
            <SavedQuoteItem
              quote={q}
              lang={lang}
              anchor={anchors[q.id] ?? null}
              onNote={props.onNote}
              onTags={props.onTags}
              onDelete={props.onDelete}
            />
          )}
        />
      )}
    </div>
  );
}

/** A labelled drop-down filter whose first choice means "any". */
function ChoiceFilter(props: { label: string; all: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
