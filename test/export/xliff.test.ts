// Tests for the XLIFF 2.1 export: well-formed, the structure the spec requires, ITS quality issues on their spans.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderXliff } from '../../src/export/xliff.ts';
import { paragraphUnits } from '../../src/review/paragraph-units.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { at, NASTY_NOTE, nastyIds, nastyReview, seedReview, verdict } from './fixtures.ts';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

const nameOf = (node: Node) => Object.keys(node).find((key) => key !== ':@') as string;
const kids = (node: Node) => node[nameOf(node)] as Node[];
const elements = (node: Node, name: string) => kids(node).filter((child) => nameOf(child) === name);
const first = (node: Node, name: string) => elements(node, name)[0] as Node;
const attrs = (node: Node) => node[':@'] ?? {};

/** The text of mixed content as a reader sees it: text, `<mrk>` content, and `<cp>` as its character. */
function textOf(node: Node): string {
  return kids(node)
    .map((child) => {
      const name = nameOf(child);
      if (name === '#text') return String(child['#text']);
      if (name === 'cp') return String.fromCodePoint(Number.parseInt(attrs(child)['@_hex'] as string, 16));
      return textOf(child);
    })
    .join('');
}

function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = (parser.parse(xml) as Node[]).find((node) => nameOf(node) === 'xliff') as Node;
  const file = first(root, 'file');
  return { root, file, units: elements(file, 'unit') };
}

/** The nasty review with the closing quote's dispute settled: a lead adjudicates it rejected. */
function settledNasty() {
  const review = nastyReview();
  const close = nastyIds(review).close as string;
  return {
    ...review,
    verdicts: [
      ...review.verdicts,
      verdict(close, { reviewer: 'Lea', kind: 'adjudication', decision: 'reject', createdAt: at(9) }),
    ],
  };
}

