// The quotation card names the speaker and saves; the save form lets the reader pick or type one.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { QuoteCard, SaveQuoteForm } from './QuoteCard';

describe('QuoteCard', () => {
  it.each([
    [{ name: 'عبد الفتاح البرهان', kind: 'actor' }, 'عبد الفتاح البرهان', 'a named speaker'],
    [{ name: 'مصدر مطلع', kind: 'anonymous' }, 'مصدر مطلع', 'an anonymous source keeps its description'],
    [{ name: null, kind: 'anonymous' }, 'مصدر مجهول', 'an anonymous source without words'],
    [{ name: null, kind: 'unknown' }, 'قائل غير معروف', 'no speaker found'],
  ] as const)('speaker %o is shown as %s (%s)', (speaker, shown, _why) => {
    render(<QuoteCard lang="ar" text="لن نقبل" speaker={speaker} saved={false} />);
    expect(screen.getByTestId('quote-speaker').textContent).toContain(shown);
  });

  it('saves, and once saved says so in words and offers to undo', () => {
    const onSave = vi.fn();
    const onUnsave = vi.fn();
    const { rerender } = render(
      <QuoteCard lang="en" text="لن نقبل" speaker={{ name: 'البرهان', kind: 'actor' }} saved={false} onSave={onSave} onUnsave={onUnsave} />,
    );
    screen.getByTestId('save-quote').click();
    expect(onSave).toHaveBeenCalledOnce();
    rerender(<QuoteCard lang="en" text="لن نقبل" speaker={{ name: 'البرهان', kind: 'actor' }} saved onSave={onSave} onUnsave={onUnsave} />);
    expect(screen.getByTestId('quote-card').textContent).toContain('Saved quotation');
    screen.getByTestId('unsave-quote').click();
    expect(onUnsave).toHaveBeenCalledOnce();
  });

  it('disables the button while saving and shows a failure as an alert', () => {
    render(<QuoteCard lang="ar" text="x" speaker={{ name: null, kind: 'unknown' }} saved={false} busy error="تعذّر الحفظ: لا اتصال" />);
    expect((screen.getByTestId('save-quote') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('تعذّر الحفظ: لا اتصال');
  });
});

describe('SaveQuoteForm', () => {
  const actors = [
    { id: 'a1', name: 'أنطونيو غوتيريش' },
    { id: 'a2', name: 'الأمم المتحدة' },
  ];
  it.each([
    ['a1', '', { actorId: 'a1', name: 'أنطونيو غوتيريش' }, 'a speaker picked from the page'],
    ['', 'مسؤول سوداني', { actorId: null, name: 'مسؤول سوداني' }, 'a speaker typed in'],
    ['a2', 'مسؤول سوداني', { actorId: null, name: 'مسؤول سوداني' }, 'typing wins over the list'],
    ['', '', { actorId: null, name: null }, 'no speaker at all'],
  ] as const)('picked %s, typed %s → %o (%s)', (picked, typed, expected, _why) => {
    const onSave = vi.fn();
    render(<SaveQuoteForm lang="ar" text="نص" actors={actors} onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByTestId('speaker-select'), { target: { value: picked } });
    fireEvent.input(screen.getByTestId('speaker-input'), { target: { value: typed } });
    fireEvent.submit(screen.getByTestId('save-form'));
    expect(onSave).toHaveBeenCalledWith(expected);
  });
});
