import { FONT_FAMILY, fontFilesFor } from './fonts.js';

export interface PngOptions {
  /** Pixels per SVG unit. Default 2 (sharp on high-density screens and in print). */
  readonly scale?: number;
}

/**
 * Rasterises an SVG (from `renderSvg`) to PNG with resvg, drawing text only with the fonts
 * parkcast ships (no system fonts), so a bare machine gives the same picture, Chinese included.
 *
 * @returns the PNG file's bytes; its size is the SVG's width and height times `scale`.
 * @example
 * ```ts
 * await writeFile('chart.png', await renderPng(await renderSvg(spec)));
 * ```
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  return rasterise(svg, fontFilesFor(svg), options.scale ?? 2);
}

/** Rasterises an SVG with the given font files only. */
export async function rasterise(svg: string, fonts: string[], scale: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
