// The settings page: marks, paused sites, online enrichment, language, theme, privacy, and the reader's data
// (backup, restore, export, forget a site, clear everything, storage usage and persistence).
import { useState } from 'preact/hooks';
import { type MessageKey, t, type UiLang } from '../locales/index';
import type { FixView } from '../messaging/library-protocol';
import type { StorageStatus } from '../types/library';
import type { Density, MarkKind, Settings, Theme, UiLangSetting } from '../types/settings';
import { formatBytes } from './format';
import type { ExportFormat } from './SavedQuotes';

export interface SettingsFormProps {
  lang: UiLang;
  settings: Settings;
  storage: StorageStatus | null;
  /** A result line for the data section ("backup restored", an error …), announced politely. */
  message: string | null;
  onChange(patch: Partial<Settings>): void;
  /** Turning enrichment on must ask for the host permissions inside this click. */
  onEnrichment(on: boolean): void;
  onPauseSite(site: string, paused: boolean): void;
  /** Stop analysing every page of a site (the panel's "always analyse pages of this site"). */
  onAnalyseSite(site: string, always: boolean): void;
  /** The reader's corrections of the analysis (null while loading), each removable. */
  fixes: FixView[] | null;
  onRemoveFix(id: string): void;
  /** The extension's keyboard commands as the browser has them bound (empty where the browser cannot say). */
  shortcuts: { name: string; description: string; shortcut: string }[];
  onBackup(): void;
  onRestore(file: File): void;
  onExport(format: ExportFormat): void;
  onForgetSite(site: string): void;
  onClearAll(): void;
  onPersist(): void;
}

/** What a correction says, as the settings list it («ليس اسماً», «مخفي في …», «قاله …»). */
function fixText(lang: UiLang, fix: FixView): string {
  switch (fix.kind) {
    case 'not-name':
      return t(lang, 'fixKindNotName');
    case 'type':
      return t(lang, 'fixKindType', { type: t(lang, fix.type ?? 'person') });
    case 'hide':
      return t(lang, 'fixKindHide', { site: `\u2068${fix.site ?? ''}\u2069` });
    case 'not-quote':
      return t(lang, 'fixKindNotQuote');
    case 'speaker':
      return t(lang, 'fixKindSpeaker', { speaker: fix.speaker ?? t(lang, 'speakerUnknown') });
  }
}

const DENSITIES: { id: Density; key: MessageKey }[] = [
  { id: 'all', key: 'densityAll' },
  { id: 'first', key: 'densityFirst' },
  { id: 'none', key: 'densityNone' },
];
const KINDS: { id: MarkKind; key: MessageKey }[] = [
  { id: 'person', key: 'groupPerson' },
  { id: 'organization', key: 'groupOrganization' },
  { id: 'place', key: 'groupPlace' },
  { id: 'quote', key: 'typeQuote' },
];
const LANGS: { id: UiLangSetting; key: MessageKey; lang?: string }[] = [
  { id: 'browser', key: 'langBrowser' },
  { id: 'ar', key: 'langAr', lang: 'ar' },
  { id: 'en', key: 'langEn', lang: 'en' },
];
const THEMES: { id: Theme; key: MessageKey }[] = [
  { id: 'system', key: 'themeSystem' },
  { id: 'light', key: 'themeLight' },
  { id: 'dark', key: 'themeDark' },
];

