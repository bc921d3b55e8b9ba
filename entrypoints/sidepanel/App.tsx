// The side panel: three sections (this article, saved quotations, history) and an actor's timeline.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ActorList, type PanelActor } from '../../components/ActorList';
import { ActorTimeline } from '../../components/ActorTimeline';
import { fixLabel } from '../../components/FixActions';
import { citationText, outletOf } from '../../components/format';
import { History } from '../../components/History';
import { type PanelQuote, QuoteItem, speakerLabel } from '../../components/QuoteItem';
import { SavedQuotes } from '../../components/SavedQuotes';
import { StateMessage } from '../../components/StateMessage';
import { Tabs, tabPanelId } from '../../components/Tabs';
import { type MessageKey, t } from '../../locales/index';
import type { TabStatus } from '../../messaging/protocol';
import { siteOf } from '../../storage/settings-values';
import * as s from './state';

const VIEW_KEYS: Record<s.ViewId, MessageKey> = { article: 'tabArticle', saved: 'tabSaved', history: 'tabHistory' };

const NOT_ARTICLE_DETAIL: Record<NonNullable<TabStatus['notArticle']>, MessageKey | null> = {
  'short-body': 'articleShortBody',
  'no-body': 'articleNoBody',
  'not-news': null,
};

/** A page not recognised as an Arabic news article: say so at once, and offer to analyse it anyway. */
function NotArticle({ status }: { status: TabStatus }) {
  const lang = s.lang.value;
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const site = status.url ? siteOf(status.url) : null;
  const detail = status.notArticle ? NOT_ARTICLE_DETAIL[status.notArticle] : null;
  return (
    <StateMessage
      kind="empty"
      message={t(lang, 'articleNotArticle')}
      action={{
        label: t(lang, 'analyseAnyway'),
        onClick: () => {
          if (busy) return;
          setBusy(true);
          void s.analyseAnyway(remember).finally(() => setBusy(false));
        },
      }}
    >
      {detail && <p>{t(lang, detail)}</p>}
      {site && (
        <label class="option">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
          {t(lang, 'analyseAlways', { site: `\u2068${site}\u2069` /* FSI…PDI: the host name stays whole in Arabic */ })}
        </label>
      )}
    </StateMessage>
  );
}

