// "This article": every actor as a card, grouped by type and ordered by salience (quoted, in the title, mentions);
// places named once in passing share one line instead of a card each.
import { type MessageKey, t, type UiLang } from '../locales/index';
import type { ActorType } from '../types/analysis';
import { ActorFixes, type FixChoice } from './FixActions';

export interface PanelActor {
  id: string;
  name: string;
  latin: string | null;
  type: ActorType;
  role: string | null;
  description: string | null;
  mentionCount: number;
  quotes: string[];
  /** Named in the article's title. */
  inTitle?: boolean;
}

export interface ActorListProps {
  actors: PanelActor[];
  lang: UiLang;
  /** Scroll the page to the actor's first mention and flash it. */
  onShow(actor: PanelActor): void;
  /** Open the actor's timeline across the reader's history. */
  onTimeline(actor: PanelActor): void;
  /** The reader's correction of this actor (not a name, another type, hide on this site). */
  onFix?(actor: PanelActor, choice: FixChoice): void;
}

const GROUPS: { type: ActorType; key: MessageKey }[] = [
  { type: 'person', key: 'groupPerson' },
  { type: 'organization', key: 'groupOrganization' },
  { type: 'place', key: 'groupPlace' },
];

/** How much an actor matters to the article: its quotations weigh most, then being in the title, then mentions. */
function salience(actor: PanelActor): number {
  return actor.quotes.length * 3 + (actor.inTitle ? 2 : 0) + actor.mentionCount;
}

/** Most salient first, then name order (stable across renders). */
function byProminence(a: PanelActor, b: PanelActor): number {
  return salience(b) - salience(a) || a.name.localeCompare(b.name, 'ar');
}

/** A place named once in passing: not quoted, not in the title. */
function isMinorPlace(actor: PanelActor): boolean {
  return actor.type === 'place' && actor.mentionCount <= 1 && actor.quotes.length === 0 && !actor.inTitle;
}

/** One actor: the name is the button that shows it on the page; role, description and quotations follow. */
function ActorTile({ actor, lang, onShow, onTimeline, onFix }: { actor: PanelActor } & Omit<ActorListProps, 'actors'>) {
  return (
    <article class={`actor actor-${actor.type}`} data-testid="actor" data-actor-id={actor.id} aria-labelledby={`actor-${actor.id}`}>
      <h4 class="actor-name">
        <button
          type="button"
          class="link"
          id={`actor-${actor.id}`}
          title={t(lang, 'showOnPage', { name: actor.name })}
          aria-label={t(lang, 'showOnPage', { name: actor.name })}
          onClick={() => onShow(actor)}
        >
          <bdi dir="auto">{actor.name}</bdi>
        </button>
        {actor.latin && (
          <span class="latin" lang="en" dir="ltr">
            {actor.latin}
          </span>
        )}
      </h4>
      {actor.role && (
        <p class="role" dir="auto">
          {actor.role}
        </p>
      )}
      {actor.description && (
        <p class="description" dir="auto">
          {actor.description}
        </p>
      )}
      <p class="meta">
        <span>{t(lang, 'mentionCount', { count: actor.mentionCount })}</span>
        {actor.quotes.length > 0 && <span>{t(lang, 'quoteCount', { count: actor.quotes.length })}</span>}
        <button type="button" class="link" onClick={() => onTimeline(actor)}>
          {t(lang, 'openTimeline')}
        </button>
      </p>
      {actor.quotes.length > 0 && (
        <ul class="actor-quotes">
          {actor.quotes.map((q, i) => (
            <li key={i} dir="auto">
              {q}
            </li>
          ))}
        </ul>
      )}
      {onFix && <ActorFixes lang={lang} type={actor.type} onFix={(choice) => onFix(actor, choice)} />}
    </article>
  );
}

/** Actors grouped by type (people, organizations, places), each group ordered by prominence; empty groups are left out. */
export function ActorList({ actors, lang, onShow, onTimeline, onFix }: ActorListProps) {
  return (
    <div class="actor-groups" data-testid="actors">
      {GROUPS.map(({ type, key }) => {
        const all = actors.filter((a) => a.type === type).sort(byProminence);
        if (all.length === 0) return null;
        const members = all.filter((a) => !isMinorPlace(a));
        const minor = all.filter(isMinorPlace);
        return (
          <section key={type} aria-labelledby={`group-${type}`} class="group">
            <h3 id={`group-${type}`}>
              {t(lang, key)} <span class="count">({all.length})</span>
            </h3>
            <ul class="rows">
              {members.map((actor) => (
                <li key={actor.id}>
                  <ActorTile actor={actor} lang={lang} onShow={onShow} onTimeline={onTimeline} onFix={onFix} />
                </li>
              ))}
            </ul>
            {minor.length > 0 && (
              <p class="minor" data-testid="minor-places">
                {t(lang, 'minorPlaces')}{' '}
                {minor.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && (lang === 'ar' ? '، ' : ', ')}
                    <button type="button" class="link" aria-label={t(lang, 'showOnPage', { name: a.name })} onClick={() => onShow(a)}>
                      <bdi dir="auto">{a.name}</bdi>
                    </button>
                  </span>
                ))}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
