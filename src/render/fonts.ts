import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The family name of the font parkcast ships for PNGs (a subset of Source Han Sans SC: Latin, GB2312 Chinese). */
export const FONT_FAMILY = 'Parkcast Sans';

const FILES = ['ParkcastSans-Regular.otf', 'ParkcastSans-Bold.otf'];

/**
 * The font files parkcast ships, found from this module upward (`assets/fonts` beside `src/` or
 * `dist/`), so PNG text renders the same on a machine without fonts.
 *
 * @throws {Error} if the fonts are not found (a broken install).
 */
export function fontFiles(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FILES[0]))) return FILES.map((file) => join(candidate, file));
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`parkcast: the font files (assets/fonts/${FILES[0]}) were not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
