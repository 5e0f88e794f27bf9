// Page-widget checks: teasers and gallery links, audio-player text, author boxes, all pasted into the article body.
import { finding, type Line, lineDeletionSpan, nonEmptyLines } from './text.ts';
import type { Check, Finding } from './types.ts';

const category = 'design/page-furniture';

/** A line-level rule: what makes a line (or its glued tail) a widget, and how sure that is. */
interface WidgetRule {
  check: string;
  /** A whole line that is the widget. */
  line?: RegExp;
  /** A widget glued to the end of a prose line ("... said. View photo gallery"): the match is deleted. */
  tail?: RegExp;
  confidence: number;
  message: string;
}

// "Also read:", "Read also:", "Also interesting:", "More on the topic:", ">> Read more:": a link to another article.
const teaserLead =
  '(?:>+\\s*)?(?:also read|read also|read more|also interesting|interesting too|more on (?:the|this) (?:topic|subject)|more on this|recommended(?: reading)?|you might also be interested in|see also)\\s*:';
// "View photo gallery", "To the photo gallery", "Show all photos": the link that opened a gallery.
const galleryLink =
  '(?:(?:view|show|open|see|to|click here for)\\s+(?:the\\s+|all\\s+)?(?:photo\\s?gallery|picture\\s?gallery|gallery|photos|pictures)|photo\\s?gallery|picture\\s?gallery)';

const rules: readonly WidgetRule[] = [
  {
    check: 'teaser',
    line: new RegExp(`^${teaserLead}.*$|^${galleryLink}$`, 'iu'),
    tail: new RegExp(`(?<=[.!?”"’])[ \\t]+(?:${teaserLead}[^\\n]*|${galleryLink})$`, 'iu'),
    confidence: 0.95,
    message: 'Teaser or gallery link of the web page, not article text: delete it.',
  },
  {
    check: 'audio-player',
    line: /^(?:listen to (?:the |this )?article|read (?:the |this )?article aloud|have (?:the|this) article read (?:aloud|to you)|article read aloud|listen now|audio version)(?:\s*[|·•]?\s*(?:\d{1,2}:\d{2}\s*(?:min(?:utes)?)?|stop|pause|play))*$|^this audio (?:version|file|recording) (?:was|has been|is) (?:generated|created|produced|made) (?:artificially|automatically|by (?:an? )?(?:ai|artificial intelligence|computer voice|synthetic voice))\.?$/iu,
    tail: /(?<=[.!?”"’])[ \t]+this audio (?:version|file|recording) (?:was|has been|is) (?:generated|created|produced|made) (?:artificially|automatically|by (?:an? )?(?:ai|artificial intelligence))\.?$/iu,
    confidence: 0.95,
    message: 'Text of the audio player of the web page: delete it.',
  },
  {
    check: 'author-box',
    // "Jane Doe Editor for Cologne and the region, ...", "About the author", "To the author page".
    line: /^(?:[Aa]bout the author|[Tt]o the author(?:'s)? page|[Mm]ore (?:articles )?(?:from|by) (?:the|this) author|[Aa]uthor profile|[Ff]ollow (?:the|this) author)\b.*$|^\p{Lu}[\p{Ll}\p{M}]+(?:[ -]\p{Lu}[\p{Ll}\p{M}]+){1,2} (?:(?:Political|Sports|Business|Economics|Culture|Local|Online|Senior|Deputy|Chief|Freelance|Managing) )?(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Jj]ournalist|[Aa]uthor|[Vv]olunteer|[Tt]rainee|Head of)\b.*$/u,
    confidence: 0.85,
    message: 'Author box of the web page pasted into the text: delete it.',
  },
];

/** Lines of at most `maxWords` words: widgets are short, so a long paragraph is never one. */
const isShort = (line: Line, maxWords: number) => line.text.split(/\s+/).length <= maxWords;

function widgetFindings(text: string, rule: WidgetRule): Finding[] {
  const lines = nonEmptyLines(text);
  const found: Finding[] = [];
  const add = (start: number, end: number) =>
    found.push(
      finding(
        text,
        { check: rule.check, start, end, suggestion: '', category, confidence: rule.confidence },
        'major',
        rule.message,
      ),
    );
  for (const line of lines) {
    if (rule.line?.test(line.text) && isShort(line, 40)) {
      const [start, end] = lineDeletionSpan(text, lines, line.index);
      add(start, end);
      continue;
    }
    const tail = rule.tail?.exec(line.text);
    if (tail) add(line.start + tail.index, line.end);
  }
  return found;
}

function widgetCheck(rule: WidgetRule, name: string, description: string): Check {
  return {
    id: rule.check,
    name,
    description,
    family: 'furniture',
    category,
    run: (text) => widgetFindings(text, rule),
  };
}

const [teaserRule, audioRule, authorRule] = rules as [WidgetRule, WidgetRule, WidgetRule];

/** A teaser ("Also read: ...") or gallery link ("View photo gallery"), as a line or glued to a sentence. */
export const teaser = widgetCheck(
  teaserRule,
  'Teaser or gallery link',
  'A link to another article ("Also read: ...", "Also interesting: ...") or to a photo gallery ("View photo gallery").',
);

/** The audio player's text ("Listen to article", "This audio version was generated artificially."). */
export const audioPlayer = widgetCheck(
  audioRule,
  'Audio-player text',
  'The labels of the page\'s audio player ("Listen to article") and its note ("This audio version was generated artificially.").',
);

/** An author box ("Jane Doe Editor for Cologne and the region, ...", "About the author") pasted into the body. */
export const authorBox = widgetCheck(
  authorRule,
  'Author box',
  'The author\'s box of the web page ("Jane Doe Editor for Cologne ...", "About the author") pasted into the body.',
);
