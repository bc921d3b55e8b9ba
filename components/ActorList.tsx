// "This article": every actor as a card, grouped by type and ordered by prominence (mentions, then quotations).
import { type MessageKey, t, type UiLang } from '../locales/index';
import type { ActorType } from '../nlp/types';
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

/** Most prominent first: more mentions, then more quotations, then name order (stable across renders). */
export function byProminence(a: PanelActor, b: PanelActor): number {
  return b.mentionCount - a.mentionCount || b.quotes.length - a.quotes.length || a.name.localeCompare(b.name, 'ar');
}

/** One actor: the name is the button that shows it on the page; role, description and quotations follow. */
export function ActorTile({ actor, lang, onShow, onTimeline, onFix }: { actor: PanelActor } & Omit<ActorListProps, 'actors'>) {
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
        const members = actors.filter((a) => a.type === type).sort(byProminence);
        if (members.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`group-${type}`} class="group">
            <h3 id={`group-${type}`}>
              {t(lang, key)} <span class="count">({members.length})</span>
            </h3>
            <ul class="rows">
              {members.map((actor) => (
                <li key={actor.id}>
                  <ActorTile actor={actor} lang={lang} onShow={onShow} onTimeline={onTimeline} onFix={onFix} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
