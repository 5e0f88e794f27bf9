// Splits text into word, whitespace and punctuation tokens whose concatenation is the text again.

/**
 * Words keep inner apostrophes and hyphens ("Russia’s", "Sino-Russian") and numbers their separators ("3.5",
 * "30,000"), so that a correction replaces whole words; every other non-space character is a token of its own.
 */
const tokenPattern = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’‐-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

/** The tokens of `text`; `tokens.join('') === text` always holds. */
export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

const wordStart = /^[\p{L}\p{N}\p{M}]/u;

/** True for a word or number token. */
export function isWordToken(token: string): boolean {
  // Called for every token of every changed paragraph: ASCII letters and digits answer without the regex.
  const code = token.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return wordStart.test(token);
}

/** True for a whitespace token. */
export function isSpaceToken(token: string): boolean {
  return token.trim() === '';
}
