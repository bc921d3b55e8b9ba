// Messages reaching the page are checked before anything happens; the badge fits the toolbar.
import { describe, expect, it } from 'vitest';
import { badgeText, COMMANDS } from '../../entrypoints/background/page';
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

describe('keyboard commands', () => {
  it('every command of the manifest asks the page something it accepts, highlighting a selection among them', async () => {
    const config = (await import('../../wxt.config')).default as {
      manifest: (env: { browser: string }) => { commands: Record<string, { suggested_key?: object; description: string }> };
    };
    const commands = config.manifest({ browser: 'chrome' }).commands;
    for (const name of Object.keys(commands)) {
      expect(COMMANDS[name], name).toBeDefined();
      expect(parsePageMessage(COMMANDS[name]), name).not.toBeNull();
      expect(commands[name]?.description, name).toMatch(/^__MSG_\w+__$/); // named in both interface languages
    }
    expect(COMMANDS['highlight-selection']).toEqual({ type: 'page:saveSelection' });
    // Chrome takes at most four suggested shortcuts; the rest the reader binds in the browser.
    expect(Object.values(commands).filter((c) => c.suggested_key).length).toBeLessThanOrEqual(4);
  });
});
