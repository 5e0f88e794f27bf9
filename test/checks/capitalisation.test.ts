// Tests for the capitalised-noun check's harder cases: name-like words, compounds, hyphens, lines without a stop.
import { describe, expect, it } from 'vitest';
import { capitalisedNoun } from '../../src/checks/capitalisation.ts';
import { spans } from './helpers.ts';

describe('capitalised-noun', () => {
  it('finds common words that are also names, or unknown compounds, after an article', () => {
    expect(
      spans(capitalisedNoun, 'Munich – The Summer returns. It is the higher Price for milk. A Dashcam filmed it.'),
    ).toEqual(['Summer', 'Price', 'Dashcam']);
  });
  it('finds a hyphenated pair of common words as one finding without a fix', () => {
    const [found] = capitalisedNoun.run('According to Weather-Expert Fabian Roth, it stays hot.');
    expect([found?.text, found?.suggestion]).toEqual(['Weather-Expert', null]);
  });
  it('finds a common word after a day or month, and on a line in sentence case without a full stop', () => {
    expect(spans(capitalisedNoun, 'He said the Saturday Temperatures will climb.')).toEqual(['Temperatures']);
    expect(spans(capitalisedNoun, 'Storm warning for Hesse: DWD warns of gusts and Heavy rain\n\nText.')).toEqual([
      'Heavy',
    ]);
  });
  it('leaves institutions, references, nationalities, addressees, names and title-case headlines alone', () => {
    const text =
      'A spokesman for the Chancellery said the Cabinet and the Greens agreed. The Raser face charges under Section ' +
      '315d. It lies on the Polish border, he told Sky. Jane Summer and Tom Price came. The West reacted.';
    expect(spans(capitalisedNoun, text)).toEqual([]);
    expect(spans(capitalisedNoun, 'Storm Warning For The Whole Of Hesse Tonight\n\nText.')).toEqual([]);
    expect(
      spans(capitalisedNoun, 'Bayer Leverkusen came from behind.\n\nHome prices rose. North Rhine-Westphalia agreed.'),
    ).toEqual([]);
  });
});
