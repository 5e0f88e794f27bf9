// Tests for the fluency checks: doubled words, spacing, spelling.
import { describe, expect, it } from 'vitest';
import { doubledWord, spacing } from '../../src/checks/fluency.ts';
import { spelling } from '../../src/checks/spelling.ts';
import { applyFindings, spans } from './helpers.ts';

describe('doubled-word', () => {
  it('deletes the second of two equal words', () => {
    const text = 'They deserved the the win. The the end.';
    expect(applyFindings(text, doubledWord.run(text))).toBe('They deserved the win. The end.');
  });
  it('leaves intended doubles and names alone', () => {
    expect(spans(doubledWord, 'He had had enough. It is that that matters. They flew to Bora Bora.')).toEqual([]);
  });
});

describe('spacing', () => {
  it('removes spaces before punctuation and collapses runs of spaces', () => {
    const text = 'He was disappointed : only 14 % ( really)  voted .';
    expect(applyFindings(text, spacing.run(text))).toBe('He was disappointed: only 14% (really) voted.');
  });
  it('leaves dashes, ellipses and decimal points alone', () => {
    expect(spans(spacing, 'Berlin – The vote ... was .5 percent higher.')).toEqual([]);
  });
});

describe('spelling', () => {
  it('flags unknown lowercase words with a suggestion', () => {
    expect(spelling.run('Sané was avaiable again.').map((f) => [f.text, f.suggestion])).toEqual([
      ['avaiable', 'available'],
    ]);
  });
  it('proposes the word a typing slip most likely came from', () => {
    const text = 'He has recieved funds; the driver was slighty injured.';
    expect(spelling.run(text).map((f) => [f.text, f.suggestion])).toEqual([
      ['recieved', 'received'],
      ['slighty', 'slightly'],
    ]);
  });
  it('accepts closed compounds of two known words', () => {
    expect(spans(spelling, 'Drivers get bodycams and a livestream.')).toEqual([]);
  });
  it('accepts names, British spellings, prefixed words, house-style terms, numbers and addresses', () => {
    const text =
      'Lavrov spoke of a multipolar world. The colour of the centre travelled far; they organised a 5km run in Kharkiv. See www.fr.de or mail@fr.de, the d’Orsay and don’t.';
    expect(spans(spelling, text)).toEqual([]);
  });
  it('accepts British words, agencies, prefixes before a hyphen and derived British forms', () => {
    const text =
      'The programme runs from 2026 onwards, the dpa agency said; pre-crisis exclaves face deindustrialisation and renewables.';
    expect(spans(spelling, text)).toEqual([]);
  });
  it('proposes no rarer word for what no single slip explains, nor for a word the text repeats', () => {
    expect(spelling.run('The zorbling of the market.').map((f) => f.suggestion)).toEqual([null]);
    expect(spelling.run('A new flumox rule; the flumox rules.').map((f) => f.suggestion)).toEqual([null, null]);
  });
});
