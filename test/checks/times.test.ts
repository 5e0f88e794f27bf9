// Tests for the German time and number forms: must fire on the MT's forms, never on English ones.
import { describe, expect, it } from 'vitest';
import { numberFormat } from '../../src/checks/numbers.ts';
import { englishTime, timeFormat } from '../../src/checks/times.ts';
import { spans } from './helpers.ts';

const fixes = (check: typeof timeFormat, text: string) => check.run(text).map((f) => [f.text, f.suggestion]);

describe('time-format', () => {
  it('turns German clock times into English ones', () => {
    expect(fixes(timeFormat, "at 14.30 o'clock, around 0.30 o'clock, before 18 o'clock, at 10:05 o'clock")).toEqual([
      ["14.30 o'clock", '2:30 p.m.'],
      ["0.30 o'clock", '12:30 a.m.'],
      ["18 o'clock", '6 p.m.'],
      ["10:05 o'clock", '10:05 a.m.'],
    ]);
    expect(fixes(timeFormat, '03.15 hours: The warning was extended. At 21.40 hours it ended.')).toEqual([
      ['03.15 hours', '3:15 a.m.'],
      ['21.40 hours', '9:40 p.m.'],
    ]);
  });
  it('reads noon, midnight and evening hints', () => {
    expect(englishTime(12, undefined, false)).toBe('noon');
    expect(englishTime(24, '00', false)).toBe('midnight');
    expect(englishTime(8, '30', true)).toBe('8:30 p.m.');
    expect(englishTime(25, undefined, false)).toBeNull();
  });
  it('leaves English times and durations alone: "at 8 o\'clock", "6.30pm", "lasted 2.30 hours"', () => {
    expect(spans(timeFormat, "We met at 8 o'clock. The match kicks off at 6.30pm and at 2:30 p.m.")).toEqual([]);
    expect(spans(timeFormat, 'The operation lasted 2.30 hours, the longest took 12.15 hours.')).toEqual([]);
  });
});

describe('number-format (words)', () => {
  it('writes out Mio. and Mrd., German dates and ordinals, and dotted thousands beside a currency', () => {
    const text =
      'It cost 1,2 Mrd. euros and 400 Mio. Euro, from 14. November 2025, in the 88. minute, € 40.000 and 3.400 Euro.';
    expect(fixes(numberFormat, text)).toEqual([
      ['1,2 Mrd.', '1.2 billion'],
      ['400 Mio.', '400 million'],
      ['14. November 2025', 'November 14, 2025'],
      ['88. minute', '88th minute'],
      ['40.000', '40,000'],
      ['3.400', '3,400'],
    ]);
  });
  it('leaves English numbers, list items and sentence ends alone', () => {
    expect(spans(numberFormat, 'It cost €3.5 billion, or $1.20 each, on March 14. Then 2. The 1990s.')).toEqual([]);
    expect(spans(numberFormat, 'She won in 2019. Prices fell 3.5% in May. Version 2.1 ships.')).toEqual([]);
  });
});
