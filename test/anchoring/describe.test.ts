/** describe(): selectors for a selection, never splitting a character. */
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../shared/anchoring/index.ts';
import { isGraphemeBoundary } from '../../shared/text/graphemes.ts';

const SHIP = '🚢';
const FAMILY = '👨‍👩‍👧';

suite('describe', () => {
  it('describes a plain range by position, quote and 32 characters of context on each side', () => {
    const text = 'Port of Varnholm said throughput fell 2.3% in April, its second monthly decline, and officials expect a rebound.';
    const start = text.indexOf('throughput');
    const end = text.indexOf(' in April');
    const [pos, quote] = describe(text, start, end);
    expect(pos).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('throughput fell 2.3%');
    expect(quote.prefix).toBe('Port of Varnholm said ');
    expect(quote.suffix).toBe(text.slice(end, end + 32));
  });

  it('leaves the prefix empty for a quote at the start of the text and the suffix empty at its end', () => {
    const text = 'Output rose. Shares fell.';
    expect(describe(text, 0, 12)[1].prefix).toBe('');
    expect(describe(text, 13, text.length)[1].suffix).toBe('');
    const whole = describe(text, 0, text.length)[1];
    expect(whole).toMatchObject({ exact: text, prefix: '', suffix: '' });
  });

  it('widens a range that starts or ends inside an emoji to the whole emoji', () => {
    const text = `Cargo ${SHIP} arrived and ${FAMILY} waved.`;
    const shipAt = text.indexOf(SHIP);
    const [pos, quote] = describe(text, shipAt + 1, shipAt + 6);
    expect(pos.start).toBe(shipAt);
    expect(quote.exact.startsWith(SHIP)).toBe(true);
    const famAt = text.indexOf(FAMILY);
    const [p2, q2] = describe(text, famAt - 4, famAt + 3);
    expect(p2.end).toBe(famAt + FAMILY.length);
    expect(q2.exact.endsWith(FAMILY)).toBe(true);
  });

  it('keeps a combining mark with its letter at either edge', () => {
    const text = 'Zoe\u0301 and Iraq\u0301 traded';
    const e = text.indexOf('e\u0301');
    const [pos] = describe(text, 0, e + 1);
    expect(pos.end).toBe(e + 2);
    const q = text.indexOf('\u0301 traded');
    const [p2, q2] = describe(text, q, text.length);
    expect(p2.start).toBe(q - 1);
    expect(q2.exact).toBe('q\u0301 traded');
  });

  it('never cuts an emoji at the far end of the context; it takes the whole of it instead', () => {
    const text = `${SHIP}${'a'.repeat(31)}QUOTE${'b'.repeat(31)}${SHIP}`;
    const start = text.indexOf('QUOTE');
    const [pos, quote] = describe(text, start, start + 5);
    expect(quote.prefix).toBe(`${SHIP}${'a'.repeat(31)}`);
    expect(quote.suffix).toBe(`${'b'.repeat(31)}${SHIP}`);
    expect(isGraphemeBoundary(text, pos.start - quote.prefix.length)).toBe(true);
    expect(isGraphemeBoundary(text, pos.end + quote.suffix.length)).toBe(true);
  });

  it('honours a custom context length, including none', () => {
    const text = 'Gas-fired plants still provided about 41% of supply.';
    const start = text.indexOf('about');
    expect(describe(text, start, start + 5, 6)[1]).toMatchObject({ prefix: 'vided ', suffix: ' 41% o' });
    expect(describe(text, start, start + 5, 0)[1]).toMatchObject({ prefix: '', suffix: '' });
  });

  it('rejects empty, reversed, out-of-range and fractional ranges with a RangeError that names the range', () => {
    const text = 'Wind supplied 38% of power.';
    expect(() => describe(text, 4, 4)).toThrow(RangeError);
    expect(() => describe(text, 5, 2)).toThrow(/\[5, 2\)/);
    expect(() => describe(text, -1, 3)).toThrow(RangeError);
    expect(() => describe(text, 0, text.length + 1)).toThrow(/outside the text/);
    expect(() => describe(text, 0.5, 3)).toThrow(/integers/);
    expect(() => describe('', 0, 0)).toThrow(RangeError);
    expect(() => describe(text, 0, 3, -1)).toThrow(/contextLength/);
  });
});
