// Messages reaching the page are checked before anything happens; the badge fits the toolbar.
import { describe, expect, it } from 'vitest';
import { badgeText } from '../../entrypoints/background/page';
import { parsePageMessage } from '../../messaging/page';

describe('parsePageMessage', () => {
  it.each([
    [{ type: 'page:nextMark' }, true, 'a forwarded command'],
    [{ type: 'page:focusActor', actorId: 'a1', openCard: true }, true, 'the side panel asks for an actor'],
    [{ type: 'page:focusActor' }, false, 'an actor request without an actor'],
    [{ type: 'page:focusActor', actorId: '' }, false, 'an empty actor id'],
    [{ type: 'page:saveSelection', text: 'x'.repeat(10_001) }, false, 'a selection longer than a quotation may be'],
    [{ type: 'analyzeArticle' }, false, 'a background request is not a page message'],
    ['page:nextMark', false, 'a bare string'],
    [null, false, 'nothing'],
  ] as const)('%o accepted: %s (%s)', (raw, ok, _why) => {
    expect(parsePageMessage(raw) !== null).toBe(ok);
  });
});

describe('badgeText', () => {
  it.each([
    [0, '', 'no badge when nothing is saved'],
    [3, '3', 'the count'],
    [120, '99+', 'capped to fit'],
  ] as const)('%i → %s (%s)', (count, text, _why) => {
    expect(badgeText(count)).toBe(text);
  });
});
