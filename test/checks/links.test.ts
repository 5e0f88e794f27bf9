// Tests for the link-residue checks.
import { describe, expect, it } from 'vitest';
import { linkMarker, publisherFooter } from '../../src/checks/links.ts';
import { applyFindings, spans } from './helpers.ts';

describe('link-marker', () => {
  it('deletes asterisks after words, brackets and before punctuation, leaving no double space', () => {
    const text = 'Diplomats from the USA* accused China* of helping Russia*. The ECB (ECB)* and Putin * agreed.';
    expect(applyFindings(text, linkMarker.run(text))).toBe(
      'Diplomats from the USA accused China of helping Russia. The ECB (ECB) and Putin agreed.',
    );
  });
  it('leaves the footer asterisk, emphasis and censored words alone', () => {
    expect(spans(linkMarker, 'Negotiations. *fr.de is an offer from IPPEN.MEDIA.')).toEqual([]);
    expect(spans(linkMarker, 'He said **never** and f*ck.')).toEqual([]);
  });
});

describe('publisher-footer', () => {
  it('deletes the footer of any IPPEN.MEDIA site with the space before it', () => {
    for (const footer of [
      '*fr.de is an offer from IPPEN.MEDIA.',
      '*merkur.de is part of IPPEN.MEDIA.',
      '*tz.de is an offer from Ippen Media',
    ]) {
      const text = `Negotiations in Europe. ${footer}`;
      expect(applyFindings(text, publisherFooter.run(text))).toBe('Negotiations in Europe.');
    }
  });
  it('deletes a footer paragraph with its separator', () => {
    const text = 'The police are investigating.\n\n*hna.de is part of IPPEN.MEDIA.';
    expect(applyFindings(text, publisherFooter.run(text))).toBe('The police are investigating.');
  });
  it('leaves a sentence naming a site alone', () => {
    expect(spans(publisherFooter, 'As merkur.de reported, the offer from the city is part of the plan.')).toEqual([]);
  });
});
