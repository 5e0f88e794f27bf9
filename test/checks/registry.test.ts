// Tests for the registry, the seed article's findings, and the evaluation on the fixtures.
import { describe, expect, it } from 'vitest';
import { precision, recall, scoreEvaluations, unexpectedPerThousandWords } from '../../src/checks/evaluate.ts';
import { checks, runChecks } from '../../src/checks/registry.ts';
import { evaluateDirectory } from '../../src/commands/check.ts';
import { findCategory, isSeverity } from '../../src/review/taxonomy.ts';
import { applyFindings, fixture } from './helpers.ts';

const fixtures = new URL('../fixtures/checks/', import.meta.url).pathname;

describe('checks', () => {
  it('have unique ids and taxonomy categories', () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const check of checks) expect(findCategory(check.category), check.id).toBeDefined();
  });
});

describe('runChecks', () => {
  const seed = fixture('seed-lavrov.txt');
  const findings = runChecks(seed);

  it('gives findings with taxonomy categories, severities and their own text', () => {
    for (const f of findings) {
      expect(findCategory(f.category)).toBeDefined();
      expect(isSeverity(f.severity)).toBe(true);
      expect(seed.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('finds the seed’s errors with the right suggestions', () => {
    const pairs = findings.map((f) => [f.check, f.text, f.suggestion]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['breadcrumb', 'Home page politics\n\n', ''],
        ['byline-label', 'Of: ', 'By '],
        ['share-button', 'split\n\n', ''],
        ['name-variant', 'Sergei', 'Sergey'],
        ['house-style-name', 'Wladimir', 'Vladimir'],
        ['photo-credit', 'IMago', 'Imago'],
        ['author-initials', ' (marv)', ''],
        ['publisher-footer', ' *fr.de is an offer from IPPEN.MEDIA.', ''],
      ]),
    );
    expect(findings.filter((f) => f.check === 'link-marker')).toHaveLength(6);
  });

  it('turns the seed into clean text when every suggestion is applied', () => {
    const fixed = applyFindings(seed, findings);
    expect(fixed.startsWith('By Marvin Ziegele\n\nRussia’s foreign minister')).toBe(true);
    expect(fixed).not.toMatch(/\*| {2}|\n{3}/);
    expect(fixed.endsWith('through dialogue and negotiations.')).toBe(true);
    expect(fixed).toContain('Sergey Lavrov and his Chinese counterpart Wang Yi. © Imago Images');
  });
});

describe('evaluation on the fixtures', () => {
  const results = evaluateDirectory(fixtures);
  const overall = scoreEvaluations(results, []).at(-1);

  it('reaches recall ≥ 95% and precision ≥ 90% overall', () => {
    expect(overall && recall(overall)).toBeGreaterThanOrEqual(0.95);
    expect(overall && precision(overall)).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing in correct English news', () => {
    for (const name of ['clean-culture', 'clean-news-en']) {
      expect(results.find((r) => r.name === name)?.unexpected).toEqual([]);
    }
  });
});

describe('evaluation on the realistic MT sets and clean English', () => {
  const overallOf = (dir: string) => scoreEvaluations(evaluateDirectory(`${fixtures}${dir}`), []).at(-1);

  it('reaches recall ≥ 90% and precision ≥ 95% on the development set', () => {
    const overall = overallOf('realistic-dev');
    expect(overall && recall(overall)).toBeGreaterThanOrEqual(0.9);
    expect(overall && precision(overall)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps recall ≥ 85% and precision ≥ 95% on the held-out set', () => {
    const overall = overallOf('realistic-heldout');
    expect(overall && recall(overall)).toBeGreaterThanOrEqual(0.85);
    expect(overall && precision(overall)).toBeGreaterThanOrEqual(0.95);
  });

  it('raises at most one finding per 1,000 words of clean English news', () => {
    const results = evaluateDirectory(`${fixtures}clean-en`);
    expect(results.reduce((words, r) => words + r.words, 0)).toBeGreaterThan(3000);
    expect(unexpectedPerThousandWords(results)).toBeLessThanOrEqual(1);
  });
});
