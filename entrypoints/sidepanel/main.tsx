import { effect } from '@preact/signals';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import '../../components/theme.css';
import { t } from '../../locales/index';
import { getSettings, watchSettings } from '../../storage/settings';
import { watchLibrary } from '../../storage/watch';
import { App } from './App';
import * as s from './state';

const params = new URLSearchParams(location.search);
/** How often the panel looks at the tab's state: a page that is not an article is answered within about this. */
const POLL_MS = 800;

async function start(): Promise<void> {
  const browserLang = browser.i18n?.getUILanguage?.() ?? navigator.language;
  const apply = (setting: Awaited<ReturnType<typeof getSettings>>) => {
    s.lang.value = s.pickLang(params.get('lang'), setting.uiLang, browserLang);
    s.theme.value = setting.theme;
    s.enrichmentOn.value = setting.enrichment;
  };
  apply(await getSettings());
  watchSettings(apply);
  const wanted = params.get('view');
  if (wanted && (s.VIEWS as readonly string[]).includes(wanted)) s.view.value = wanted as s.ViewId;
  const actor = params.get('actor');

  effect(() => {
    const root = document.documentElement;
    root.lang = s.lang.value;
    root.dir = s.dir.value;
    root.dataset.theme = s.theme.value;
    document.title = t(s.lang.value, 'appName');
  });

  const rootEl = document.getElementById('app');
  if (rootEl) render(<App />, rootEl);

  void s.checkStorage();
  if (actor) void s.openActor(actor);
  else void s.refreshView();
  if (s.view.value !== 'article') void s.refreshTab().catch(() => {});

  // The tab's article changes as the reader browses: follow it while the panel is visible.
  const poll = async () => {
    if (document.visibilityState === 'visible') await s.refreshTab().catch(() => {});
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);

  // The database changes when a page is read or a quotation saved elsewhere: reload the visible list.
  watchLibrary(
    () => {
      if (s.view.value !== 'article' && !s.actorPage.value) void s.refreshView();
    },
    (error) => {
      s.storageProblem.value = { kind: 'open', detail: error instanceof Error ? error.message : String(error) };
    },
  );
}

void start();