function ArticleView() {
  const lang = s.lang.value;
  const status = s.tabStatus.value;
  const current = s.article.value;
  if (!status) return <StateMessage kind="loading" message={t(lang, 'loading')} />;
  if (status.state === 'analysing') return <StateMessage kind="loading" message={t(lang, 'articleAnalysing')} />;
  if (status.state === 'not-article') return <NotArticle status={status} />;
  if (status.state === 'error') return <StateMessage kind="error" message={t(lang, 'articleError', { error: status.error ?? '' })} />;
  if (status.state === 'idle') return <StateMessage kind="empty" message={t(lang, 'articleIdle')} />;
  if (!current) return <StateMessage kind="empty" message={t(lang, 'articleGone')} />;

  const { analysis } = current;
  const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
  const titleLength = current.title && analysis.text.startsWith(current.title) ? current.title.length : 0;
  const actors: PanelActor[] = analysis.actors.map((a) => ({
    id: a.id,
    name: a.name,
    latin: s.descriptions.value[a.id]?.latin ?? a.latin ?? null,
    type: a.type,
    role: a.role,
    description: s.descriptions.value[a.id]?.description ?? null,
    mentionCount: a.mentions.length,
    quotes: analysis.quotes.filter((q) => q.speaker.actorId === a.id).map((q) => q.text),
    inTitle: a.mentions.some((m) => m.end <= titleLength),
  }));
  const quotes: (PanelQuote & { start: number; end: number })[] = analysis.quotes.map((q) => ({
    key: `${q.start}:${q.end}`,
    start: q.start,
    end: q.end,
    text: q.text,
    speakerName: (q.speaker.actorId ? names.get(q.speaker.actorId) : null) ?? q.speaker.name,
    speakerKind: q.speaker.kind,
  }));
  const outlet = outletOf(current.url);
  const speakers = analysis.actors.filter((a) => a.type !== 'place').map((a) => a.name);
  return (
    <div class="article-view">
      <h2 class="article-title" dir="auto">
        {current.title ?? current.url}
      </h2>
      <section aria-labelledby="actors-heading">
        <h2 id="actors-heading" class="section-heading">
          {t(lang, 'actorsHeading')}
        </h2>
        {actors.length === 0 ? (
          <StateMessage kind="empty" message={t(lang, 'articleNoActors')} />
        ) : (
          <ActorList
            actors={actors}
            lang={lang}
            onShow={(a) => s.showActor(a.id)}
            onTimeline={(a) => {
              void s.openActor(a.name, current.readingId ? { readingId: current.readingId, actorId: a.id } : null);
            }}
            onFix={(a, choice) =>
              void s.fixFromPanel(a.name, choice, t(lang, 'fixDone', { what: `${a.name} — ${fixLabel(lang, choice)}` }))
            }
          />
        )}
      </section>
      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading" class="section-heading">
          {t(lang, 'quotesHeading')}
        </h2>
        {quotes.length === 0 ? (
          <StateMessage kind="empty" message={t(lang, 'articleNoQuotes')} />
        ) : (
          <ul class="rows" data-testid="article-quotes">
            {quotes.map((q) => (
              <li key={q.key}>
                <QuoteItem
                  quote={q}
                  lang={lang}
                  saved={q.key in s.savedHere.value}
                  copyState={s.copyState.value[q.key] ?? 'idle'}
                  onSave={() => s.saveArticleQuote(q.start, q.end)}
                  speakers={speakers}
                  onFix={(quote, choice) => void s.fixFromPanel(quote.text, choice, t(lang, 'fixDone', { what: fixLabel(lang, choice) }))}
                  onCopy={() =>
                    s.copyText(
                      q.key,
                      citationText(lang, {
                        quote: q.text,
                        speaker: speakerLabel(lang, q),
                        outlet,
                        date: current.publishedAt ?? Date.now(),
                        url: current.url,
                      }),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SavedView() {
  const lang = s.lang.value;
  if (s.savedLoad.value === 'loading') return <StateMessage kind="loading" message={t(lang, 'loading')} />;
  if (s.savedLoad.value === 'error')
    return (
      <StateMessage
        kind="error"
        message={t(lang, 'errGeneric', { error: s.errorText.value ?? '' })}
        action={{ label: t(lang, 'retry'), onClick: () => void s.loadSaved() }}
      />
    );
  return (
    <SavedQuotes
      lang={lang}
      items={s.savedItems.value}
      filter={s.savedFilter.value}
      speakers={s.speakers.value}
      sites={s.sites.value}
      anchors={s.anchors.value}
      resultsFor={s.savedItemsFor.value}
      onFilter={(patch) => void s.setSavedFilter(patch)}
      onNote={(id, note) => void s.updateSaved(id, { note })}
      onTags={(id, tags) => void s.updateSaved(id, { tags })}
      onDelete={(q) => void s.deleteSaved(q, t(lang, 'deleted'))}
      onExport={async (format) => {
        const file = await s.exportSaved(format);
        if (file)
          s.toast.value = {
            text: t(lang, 'exported', { file: `\u2068${file}\u2069` /* FSI…PDI: a Latin file name stays whole in Arabic */ }),
          };
      }}
    />
  );
}

function HistoryView() {
  const lang = s.lang.value;
  if (s.historyLoad.value === 'loading') return <StateMessage kind="loading" message={t(lang, 'loading')} />;
  if (s.historyLoad.value === 'error')
    return (
      <StateMessage
        kind="error"
        message={t(lang, 'errGeneric', { error: s.errorText.value ?? '' })}
        action={{ label: t(lang, 'retry'), onClick: () => void s.loadHistory() }}
      />
    );
  return (
    <History
      lang={lang}
      query={s.historyQuery.value}
      items={s.historyItems.value}
      resultsFor={s.historyItemsFor.value}
      onQuery={(q) => {
        s.historyQuery.value = q;
        void s.loadHistory();
      }}
      onActor={(name) => void s.openActor(name)}
    />
  );
}

function TimelineView({ name }: { name: string }) {
  const lang = s.lang.value;
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    heading.current?.querySelector<HTMLElement>('#timeline-heading')?.focus();
  }, [name, s.timelineLoad.value]);
  if (s.timelineLoad.value === 'loading') return <StateMessage kind="loading" message={t(lang, 'loading')} />;
  if (s.timelineLoad.value === 'error')
    return (
      <StateMessage
        kind="error"
        message={t(lang, 'errGeneric', { error: s.errorText.value ?? '' })}
        action={{ label: t(lang, 'back'), onClick: () => (s.actorPage.value = null) }}
      />
    );
  const data = s.timeline.value;
  return (
    <div ref={heading}>
      <ActorTimeline
        lang={lang}
        name={data?.name ?? name}
        entries={data?.entries ?? []}
        correction={s.corrections.value[name] ?? null}
        type={data?.type ?? null}
        gender={data?.gender ?? null}
        onBack={() => {
          s.actorPage.value = null;
          void s.refreshView();
        }}
        onCorrect={(to) => void s.correct(name, to)}
      />
    </div>
  );
}

function StorageBanner() {
  const lang = s.lang.value;
  const problem = s.storageProblem.value;
  if (!problem) return null;
  return (
    <StateMessage
      kind="error"
      message={problem.kind === 'purged' ? t(lang, 'errPurged') : t(lang, 'errDbOpen', { error: problem.detail })}
      action={{ label: t(lang, 'openSettings'), onClick: () => void browser.runtime.openOptionsPage() }}
    />
  );
}

function Toast() {
  const lang = s.lang.value;
  const toast = s.toast.value;
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!toast) return;
    // A deletion removed the focused button: put focus on Undo so the keyboard is not lost.
    if (toast.undo) undoButton.current?.focus();
    const timer = setTimeout(
      () => {
        if (s.toast.value !== toast) return;
        const hadFocus = document.activeElement === undoButton.current;
        s.toast.value = null;
        if (hadFocus) document.querySelector<HTMLElement>('[role="tabpanel"] input, [role="tab"][aria-selected="true"]')?.focus();
      },
      toast.undo ? 15_000 : 8000,
    );
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div class="toast" role="status" aria-live="polite">
      {toast && (
        <p>
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" ref={undoButton} onClick={toast.undo}>
              {t(lang, 'undo')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** The whole panel. */
export function App() {
  const lang = s.lang.value;
  const active = s.view.value;
  const actor = s.actorPage.value;
  return (
    <div class="app">
      <header class="top">
        <div class="bar">
          <h1>{t(lang, 'appName')}</h1>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t(lang, 'openSettings')}
          </button>
        </div>
        <Tabs
          tabs={s.VIEWS.map((id) => ({ id, label: t(lang, VIEW_KEYS[id]) }))}
          active={active}
          label={t(lang, 'panelNav')}
          dir={s.dir.value}
          onSelect={(id) => {
            s.actorPage.value = null;
            s.view.value = id;
            void s.refreshView();
          }}
        />
      </header>
      <main data-view={actor ? 'actor' : active} data-tab-state={s.tabStatus.value?.state ?? 'unknown'}>
        <StorageBanner />
        <div id={tabPanelId(active)} role="tabpanel" aria-labelledby={`tab-${active}`}>
          {actor ? (
            <TimelineView name={actor} />
          ) : active === 'article' ? (
            <ArticleView />
          ) : active === 'saved' ? (
            <SavedView />
          ) : (
            <HistoryView />
          )}
        </div>
        <Toast />
      </main>
    </div>
  );
}
