// Tests for the German-leftover and number-format checks.
import { describe, expect, it } from 'vitest';
import { capitalisedNoun, germanQuotes, germanWord } from '../../src/checks/german.ts';
import { numberFormat } from '../../src/checks/numbers.ts';
import { applyFindings, spans } from './helpers.ts';

describe('german-word', () => {
  it('finds German function words and lowercase umlaut words, with a translation where there is one', () => {
    const found = germanWord.run('Heavy rain und hail. We are nicht out of the woods, the erhöhung came.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([
      ['und', 'and'],
      ['nicht', 'not'],
      ['erhöhung', null],
    ]);
  });
  it('leaves English homographs and name particles alone', () => {
    expect(
      spans(germanWord, 'The die was cast in the den. Ursula von der Leyen and Karl-Theodor zu Guttenberg met.'),
    ).toEqual([]);
    expect(spans(germanWord, 'He will go to war in Düsseldorf and München.')).toEqual([]);
  });
});

describe('german-word (German lexicon)', () => {
  it('finds German compounds and common nouns that English does not know', () => {
    const text = 'The firm is introducing Kurzarbeit. In the Bürgergeld debate, the Ampel lost. The Raser were caught.';
    expect(spans(germanWord, text)).toEqual(['Kurzarbeit', 'Bürgergeld', 'Ampel', 'Raser']);
    expect(germanWord.run(text).every((f) => f.suggestion === null && f.confidence < 0.9)).toBe(true);
  });
  it('leaves names, places, media and German terms English keeps alone', () => {
    const text =
      'Jonas Großmann spoke in Salzgitter on the Terrassenufer by the Isar. Großmann told Bild. The Bundestag, the ' +
      'Bundesnetzagentur and the Mittelstand agree, as does the Alternative für Deutschland. Sunbathers met in Ehrenfeld.';
    expect(spans(germanWord, text)).toEqual([]);
  });
  it('finds compounds the German word lists do not hold, with or without an article', () => {
    const text = 'Parents protest against the Kitagebühren. Tenants may apply for Heizkostenzuschuss until May.';
    expect(spans(germanWord, text)).toEqual(['Kitagebühren', 'Heizkostenzuschuss']);
  });
  it('leaves a listed word standing alone (it may name a place) and English compounds alone', () => {
    const text = 'Wiesbaden welcomed the aid. She filmed it with a Smartwatch and posted the Livestream.';
    expect(spans(germanWord, text)).toEqual([]);
  });
  it('leaves a name before a place noun alone ("the Blasewitz district")', () => {
    const text = 'Water reached the Blasewitz district and the Wetterau region, then the Unstrut valley.';
    expect(spans(germanWord, text)).toEqual([]);
  });
});

describe('german-quotes', () => {
  it('turns „...“ into “...” and ‚...‘ into ‘...’', () => {
    const text = 'He said „We made mistakes“ and ‚no‘.';
    expect(applyFindings(text, germanQuotes.run(text))).toBe('He said “We made mistakes” and ‘no’.');
  });
  it('leaves English quotes alone', () => {
    expect(spans(germanQuotes, 'He said “We made mistakes” and ‘no’ and "yes".')).toEqual([]);
  });
});

describe('capitalised-noun', () => {
  it('finds common words capitalised in mid-sentence', () => {
    const found = capitalisedNoun.run(
      'From January, the Increase truck toll will hit consumers. The lower Energy prices helped.',
    );
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([
      ['Increase', 'increase'],
      ['Energy', 'energy'],
    ]);
  });
  it('leaves names, sentence starts, headlines, quoted titles and institutions alone', () => {
    const clean = [
      'Van Gogh Exhibition Draws Record Crowds',
      'The Van Gogh Museum said so. Weather permitting, it opens in May.',
      'She saw "The Starry Night Over the Rhône" at the Musée.',
      'The Greens and the Union disagree, the Chancellor said, according to the Ministry of Defense.',
      'Weber said the White House was informed. The Lions lost. Fans booed the Lions.',
    ];
    for (const text of clean) expect(spans(capitalisedNoun, text)).toEqual([]);
  });
});

describe('number-format', () => {
  it('finds decimal commas, dotted thousands and dates, and scores in sports texts', () => {
    const text = 'Inflation was 3,8 percent, 1.200.000 trucks, 75.000 fans, from 01.01.2024, Bayern won 3:1.';
    expect(numberFormat.run(text).map((f) => [f.text, f.suggestion])).toEqual([
      ['3,8', '3.8'],
      ['1.200.000', '1,200,000'],
      ['75.000', '75,000'],
      ['01.01.2024', 'January 1, 2024'],
      ['3:1', '3-1'],
    ]);
  });
  it('leaves English numbers, times and ratios alone', () => {
    expect(
      spans(numberFormat, 'It rose 3.5 percent to 16,450 points at 8:30 a.m., costing $1.07 or 11.50 euros.'),
    ).toEqual([]);
    expect(spans(numberFormat, 'Parliament approved it by a 3:1 margin. Items 1,2,3.')).toEqual([]);
  });
});

describe('German nouns and loanwords', () => {
  it('flags a German noun left in mid-sentence, with its English word', () => {
    const found = germanWord.run('During the day it climbs to 14 Grad, the police said.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['Grad', 'degrees']]);
    expect(spans(capitalisedNoun, 'During the day it climbs to 14 Grad, the police said.')).toEqual([]);
  });
  it('leaves German nouns inside names and loanwords English capitalises alone', () => {
    expect(spans(germanWord, 'A statement by the Polizei Köln was read out.')).toEqual([]);
    expect(spans(capitalisedNoun, 'He said the Zeitgeist of fear was the worst adviser.')).toEqual([]);
  });
  it('counts a headline occurrence when a capitalised word recurs ("Patriot" systems)', () => {
    const text = 'Kyiv asks for more Patriot systems\n\nThe president asked for two Patriot systems on Monday.';
    expect(spans(capitalisedNoun, text)).toEqual([]);
  });
});
