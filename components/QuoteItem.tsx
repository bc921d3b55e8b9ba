// A quotation of the article with its speaker, and the two things a reader does with it: save and copy.
import { t, type UiLang } from '../locales/index';
import { type FixChoice, QuoteFixes } from './FixActions';

export interface PanelQuote {
  key: string;
  text: string;
  speakerName: string | null;
  speakerKind: 'actor' | 'anonymous' | 'unknown';
}

export interface QuoteItemProps {
  quote: PanelQuote;
  lang: UiLang;
  saved: boolean;
  /** Outcome of the last copy, shown beside the button ('idle' shows nothing). */
  copyState: 'idle' | 'copied' | 'failed';
  onSave(quote: PanelQuote): void;
  onCopy(quote: PanelQuote): void;
  /** The reader's correction (not a quotation, said by another of `speakers` or unknown). */
  onFix?(quote: PanelQuote, choice: FixChoice): void;
  speakers?: string[];
}

/** The speaker as the reader should see it: the name, or an honest word for an unnamed or unidentified one. */
export function speakerLabel(lang: UiLang, quote: Pick<PanelQuote, 'speakerName' | 'speakerKind'>): string {
  if (quote.speakerName) return quote.speakerName;
  return t(lang, quote.speakerKind === 'anonymous' ? 'speakerAnonymous' : 'speakerUnknown');
}

/** One quotation: the words, who said them, and save/copy buttons that say what happened. */
export function QuoteItem({ quote, lang, saved, copyState, onSave, onCopy, onFix, speakers = [] }: QuoteItemProps) {
  return (
    <figure class="quote" data-testid="quote">
      <blockquote dir="auto">{quote.text}</blockquote>
      <figcaption>
        <span class="visually-hidden">{t(lang, 'saidBy')}: </span>
        <bdi dir="auto" class={quote.speakerName ? 'speaker' : 'speaker speaker-none'}>
          {speakerLabel(lang, quote)}
        </bdi>
      </figcaption>
      <div class="actions">
        <button type="button" aria-pressed={saved} disabled={saved} onClick={() => onSave(quote)}>
          {t(lang, saved ? 'saved' : 'save')}
        </button>
        <button type="button" onClick={() => onCopy(quote)}>
          {t(lang, 'copy')}
        </button>
        <span role="status" class="note">
          {copyState === 'copied' ? t(lang, 'copied') : copyState === 'failed' ? t(lang, 'copyFailed') : ''}
        </span>
      </div>
      {onFix && <QuoteFixes lang={lang} speakers={speakers} current={quote.speakerName} onFix={(choice) => onFix(quote, choice)} />}
    </figure>
  );
}
