// Tests for the Markdown export: front matter, a title heading, and article text that stays text.
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/diff/index.ts';
import { escapeInline, renderMd } from '../../src/export/md.ts';
import { resolveReview } from '../../src/review/resolve.ts';
import { nastyReview } from './fixtures.ts';

/** What a CommonMark reader makes of backslash escapes: the punctuation character alone. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function frontMatter(md: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(md)?.[1] ?? '';
  return Object.fromEntries(
    block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

describe('renderMd', () => {
  it('says in front matter how many edits were undecided and under which policy', () => {
    const fields = frontMatter(renderMd(nastyReview(), { policy: 'keep-mt' }));
    expect(fields.undecided_edits).toBe('1');
    expect(fields.undecided_policy).toBe('keep-mt');
    expect(JSON.parse(fields.title as string)).toBe('# "Nasty" <i>title</i> & co\tend');
  });

  it('writes the title as one escaped heading', () => {
    const md = renderMd(nastyReview());
    const heading = md.split('\n').find((line) => line.startsWith('# ')) as string;
    expect(heading).toBe('# \\# "Nasty" \\<i\\>title\\</i\\> & co end');
  });

  it('escapes every line that would open a block and all inline markup, and reads back as the text', () => {
    const review = nastyReview();
    const md = renderMd(review);
    expect(md).toContain('\\# Not a heading\n\\- not a list\n1\\. not ordered\n\\> not quote \\<b\\>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\&amp;');
    expect(md).toContain('China.');
    const body = md.slice(md.indexOf('\n\n', md.indexOf('\n# ')) + 2);
    for (const line of body.split('\n')) expect(line).not.toMatch(/^(#|>|[-+*=]|\d+[.)])/);
    const expected = splitParagraphs(resolveReview(review).text).paragraphs.map((p) => p.text);
    expect(body.trimEnd().split('\n\n').map(unescapeMarkdown)).toEqual(expected);
  });

  it('leaves ordinary punctuation and ampersands alone', () => {
    expect(escapeInline('AT&T, U.S. (2022): "yes"!')).toBe('AT&T, U.S. (2022): "yes"!');
    expect(escapeInline('a*b_c`d[e]')).toBe('a\\*b\\_c\\`d\\[e\\]');
  });
});
