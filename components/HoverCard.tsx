// The actor card shown over the article (and reusable in the side panel): data in props, no fetching.

import type { UiLang } from '../locales/index';
import { tp as t } from '../locales/page';
import type { Card } from '../types/card';
import { ActorFixes, type FixChoice } from './FixActions';
import type { Gender } from './gender';

/** The card's words for a person by gender (neutral when unknown), an organization, or a place. */
function cardWords(card: Pick<Card, 'type'>, gender: Gender) {
  const person = card.type === 'person';
  const g = person ? gender : null;
  return {
    mentions: g === 'm' ? 'cardMentionsM' : g === 'f' ? 'cardMentionsF' : 'cardMentions',
    quotes: g === 'm' ? 'cardQuotesHereM' : g === 'f' ? 'cardQuotesHereF' : person ? 'cardQuotesHere' : 'cardQuotesHereOrg',
    seen: g === 'm' ? 'cardSeenBeforeM' : g === 'f' ? 'cardSeenBeforeF' : 'cardSeenBefore',
  } as const;
}

export interface ActorCardProps {
  lang: UiLang;
  card: Card;
  /** True while the card stays open regardless of the pointer. */
  pinned?: boolean;
  /** Shown as a link when given: open this actor in the side panel. */
  onOpenPanel?: () => void;
  onClose?: () => void;
  /** How many of this actor's quotations to list before "…". */
  maxQuotes?: number;
  /** Shown as the corrections row when given: not a name, another type, hide on this site. */
  onFix?: (choice: FixChoice) => void;
  fixBusy?: boolean;
  /** A person's gender as the article gives it (null: neutral wording). */
  gender?: Gender;
  /** The page the card is shown on: its own quotation is not one of the reader's "earlier articles". */
  currentUrl?: string | null;
  /** False when this article is not in the history (a private window): every reading counted is an earlier one. */
  countsThisArticle?: boolean;
}

/** Name in Arabic with the Latin form beside it; both isolated so neither reorders the other. */
function ActorName({ card }: { card: Pick<Card, 'name'> }) {
  return (
    <span class="sq-name">
      <bdi lang="ar" dir="rtl">
        {card.name.ar}
      </bdi>
      {card.name.latin ? (
        <>
          {' '}
          <bdi lang="en" dir="ltr" class="sq-latin">
            {card.name.latin}
          </bdi>
        </>
      ) : null}
    </span>
  );
}

/** The actor's card: who, what role here, what we know, what they said, where else they appeared. */
export function HoverCard({
  lang,
  card,
  pinned = false,
  onOpenPanel,
  onClose,
  maxQuotes = 3,
  onFix,
  fixBusy,
  gender = null,
  currentUrl = null,
  countsThisArticle = true,
}: ActorCardProps) {
  const role = card.roleAtDate?.label ?? card.roleInArticle;
  const quotes = card.quotesInArticle.slice(0, maxQuotes);
  const earlier = Math.max(0, card.seenIn.count - (countsThisArticle ? 1 : 0));
  const latestQuote = card.seenIn.latestQuote;
  const latest = latestQuote && latestQuote.url !== currentUrl ? latestQuote : null;
  const words = cardWords(card, gender);
  return (
    <div class={`sq-card sq-${card.type}`} data-testid="actor-card" data-kind={card.type}>
      <header class="sq-head">
        <span class="sq-type" data-testid="card-type">
          <span class="sq-swatch" aria-hidden="true" />
          {t(lang, card.type)}
        </span>
        {pinned ? <span class="sq-pinned">{t(lang, 'cardPinned')}</span> : null}
        {onClose ? (
          <button type="button" class="sq-close" aria-label={t(lang, 'close')} onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      <h2 class="sq-title" data-testid="card-name">
        <ActorName card={card} />
      </h2>
      {!card.roleAtDate && card.roles?.length ? (
        <ul class="sq-role" data-testid="card-roles" aria-label={t(lang, 'cardRole')}>
          {card.roles.slice(0, 3).map((f) => (
            <li key={`${f.text}|${f.from}`}>
              <bdi dir="auto" lang="ar">
                {f.text}
              </bdi>{' '}
              <small class="sq-from">({f.from})</small>
            </li>
          ))}
        </ul>
      ) : role ? (
        <p class="sq-role" data-testid="card-role">
          <span class="sq-label">{t(lang, 'cardRole')}: </span>
          <bdi dir="auto" lang="ar">
            {role}
          </bdi>
        </p>
      ) : null}
      {card.image ? (
        <figure class="sq-figure">
          <img src={card.image.url} alt={card.name.ar} width={72} height={72} loading="lazy" referrerpolicy="no-referrer" />
          <figcaption dir="auto">{card.image.attribution}</figcaption>
        </figure>
      ) : null}
      {card.description ? (
        <p class="sq-desc" dir="auto">
          {card.description}
          {card.descriptionFrom ? <small class="sq-from"> ({card.descriptionFrom})</small> : null}
        </p>
      ) : null}
      <p class="sq-count" data-testid="card-mentions">
        {t(lang, words.mentions, { count: card.mentionCount })}
      </p>
      {quotes.length > 0 ? (
        <section class="sq-quotes" aria-label={t(lang, words.quotes, { name: card.name.ar })}>
          <h3>{t(lang, words.quotes, { name: card.name.ar })}</h3>
          <ul>
            {quotes.map((q) => (
              <li key={`${q.start}-${q.end}`}>
                <q dir="auto" lang="ar">
                  {q.text}
                </q>
              </li>
            ))}
          </ul>
          {card.quotesInArticle.length > quotes.length ? <p class="sq-more">…</p> : null}
        </section>
      ) : null}
      <section class="sq-history" data-testid="card-history">
        <p>{earlier > 0 ? t(lang, words.seen, { count: earlier }) : t(lang, 'cardSeenFirst')}</p>
        {earlier > 0 && latest ? (
          <blockquote cite={latest.url} dir="auto" lang="ar">
            <q>{latest.text}</q>
            {latest.title ? <cite dir="auto"> — {latest.title}</cite> : null}
          </blockquote>
        ) : null}
      </section>
      {card.attribution ? (
        <p class="sq-credit" dir="auto">
          {card.attribution}
        </p>
      ) : null}
      {onOpenPanel ? (
        <p class="sq-actions">
          <button type="button" class="sq-link" onClick={onOpenPanel} data-testid="open-panel">
            {t(lang, 'cardOpenPanel')}
          </button>
        </p>
      ) : null}
      {onFix ? <ActorFixes lang={lang} type={card.type} busy={fixBusy} onFix={onFix} /> : null}
    </div>
  );
}
