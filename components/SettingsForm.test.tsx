// The settings page as the reader uses it: what is off by default, what a click changes, and the guard on "clear everything".
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../types/settings';
import { hostFromInput, SettingsForm, type SettingsFormProps } from './SettingsForm';

afterEach(cleanup);

const DEFAULTS: Settings = {
  density: 'all',
  types: { person: true, organization: true, place: true, quote: true },
  pausedSites: [],
  analyseSites: [],
  enrichment: false,
  uiLang: 'browser',
  theme: 'system',
  recordPrivate: false,
};

function setup(over: Partial<SettingsFormProps> = {}) {
  const props: SettingsFormProps = {
    lang: 'ar',
    settings: DEFAULTS,
    storage: { usage: 2048, quota: 1024 * 1024, persisted: false, purged: false, readings: 2, savedQuotes: 1 },
    message: null,
    onChange: vi.fn(),
    onEnrichment: vi.fn(),
    onPauseSite: vi.fn(),
    onAnalyseSite: vi.fn(),
    fixes: [],
    onRemoveFix: vi.fn(),
    shortcuts: [],
    onBackup: vi.fn(),
    onRestore: vi.fn(),
    onExport: vi.fn(),
    onForgetSite: vi.fn(),
    onClearAll: vi.fn(),
    onPersist: vi.fn(),
    ...over,
  };
  render(<SettingsForm {...props} />);
  return props;
}

describe('SettingsForm', () => {
  it('shows enrichment off and says what would be sent where', () => {
    setup();
    const box = screen.getByRole('checkbox', { name: /ويكي بيانات/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText(/www\.wikidata\.org/).textContent).toContain('لا نص المقال');
  });

  it('asks for enrichment through its own handler (which requests the host permissions)', () => {
    const props = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: /ويكي بيانات/ }));
    expect(props.onEnrichment).toHaveBeenCalledWith(true);
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('changes density and one mark type without touching the others', () => {
    const props = setup({ lang: 'en' });
    fireEvent.click(screen.getByRole('radio', { name: 'First mention of each actor' }));
    expect(props.onChange).toHaveBeenCalledWith({ density: 'first' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Places' }));
    expect(props.onChange).toHaveBeenCalledWith({ types: { person: true, organization: true, place: false, quote: true } });
  });

  it.each([
    ['https://www.aljazeera.net/news/1', 'www.aljazeera.net', 'a pasted URL gives its host'],
    ['BBC.co.uk', 'bbc.co.uk', 'a typed host is lower-cased'],
    ['localhost', null, 'a word without a dot is not a site'],
    ['', null, 'empty is not a site'],
  ] as const)('hostFromInput(%j) → %j (%s)', (input, expected, _why) => {
    expect(hostFromInput(input)).toBe(expected);
  });

  it('pauses a typed site, lists paused sites and resumes one', () => {
    const props = setup({ lang: 'en', settings: { ...DEFAULTS, pausedSites: ['news.example'] } });
    fireEvent.input(document.getElementById('pause-site') as HTMLInputElement, { target: { value: 'https://www.example.com/a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pause on this site' }));
    expect(props.onPauseSite).toHaveBeenCalledWith('www.example.com', true);
    fireEvent.click(screen.getByRole('button', { name: 'Resume on news.example' }));
    expect(props.onPauseSite).toHaveBeenCalledWith('news.example', false);
  });

  it('lists the sites analysed anyway and stops one', () => {
    const props = setup({ lang: 'en', settings: { ...DEFAULTS, analyseSites: ['blog.example'] } });
    expect(screen.getByTestId('analyse-sites').textContent).toContain('blog.example');
    fireEvent.click(screen.getByRole('button', { name: 'Stop analysing every page of blog.example' }));
    expect(props.onAnalyseSite).toHaveBeenCalledWith('blog.example', false);
  });

  it('lists the reader’s corrections in words and removes one', () => {
    const fixes = [
      { id: 'f1', kind: 'type', label: 'عمان', site: null, type: 'organization', speaker: null, at: 2 },
      { id: 'f2', kind: 'hide', label: 'وكالة الأنباء', site: 'news.example', type: null, speaker: null, at: 1 },
    ] as const;
    const props = setup({ lang: 'en', fixes: [...fixes] });
    const list = screen.getByTestId('fixes').textContent ?? '';
    expect(list).toContain('عمان — type: Organization');
    expect(list).toContain('hidden on');
    fireEvent.click(screen.getByRole('button', { name: 'Remove: وكالة الأنباء' }));
    expect(props.onRemoveFix).toHaveBeenCalledWith('f2');
  });

  it('shows the keyboard shortcuts as the browser binds them, and says where to change them', () => {
    setup({
      lang: 'en',
      shortcuts: [
        { name: 'highlight-selection', description: 'Save the selected text as a quotation', shortcut: 'Alt+Shift+S' },
        { name: 'next-mark', description: 'Next name or quotation', shortcut: '' },
      ],
    });
    const list = screen.getByTestId('shortcuts').textContent ?? '';
    expect(list).toContain('Save the selected text as a quotationAlt+Shift+S');
    expect(list).toContain('Next name or quotationNo shortcut');
    expect(screen.getByText(/extension shortcuts page/)).toBeTruthy();
  });

  it('clears everything only after a second, explicit confirmation; Cancel keeps everything', () => {
    const props = setup({ lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear everything' }));
    expect(props.onClearAll).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('cannot be undone');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear everything' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear everything' }));
    expect(props.onClearAll).toHaveBeenCalledTimes(1);
  });

  it('shows storage use and offers persistent storage when it is not persistent', () => {
    const props = setup({ lang: 'en' });
    expect(screen.getByTestId('storage-usage').textContent).toBe('Used: 2 KB of 1 MB');
    fireEvent.click(screen.getByRole('button', { name: 'Ask for persistent storage' }));
    expect(props.onPersist).toHaveBeenCalled();
  });
});
