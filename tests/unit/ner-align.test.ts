// The tagger sees text as the extension has it: word tokens plus the punctuation between them, cut
// into sentences; CoNLL files are laid out the same way and tags come back to the CoNLL tokens.
import { describe, expect, it } from 'vitest';
import { conllFromSpans, conllFromTokenTags, conllView, pieces, trainingPieces } from '../../nlp/tagger/align';
import { tokenize } from '../../nlp/tokenize';

const piecesOf = (text: string) => pieces(text, tokenize(text)).map((s) => s.map((p) => p.norm).join(' '));

describe('pieces', () => {
  it.each([
    [
      'قال عمرو، إن الوفد وصل. ثم عاد',
      ['قال عمرو ، ان الوفد وصل .', 'ثم عاد'],
      'a full stop and a space end a sentence; punctuation is a piece',
    ],
    ['بلغ النمو 3.5 في العام', ['بلغ النمو 3 . 5 في العام'], 'a decimal point does not end a sentence'],
    ['السطر الأول\nالسطر الثاني', ['السطر الاول', 'السطر الثاني'], 'a line break ends a sentence'],
    ['هل جاء؟ نعم', ['هل جاء ؟', 'نعم'], 'an Arabic question mark ends a sentence'],
    ['«تاس» قالت', ['« تاس » قالت'], 'guillemets are pieces and do not end a sentence'],
  ])('%j → %j (%s)', (text, expected, _why) => {
    expect(piecesOf(text)).toEqual(expected);
  });

  it('points every word piece at its token and punctuation at none', () => {
    const text = 'وصل سامي، أمس';
    const sent = pieces(text, tokenize(text))[0]!;
    expect(sent.map((p) => p.token)).toEqual([0, 1, -1, 2]);
  });
});

describe('CoNLL view', () => {
  const sentences = [
    ['وصل', 'سامي', 'حداد', '.'],
    ['(د', 'ب', 'أ)', 'بيروت'],
  ];
  const gold = [
    ['O', 'B-PERS', 'I-PERS', 'O'],
    ['O', 'O', 'O', 'B-LOC'],
  ];
  const view = conllView(sentences);

  it('lays sentences out as lines and maps tokens back to their CoNLL token', () => {
    expect(view.text).toBe('وصل سامي حداد .\n(د ب أ) بيروت');
    expect(view.tokens.map((t) => t.text)).toEqual(['وصل', 'سامي', 'حداد', 'د', 'ب', 'أ', 'بيروت']);
    expect(view.owner).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it('trains on pieces with gold tags, punctuation as O', () => {
    expect(trainingPieces(view, gold)).toEqual([
      { words: ['وصل', 'سامي', 'حداد', '.'], tags: ['O', 'B-PERS', 'I-PERS', 'O'] },
      { words: ['(', 'د', 'ب', 'ا', ')', 'بيروت'], tags: ['O', 'O', 'O', 'O', 'O', 'B-LOC'] },
    ]);
  });

  it('brings token tags and character spans back to CoNLL tokens', () => {
    expect(conllFromTokenTags(view, ['O', 'B-PERS', 'I-PERS', 'O', 'O', 'O', 'B-LOC'])).toEqual(gold);
    const start = view.text.indexOf('سامي');
    const loc = view.text.indexOf('بيروت');
    expect(
      conllFromSpans(view, [
        { start, end: start + 'سامي حداد'.length, type: 'PERS' },
        { start: loc, end: loc + 'بيروت'.length, type: 'LOC' },
      ]),
    ).toEqual(gold);
  });
});
