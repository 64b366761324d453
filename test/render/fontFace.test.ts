import { describe, expect, it } from 'vitest';
import { cjkCharacters, embeddedFont } from '../../src/render/fontFace.js';
import { shownText, withEmbeddedFont } from '../../src/report/pages/pageFont.js';

describe('the font a page embeds: the glyphs it shows from U+2E80 on', () => {
  it('collects each character from U+2E80 on once, written out or as a numeric reference, in code point order', () => {
    expect(cjkCharacters('园区 &#x4EA9; 100 亿元，park &#20159;')).toBe('亩亿元区园，');
    expect(cjkCharacters('Nominal case: 9.996 billion yuan (±0.7 pp, “quoted”)')).toBe('');
  });

  it('writes consecutive code points as one run of the unicode-range', async () => {
    expect((await embeddedFont('一丁七')).css).toContain('unicode-range: U+4E00-4E01, U+4E03;');
  });

  it('embeds nothing for a text without such characters', async () => {
    expect(await embeddedFont('<p>All 3 official targets together: 1.2%</p>')).toEqual({ css: '', characters: '', bytes: 0 });
  });

  it('embeds a regular and a bold woff2 subset of the shipped font as data: URLs, for those code points only', async () => {
    const font = await embeddedFont('<h1>滨江市重点园区</h1><p>园区</p>');
    const faces = font.css.split('\n');
    expect(faces).toHaveLength(2);
    expect(faces.map((f) => /font-weight: (\d+)/u.exec(f)?.[1])).toEqual(['400', '700']);
    for (const face of faces) {
      expect(face).toContain('font-family: "Parkcast Sans"');
      expect(face).toContain('unicode-range: U+533A, U+56ED, U+5E02, U+6C5F, U+6EE8, U+70B9, U+91CD;');
      const data = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/u.exec(face)?.[1];
      expect(data).toBeDefined();
      // A woff2 file begins with its signature, "wOF2".
      expect(
        Buffer.from(data as string, 'base64')
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('wOF2');
    }
    expect(font.characters).toBe('区园市江滨点重');
    // Seven glyphs, not the 3 MB fonts.
    expect(font.bytes).toBeGreaterThan(1_000);
    expect(font.bytes).toBeLessThan(40_000);
  });

  it('reads the text a reader can see: not the code of the page scripts, with the units the scripts write', () => {
    const text = shownText('<p>园区</p><script>var m = "假如";</script><script type="application/json" id="d">{"label":"北区"}</script>', 'zh');
    expect(cjkCharacters(text)).not.toContain('假');
    expect(cjkCharacters(text)).toContain('北');
    expect(cjkCharacters(text)).toContain('亿');
    expect(cjkCharacters(shownText('<p>Park</p><script>var m = "假如";</script>', 'en'))).toBe('');
    // The what-if data's scenario is for the engine: its Chinese labels are not on an English page.
    const whatIf = '<script type="application/json" id="what-if-data">{"scenario":{"park":{"nameZh":"园区"}},"rows":[{"label":"Park"}]}</script>';
    expect(cjkCharacters(shownText(whatIf, 'en'))).toBe('');
    expect(shownText(whatIf, 'en')).toContain('"rows":[{"label":"Park"}]');
  });

  it('writes a page twice only where it shows Chinese', async () => {
    let calls = 0;
    const page = (faces: string) => {
      calls++;
      return `<style>${faces}</style><p>Park</p>`;
    };
    const english = await withEmbeddedFont(page, 'en');
    expect(english.html).toBe('<style></style><p>Park</p>');
    expect(calls).toBe(1);
    const chinese = await withEmbeddedFont((faces) => `<style>${faces}</style><p>园区</p>`, 'zh');
    expect(chinese.html).toContain('@font-face');
    expect(chinese.font.characters).toContain('园');
  });
});
