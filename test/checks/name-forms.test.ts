// Tests for name variants beyond transliteration, the possessive without apostrophe, and the terminology checks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../src/checks/house-style.ts';
import { nameVariant } from '../../src/checks/name-variant.ts';
import { houseStyleName } from '../../src/checks/names.ts';
import { namePossessive } from '../../src/checks/possessive.ts';
import { houseStyleTerm, termVariant } from '../../src/checks/terms.ts';
import { spans } from './helpers.ts';

const fixes = (check: typeof nameVariant, text: string, houseStylePath?: string) =>
  check.run(text, houseStylePath ? { houseStylePath } : {}).map((f) => [f.text, f.suggestion]);

describe('name-variant (forms)', () => {
  it('finds names one letter apart beside the same name, in capitals, with ß/ss, and cased two ways', () => {
    expect(fixes(nameVariant, 'Minister Georg Brandl spoke. Later George Brandl left.')).toEqual([['George', 'Georg']]);
    expect(fixes(nameVariant, 'Missiles hit Kyiv. The attack on KIEV went on.')).toEqual([['KIEV', 'Kyiv']]);
    expect(fixes(nameVariant, 'Jonas Großmann spoke. Großmann said it. Grossmann left.')).toEqual([
      ['Grossmann', 'Großmann'],
    ]);
    expect(fixes(nameVariant, 'The Free Voters won. Later the Free voters lost.')).toEqual([
      ['Free voters', 'Free Voters'],
    ]);
  });
  it('leaves different people, acronyms, datelines and ordinary phrases alone', () => {
    expect(spans(nameVariant, 'Anna Berg met Hanna Weber. NATO and OPEC met.\n\nVIENNA (AP) – Vienna voted.')).toEqual(
      [],
    );
    expect(
      spans(
        nameVariant,
        'The federal government spoke. Federal government plans fell. Heat Wave Hits Europe\n\nA heat wave came.',
      ),
    ).toEqual([]);
  });
});

describe('house-style-name (places inside names)', () => {
  it('keeps a German place inside a club or a person’s name, and flags it elsewhere', () => {
    expect(
      spans(houseStyleName, 'Fans of 1. FC Köln and state premier Boris Rhein met in Köln, on the Rhein.'),
    ).toEqual(['Köln', 'Rhein']);
  });
});

describe('name-possessive', () => {
  it('adds the apostrophe to a name with German genitive s before a noun', () => {
    expect(fixes(namePossessive, 'Robert Habeck spoke. Habecks ministry expects more.')).toEqual([
      ['Habecks', "Habeck's"],
    ]);
  });
  it('leaves names ending in s of their own, and plurals, alone', () => {
    expect(
      spans(namePossessive, 'Peter Jones and Anna Peters met. Peters said no. Jones left. The Browns came.'),
    ).toEqual([]);
  });
});

describe('house-style-term', () => {
  it('proposes the house terms of German politics', () => {
    const text =
      'The Prime Minister of Saxony spoke. The SPD faction and the Union faction agreed. The traffic light in Berlin failed, the CDU said.';
    expect(fixes(houseStyleTerm, text)).toEqual([
      ['Prime Minister', 'state premier'],
      ['faction', 'parliamentary group'],
      ['Union faction', 'CDU/CSU parliamentary group'],
      ['traffic light', 'traffic-light coalition'],
    ]);
  });
  it('reads terms from a user file, and names a broken term with its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'house-terms-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({ terms: [{ pattern: 'Lord Mayor', suggestion: 'mayor', message: 'House style.' }] }),
    );
    expect(fixes(houseStyleTerm, 'The Lord Mayor spoke.', good)).toEqual([['Lord Mayor', 'mayor']]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ terms: [{ pattern: '(unclosed', suggestion: null, message: 'x' }] }));
    expect(() => loadHouseStyle(bad)).toThrow(/bad\.json: term "\(unclosed"/);
    writeFileSync(bad, JSON.stringify({ places: 'Köln' }));
    expect(() => loadHouseStyle(bad)).toThrow(/"places" must be a list of strings/);
  });
  it('leaves the same words alone outside German politics', () => {
    const text = 'Prime Minister Mikhail Mishustin spoke. A faction of the rebels left. The car hit the traffic light.';
    expect(spans(houseStyleTerm, text)).toEqual([]);
  });
});

describe('term-variant', () => {
  it('proposes the open form of a compound written both ways', () => {
    expect(fixes(termVariant, 'A heat wave came. The heatwave lasted. Heat wave warnings.')).toEqual([
      ['heatwave', 'heat wave'],
    ]);
  });
  it('leaves verb-and-particle pairs and function-word pairs alone', () => {
    expect(spans(termVariant, 'They set up a setup. Every day is an everyday task. Turn out the turnout.')).toEqual([]);
  });
});
