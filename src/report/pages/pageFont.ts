/**
 * The font a page embeds: the glyphs from U+2E80 on that its text shows, so no viewer without a
 * Chinese font sees boxes. What counts is what can appear on screen: the HTML and SVG text, the
 * JSON the charts and the what-if section draw from, and the units the page's scripts write
 * beside numbers; not the scripts' own code (the bundles carry every message table of parkcast).
 */
import type { Lang } from '../../charts/messages.js';
import { formatQuantity } from '../../charts/units.js';
import { type EmbeddedFont, embeddedFont } from '../../render/fontFace.js';
import type { MeasureUnit } from '../../scenario/schema/common.js';

const UNITS: readonly MeasureUnit[] = ['yuan', 'area', 'persons', 'share', 'rate', 'ratio', 'points', 'count'];

/** The units the page's scripts may write in the language (亿元, 万元, 万平方米, 倍…), from the shared formatter. */
function scriptUnits(lang: Lang): string {
  return UNITS.flatMap((unit) => [1, 1e4, 1e6, 1e8, 1e9].map((v) => formatQuantity(v, unit, lang))).join(' ');
}

/**
 * A page's text as a reader can see it: without the code of its scripts, with the units they
 * write. The what-if section's data is read without the scenario it carries for the engine (an
 * English page of a scenario with Chinese labels shows none of them).
 */
export function shownText(html: string, lang: Lang): string {
  const withoutCode = html
    .replace(/<script(?![^>]*type="application\/json")[^>]*>[\s\S]*?<\/script>/gu, '')
    .replace(/(<script type="application\/json" id="what-if-data">)([\s\S]*?)(<\/script>)/u, (_, open: string, json: string, close: string) => {
      const { scenario: _engineOnly, ...shown } = JSON.parse(json) as Record<string, unknown>;
      return `${open}${JSON.stringify(shown)}${close}`;
    });
  return `${withoutCode}\n${scriptUnits(lang)}`;
}

/**
 * A page with its font embedded: `page` writes it with the given `@font-face` rules; called once
 * without, to read its text, and again with them where it shows characters from U+2E80 on.
 *
 * @example
 * ```ts
 * const { html, font } = await withEmbeddedFont((faces) => reportHtml(report, bundles, svgs, whatIf, faces), 'zh');
 * font.bytes; // the woff2 data embedded, e.g. 150_000
 * ```
 */
export async function withEmbeddedFont(page: (fontFaces: string) => string, lang: Lang): Promise<{ html: string; font: EmbeddedFont }> {
  const plain = page('');
  const font = await embeddedFont(shownText(plain, lang));
  return { html: font.css === '' ? plain : page(font.css), font };
}
