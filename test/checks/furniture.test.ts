// Tests for the page-furniture checks.
import { describe, expect, it } from 'vitest';
import {
  authorInitials,
  breadcrumb,
  bylineLabelCheck,
  dateLineCheck,
  photoCredit,
  shareButton,
} from '../../src/checks/furniture.ts';
import { applyFindings, spans } from './helpers.ts';

describe('breadcrumb', () => {
  it('deletes a breadcrumb line with its blank-line separator', () => {
    const text = 'Homepage Sport Football\n\nFrom: Anna Weyh\n\nThe text.';
    expect(applyFindings(text, breadcrumb.run(text))).toBe('From: Anna Weyh\n\nThe text.');
  });
  it('recognises other sections and separators', () => {
    expect(spans(breadcrumb, 'Home page World\n\nText.')).toHaveLength(1);
    expect(spans(breadcrumb, 'Start page › Region › Kassel\n\nText.')).toHaveLength(1);
  });
  it('leaves a sentence that starts with "Home" and lines further down alone', () => {
    expect(spans(breadcrumb, 'Home prices rose by 3 percent last year.\n\nText.')).toEqual([]);
    expect(spans(breadcrumb, 'A\n\nB\n\nC\n\nHome page politics')).toEqual([]);
  });
});

describe('byline-label', () => {
  it('proposes "By" for "Of:" and "From:"', () => {
    const text = 'Home page politics\n\nOf: Marvin Ziegele\n\nText.';
    expect(applyFindings(text, bylineLabelCheck.run(text))).toBe('Home page politics\n\nBy Marvin Ziegele\n\nText.');
    expect(spans(bylineLabelCheck, 'From: Hanna Raif, Manuel Bonke\n\nText.')).toEqual(['From: ']);
  });
  it('leaves a correct byline and prose alone', () => {
    expect(spans(bylineLabelCheck, 'By Claire Dubois\n\nText.')).toEqual([]);
    expect(spans(bylineLabelCheck, 'From: the minister’s office came a long statement that went on and on.')).toEqual(
      [],
    );
  });
});

describe('date-line', () => {
  it('deletes a "Created:" line among the first lines', () => {
    const text = 'Home page World\n\nCreated: 07/14/2023, 06:12\n\nText.';
    expect(applyFindings(text, dateLineCheck.run(text))).toBe('Home page World\n\nText.');
  });
  it('takes a time with "a.m." or "p.m." for part of the date line', () => {
    expect(spans(dateLineCheck, 'Headline\n\nAs of: 15.05.2024, 07:40 a.m.\n\nText.')).toHaveLength(1);
  });
  it('leaves prose that mentions a date alone', () => {
    expect(spans(dateLineCheck, 'Created in 2020, the fund has paid out 3 million euros.')).toEqual([]);
  });
});

describe('share-button', () => {
  it('deletes button words standing as lines of their own', () => {
    const text = 'By Anna\n\nsplit\n\nShare\n\nComments\n\nThe text.';
    expect(applyFindings(text, shareButton.run(text))).toBe('By Anna\n\nThe text.');
  });
  it('leaves the words inside sentences alone', () => {
    expect(spans(shareButton, 'The party is split over the budget.\n\nShare prices fell.')).toEqual([]);
  });
});

describe('photo-credit', () => {
  it('fixes broken casing inside a credit', () => {
    expect(photoCredit.run('Lavrov and Wang Yi. © IMago Images').map((f) => f.suggestion)).toEqual(['Imago']);
  });
  it('gives agency names their own casing', () => {
    expect(photoCredit.run('A tree. © Jan Woitas/DPA').map((f) => f.suggestion)).toEqual(['dpa']);
    expect(photoCredit.run('A tree. © Jan Woitas/DPa and Picture Alliance').map((f) => f.suggestion)).toEqual([
      'dpa',
      'picture alliance',
    ]);
  });
  it('leaves well-cased credits alone', () => {
    expect(spans(photoCredit, 'Wang Yi. © IMAGO / Xinhua')).toEqual([]);
    expect(spans(photoCredit, 'Wang Yi. © Michael Kappeler/dpa')).toEqual([]);
  });
});

describe('author-initials', () => {
  it('deletes initials with the space before, also before a footer', () => {
    const text = 'Dialogue and negotiations. (marv) *fr.de is an offer from IPPEN.MEDIA.';
    expect(applyFindings(text, authorInitials.run(text))).toBe(
      'Dialogue and negotiations. *fr.de is an offer from IPPEN.MEDIA.',
    );
    expect(spans(authorInitials, 'The police are investigating. (lm/dpa)\n\nNext.')).toEqual([' (lm/dpa)']);
  });
  it('deletes initials that open the last line, alone or before the footer', () => {
    const text = 'Last paragraph.\n\nAlso read: more*\n\n(kk) *merkur.de is an offer from IPPEN.MEDIA.';
    expect(spans(authorInitials, text)).toEqual(['(kk) ']);
    expect(applyFindings('Last paragraph.\n\n(kk)', authorInitials.run('Last paragraph.\n\n(kk)'))).toBe(
      'Last paragraph.',
    );
  });
  it('leaves parentheses in mid-sentence and acronyms alone', () => {
    expect(spans(authorInitials, 'The party (spd) said so. The SPD (Social Democrats)')).toEqual([]);
    expect(spans(authorInitials, 'He wrote “teh” (sic)')).toEqual([]);
  });
});
