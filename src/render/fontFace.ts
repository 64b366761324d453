import { readFile } from 'node:fs/promises';
import { FONT_FAMILY, fontFiles } from './fonts.js';

/** Where the CJK blocks begin: the page embeds glyphs from here on (Latin text stays in the viewer's fonts). */
const CJK_START = 0x2e80;

/** A page's embedded font: the @font-face rules and what they hold. */
export interface EmbeddedFont {
  /** `@font-face` rules with the subsets as woff2 data: URLs; empty when the text has no character from U+2E80 on. */
  readonly css: string;
  /** The characters embedded, each once, in code point order. */
  readonly characters: string;
  /** The size of the woff2 data (regular and bold), before base64. */
  readonly bytes: number;
}

/**
 * The characters from U+2E80 on (Chinese, CJK punctuation, full-width forms) that a text uses,
 * written out or as numeric character references, each once, in code point order.
 *
 * @example
 * ```ts
 * cjkCharacters('园区 &#x4EA9; 100 亿元, park'); // '亩亿元区园'
 * ```
 */
export function cjkCharacters(text: string): string {
  const points = new Set<number>();
  for (const ch of text) {
    const point = ch.codePointAt(0) as number;
    if (point >= CJK_START) points.add(point);
  }
  // Numeric references in HTML and SVG: `&#x4EA9;`.
  for (const [, decimal, hex] of text.matchAll(/&#(?:(\d+)|x([0-9a-fA-F]+));/g)) {
    const point = decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16);
    if (point >= CJK_START && point <= 0x10ffff) points.add(point);
  }
  return String.fromCodePoint(...[...points].sort((a, b) => a - b));
}

/**
 * The glyphs a page's text needs from U+2E80 on, cut from the shipped fonts (regular and bold)
 * and embedded as `@font-face` rules of the family "Parkcast Sans" (woff2 data: URLs), so no
 * viewer without a Chinese font sees boxes. A text without such characters embeds nothing. The
 * rules cover only those code points (`unicode-range`), so Latin text keeps the viewer's fonts.
 * About 70 KB of woff2 per face for a report's 300 or so characters; 1–2 s on a busy machine.
 *
 * @example
 * ```ts
 * const font = await embeddedFont(html);
 * const page = html.replace('<style>', `<style>${font.css}`);
 * ```
 */
export async function embeddedFont(text: string): Promise<EmbeddedFont> {
  const characters = cjkCharacters(text);
  if (characters === '') return { css: '', characters, bytes: 0 };
  const { default: subsetFont } = await import('subset-font');
  const [regular, bold] = fontFiles();
  const faces = await Promise.all(
    [
      { file: regular, weight: 400 },
      { file: bold, weight: 700 },
    ].map(async ({ file, weight }) => ({ weight, data: await subsetFont(await readFile(file), characters, { targetFormat: 'woff2' }) })),
  );
  const range = unicodeRange(characters);
  const css = faces
    .map(
      ({ weight, data }) =>
        `@font-face { font-family: "${FONT_FAMILY}"; font-style: normal; font-weight: ${weight}; font-display: block; unicode-range: ${range}; src: url(data:font/woff2;base64,${data.toString('base64')}) format("woff2"); }`,
    )
    .join('\n');
  return { css, characters, bytes: faces.reduce((sum, f) => sum + f.data.byteLength, 0) };
}

/** The code points as CSS `unicode-range` runs: `U+4E00-4E01, U+4EA9`. */
function unicodeRange(characters: string): string {
  const points = [...characters].map((ch) => ch.codePointAt(0) as number);
  const runs: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    const hex = (p: number) => p.toString(16).toUpperCase();
    runs.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return runs.join(', ');
}
