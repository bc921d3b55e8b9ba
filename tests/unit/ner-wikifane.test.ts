// WikiFANE loader: its split clitics are joined back into words as ANERcorp and the extension write
// them, and its fine classes become ANERcorp's labels under ANERcorp's conventions.
import { describe, expect, it } from 'vitest';
import { mapWikifaneTags, parseWikifane, rejoinClitics } from '../../scripts/ner-data';

/** «token/TAG» pairs separated by spaces; a bare token is O. */
function pairs(line: string): { tokens: string[]; tags: string[] } {
  const ps = line.split(' ').map((p) => p.split('/') as [string, string?]);
  return { tokens: ps.map(([w]) => w), tags: ps.map(([, t]) => t ?? 'O') };
}

describe('rejoinClitics', () => {
  it.each([
    [
      'و تعتبر مدينة جوبا/B-Population-Center عاصمة ها',
      'وتعتبر مدينة جوبا/B-Population-Center عاصمتها',
      'conjunction joins the next word; «ة» + suffix is written «ت»',
    ],
    [
      'زار و/O بغداد/B-Population-Center',
      'زار وبغداد/B-Population-Center',
      'a prefix before a name is inside it, as «وإسرائيل»/B-LOC in ANERcorp',
    ],
    [
      'بولاية و/B-State-or-Province هران/I-State-or-Province',
      'بولاية وهران/B-State-or-Province',
      'a name the segmenter cut in two («وهران») is one word opening the name',
    ],
    ['اعلن بيلي/B-Athlete ه/I-Athlete', 'اعلن بيليه/B-Athlete', 'a name ending like a pronoun («بيليه») is joined back'],
    ['و ب ال مدينة', 'وبالمدينة', 'conjunction, preposition and article chain onto one word'],
    ['ذهب ل ال سوق', 'ذهب للسوق', '«ل» + «ال» is written «لل»'],
    ['ما ل ك و ل معاوية/B-Politician', 'ما لك ولمعاوية/B-Politician', 'a preposition then «ك» is «لك» (to you), not a prefix chain'],
    [
      'اويل/B-Population-Center و ياي/I-Population-Center',
      'اويل/B-Population-Center وياي/B-Population-Center',
      'a name after an untagged «و» starts anew',
    ],
    ['و 3 مصورين', 'و 3 مصورين', 'a conjunction before a number stays a word, as in ANERcorp'],
    ['اقصى ها', 'اقصاها', '«ى» + suffix is written «ا»'],
  ])('%s → %s (%s)', (input, expected, _why) => {
    const { tokens, tags } = pairs(input);
    expect(rejoinClitics(tokens, tags)).toEqual(pairs(expected));
  });
});

describe('mapWikifaneTags', () => {
  it.each([
    ['قال صدام/B-Politician حسين/I-Politician', 'قال صدام/B-PERS حسين/I-PERS', 'every person class is PERS'],
    ['هاجم العرب/B-Group الرومان/B-Group', 'هاجم العرب الرومان', 'peoples are O in ANERcorp'],
    ['في مصر/B-Nation والقاهرة/B-Population-Center', 'في مصر/B-LOC والقاهرة/B-LOC', 'GPEs are LOC'],
    ['حول الشمس/B-Celestial', 'حول الشمس', 'celestial bodies are O in ANERcorp'],
    ['قالت وزارة/B-Government الداخلية/I-Government', 'قالت وزارة الداخلية', 'a state body is not a name in ANERcorp'],
    ['صوت مجلس/B-Government النواب/I-Government', 'صوت مجلس النواب', 'nor a domestic council'],
    ['مجلس/B-Non-Governmental الامن/I-Non-Governmental', 'مجلس/B-ORG الامن/I-ORG', 'but the Security Council is'],
    ['في قطاع/B-County-or-District غزة/I-County-or-District', 'في قطاع غزة/B-LOC', 'a descriptor stays outside the name'],
    ['اعلنت شركة/B-Commercial ابل/I-Commercial', 'اعلنت شركة ابل/B-ORG', '«شركة» outside, the type kept'],
    ['قرا القران/B-Book في الكعبة/B-Building-Grounds', 'قرا القران/B-MISC في الكعبة/B-MISC', 'books and buildings are MISC'],
  ])('%s → %s (%s)', (input, expected, _why) => {
    const { tokens, tags } = pairs(input);
    expect({ tokens, tags: mapWikifaneTags(tokens, tags) }).toEqual(pairs(expected));
  });
});

describe('parseWikifane', () => {
  it('drops the byte-order mark and the U+200E marks, reads CRLF lines and blank-line sentence ends', () => {
    // \ufeff: byte-order mark; \u200e: left-to-right mark before each token, as in the distributed file.
    const text = '\ufeff\u200eو\tO\r\n\u200eمصر\tB-Nation\r\n.\tO\r\n\t\r\n\u200eعاصمة\tO\r\n\u200eها\tO\r\n';
    expect(parseWikifane(text)).toEqual([
      { tokens: ['ومصر', '.'], tags: ['B-LOC', 'O'] },
      { tokens: ['عاصمتها'], tags: ['O'] },
    ]);
  });
});
