// Photo-caption check: captions and their credits left in the article text, standing alone or glued to prose.
import { finding, type Line, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/page-furniture';

// A credit: "© Kay Nietfeld/dpa", "© IMAGO/Sportfoto Rudel", "Photo: Uwe Zucchi/dpa", "© picture alliance/dpa | Jane Doe".
const creditStart = /©|\b(?:Photos?|Images?|Pictures?|Foto|Bild)\s*:\s*(?=\p{L})/gu;
// Where a caption's position hints stand: "(r.)", "(l.)", "(M.)", "(left)", "(Archive photo)", "(Symbolic image)".
const positionHint =
  /\((?:[rlm]\.|[rlm]\.\s*[-–]\s*[rlm]\.|left|right|centre|center|front|back|archive (?:photo|image|picture)|symbol(?:ic)? (?:photo|image|picture)|icon image|illustration)\)/iu;
// Words that open the prose after a glued credit ("© Kay Nietfeld/dpa After weeks of ...").
const proseOpeners = new Set(
  (
    'The A An In On At After Before Since But And This That These Those It He She They We There According For With ' +
    'While When As Meanwhile Now Then Also However Most Many Some Last First Only Even Already Because Although Until'
  ).split(' '),
);

/** Where a credit ends on its line: at the line end, or before the first word of prose glued after it. */
function creditEnd(line: Line, from: number): number {
  const rest = line.text.slice(from);
  const lastSeparator = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('|'));
  // The credit's last part (after its last slash) is at most three names; prose starts with an opener word.
  const tail = rest.slice(lastSeparator + 1);
  const tokens = [...tail.matchAll(/\S+/g)];
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && proseOpeners.has(token[0]) && tokens.length - i >= 3) {
      return line.start + from + lastSeparator + 1 + token.index;
    }
  }
  return line.end;
}

function captionFinding(text: string, start: number, end: number, glued: boolean): Finding {
  const message = glued
    ? 'Photo credit glued into the article text (page layout): delete it, and the caption before it.'
    : 'Photo caption with its credit, left from the web page: keep it with its photo, or delete it.';
  return finding(
    text,
    { check: 'photo-caption', start, end, suggestion: glued ? '' : null, category, confidence: glued ? 0.8 : 0.7 },
    'minor',
    message,
  );
}

/** The caption findings of one line: a caption paragraph, or a credit with prose after it. */
function lineCaptions(text: string, line: Line): Finding[] {
  creditStart.lastIndex = 0;
  const credit = creditStart.exec(line.text);
  if (!credit) {
    // No credit: a short line with a position hint is a caption whose credit the page dropped.
    const short = line.text.split(/\s+/).length <= 40;
    return short && positionHint.test(line.text) ? [captionFinding(text, line.start, line.end, false)] : [];
  }
  const end = creditEnd(line, credit.index);
  if (end === line.end) return [captionFinding(text, line.start, line.end, false)];
  return [captionFinding(text, line.start + credit.index, end, true)];
}

/** Photo captions and credits ("© Kay Nietfeld/dpa", "(r.)") left in the text, alone or glued to prose. */
export const photoCaption: Check = {
  id: 'photo-caption',
  name: 'Photo caption',
  description:
    'A photo caption with its credit ("... in Dresden. © Robert Michael/dpa") or position hints ("(r.)") in the text.',
  family: 'furniture',
  category,
  run(text) {
    if (
      !text.includes('©') &&
      !/(?:Photo|Image|Picture|Foto|Bild)s?\s*:|\([rlmRLM]\.\)|\((?:left|right|archive|symbol)/i.test(text)
    )
      return [];
    return nonEmptyLines(text).flatMap((line) => lineCaptions(text, line));
  },
};
