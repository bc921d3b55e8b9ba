// History: readings newest first (title, site, date, actors) with search across titles, actors and quotations.
import { type MessageKey, t, type UiLang } from '../locales/index';
import type { HistoryHit, ReadingSummary } from '../types/library';
import { articleDate, formatDate } from './format';
import { VirtualList } from './VirtualList';

export interface HistoryProps {
  lang: UiLang;
  query: string;
  /** Readings to list: all of them, or the search hits with what matched. */
  items: HistoryHit[];
  /** The query the items answer (they may lag behind what is typed); '' for the whole history. */
  resultsFor: string;
  onQuery(query: string): void;
  onActor(name: string): void;
}

const FIELD_KEYS: Record<HistoryHit['matches'][number]['field'], MessageKey> = {
  title: 'fieldTitle',
  actor: 'fieldActor',
  quote: 'fieldQuote',
  site: 'fieldSite',
};

/** One reading: the title links to the article; each actor opens its timeline. */
function ReadingItem({
  reading,
  matches = [],
  lang,
  onActor,
}: {
  reading: ReadingSummary;
  matches?: HistoryHit['matches'];
  lang: UiLang;
  onActor(name: string): void;
}) {
  const fields = [...new Set(matches.map((m) => t(lang, FIELD_KEYS[m.field])))];
  // One date per reading: the article's own when the page gave a readable one, else when it was read.
  const { date, published } = articleDate(reading.publishedAt, reading.readAt);
  const quoteMatch = matches.find((m) => m.field === 'quote');
  return (
    <article class="reading" data-testid="reading" data-id={reading.id}>
      <h2 class="reading-title">
        <a href={reading.url} target="_blank" rel="noopener noreferrer" dir="auto">
          {reading.title ?? reading.url}
        </a>
      </h2>
      <p class="meta">
        <bdi dir="ltr">{reading.site}</bdi>
        {' · '}
        <time dateTime={date.toISOString()}>
          {t(lang, published ? 'publishedAt' : 'readAt', { date: formatDate(lang, date.getTime()) })}
        </time>
      </p>
      {reading.topActors.length > 0 && (
        <ul class="chips actors-inline" aria-label={t(lang, 'actorsHeading')}>
          {reading.topActors.map((name) => (
            <li key={name}>
              <button type="button" class="chip" onClick={() => onActor(name)} aria-label={t(lang, 'timelineOfName', { name })}>
                <bdi dir="auto">{name}</bdi>
              </button>
            </li>
          ))}
        </ul>
      )}
      {fields.length > 0 && <p class="note">{t(lang, 'matchedIn', { fields: fields.join(lang === 'ar' ? '، ' : ', ') })}</p>}
      {quoteMatch && (
        <blockquote class="match" dir="auto">
          {quoteMatch.text}
        </blockquote>
      )}
    </article>
  );
}

/** The history view: a search box over a (windowed) list of readings, newest first. */
export function History({ lang, query, items, resultsFor, onQuery, onActor }: HistoryProps) {
  const current = resultsFor === query.trim();
  return (
    <div class="history-view" data-results-for={resultsFor} aria-busy={!current}>
      <search class="toolbar">
        <label for="history-search" class="visually-hidden">
          {t(lang, 'searchHistory')}
        </label>
        <input
          id="history-search"
          type="search"
          dir="auto"
          placeholder={t(lang, 'searchHistory')}
          value={query}
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </search>
      {query.trim() !== '' && current && (
        <p class="note" role="status">
          {t(lang, 'resultCount', { count: items.length })}
        </p>
      )}
      {items.length === 0 ? (
        <p class="state state-empty" data-state="empty">
          {t(lang, query.trim() ? 'noMatches' : 'historyEmpty')}
        </p>
      ) : (
        <VirtualList
          items={items}
          keyOf={(h) => h.reading.id}
          label={t(lang, 'tabHistory')}
          testId="readings"
          estimate={130}
          renderItem={(h) => <ReadingItem reading={h.reading} matches={h.matches} lang={lang} onActor={onActor} />}
        />
      )}
    </div>
  );
}
