// The panel's components as a reader meets them: what they show, in which order, and what a click or key does.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryHit, ReadingSummary, SavedQuoteView, TimelineEntry } from '../types/library';
import { ActorList, type PanelActor } from './ActorList';
import { ActorTimeline } from './ActorTimeline';
import { History } from './History';
import { QuoteItem, speakerLabel } from './QuoteItem';
import { EMPTY_FILTER, parseTags, SavedQuoteItem, SavedQuotes } from './SavedQuotes';
import { StateMessage } from './StateMessage';
import { Tabs } from './Tabs';

afterEach(cleanup);

const actor = (over: Partial<PanelActor>): PanelActor => ({
  id: over.name ?? 'a',
  name: 'x',
  latin: null,
  type: 'person',
  role: null,
  description: null,
  mentionCount: 1,
  quotes: [],
  ...over,
});

const reading = (over: Partial<ReadingSummary>): ReadingSummary => ({
  id: 'r1',
  url: 'https://news.example/a',
  site: 'news.example',
  title: 'عنوان',
  publishedAt: null,
  firstReadAt: 1,
  readAt: Date.UTC(2026, 10, 24),
  actorCount: 1,
  quoteCount: 1,
  topActors: [],
  ...over,
});

const savedQuote = (over: Partial<SavedQuoteView> = {}): SavedQuoteView => ({
  id: 'q1',
  readingId: 'r1',
  url: 'https://news.example/a',
  site: 'news.example',
  title: 'غوتيريش يدعو من جنيف',
  publishedAt: '2026-11-24T09:30:00+03:00',
  exact: 'المجتمع الدولي لا يملك ترف الانتظار',
  prefix: '',
  suffix: '',
  start: 0,
  end: 10,
  speakerName: 'أنطونيو غوتيريش',
  actorId: null,
  note: '',
  tags: ['السودان'],
  savedAt: Date.UTC(2026, 10, 24),
  updatedAt: Date.UTC(2026, 10, 24),
  ...over,
});

describe('Tabs', () => {
  it.each([
    ['rtl', 'ArrowLeft', 'saved', 'in Arabic the next tab is to the left'],
    ['ltr', 'ArrowRight', 'saved', 'in English the next tab is to the right'],
    ['rtl', 'ArrowRight', 'history', 'going back from the first tab wraps to the last'],
    ['ltr', 'End', 'history', 'End goes to the last tab'],
  ] as const)('%s + %s selects %s (%s)', (dir, key, expected, _why) => {
    const onSelect = vi.fn();
    render(
      <Tabs
        dir={dir}
        label="sections"
        active="article"
        onSelect={onSelect}
        tabs={[
          { id: 'article', label: 'هذا المقال' },
          { id: 'saved', label: 'المحفوظة' },
          { id: 'history', label: 'السجل' },
        ]}
      />,
    );
    fireEvent.keyDown(screen.getByRole('tab', { selected: true }), { key });
    expect(onSelect).toHaveBeenCalledWith(expected);
  });

  it('keeps only the active tab in the Tab order', () => {
    render(
      <Tabs
        dir="rtl"
        label="s"
        active="b"
        onSelect={() => {}}
        tabs={[
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ]}
      />,
    );
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0]);
  });
});

