// The actor card shows what the reader needs at a glance, in the interface language, with
// names isolated for bidi and nothing online unless enrichment provided it.
import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Card } from '../types/card';
import { HoverCard } from './HoverCard';

const base: Card = {
  key: 'guterres',
  name: { ar: 'أنطونيو غوتيريش', latin: 'António Guterres' },
  type: 'person',
  aliases: ['غوتيريش'],
  roleInArticle: 'الأمين العام للأمم المتحدة',
  roleAtDate: null,
  description: null,
  extract: null,
  image: null,
  mentionCount: 4,
  quotesInArticle: [
    { text: 'الوضع الإنساني بلغ حداً لا يمكن السكوت عليه', start: 10, end: 50 },
    { text: 'المجتمع الدولي لا يملك ترف الانتظار', start: 60, end: 90 },
  ],
  seenIn: { count: 1, firstSeen: null, latestQuote: null },
  sources: [],
  attribution: null,
  wikidataId: null,
  candidates: [],
  enrichment: 'off',
};

describe('HoverCard', () => {
  it('shows the Arabic and Latin name, each isolated, the type, role and mention count', () => {
    render(<HoverCard lang="ar" card={base} />);
    const name = screen.getByTestId('card-name');
    const bdis = name.querySelectorAll('bdi');
    expect([...bdis].map((b) => [b.textContent, b.getAttribute('dir')])).toEqual([
      ['أنطونيو غوتيريش', 'rtl'],
      ['António Guterres', 'ltr'],
    ]);
    expect(screen.getByTestId('card-type').textContent).toBe('شخص');
    expect(screen.getByTestId('card-role').textContent).toContain('الأمين العام للأمم المتحدة');
    expect(screen.getByTestId('card-mentions').textContent).toContain('4');
  });

  it('lists the roles known, the article’s first, each with where and when it was seen, and where the description comes from', () => {
    const card: Card = {
      ...base,
      roles: [
        { text: 'الأمين العام للأمم المتحدة', source: 'article', when: null, from: 'في هذا المقال' },
        { text: 'رئيس وزراء البرتغال', source: 'press', when: '2015', from: 'في الصحافة، 2015' },
      ],
      description: 'سياسي برتغالي',
      descriptionFrom: 'ويكيبيديا، CC BY-SA',
    };
    const { container } = render(<HoverCard lang="ar" card={card} />);
    expect([...screen.getByTestId('card-roles').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'الأمين العام للأمم المتحدة (في هذا المقال)',
      'رئيس وزراء البرتغال (في الصحافة، 2015)',
    ]);
    expect(container.querySelector('.sq-desc')?.textContent).toBe('سياسي برتغالي (ويكيبيديا، CC BY-SA)');
  });

  it.each([
    ['ar', 'أقواله في هذا المقال', 'أول ظهور في قراءاتك'],
    ['en', 'Quotations in this article', 'First time in your reading'],
  ] as const)('speaks the interface language (%s)', (lang, quotesHeading, firstSeen) => {
    render(<HoverCard lang={lang} card={base} gender="m" />);
    expect(screen.getByText(quotesHeading)).toBeTruthy();
    expect(screen.getByTestId('card-history').textContent).toBe(firstSeen);
  });

  it.each([
    // type, gender → mention count, quotations heading, earlier articles → why
    ['person', 'm', 'عدد مرات ذكره في هذا المقال: 4', 'أقواله في هذا المقال', 'ورد في 2', 'a man'],
    ['person', 'f', 'عدد مرات ذكرها في هذا المقال: 4', 'أقوالها في هذا المقال', 'وردت في 2', 'a woman: feminine forms'],
    ['person', null, 'مرات الذكر في هذا المقال: 4', 'الاقتباسات المنسوبة في هذا المقال', 'ظهر الاسم في 2', 'unknown: neutral wording'],
    [
      'organization',
      'm',
      'مرات الذكر في هذا المقال: 4',
      'ما جاء على لسان أنطونيو غوتيريش في هذا المقال',
      'ظهر الاسم في 2',
      'an organization',
    ],
    ['place', null, 'مرات الذكر في هذا المقال: 4', 'ما جاء على لسان', 'ظهر الاسم في 2', 'a place: never «ما قاله»'],
  ] as const)('%s (%s): %s', (type, gender, mentions, quotesHeading, seen, _why) => {
    const card: Card = { ...base, type, seenIn: { count: 3, firstSeen: 1, latestQuote: null } };
    const { container } = render(<HoverCard lang="ar" card={card} gender={gender} />);
    expect(screen.getByTestId('card-mentions').textContent).toBe(mentions);
    expect(container.querySelector('.sq-quotes h3')?.textContent).toContain(quotesHeading);
    expect(screen.getByTestId('card-history').textContent).toContain(seen);
    expect(container.textContent).not.toMatch(/ما قال(ه|ته)?\b/);
  });

  it('does not offer this article’s own quotation, or count this article, as an earlier one', () => {
    const here = 'https://example.com/now';
    const card: Card = {
      ...base,
      seenIn: { count: 2, firstSeen: 1, latestQuote: { text: 'قول من هذا المقال', url: here, title: 'هذا المقال', readAt: 3 } },
    };
    const { unmount } = render(<HoverCard lang="en" card={card} currentUrl={here} />);
    expect(screen.getByTestId('card-history').textContent).toBe('Seen in 1 of your earlier articles');
    unmount();
    // Not in the history (a private window): both readings counted are earlier ones.
    render(<HoverCard lang="en" card={card} currentUrl={here} countsThisArticle={false} />);
    expect(screen.getByTestId('card-history').textContent).toBe('Seen in 2 of your earlier articles');
  });

  it('lists this actor’s quotations here, at most maxQuotes, with an ellipsis for the rest', () => {
    const { container } = render(<HoverCard lang="ar" card={base} maxQuotes={1} />);
    expect([...container.querySelectorAll('.sq-quotes q')].map((q) => q.textContent)).toEqual([
      'الوضع الإنساني بلغ حداً لا يمكن السكوت عليه',
    ]);
    expect(container.querySelector('.sq-more')?.textContent).toBe('…');
  });

  it('tells how many earlier articles named the actor and the latest thing they said there', () => {
    const card: Card = {
      ...base,
      seenIn: {
        count: 4,
        firstSeen: 1,
        latestQuote: { text: 'لا حل عسكرياً', url: 'https://example.com/a', title: 'مقال سابق', readAt: 2 },
      },
    };
    render(<HoverCard lang="en" card={card} />);
    const history = screen.getByTestId('card-history');
    expect(history.textContent).toContain('Seen in 3 of your earlier articles');
    expect(history.querySelector('q')?.textContent).toBe('لا حل عسكرياً');
  });

  it('shows an image only when the card has one (enrichment on), with its credit', () => {
    const { container, rerender } = render(<HoverCard lang="ar" card={base} />);
    expect(container.querySelector('img')).toBeNull();
    rerender(
      <HoverCard
        lang="ar"
        card={{
          ...base,
          image: { url: 'https://upload.wikimedia.org/x.jpg', attribution: 'CC BY-SA', pageUrl: 'https://commons.wikimedia.org/x' },
        }}
      />,
    );
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('أنطونيو غوتيريش');
    expect(container.querySelector('figcaption')?.textContent).toBe('CC BY-SA');
  });

  it('renders page text as text, never as markup', () => {
    const { container } = render(<HoverCard lang="ar" card={{ ...base, roleInArticle: '<img src=x onerror=alert(1)>' }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('card-role').textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('offers the side panel link and a labelled close button when given actions', () => {
    const onOpenPanel = vi.fn();
    const onClose = vi.fn();
    render(<HoverCard lang="en" card={base} onOpenPanel={onOpenPanel} onClose={onClose} />);
    screen.getByTestId('open-panel').click();
    screen.getByLabelText('Close').click();
    expect(onOpenPanel).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
