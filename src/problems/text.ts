/**
 * Text helpers for messages: showing what a file holds without echoing it raw, and finding the
 * name a reader probably meant. No wording here; the sentences live in messages.ts.
 */

/**
 * Characters that must never reach a terminal raw: C0 and C1 controls, DEL, and the invisible
 * format characters (zero-width, bidirectional overrides, line separators, BOM) that can hide or
 * reorder what a message shows.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `\u0007` for U+0007: the form JSON and JavaScript read back as the same character. */
export const unicodeEscape = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Replaces unsafe characters (see above) and lone surrogates with `\uXXXX`, keeping the rest. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTER, unicodeEscape).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, unicodeEscape);
}

/** Whether a text has characters `escapeUnsafe` would replace. */
export const hasUnsafeCharacters = (text: string): boolean => escapeUnsafe(text) !== text;

/**
 * A text in double quotes, JSON-escaped and with unsafe characters as `\uXXXX`, cut to about
 * `limit` characters (never inside an escape or a surrogate pair).
 */
export function quoteText(text: string, limit = 60): string {
  const quoted = escapeUnsafe(JSON.stringify(text));
  if (quoted.length <= limit) return quoted;
  let cut = limit - 4;
  const escapeStart = quoted.lastIndexOf('\\', cut);
  if (escapeStart > cut - 6) cut = escapeStart;
  const code = quoted.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${quoted.slice(0, cut)}..."`;
}

/** `U+0430` for a code point. */
export const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character outside printable ASCII, if any (a whole code point, not half a pair). */
export function firstNonAscii(text: string): { character: string; index: number } | undefined {
  let index = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) return { character, index };
    index += character.length;
  }
  return undefined;
}

/**
 * Optimal string alignment distance (Levenshtein with swaps of neighbours): how many one-letter
 * edits turn `a` into `b`. Stops early (returns `limit + 1`) once it cannot be within `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate a reader most likely meant by `word`: the nearest by edit distance, ignoring case,
 * within about a third of the word's length (at least one edit). Undefined when none is that close.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