function Radios<T extends string>({
  name,
  legend,
  options,
  value,
  lang,
  onPick,
}: {
  name: string;
  legend: string;
  options: { id: T; key: MessageKey; lang?: string }[];
  value: T;
  lang: UiLang;
  onPick(v: T): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label class="option" key={o.id}>
          <input type="radio" name={name} value={o.id} checked={value === o.id} onChange={() => onPick(o.id)} />
          <span lang={o.lang}>{t(lang, o.key)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A list of sites, each with a button that takes it off the list (paused sites, sites always analysed). */
function SiteList(props: {
  sites: string[];
  testId: string;
  empty: string;
  removeLabel: (site: string) => string;
  onRemove: (site: string) => void;
}) {
  if (props.sites.length === 0) return <p class="note">{props.empty}</p>;
  return (
    <ul class="sites" data-testid={props.testId}>
      {props.sites.map((site) => (
        <li key={site}>
          <bdi dir="ltr">{site}</bdi>
          <button type="button" onClick={() => props.onRemove(site)}>
            {props.removeLabel(site)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A host name from what the reader typed (a URL or a bare host), or null. */
export function hostFromInput(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  try {
    const host = new URL(raw.includes('://') ? raw : `https://${raw}`).hostname.toLowerCase();
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/** The whole settings form; every change is applied at once (no Save button to forget). */
export function SettingsForm(props: SettingsFormProps) {
  const { lang, settings, storage } = props;
  const [pauseDraft, setPauseDraft] = useState('');
  const [forgetDraft, setForgetDraft] = useState('');
  const [siteError, setSiteError] = useState<'pause' | 'forget' | null>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <main class="settings">
      <h1>{t(lang, 'settingsTitle')}</h1>

      <section aria-labelledby="sec-marks">
        <h2 id="sec-marks">{t(lang, 'secMarks')}</h2>
        <Radios
          name="density"
          legend={t(lang, 'density')}
          options={DENSITIES}
          value={settings.density}
          lang={lang}
          onPick={(density) => props.onChange({ density })}
        />
        <fieldset>
          <legend>{t(lang, 'markTypes')}</legend>
          {KINDS.map((k) => (
            <label class="option" key={k.id}>
              <input
                type="checkbox"
                checked={settings.types[k.id]}
                onChange={(e) => props.onChange({ types: { ...settings.types, [k.id]: e.currentTarget.checked } })}
              />
              {t(lang, k.key)}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="sec-sites">
        <h2 id="sec-sites">{t(lang, 'secSites')}</h2>
        <p class="note">{t(lang, 'sitesHint')}</p>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const host = hostFromInput(pauseDraft);
            if (!host) return setSiteError('pause');
            setSiteError(null);
            setPauseDraft('');
            props.onPauseSite(host, true);
          }}
        >
          <label for="pause-site" class="visually-hidden">
            {t(lang, 'siteInput')}
          </label>
          <input
            id="pause-site"
            type="text"
            dir="ltr"
            inputMode="url"
            placeholder="www.example.com"
            value={pauseDraft}
            aria-invalid={siteError === 'pause'}
            aria-describedby={siteError === 'pause' ? 'pause-error' : undefined}
            onInput={(e) => setPauseDraft(e.currentTarget.value)}
          />
          <button type="submit">{t(lang, 'pauseSite')}</button>
          {siteError === 'pause' && (
            <span id="pause-error" role="alert">
              {t(lang, 'badSite')}
            </span>
          )}
        </form>
        <SiteList
          sites={settings.pausedSites}
          testId="paused-sites"
          empty={t(lang, 'noPausedSites')}
          removeLabel={(site) => t(lang, 'resumeSite', { site })}
          onRemove={(site) => props.onPauseSite(site, false)}
        />
      </section>

      <section aria-labelledby="sec-analyse-sites">
        <h2 id="sec-analyse-sites">{t(lang, 'secAnalyseSites')}</h2>
        <p class="note">{t(lang, 'analyseSitesHint')}</p>
        <SiteList
          sites={settings.analyseSites}
          testId="analyse-sites"
          empty={t(lang, 'noAnalyseSites')}
          removeLabel={(site) => t(lang, 'stopAnalyseSite', { site })}
          onRemove={(site) => props.onAnalyseSite(site, false)}
        />
      </section>

      <section aria-labelledby="sec-fixes">
        <h2 id="sec-fixes">{t(lang, 'corrections')}</h2>
        <p class="note">{t(lang, 'fixesHint')}</p>
        {props.fixes && props.fixes.length === 0 ? (
          <p class="note">{t(lang, 'noFixes')}</p>
        ) : (
          <ul class="sites" data-testid="fixes">
            {(props.fixes ?? []).map((fix) => (
              <li key={fix.id}>
                <span>
                  <bdi dir="auto">{fix.label}</bdi> — {fixText(lang, fix)}
                </span>
                <button type="button" aria-label={`${t(lang, 'fixRemove')}: ${fix.label}`} onClick={() => props.onRemoveFix(fix.id)}>
                  {t(lang, 'fixRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {props.shortcuts.length > 0 && (
        <section aria-labelledby="sec-shortcuts">
          <h2 id="sec-shortcuts">{t(lang, 'secShortcuts')}</h2>
          <dl class="shortcuts" data-testid="shortcuts">
            {props.shortcuts.map((c) => (
              <div key={c.name}>
                <dt>{c.description}</dt>
                <dd>{c.shortcut ? <kbd dir="ltr">{c.shortcut}</kbd> : t(lang, 'shortcutNone')}</dd>
              </div>
            ))}
          </dl>
          <p class="note">{t(lang, 'shortcutsHint', { page: '\u2068chrome://extensions/shortcuts\u2069' })}</p>
        </section>
      )}

      <section aria-labelledby="sec-enrichment">
        <h2 id="sec-enrichment">{t(lang, 'secEnrichment')}</h2>
        <label class="option">
          <input
            type="checkbox"
            checked={settings.enrichment}
            aria-describedby="enrichment-what"
            onChange={(e) => props.onEnrichment(e.currentTarget.checked)}
          />
          {t(lang, 'enrichmentToggle')}
        </label>
        <p class="note" id="enrichment-what">
          {t(lang, 'enrichmentWhat', {
            // FSI…PDI (first-strong isolate) keep each Latin host name whole inside Arabic text.
            wikidata: '\u2068www.wikidata.org\u2069',
            wikipedia: '\u2068ar.wikipedia.org\u2069',
            commons: '\u2068commons.wikimedia.org\u2069',
          })}
        </p>
      </section>

      <section aria-labelledby="sec-look">
        <h2 id="sec-look">
          {t(lang, 'secLanguage')} · {t(lang, 'secTheme')}
        </h2>
        <Radios
          name="uiLang"
          legend={t(lang, 'secLanguage')}
          options={LANGS}
          value={settings.uiLang}
          lang={lang}
          onPick={(uiLang) => props.onChange({ uiLang })}
        />
        <Radios
          name="theme"
          legend={t(lang, 'secTheme')}
          options={THEMES}
          value={settings.theme}
          lang={lang}
          onPick={(theme) => props.onChange({ theme })}
        />
      </section>

      <section aria-labelledby="sec-privacy">
        <h2 id="sec-privacy">{t(lang, 'secPrivacy')}</h2>
        <label class="option">
          <input
            type="checkbox"
            checked={settings.recordPrivate}
            onChange={(e) => props.onChange({ recordPrivate: e.currentTarget.checked })}
          />
          {t(lang, 'recordPrivate')}
        </label>
      </section>

      <section aria-labelledby="sec-data">
        <h2 id="sec-data">{t(lang, 'secData')}</h2>
        <div class="buttons">
          <button type="button" onClick={props.onBackup}>
            {t(lang, 'backup')}
          </button>
          {/* The native file button speaks the browser's language, not ours: it is hidden behind a label styled as a button. */}
          <input
            id="restore-file"
            class="visually-hidden file-input"
            type="file"
            accept="application/json,.json"
            data-testid="restore-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onRestore(file);
              e.currentTarget.value = '';
            }}
          />
          <label for="restore-file" class="file-button">
            {t(lang, 'restore')}
          </label>
        </div>
        <fieldset class="export">
          <legend>{t(lang, 'exportQuotes')}</legend>
          {(['markdown', 'csv', 'jsonld'] as const).map((f) => (
            <button type="button" key={f} onClick={() => props.onExport(f)}>
              {f === 'markdown' ? 'Markdown' : f === 'csv' ? 'CSV' : 'JSON-LD'}
            </button>
          ))}
        </fieldset>
        <h3>{t(lang, 'forgetSite')}</h3>
        <p class="note">{t(lang, 'forgetSiteHint')}</p>
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const host = hostFromInput(forgetDraft);
            if (!host) return setSiteError('forget');
            setSiteError(null);
            setForgetDraft('');
            props.onForgetSite(host);
          }}
        >
          <label for="forget-site" class="visually-hidden">
            {t(lang, 'siteInput')}
          </label>
          <input
            id="forget-site"
            type="text"
            dir="ltr"
            inputMode="url"
            placeholder="www.example.com"
            value={forgetDraft}
            aria-invalid={siteError === 'forget'}
            aria-describedby={siteError === 'forget' ? 'forget-error' : undefined}
            onInput={(e) => setForgetDraft(e.currentTarget.value)}
          />
          <button type="submit">{t(lang, 'forgetSiteButton')}</button>
          {siteError === 'forget' && (
            <span id="forget-error" role="alert">
              {t(lang, 'badSite')}
            </span>
          )}
        </form>
        <h3>{t(lang, 'clearAll')}</h3>
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" aria-modal="false">
            <p id="confirm-text">{t(lang, 'clearAllConfirm')}</p>
            <div class="buttons">
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setConfirming(false);
                  props.onClearAll();
                }}
              >
                {t(lang, 'clearAllYes')}
              </button>
              <button type="button" ref={(el) => el?.focus()} onClick={() => setConfirming(false)}>
                {t(lang, 'cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t(lang, 'clearAll')}
          </button>
        )}
        <p role="status" class="note" data-testid="data-message">
          {props.message ?? ''}
        </p>
      </section>

      <section aria-labelledby="sec-storage">
        <h2 id="sec-storage">{t(lang, 'secStorage')}</h2>
        {storage?.purged && (
          <p class="badge badge-warn" role="alert">
            {t(lang, 'purgedNotice')}
          </p>
        )}
        <p data-testid="storage-usage">
          {storage && storage.usage !== null
            ? t(lang, 'storageUsage', { used: formatBytes(lang, storage.usage), quota: formatBytes(lang, storage.quota) })
            : t(lang, 'storageUnknown')}
        </p>
        {storage && <p>{t(lang, 'storageCounts', { readings: storage.readings, quotes: storage.savedQuotes })}</p>}
        <p>{storage?.persisted ? t(lang, 'persistYes') : t(lang, 'persistNo')}</p>
        {!storage?.persisted && (
          <button type="button" onClick={props.onPersist}>
            {t(lang, 'persistAsk')}
          </button>
        )}
      </section>
    </main>
  );
}
