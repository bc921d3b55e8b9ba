// The ANERcorp/MUC view of one recognition: how the names the extension found are written out as
// CoNLL tags. The recogniser (nlp/entities recognise) is not changed and not re-run; only the written
// extent and type of its names follow the ANERcorp annotation scheme, which differs from the
// project's own (/work/shared/eval/GUIDELINES.md: fullest name, «قطاع غزة», ministries are actors).
// Each convention is one line, checked against the ANERcorp training part (never the dev or test
// split), and kept only if it helps on dev (figures in nlp/model/MODEL-CARD.md):
//
//   tagger-extent   where the tagger (trained on ANERcorp) reads a span over the same words as a rule
//                   span, its extent and type are written: same actor, ANERcorp's written extent;
//                   unless it reads that rule span as several pieces, which is not an extent but a
//                   broken name («كارلوس/PERS كوريا/LOC» inside «كارلوس كوريا»): the rule span stays.
//   descriptor-head a descriptor word before a name is outside it («قطاع غزة» → «غزة», «حركة حماس» →
//                   «حماس», «منتخب مصر» → «مصر»/LOC); in training: «مدينة» 88 outside / 0 inside.
//   state-body      a country's ministries, government, army, courts, committees and its legislative
//                   or cabinet councils are descriptions, not names («وزارة الدفاع», «مجلس النواب»);
//                   in training: «وزارة» untagged 31 times of 31, «مجلس الأمن» tagged 55 of 55.
// Tried and dropped (it lowered dev): a nationality adjective after a name written outside it
// («حزب الله اللبناني» → «حزب الله»); ANERcorp writes it inside as often as outside.

import type { EntityTag, Token } from '../../types/analysis';
import { type Recognition, taggerSpans } from '../entities';
import { normalize } from '../normalize';

export type ConventionRule = 'tagger-extent' | 'descriptor-head' | 'state-body';
/** Every convention, in the order they apply. */
export const CONVENTION_RULES: readonly ConventionRule[] = ['tagger-extent', 'descriptor-head', 'state-body'];

/** A name as written in the CoNLL view: token range (inclusive) and offsets into the analysed text. */
export interface ConllSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  type: EntityTag;
}

const words = (s: string) => new Set(s.trim().split(/\s+/).map(normalize));

/** Descriptor words ANERcorp leaves outside the name that follows; the value is the name's type, null to keep the span's. */
const DESCRIPTOR_HEADS = new Map<string, EntityTag | null>([
  ...[...words('قطاع مدينة ولاية بلدة منطقة جزيرة إقليم محافظة مقاطعة جمهورية ميناء مطار مخيم قرية نهر ضاحية عاصمة دولة حكومة منتخب')].map(
    (w) => [w, 'LOC'] as [string, EntityTag],
  ),
  ...[...words('حركة شركة صحيفة جريدة مجلة قناة فريق نادي')].map((w) => [w, null] as [string, EntityTag | null]),
]);

/** Heads of a state's own bodies, which ANERcorp does not tag. */
const STATE_BODY_HEADS = words(
  'وزارة الوزارة وزير الوزير الحكومة جيش الجيش الشرطة البرلمان سلطة السلطة محكمة المحكمة لجنة اللجنة هيئة الهيئة مركز مجموعة مؤسسة',
);
/** Councils ANERcorp leaves untagged when they follow «مجلس» (legislatures, cabinets, boards). */
const DOMESTIC_COUNCILS = words(
  'النواب الوزراء الشيوخ الشعب الشورى التشريعي الإدارة إدارة الأمة العموم اللوردات الوطني البلدي العسكري الأعلى الدولة',
);
const COUNCIL = words('مجلس المجلس');

/** The word and its clitic-stripped stems, so «لحركة» reads as «حركة». */
function forms(rec: Recognition, i: number): string[] {
  return [rec.doc.tokens[i]!.norm, ...(rec.doc.readings[i] ?? []).map((r) => r.stem)];
}

function span(tokens: readonly Token[], first: number, last: number, type: EntityTag, start?: number): ConllSpan {
  return { first, last, start: start ?? tokens[first]!.start, end: tokens[last]!.end, type };
}

/** One span under the descriptor-head and state-body conventions; null when ANERcorp writes it as no name. */
function conventional(rec: Recognition, s: ConllSpan, rules: ReadonlySet<ConventionRule>): ConllSpan | null {
  const { tokens } = rec.doc;
  let { first, type } = s;
  const { last } = s;
  let start: number | undefined = s.start;
  if (rules.has('state-body') && type === 'ORG') {
    const head = forms(rec, first);
    if (head.some((f) => STATE_BODY_HEADS.has(f))) return null;
    if (head.some((f) => COUNCIL.has(f)) && first < last && DOMESTIC_COUNCILS.has(tokens[first + 1]!.norm)) return null;
  }
  if (rules.has('descriptor-head') && first < last && type !== 'PERS') {
    const head = forms(rec, first).find((f) => DESCRIPTOR_HEADS.has(f));
    if (head !== undefined) {
      type = DESCRIPTOR_HEADS.get(head) ?? type;
      first++;
      start = undefined;
    }
  }
  return span(tokens, first, last, type, start);
}

/**
 * The CoNLL spans of one recognition under the ANERcorp/MUC convention (see the head of this file):
 * the recogniser's spans, written with the tagger's extent where it read the same words, then the
 * descriptor-head and state-body conventions. `taggerTags` are the tags the recogniser's own
 * tagger gave these tokens (null when it ran without one); `rules` selects conventions for measuring.
 */
export function anercorpSpans(
  rec: Recognition,
  taggerTags: readonly string[] | null,
  rules: ReadonlySet<ConventionRule> = new Set(CONVENTION_RULES),
): ConllSpan[] {
  const { tokens, text } = rec.doc;
  const out: ConllSpan[] = [];
  const tagged = taggerTags && rules.has('tagger-extent') ? taggerSpans(text, tokens, taggerTags) : [];
  const used = new Set<number>();
  for (const s of rec.spans) {
    if (s.source !== 'tagger') {
      const over = tagged.map((t, k) => [t, k] as const).filter(([t]) => t.first <= s.last && s.first <= t.last);
      const pieces = over.length > 1 && over.every(([t]) => t.first >= s.first && t.last <= s.last);
      if (over.length > 0 && !pieces) {
        for (const [t, k] of over) {
          if (used.has(k)) continue;
          used.add(k);
          out.push(span(tokens, t.first, t.last, t.type));
        }
        continue;
      }
    }
    out.push(span(tokens, s.first, s.last, s.type, s.start));
  }
  const written = out.map((s) => conventional(rec, s, rules)).filter((s): s is ConllSpan => s !== null);
  return written.sort((a, b) => a.start - b.start || b.end - a.end);
}