describe('renderXliff', () => {
  it('writes the XLIFF 2.1 root with the ITS namespace and version, and one unit per MT paragraph', () => {
    const review = nastyReview(true);
    const { root, file, units } = read(renderXliff(review));
    expect(attrs(root)).toMatchObject({
      '@_xmlns': 'urn:oasis:names:tc:xliff:document:2.0',
      '@_xmlns:its': 'http://www.w3.org/2005/11/its',
      '@_xmlns:mtc': 'urn:oasis:names:tc:xliff:matches:2.0',
      '@_its:version': '2.0',
      '@_version': '2.1',
      '@_srcLang': 'de',
      '@_trgLang': 'en',
    });
    expect(attrs(file)['@_id']).toBe('f-nasty-article');
    expect(units).toHaveLength(4);
    for (const unit of units) {
      const segment = first(unit, 'segment');
      expect(['initial', 'translated', 'reviewed', 'final']).toContain(attrs(segment)['@_state']);
      expect(elements(segment, 'source')).toHaveLength(1);
      expect(elements(segment, 'target')).toHaveLength(1);
    }
  });

  it('puts the German paragraph in the source and the raw MT in a translation candidate', () => {
    const review = nastyReview(true);
    const { units } = read(renderXliff(review));
    const unit = units[2] as Node;
    expect(textOf(first(first(unit, 'segment'), 'source'))).toBe(
      'Tab\tda &amp; ]]> Ende. Emoji 🎉 und Strg\u0001Zeichen in China*.',
    );
    const match = first(first(unit, 'mtc:matches'), 'mtc:match');
    expect(attrs(match)).toMatchObject({ '@_ref': '#s3', '@_type': 'mt' });
    expect(textOf(first(match, 'target'))).toBe('Tab\there &amp; ]]> end. Emoji 🎉 and ctrl\u0001char in China*.');
    expect(attrs(first(unit, 'segment'))['@_id']).toBe('s3');
  });

  it('has the corrected text as targets, exactly, U+0001 kept as <cp>', () => {
    const review = nastyReview();
    const xml = renderXliff(review);
    expect(xml).toContain('<cp hex="0001"/>');
    expect(xml.includes('\u0001')).toBe(false);
    const { units } = read(xml);
    const expected = paragraphUnits(review, resolveReview(review)).map((unit) => unit.target);
    expect(units.map((unit) => textOf(first(first(unit, 'segment'), 'target')))).toEqual(expected);
  });

  it('marks reviewed errors as ITS quality issues: accepted, amended, rejected (disabled) and deleted', () => {
    const review = settledNasty();
    const ids = nastyIds(review);
    const { units } = read(renderXliff(review));
    const marks = new Map<string, Node>();
    const collect = (node: Node) => {
      for (const child of kids(node) ?? []) {
        if (nameOf(child) === 'mrk') marks.set(attrs(child)['@_id'] as string, child);
        if (Array.isArray(child[nameOf(child)])) collect(child);
      }
    };
    for (const unit of units) collect(first(first(unit, 'segment'), 'target'));
    const mark = (id: string) => marks.get(`m-${id}`) as Node;
    expect(marks.size).toBe(5);
    expect(attrs(mark(ids.open as string))).toMatchObject({
      '@_type': 'its:generic',
      '@_its:locQualityIssueType': 'locale-violation',
      '@_its:locQualityIssueSeverity': '30',
      '@_its:locQualityIssueComment': `MT had """ | ${NASTY_NOTE.replace('\u0001', '\uFFFD')}`,
    });
    expect(textOf(mark(ids.open as string))).toBe('“');
    expect(attrs(mark(ids.close as string))['@_its:locQualityIssueEnabled']).toBe('no');
    expect(textOf(mark(ids.close as string))).toBe('"');
    expect(textOf(mark(ids.emoji as string))).toBe('🎉✨');
    expect(attrs(mark(ids.emoji as string))['@_its:locQualityIssueSeverity']).toBe('0');
    expect(textOf(mark(ids.breadcrumb as string))).toBe('');
    expect(attrs(mark(ids.breadcrumb as string))).toMatchObject({
      '@_its:locQualityIssueType': 'markup',
      '@_its:locQualityIssueSeverity': '70',
      '@_its:locQualityIssueComment': 'MT had "Home page politics"',
    });
    expect(attrs(mark(ids.bold as string))['@_its:locQualityIssueSeverity']).toBe('100');
    expect(marks.has(`m-${ids.marker}`)).toBe(false);
    expect(marks.has('m-stale-1')).toBe(false);
  });

  it('sets segment states: final when all edits are decided, reviewed when some, translated when none', () => {
    const { units } = read(renderXliff(settledNasty()));
    expect(units.map((unit) => attrs(first(unit, 'segment'))['@_state'])).toEqual([
      'final',
      'final',
      'reviewed',
      'final',
    ]);
    // The closing quote's dispute, before a lead settles it, leaves its paragraph reviewed, not final.
    const disputed = read(renderXliff(nastyReview())).units.map((unit) => attrs(first(unit, 'segment'))['@_state']);
    expect(disputed[0]).toBe('reviewed');
    const review = seedReview();
    const states = read(renderXliff({ ...review, verdicts: [] })).units.map(
      (unit) => attrs(first(unit, 'segment'))['@_state'],
    );
    expect(new Set(states)).toEqual(new Set(['translated']));
  });

  it('without a source, makes the MT the source, in the target language, and says so in a note', () => {
    const review = seedReview();
    const { root, file, units } = read(renderXliff(review));
    expect(attrs(root)['@_srcLang']).toBe('en');
    const notes = elements(first(file, 'notes'), 'note').map(textOf);
    expect(notes.some((note) => note.includes('raw machine translation'))).toBe(true);
    expect(notes[0]).toContain(`${review.edits.length - 8} undecided`);
    expect(textOf(first(first(units[0] as Node, 'segment'), 'source'))).toBe('Home page politics');
    expect(elements(units[0] as Node, 'mtc:matches')).toHaveLength(0);
    expect(textOf(first(first(units[0] as Node, 'segment'), 'target'))).toBe('');
  });
});