describe('ActorList', () => {
  it('groups by type in the order people, organizations, places and puts the most mentioned first', () => {
    render(
      <ActorList
        lang="ar"
        onShow={() => {}}
        onTimeline={() => {}}
        actors={[
          actor({ name: 'جنيف', type: 'place', mentionCount: 2 }),
          actor({ name: 'بدر عبد العاطي', mentionCount: 2 }),
          actor({ name: 'الأمم المتحدة', type: 'organization', mentionCount: 1 }),
          actor({ name: 'أنطونيو غوتيريش', mentionCount: 4, role: 'الأمين العام للأمم المتحدة' }),
        ]}
      />,
    );
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['أشخاص (2)', 'منظمات (1)', 'أماكن (1)']);
    expect(screen.getAllByTestId('actor').map((a) => a.querySelector('bdi')?.textContent)).toEqual([
      'أنطونيو غوتيريش',
      'بدر عبد العاطي',
      'الأمم المتحدة',
      'جنيف',
    ]);
    expect(screen.getByText('الأمين العام للأمم المتحدة')).toBeTruthy();
  });

  it('ranks by salience: a quoted actor and one in the title come before one merely mentioned more', () => {
    render(
      <ActorList
        lang="ar"
        onShow={() => {}}
        onTimeline={() => {}}
        actors={[
          actor({ name: 'سامي نصر', mentionCount: 4 }),
          actor({ name: 'ليلى حداد', mentionCount: 1, quotes: ['قول أول', 'قول ثان'] }),
          actor({ name: 'هند الفارس', mentionCount: 2, inTitle: true, quotes: ['قول'] }),
        ]}
      />,
    );
    expect(screen.getAllByTestId('actor').map((a) => a.querySelector('bdi')?.textContent)).toEqual(['ليلى حداد', 'هند الفارس', 'سامي نصر']);
  });

  it('puts places named once in passing on one line, each still shown on the page when clicked', () => {
    const onShow = vi.fn();
    render(
      <ActorList
        lang="en"
        onShow={onShow}
        onTimeline={() => {}}
        actors={[
          actor({ name: 'الخرطوم', type: 'place', mentionCount: 3 }),
          actor({ name: 'جنيف', type: 'place', mentionCount: 1, inTitle: true }),
          actor({ name: 'دارفور', type: 'place', mentionCount: 1 }),
          actor({ name: 'بورتسودان', type: 'place', mentionCount: 1 }),
        ]}
      />,
    );
    expect(screen.getAllByTestId('actor').map((a) => a.querySelector('bdi')?.textContent)).toEqual(['الخرطوم', 'جنيف']);
    expect(screen.getByTestId('minor-places').textContent).toBe('Also mentioned once: بورتسودان, دارفور');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Places (4)');
    fireEvent.click(screen.getByRole('button', { name: 'Show دارفور on the page' }));
    expect(onShow).toHaveBeenCalledWith(expect.objectContaining({ name: 'دارفور' }));
  });

  it('asks to show the actor on the page when its name is clicked, and opens the timeline from its link', () => {
    const onShow = vi.fn();
    const onTimeline = vi.fn();
    render(<ActorList lang="en" onShow={onShow} onTimeline={onTimeline} actors={[actor({ name: 'غوتيريش' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show غوتيريش on the page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Timeline' }));
    expect(onShow).toHaveBeenCalledWith(expect.objectContaining({ name: 'غوتيريش' }));
    expect(onTimeline).toHaveBeenCalledWith(expect.objectContaining({ name: 'غوتيريش' }));
  });
});

describe('QuoteItem', () => {
  it.each([
    [{ speakerName: 'البرهان', speakerKind: 'actor' }, 'ar', 'البرهان', 'a named speaker is shown by name'],
    [{ speakerName: null, speakerKind: 'anonymous' }, 'ar', 'مصدر لم يُذكر اسمه', 'an unnamed source says so'],
    [{ speakerName: null, speakerKind: 'unknown' }, 'en', 'Speaker not identified', 'no attribution is not hidden'],
  ] as const)('speaker %j in %s reads %s (%s)', (quote, lang, expected, _why) => {
    expect(speakerLabel(lang, quote)).toBe(expected);
  });

  it('turns Save into a disabled "Saved" once saved, and reports a copy', () => {
    const q = { key: 'k', text: 'لن نقبل', speakerName: 'البرهان', speakerKind: 'actor' as const };
    const { rerender } = render(<QuoteItem quote={q} lang="ar" saved={false} copyState="idle" onSave={() => {}} onCopy={() => {}} />);
    expect(screen.getByRole('button', { name: 'احفظ' })).toBeTruthy();
    rerender(<QuoteItem quote={q} lang="ar" saved={true} copyState="copied" onSave={() => {}} onCopy={() => {}} />);
    expect((screen.getByRole('button', { name: 'محفوظ' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('نُسخ')).toBeTruthy();
  });
});

describe('saved quotations', () => {
  it.each([
    ['السودان، جنيف', [], ['السودان', 'جنيف'], 'Arabic comma separates tags'],
    ['#hunger, hunger', ['x'], ['x', 'hunger'], 'a leading # is dropped and repeats are merged'],
    [' , ', [], [], 'blank input adds nothing'],
  ] as const)('parseTags(%j, %j) → %j (%s)', (input, existing, expected, _why) => {
    expect(parseTags(input, existing)).toEqual(expected);
  });

  it('adds a tag on Enter and removes one with its × button', () => {
    const onTags = vi.fn();
    render(<SavedQuoteItem quote={savedQuote()} lang="ar" anchor="exact" onNote={() => {}} onTags={onTags} onDelete={() => {}} />);
    const input = screen.getByPlaceholderText('أضف وسماً');
    fireEvent.input(input, { target: { value: 'مجاعة' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onTags).toHaveBeenLastCalledWith('q1', ['السودان', 'مجاعة']);
    fireEvent.click(screen.getByRole('button', { name: 'أزل الوسم السودان' }));
    expect(onTags).toHaveBeenLastCalledWith('q1', []);
  });

  it.each([
    ['exact', null, 'an anchored quotation has no badge'],
    ['changed', 'تغيّر المقال', 'an edited article is flagged'],
    ['removed', 'حُذف من المقال', 'a quotation gone from the article is flagged'],
  ] as const)('anchor %s shows badge %j (%s)', (anchor, badge, _why) => {
    render(<SavedQuoteItem quote={savedQuote()} lang="ar" anchor={anchor} onNote={() => {}} onTags={() => {}} onDelete={() => {}} />);
    expect(screen.queryByTestId('changed-badge')?.firstChild?.textContent ?? null).toBe(badge);
  });

  it('saves a note when the field is left, not on every key', () => {
    const onNote = vi.fn();
    render(<SavedQuoteItem quote={savedQuote()} lang="en" anchor={null} onNote={onNote} onTags={() => {}} onDelete={() => {}} />);
    const note = screen.getByLabelText('Note');
    fireEvent.input(note, { target: { value: 'للمقال الأسبوعي' } });
    expect(onNote).not.toHaveBeenCalled();
    fireEvent.change(note, { target: { value: 'للمقال الأسبوعي' } });
    expect(onNote).toHaveBeenCalledWith('q1', 'للمقال الأسبوعي');
  });

  it.each([
    [EMPTY_FILTER, 'لا اقتباسات محفوظة بعد', 'nothing saved: say how to save'],
    [{ ...EMPTY_FILTER, text: 'مجاعة' }, 'لا نتائج لهذا البحث', 'a search that finds nothing says so'],
  ] as const)('an empty list with filter %j says %s (%s)', (filter, expected, _why) => {
    render(
      <SavedQuotes
        lang="ar"
        items={[]}
        filter={filter}
        speakers={[]}
        sites={[]}
        anchors={{}}
        resultsFor={filter}
        onFilter={() => {}}
        onNote={() => {}}
        onTags={() => {}}
        onDelete={() => {}}
        onExport={() => {}}
      />,
    );
    expect(screen.getByText(new RegExp(expected))).toBeTruthy();
  });

  it('exports in the format the reader picks', () => {
    const onExport = vi.fn();
    render(
      <SavedQuotes
        lang="en"
        items={[savedQuote()]}
        filter={EMPTY_FILTER}
        speakers={[]}
        sites={[]}
        anchors={{}}
        resultsFor={EMPTY_FILTER}
        onFilter={() => {}}
        onNote={() => {}}
        onTags={() => {}}
        onDelete={() => {}}
        onExport={onExport}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export as Markdown' }));
    expect(onExport).toHaveBeenCalledWith('markdown');
  });
});

describe('History and the actor timeline', () => {
  it('lists readings with their actors; an actor opens its timeline', () => {
    const onActor = vi.fn();
    const hits: HistoryHit[] = [{ reading: reading({ topActors: ['أنطونيو غوتيريس'] }), matches: [{ field: 'actor', text: 'غوتيريس' }] }];
    render(<History lang="ar" query="غوتيريش" resultsFor="غوتيريش" items={hits} onQuery={() => {}} onActor={onActor} />);
    expect(screen.getByText('وُجد في: الجهات')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'الخط الزمني: أنطونيو غوتيريس' }));
    expect(onActor).toHaveBeenCalledWith('أنطونيو غوتيريس');
  });

  it.each([
    ['2026-03-01T10:00:00Z', 'نُشر في', 'the article’s date when the page gave one'],
    ['منذ ساعتين', 'قُرئ في', 'a date the page wrote in words: the reading’s date instead, never the raw text'],
    [null, 'قُرئ في', 'no date on the page'],
  ] as const)('shows one date per reading (%s → %s: %s)', (publishedAt, label, _why) => {
    render(
      <History
        lang="ar"
        query=""
        resultsFor=""
        items={[{ reading: reading({ publishedAt }), matches: [] }]}
        onQuery={() => {}}
        onActor={() => {}}
      />,
    );
    const meta = document.querySelector('.reading .meta')?.textContent ?? '';
    expect(meta).toContain(label);
    expect(meta.split('·')).toHaveLength(2); // the site and one date, no stray separator
    expect(meta).not.toContain('منذ');
  });

  it('says the history is empty, and that it stays on the device', () => {
    render(<History lang="en" query="" resultsFor="" items={[]} onQuery={() => {}} onActor={() => {}} />);
    expect(screen.getByText(/on your device only/)).toBeTruthy();
  });

  it('does not count results that answer an older query (typing ahead of the search)', () => {
    const hits: HistoryHit[] = [{ reading: reading({}), matches: [] }];
    render(<History lang="en" query="غوتيريس" resultsFor="" items={hits} onQuery={() => {}} onActor={() => {}} />);
    expect(screen.queryByText(/Results:/)).toBeNull();
    expect(document.querySelector('.history-view')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows the newest reading first, each with its quotations and the spelling used there', () => {
    const entries: TimelineEntry[] = [
      {
        reading: reading({ id: 'old', title: 'جنيف', readAt: 1 }),
        name: 'أنطونيو غوتيريش',
        role: null,
        mentions: 3,
        quotes: [{ text: 'وقف فوري', start: 0, end: 8 }],
      },
      {
        reading: reading({ id: 'new', title: 'نيويورك', readAt: 2 }),
        name: 'أنطونيو غوتيريس',
        role: 'الأمين العام',
        mentions: 2,
        quotes: [],
      },
    ];
    render(<ActorTimeline lang="ar" name="أنطونيو غوتيريش" entries={entries} correction={null} onBack={() => {}} onCorrect={() => {}} />);
    const items = screen.getAllByTestId('timeline-entry');
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual(['نيويورك', 'جنيف']);
    expect(items[0]?.textContent).toContain('أنطونيو غوتيريس');
    expect(screen.getByTestId('timeline-quote').textContent).toBe('وقف فوري');
  });

  it.each([
    ['person', 'm', 'ما قاله سامي نصر عبر قراءاتك', 'a man'],
    ['person', 'f', 'ما قالته سامي نصر عبر قراءاتك', 'a woman'],
    ['person', null, 'ما نُقل عن سامي نصر عبر قراءاتك', 'the article does not say: neutral'],
    ['organization', null, 'ما جاء على لسان سامي نصر عبر قراءاتك', 'an organization'],
    ['place', null, 'سامي نصر عبر قراءاتك', 'a place says nothing'],
  ] as const)('heads a %s (%s) timeline «%s» (%s)', (type, gender, heading, _why) => {
    render(
      <ActorTimeline
        lang="ar"
        name="سامي نصر"
        type={type}
        gender={gender}
        entries={[]}
        correction={null}
        onBack={() => {}}
        onCorrect={() => {}}
      />,
    );
    expect(document.getElementById('timeline-heading')?.textContent?.replace(/[\u2068\u2069]/g, '')).toBe(heading);
  });

  it('sends the reader’s correction of what the name means', () => {
    const onCorrect = vi.fn();
    render(<ActorTimeline lang="en" name="عبد الله" entries={[]} correction={null} onBack={() => {}} onCorrect={onCorrect} />);
    fireEvent.input(screen.getByLabelText('This name means'), { target: { value: 'عبد الله الثاني' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(onCorrect).toHaveBeenCalledWith('عبد الله الثاني');
  });
});

describe('StateMessage', () => {
  it.each([
    ['error', 'alert', 'errors interrupt'],
    ['loading', 'status', 'loading is announced politely'],
  ] as const)('%s has role %s (%s)', (kind, role, _why) => {
    render(<StateMessage kind={kind} message="m" />);
    expect(screen.getByRole(role).textContent).toContain('m');
  });
});
