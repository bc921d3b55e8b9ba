// An actor across the reader's history: every reading that mentions it, newest first, with each quotation's
// date and outlet, and the reader's correction of what the name stands for.
import { useState } from 'preact/hooks';
import { t, type UiLang } from '../locales/index';
import type { ActorType } from '../types/analysis';
import type { TimelineEntry } from '../types/library';
import { articleDate, formatDate, outletOf } from './format';
import type { Gender } from './gender';

export interface ActorTimelineProps {
  lang: UiLang;
  name: string;
  entries: TimelineEntry[];
  /** What the reader said this name stands for, if they corrected it. */
  correction: string | null;
  onBack(): void;
  onCorrect(to: string | null): void;
  /** The actor's type and (for a person, when the article says) gender: the heading's wording. */
  type?: ActorType | null;
  gender?: Gender;
}

/** «ما قاله» / «ما قالته» for a person, «ما جاء على لسان» for an organization, no "said" for a place. */
function headingKey(type: ActorType | null, gender: Gender) {
  if (type === 'place') return 'timelineOfPlace';
  if (type === 'organization') return 'timelineOfOrg';
  if (type === 'person' && gender) return gender === 'f' ? 'timelineOfF' : 'timelineOfM';
  return 'timelineOf';
}

/** The actor page: heading, back button, one block per reading with its quotations, then the correction form. */
export function ActorTimeline({ lang, name, entries, correction, onBack, onCorrect, type = null, gender = null }: ActorTimelineProps) {
  const [draft, setDraft] = useState('');
  const sorted = [...entries].sort((a, b) => b.reading.readAt - a.reading.readAt);
  const quoteCount = sorted.reduce((n, e) => n + e.quotes.length, 0);
  return (
    <div class="timeline-view" data-testid="timeline">
      <button type="button" class="back" onClick={onBack}>
        {t(lang, 'back')}
      </button>
      <h2 id="timeline-heading" tabIndex={-1}>
        {t(lang, headingKey(type, gender), {
          name: `\u2068${name}\u2069` /* FSI…PDI (first-strong isolate) keep the name's direction inside the sentence */,
        })}
      </h2>
      <p class="meta">
        <span>{t(lang, 'timelineReadings', { count: sorted.length })}</span>
        <span>{t(lang, 'quoteCount', { count: quoteCount })}</span>
      </p>
      {sorted.length === 0 && (
        <p class="state state-empty" data-state="empty">
          {t(lang, 'timelineEmpty')}
        </p>
      )}
      <ol class="timeline">
        {sorted.map((entry) => (
          <li key={entry.reading.id} data-testid="timeline-entry">
            <p class="when">
              <time dateTime={articleDate(entry.reading.publishedAt, entry.reading.readAt).date.toISOString()}>
                {formatDate(lang, articleDate(entry.reading.publishedAt, entry.reading.readAt).date.getTime())}
              </time>
              {' · '}
              <bdi dir="ltr">{outletOf(entry.reading.url) ?? entry.reading.site}</bdi>
            </p>
            <h3>
              <a href={entry.reading.url} target="_blank" rel="noopener noreferrer" dir="auto">
                {entry.reading.title ?? entry.reading.url}
              </a>
            </h3>
            <p class="meta">
              {entry.name !== name && (
                <bdi dir="auto" class="variant">
                  {entry.name}
                </bdi>
              )}
              {entry.role && <span dir="auto">{t(lang, 'roleLabel', { role: entry.role })}</span>}
            </p>
            {entry.quotes.length > 0 ? (
              <ul class="timeline-quotes">
                {entry.quotes.map((q) => (
                  <li key={`${q.start}-${q.end}`}>
                    <blockquote dir="auto" data-testid="timeline-quote">
                      {q.text}
                    </blockquote>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="note">{t(lang, 'timelineNoQuote')}</p>
            )}
          </li>
        ))}
      </ol>
      <section class="corrections" aria-labelledby="corrections-heading">
        <h3 id="corrections-heading">{t(lang, 'corrections')}</h3>
        {correction && (
          <p>
            <bdi dir="auto">{name}</bdi> → <bdi dir="auto">{correction}</bdi>{' '}
            <button type="button" class="link" onClick={() => onCorrect(null)}>
              {t(lang, 'correctRemove')}
            </button>
          </p>
        )}
        <p class="note">{t(lang, 'correctionHint')}</p>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) onCorrect(draft.trim());
            setDraft('');
          }}
        >
          <label for="correct-to">{t(lang, 'correctTo')}</label>
          <input id="correct-to" type="text" dir="auto" maxLength={300} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit">{t(lang, 'correctSave')}</button>
        </form>
      </section>
    </div>
  );
}
