// Tests for the name checks and the house style.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHouseStyle } from '../../src/checks/house-style.ts';
import { nameVariant } from '../../src/checks/name-variant.ts';
import { houseStyleName, nameSkeleton } from '../../src/checks/names.ts';
import { spans } from './helpers.ts';

describe('nameSkeleton', () => {
  it('gives German and English transliterations one skeleton', () => {
    for (const [a, b] of [
      ['Tschernihiw', 'Chernihiv'],
      ['Selenskyj', 'Zelenskyy'],
      ['Medwedew', 'Medvedev'],
      ['Charkiw', 'Kharkiv'],
      ['Sergej', 'Sergey'],
      ['Saporischschja', 'Zaporizhzhia'],
    ]) {
      expect(nameSkeleton(a as string)).toBe(nameSkeleton(b as string));
    }
  });
  it('keeps different names apart', () => {
    expect(nameSkeleton('Vladimir')).not.toBe(nameSkeleton('Volodymyr'));
  });
});

describe('house-style-name', () => {
  it('proposes the English form of German transliterations, even once', () => {
    const found = houseStyleName.run('Wladimir Putin met Schoigu in Kiew and Tschernihiw.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([
      ['Wladimir', 'Vladimir'],
      ['Schoigu', 'Shoigu'],
      ['Kiew', 'Kyiv'],
      ['Tschernihiw', 'Chernihiv'],
    ]);
  });
  it('leaves English forms and words containing a German form alone', () => {
    expect(spans(houseStyleName, 'Vladimir Putin met Shoigu in Kyiv. Kiewit Corp. and Prague.')).toEqual([]);
  });
  it('reads a user file on top of the shipped list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'house-style-'));
    const path = join(dir, 'style.json');
    writeFileSync(path, JSON.stringify({ names: { Hannover: 'Hanover' } }));
    expect(houseStyleName.run('In Hannover and Kiew.', { houseStylePath: path }).map((f) => f.suggestion)).toEqual([
      'Hanover',
      'Kyiv',
    ]);
    expect(loadHouseStyle(path).names.get('Wladimir')).toBe('Vladimir');
  });
  it('names a broken user file', () => {
    expect(() => loadHouseStyle('/nonexistent/style.json')).toThrow('/nonexistent/style.json');
  });
});

describe('name-variant', () => {
  it('proposes one spelling for a name spelled two ways', () => {
    const found = nameVariant.run('Sergey Lavrov came. Later Sergei Lavrov left.');
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([['Sergei', 'Sergey']]);
  });
  it('prefers the English-looking spelling when the house style has neither', () => {
    expect(nameVariant.run('Kyrylo Budanow spoke. Budanov said more.').map((f) => [f.text, f.suggestion])).toEqual([
      ['Budanow', 'Budanov'],
    ]);
  });
  it('leaves consistent names, common words and different names alone', () => {
    expect(spans(nameVariant, 'Wang Yi met Lavrov. Wang said. Lavrov replied.')).toEqual([]);
    expect(spans(nameVariant, 'Wine was served. Vine leaves too. Jan met Ian.')).toEqual([]);
    expect(spans(nameVariant, 'Vladimir Putin and Volodymyr Zelensky.')).toEqual([]);
  });
});

describe('house-style-name by transliteration rule', () => {
  const war = (sentence: string) => `Russia attacked Ukraine again. ${sentence}`;
  it('flags names with German transliteration marks in texts about the region, with the English spelling', () => {
    const found = houseStyleName.run(war('Governor Oleh Synjehubow reported attacks near Wowtschansk.'));
    expect(found.map((f) => [f.text, f.suggestion])).toEqual([
      ['Synjehubow', 'Synyehubov'],
      ['Wowtschansk', 'Vovchansk'],
    ]);
  });
  it('leaves German and Polish names alone, and -ow places outside the region', () => {
    const text = war('Joschka Fischer, Winfried Kretschmann and Peter Tschentscher met in Rzeszow. Weltschmerz!');
    expect(spans(houseStyleName, text)).toEqual([]);
    expect(spans(houseStyleName, 'The market in Berlin-Pankow and in Teltow opens on Sunday.')).toEqual([]);
  });
  it('leaves a name the text spells two ways to the name-variant check', () => {
    const text = war('Army chief Syrskyj spoke. Syrskyi said more.');
    expect(spans(houseStyleName, text)).toEqual([]);
    expect(nameVariant.run(text).map((f) => f.suggestion)).toEqual(['Syrskyi']);
  });
});
