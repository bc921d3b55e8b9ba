// The quotation card over the article: who said it, and saving it. Data and actions come in props.
import type { UiLang } from '../locales/index';
import { tp as t } from '../locales/page';
import { type FixChoice, QuoteFixes } from './FixActions';

export interface QuoteCardProps {
  lang: UiLang;
  text: string;
  speaker: { name: string | null; kind: 'actor' | 'anonymous' | 'unknown' };
  saved: boolean;
  /** True while a save or unsave is on its way. */
  busy?: boolean;
  /** A failure to show (already translated or plain). */
  error?: string | null;
  pinned?: boolean;
  onSave?: () => void;
  onUnsave?: () => void;
  onClose?: () => void;
  /** Shown as the corrections row when given: not a quotation, said by another of these speakers or unknown. */
  onFix?: (choice: FixChoice) => void;
  speakers?: string[];
  /** A saved quotation's note, editable on the card when onNote is given. */
  note?: string;
  onNote?: (note: string) => void;
  /** True once the note on the card was saved. */
  noteSaved?: boolean;
  /** The reader started writing a note: the card must stay while they type. */
  onNoteFocus?: () => void;
}

/** Who said a quotation and a button to keep it; "saved" is shown in words, not only by colour. */
export function QuoteCard({
  lang,
  text,
  speaker,
  saved,
  busy = false,
  error = null,
  pinned = false,
  onSave,
  onUnsave,
  onClose,
  onFix,
  speakers = [],
  note = '',
  onNote,
  noteSaved = false,
  onNoteFocus,
}: QuoteCardProps) {
  const who =
    speaker.kind === 'anonymous' ? (speaker.name ?? t(lang, 'cardAnonymous')) : speaker.name ? speaker.name : t(lang, 'cardUnknownSpeaker');
  return (
    <div class={`sq-card sq-quote${saved ? ' sq-saved' : ''}`} data-testid="quote-card" data-saved={saved ? 'true' : 'false'}>
      <header class="sq-head">
        <span class="sq-type">
          <span class="sq-swatch" aria-hidden="true" />
          {saved ? t(lang, 'cardSavedQuote') : t(lang, 'cardQuotation')}
        </span>
        {pinned ? <span class="sq-pinned">{t(lang, 'cardPinned')}</span> : null}
        {onClose ? (
          <button type="button" class="sq-close" aria-label={t(lang, 'close')} onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      <p class="sq-speaker" data-testid="quote-speaker">
        <span class="sq-label">{t(lang, 'cardSpeaker')}: </span>
        <bdi dir="auto">{who}</bdi>
        {speaker.kind === 'anonymous' && speaker.name ? <span class="sq-note"> ({t(lang, 'cardAnonymous')})</span> : null}
      </p>
      <blockquote class="sq-text" dir="auto" lang="ar">
        <q>{text}</q>
      </blockquote>
      <p class="sq-actions">
        {saved ? (
          <button type="button" class="sq-button" disabled={busy} onClick={onUnsave} data-testid="unsave-quote">
            {t(lang, 'cardUnsave')}
          </button>
        ) : (
          <button type="button" class="sq-button sq-primary" disabled={busy} onClick={onSave} data-testid="save-quote">
            {t(lang, 'cardSave')}
          </button>
        )}
      </p>
      {saved && onNote ? (
        <form
          class="sq-note"
          data-testid="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            const field = (event.currentTarget as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement | null;
            onNote(field?.value.trim() ?? '');
          }}
        >
          <label class="sq-field">
            <span>{t(lang, 'cardNote')}</span>
            <textarea name="note" rows={2} dir="auto" maxLength={5000} defaultValue={note} data-testid="note-input" onFocus={onNoteFocus} />
          </label>
          <button type="submit" class="sq-button" disabled={busy} data-testid="save-note">
            {t(lang, 'cardNoteSave')}
          </button>
          <span role="status" class="sq-note-status">
            {noteSaved ? t(lang, 'cardNoteSaved') : ''}
          </span>
        </form>
      ) : null}
      {error ? (
        <p class="sq-error" role="alert">
          {error}
        </p>
      ) : null}
      {onFix ? <QuoteFixes lang={lang} speakers={speakers} current={speaker.name} busy={busy} onFix={onFix} /> : null}
    </div>
  );
}

export interface SaveQuoteFormProps {
  lang: UiLang;
  text: string;
  /** The page's actors to choose the speaker from (people and organizations first). */
  actors: { id: string; name: string }[];
  busy?: boolean;
  error?: string | null;
  onSave: (speaker: { actorId: string | null; name: string | null }) => void;
  onCancel: () => void;
}

/** Saving selected text: the reader picks the speaker from the page's actors or types one. */
export function SaveQuoteForm({ lang, text, actors, busy = false, error = null, onSave, onCancel }: SaveQuoteFormProps) {
  // Uncontrolled fields read on submit: no hooks, so the page's script stays small.
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const actorId = (form.elements.namedItem('speaker') as HTMLSelectElement | null)?.value ?? '';
    const typed = ((form.elements.namedItem('speakerName') as HTMLInputElement | null)?.value ?? '').trim();
    const chosen = actors.find((a) => a.id === actorId);
    onSave({ actorId: typed ? null : (chosen?.id ?? null), name: typed || chosen?.name || null });
  };
  return (
    <form class="sq-card sq-quote sq-form" data-testid="save-form" onSubmit={submit}>
      <header class="sq-head">
        <span class="sq-type">
          <span class="sq-swatch" aria-hidden="true" />
          {t(lang, 'saveAsQuote')}
        </span>
      </header>
      <blockquote class="sq-text" dir="auto" lang="ar">
        <q>{text}</q>
      </blockquote>
      <label class="sq-field">
        <span>{t(lang, 'pickSpeaker')}</span>
        <select name="speaker" data-testid="speaker-select">
          <option value="">—</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label class="sq-field">
        <span>{t(lang, 'typeSpeaker')}</span>
        <input type="text" name="speakerName" dir="auto" maxLength={300} data-testid="speaker-input" />
      </label>
      <p class="sq-actions">
        <button type="submit" class="sq-button sq-primary" disabled={busy} data-testid="save-selection">
          {t(lang, 'cardSave')}
        </button>
        <button type="button" class="sq-button" onClick={onCancel}>
          {t(lang, 'cancel')}
        </button>
      </p>
      {error ? (
        <p class="sq-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
