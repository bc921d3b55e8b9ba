// The reader's corrections, one click each: on an actor (not a name, another type, hide on this site) and on a
// quotation (not a quotation, said by someone else). Shared by the hover cards and the side panel.
import type { UiLang } from '../locales/index';
import { type PageKey, tp as t } from '../locales/page';
import type { ActorType } from '../types/analysis';

/** A correction as the page and the panel ask for it (the site of "hide" is the page's). */
export type FixChoice =
  | { kind: 'not-name' }
  | { kind: 'hide' }
  | { kind: 'type'; type: ActorType }
  | { kind: 'not-quote' }
  | { kind: 'speaker'; speaker: string | null };

/** The addFix request for a choice about an actor's name or a quotation's text, on the page at `url`. */
export function fixRequestOf(choice: FixChoice, subject: string, url: string) {
  switch (choice.kind) {
    case 'not-quote':
      return { kind: choice.kind, quote: subject };
    case 'speaker':
      return { kind: choice.kind, quote: subject, speaker: choice.speaker };
    case 'type':
      return { kind: choice.kind, name: subject, type: choice.type };
    case 'hide':
      return { kind: choice.kind, name: subject, site: url };
    case 'not-name':
      return { kind: choice.kind, name: subject };
  }
}

const TYPE_KEYS: Record<ActorType, PageKey> = { person: 'fixAsPerson', organization: 'fixAsOrganization', place: 'fixAsPlace' };
const TYPES: ActorType[] = ['person', 'organization', 'place'];

export function ActorFixes({
  lang,
  type,
  busy = false,
  onFix,
}: {
  lang: UiLang;
  type: ActorType;
  busy?: boolean;
  onFix: (choice: FixChoice) => void;
}) {
  const choices: [FixChoice, string][] = [
    [{ kind: 'not-name' }, 'fix-not-name'],
    ...TYPES.filter((other) => other !== type).map((other): [FixChoice, string] => [{ kind: 'type', type: other }, `fix-type-${other}`]),
    [{ kind: 'hide' }, 'fix-hide'],
  ];
  return (
    <fieldset class="sq-fixes" data-testid="actor-fixes">
      <legend class="sq-label">{t(lang, 'fixHeading')}</legend>
      {choices.map(([choice, testId]) => (
        <button key={testId} type="button" class="sq-link" disabled={busy} onClick={() => onFix(choice)} data-testid={testId}>
          {fixLabel(lang, choice)}
        </button>
      ))}
    </fieldset>
  );
}

/** What a correction says, in a few words («ليس اسماً», «مكان», «قاله غيره»). */
export function fixLabel(lang: UiLang, choice: FixChoice): string {
  switch (choice.kind) {
    case 'not-name':
      return t(lang, 'fixNotName');
    case 'hide':
      return t(lang, 'fixHide');
    case 'type':
      return t(lang, TYPE_KEYS[choice.type]);
    case 'not-quote':
      return t(lang, 'fixNotQuote');
    case 'speaker':
      return `${t(lang, 'fixSpeaker')}: ${choice.speaker ?? t(lang, 'fixSpeakerUnknown')}`;
  }
}

/** The value of the "unknown speaker" choice (no actor has an empty name). */
const UNKNOWN = '';

export function QuoteFixes({
  lang,
  speakers,
  current,
  busy = false,
  onFix,
}: {
  lang: UiLang;
  /** The article's people and organizations, by name. */
  speakers: string[];
  current: string | null;
  busy?: boolean;
  onFix: (choice: FixChoice) => void;
}) {
  const others = speakers.filter((name) => name !== current);
  return (
    <fieldset class="sq-fixes" data-testid="quote-fixes">
      <legend class="sq-label">{t(lang, 'fixHeading')}</legend>
      <button type="button" class="sq-link" disabled={busy} onClick={() => onFix({ kind: 'not-quote' })} data-testid="fix-not-quote">
        {t(lang, 'fixNotQuote')}
      </button>
      <label class="sq-field sq-inline">
        <span>{t(lang, 'fixSpeaker')}</span>
        <select
          disabled={busy}
          data-testid="fix-speaker"
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === '-') return;
            onFix({ kind: 'speaker', speaker: value === UNKNOWN ? null : value });
          }}
        >
          <option value="-">—</option>
          {others.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {current !== null ? <option value={UNKNOWN}>{t(lang, 'fixSpeakerUnknown')}</option> : null}
        </select>
      </label>
    </fieldset>
  );
}

/** After a correction: what was done, and the way back. */
export function FixDone({ lang, what, busy = false, onUndo }: { lang: UiLang; what: string; busy?: boolean; onUndo: () => void }) {
  return (
    <div class="sq-fixes sq-fixed" role="status" data-testid="fix-done">
      <span>{t(lang, 'fixDone', { what })}</span>
      <button type="button" class="sq-link" disabled={busy} onClick={onUndo} data-testid="fix-undo">
        {t(lang, 'fixUndo')}
      </button>
    </div>
  );
}
