// A person's gender as the article gives it, from titles, roles and the verbs that introduce their words:
// sentences written for the tests (input → expected → why).
import { describe, expect, it } from 'vitest';
import { type Gender, genderOf } from '../../components/gender';
import type { Actor, Analysis, Quote } from '../../types/analysis';

function article(text: string, name: string, role: string | null, cue: string | null, type: Actor['type'] = 'person') {
  const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index, end: m.index + name.length, text: name }));
  const actor: Actor = { id: 'a', name, type, role, aliases: [name], mentions };
  const quotes: Quote[] = cue ? [{ start: 0, end: 4, text: 'نص', cue, speaker: { actorId: 'a', name, kind: 'actor' } }] : [];
  const analysis: Pick<Analysis, 'text' | 'quotes'> = { text, quotes };
  return genderOf(analysis, actor);
}

describe('genderOf', () => {
  it.each([
    ['وصلت الأميرة هند الفارس إلى المدينة', 'هند الفارس', null, null, 'f', 'a feminine title before the name'],
    ['استقبل الوزير سالم الحربي الوفد', 'سالم الحربي', null, null, 'm', 'a masculine title before the name'],
    ['قالت ليلى حداد إن الاجتماع مثمر', 'ليلى حداد', 'وزيرة الثقافة', 'وقالت', 'f', 'a feminine role and verb'],
    ['وأكد سامي نصر أن الخطة جاهزة', 'سامي نصر', null, 'وأكد', 'm', 'a masculine reporting verb'],
    ['التقى فريق العمل مع سامي نصر', 'سامي نصر', null, null, null, 'nothing says: neutral'],
    ['وصلت الأميرة هند الفارس ثم قال الوزير هند الفارس', 'هند الفارس', null, null, null, 'the evidence disagrees: neutral'],
    ['أعلنت الشركة الوطنية خطة جديدة', 'الشركة الوطنية', null, 'أعلنت', null, 'only people get a gender'],
  ] as const)('%s → %s', (text, name, role, cue, expected: Gender, _why) => {
    const type = name === 'الشركة الوطنية' ? 'organization' : 'person';
    expect(article(text, name, role, cue, type)).toBe(expected);
  });
});
