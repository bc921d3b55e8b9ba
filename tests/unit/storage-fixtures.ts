// Small hand-written analyses for storage tests (no article text from elsewhere).

import { ReaderDb } from '../../storage/db';
import type { Actor, Analysis, Quote } from '../../types/analysis';

/** A fresh, uniquely named reader database per test file. */
export function freshDb(): ReaderDb {
  return new ReaderDb(`test-reader-${Math.random().toString(36).slice(2)}`);
}

export function actor(id: string, name: string, extra: Partial<Actor> = {}): Actor {
  return {
    id,
    name,
    type: 'person',
    role: null,
    aliases: [name],
    mentions: [{ start: 0, end: name.length, text: name }],
    ...extra,
  };
}

export function quote(text: string, speaker: Actor | null, start = 0): Quote {
  return {
    text,
    start,
    end: start + text.length,
    speaker: speaker ? { actorId: speaker.id, name: speaker.name, kind: 'actor' } : { actorId: null, name: null, kind: 'unknown' },
  };
}

export function analysis(title: string, text: string, actors: Actor[] = [], quotes: Quote[] = []): Analysis {
  return { text, page: { language: 'ar', isArticle: true, isArabicNews: true, title }, actors, quotes };
}
