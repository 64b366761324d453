import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The family name of the font parkcast ships for PNGs (a subset of Source Han Sans SC: Latin, GB2312 Chinese). */
export const FONT_FAMILY = 'Parkcast Sans';

const FILES = ['ParkcastSans-Regular.otf', 'ParkcastSans-Bold.otf'];
/** The same fonts without the characters from U+2E80 on (Chinese, CJK punctuation, full-width forms). */
const LATIN_FILES = ['ParkcastSansLatin-Regular.otf', 'ParkcastSansLatin-Bold.otf'];
/** The first code point the Latin files lack: where the CJK blocks begin. */
const LATIN_END = 0x2e80;

let foundFolder: string | undefined;

/** The folder of the shipped fonts, found from this module upward (`assets/fonts` beside `src/` or `dist/`), once. */
function fontFolder(): string {
  if (foundFolder !== undefined) return foundFolder;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FILES[0]))) {
      foundFolder = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`parkcast: the font files (assets/fonts/${FILES[0]}) were not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/**
 * The font files parkcast ships, so PNG text renders the same on a machine without fonts.
 *
 * @throws {Error} if the fonts are not found (a broken install).
 */
export function fontFiles(): string[] {
  const folder = fontFolder();
  return FILES.map((file) => join(folder, file));
}

/** The Latin subset of the shipped fonts: the same glyphs below U+2E80, 80 KB a file instead of 3 MB. */
export function latinFontFiles(): string[] {
  const folder = fontFolder();
  return LATIN_FILES.map((file) => join(folder, file));
}

/**
 * The font files to draw an SVG with: the Latin subset when every character of it (written out
 * or as a numeric reference) lies below U+2E80, else the full fonts. resvg parses the fonts a
 * text uses for every image, and parsing the 3 MB files took ~37 ms a chart against ~2 ms.
 */
export function fontFilesFor(svg: string): string[] {
  // Code units from U+2E80 on, surrogates of characters beyond U+FFFF among them.
  if (/[\u2e80-\uffff]/.test(svg)) return fontFiles();
  for (const [, decimal, hex] of svg.matchAll(/&#(?:(\d+)|x([0-9a-fA-F]+));/g)) {
    if ((decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16)) >= LATIN_END) return fontFiles();
  }
  return latinFontFiles();
}
