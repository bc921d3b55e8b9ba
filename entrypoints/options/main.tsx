import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../../components/theme.css';
import type { ExportFormat } from '../../components/SavedQuotes';
import { SettingsForm } from '../../components/SettingsForm';
import { dirOf, resolveLang, t, type UiLang } from '../../locales/index';
import { ask } from '../../messaging/client';
import type { FixView } from '../../messaging/library-protocol';
import { DEFAULT_SETTINGS, getSettings, setSiteAnalysed, setSitePaused, updateSettings, watchSettings } from '../../storage/settings';
import type { StorageStatus } from '../../types/library';
import type { Settings } from '../../types/settings';
import { downloadText } from '../sidepanel/state';

/** Hosts online enrichment talks to; asked for only when the reader turns enrichment on. */
const ENRICHMENT_ORIGINS = [
  'https://www.wikidata.org/*',
  'https://ar.wikipedia.org/*',
  'https://commons.wikimedia.org/*',
  'https://upload.wikimedia.org/*',
];

const params = new URLSearchParams(location.search);
const browserLang = browser.i18n?.getUILanguage?.() ?? navigator.language;
const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
const status = signal<StorageStatus | null>(null);
const message = signal<string | null>(null);
const fixes = signal<FixView[] | null>(null);
const shortcuts = signal<{ name: string; description: string; shortcut: string }[]>([]);

async function loadShortcuts(): Promise<void> {
  const all = (await browser.commands?.getAll?.().catch(() => [])) ?? [];
  shortcuts.value = all.map((c) => ({ name: c.name ?? '', description: c.description ?? c.name ?? '', shortcut: c.shortcut ?? '' }));
}

async function loadFixes(): Promise<void> {
  try {
    fixes.value = (await ask({ type: 'listFixes' })).items;
  } catch (error) {
    message.value = t(lang.value, 'errGeneric', { error: describe(error) });
  }
}
const lang = signal<UiLang>('ar');

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function apply(next: Settings): void {
  settings.value = next;
  const urlLang = params.get('lang');
  lang.value = urlLang === 'ar' || urlLang === 'en' ? urlLang : resolveLang(next.uiLang, browserLang);
}

async function refreshStatus(requestPersist = false): Promise<void> {
  try {
    status.value = await ask({ type: 'storageStatus', requestPersist });
  } catch (error) {
    message.value = t(lang.value, 'errDbOpen', { error: describe(error) });
  }
}

async function setEnrichment(on: boolean): Promise<void> {
  if (!on) {
    apply(await updateSettings({ enrichment: false }));
    await browser.permissions.remove({ origins: ENRICHMENT_ORIGINS }).catch(() => false);
    return;
  }
  // Must run inside the click: the browser only shows its permission prompt for a user gesture.
  const granted = await browser.permissions.request({ origins: ENRICHMENT_ORIGINS }).catch(() => false);
  if (!granted) {
    message.value = t(lang.value, 'enrichmentDenied');
    settings.value = { ...settings.value };
    return;
  }
  apply(await updateSettings({ enrichment: true }));
}

async function run(task: () => Promise<string | null>): Promise<void> {
  try {
    message.value = await task();
  } catch (error) {
    message.value = t(lang.value, 'errGeneric', { error: describe(error) });
  }
  // A task may change the data (restore, clear): show what is stored now.
  await Promise.all([refreshStatus(), loadFixes()]);
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function Options() {
  return (
    <SettingsForm
      lang={lang.value}
      settings={settings.value}
      storage={status.value}
      message={message.value}
      onChange={async (patch) => apply(await updateSettings(patch))}
      onEnrichment={(on) => void setEnrichment(on)}
      onPauseSite={async (site, paused) => apply(await setSitePaused(site, paused))}
      onAnalyseSite={async (site, always) => apply(await setSiteAnalysed(site, always))}
      fixes={fixes.value}
      shortcuts={shortcuts.value}
      onRemoveFix={(id) =>
        run(async () => {
          await ask({ type: 'removeFix', id });
          return t(lang.value, 'fixUndone');
        })
      }
      onBackup={() =>
        run(async () => {
          const file = await ask({ type: 'exportBackup' });
          downloadText(file.fileName, 'application/json', file.json);
          return t(lang.value, 'exported', { file: `\u2068${file.fileName}\u2069` });
        })
      }
      onRestore={(file) =>
        run(async () => {
          try {
            const report = await ask({ type: 'importBackup', json: await file.text() });
            return t(lang.value, 'restored', { added: sum(report.added), skipped: sum(report.skipped) });
          } catch (error) {
            return t(lang.value, 'restoreFailed', { error: describe(error) });
          }
        })
      }
      onExport={(format: ExportFormat) =>
        run(async () => {
          const file = await ask({ type: 'exportQuotes', format });
          downloadText(file.fileName, file.mime, file.text);
          return t(lang.value, 'exported', { file: `\u2068${file.fileName}\u2069` });
        })
      }
      onForgetSite={(site) =>
        run(async () => {
          const r = await ask({ type: 'forgetSite', site });
          return t(lang.value, 'forgotSite', { site, readings: r.readings, quotes: r.savedQuotes });
        })
      }
      onClearAll={() =>
        run(async () => {
          await ask({ type: 'clearAll', scope: 'all' });
          return t(lang.value, 'cleared');
        })
      }
      onPersist={() =>
        run(async () => {
          await navigator.storage?.persist?.();
          await refreshStatus(true);
          return null;
        })
      }
    />
  );
}

async function start(): Promise<void> {
  apply(await getSettings());
  watchSettings(apply);
  effect(() => {
    const root = document.documentElement;
    root.lang = lang.value;
    root.dir = dirOf(lang.value);
    root.dataset.theme = settings.value.theme;
    document.title = t(lang.value, 'settingsTitle');
  });
  const root = document.getElementById('app');
  if (root) render(<Options />, root);
  await Promise.all([refreshStatus(), loadFixes(), loadShortcuts()]);
}

void start();
