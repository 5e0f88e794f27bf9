// Escaping text for XML 1.0: markup characters, quotes in attributes, and characters XML 1.0 cannot carry at all.

/**
 * Characters XML 1.0 does not allow even as character references: C0 controls other than tab, LF and CR, the
 * non-characters U+FFFE and U+FFFF, and surrogate halves that are not part of a pair.
 */
const notInXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is what this pattern is for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** U+FFFD, what a character XML cannot carry becomes where no lossless form exists (attributes, notes). */
export const REPLACEMENT = '\uFFFD';

/** Element text: `&`, `<`, `>` escaped (`>` too, so `]]>` never appears); CR kept as a reference; XML-invalid characters replaced by U+FFFD. */
export function xmlText(text: string): string {
  return text
    .replace(notInXml, REPLACEMENT)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes: as element text, plus quotes, and tab/LF/CR as references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * XLIFF inline content: like `xmlText`, but a character XML cannot carry becomes XLIFF's `<cp hex="..."/>`
 * (Core §4.3.1.1), which readers turn back into the character, so source and target lose nothing.
 */
export function xliffContent(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(notInXml)) {
    const at = match.index;
    const code = match[0].charCodeAt(0);
    out += `${xmlText(text.slice(last, at))}<cp hex="${code.toString(16).toUpperCase().padStart(4, '0')}"/>`;
    last = at + match[0].length;
  }
  return out + xmlText(text.slice(last));
}

/** `name="value"` pairs for the entries whose value is not undefined, escaped, each with a leading space. */
export function xmlAttrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttr(String(value))}"`)
    .join('');
}
