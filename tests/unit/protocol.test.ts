// The background refuses anything that is not a well-formed request of this extension.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, ProtocolError, parseRequest } from '../../messaging/protocol';

const valid = { type: 'analyzeArticle', url: 'https://example.com/news/1', title: 'عنوان', blocks: ['فقرة أولى'] };

describe('parseRequest', () => {
  it('accepts a well-formed analyzeArticle request', () => {
    expect(parseRequest(valid)).toMatchObject({ type: 'analyzeArticle', blocks: ['فقرة أولى'] });
  });

  it.each([
    ['an unknown type', { type: 'dropDatabase' }, /invalid message/],
    ['a missing url', { ...valid, url: undefined }, /url/],
    ['a url that is not a URL', { ...valid, url: 'javascript:alert(1)x y' }, /url/],
    ['blocks that are not strings', { ...valid, blocks: [{ html: '<img>' }] }, /blocks/],
    ['no blocks at all', { ...valid, blocks: [] }, /blocks/],
    ['a string instead of an object', 'analyzeArticle', /invalid message/],
    ['null', null, /invalid message/],
  ])('rejects %s with a clear error', (_why, raw, reason) => {
    expect(() => parseRequest(raw)).toThrowError(ProtocolError);
    expect(() => parseRequest(raw)).toThrowError(reason);
  });

  it('rejects an oversized message before looking inside it', () => {
    const huge = { ...valid, blocks: Array.from({ length: 30 }, () => 'ب'.repeat(150_000)) };
    expect(() => parseRequest(huge)).toThrowError(/too large/);
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_MESSAGE_BYTES);
  });
});
