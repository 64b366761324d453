import type { Config } from 'vega-lite';

/**
 * The font stack of every chart. The first face ships with parkcast (assets/fonts) and is the one
 * PNG rendering uses; browsers fall through to a system face with Chinese glyphs.
 */
export const FONT =
  '"Parkcast Sans", "Source Han Sans SC", "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

/** The colours the charts share: bands light to dark, lines and marks on top. */
export const COLORS = {
  band90: '#c6dbef',
  band50: '#8fbcdf',
  median: '#08519c',
  /** The nominal case (every assumption at its central value): orange against the blue bands. */
  deterministic: '#d95f02',
  target: '#c8102e',
  met: '#2ca25f',
  metRegion: '#e5f5e0',
  official: '#4a78b5',
  stretch: '#9a9a9a',
  joint: '#e08214',
  reference: '#777777',
  never: '#d9d9d9',
  /** First met only after the deadline: warm, apart from the blue years that count as success. */
  late: '#fdae6b',
} as const;

/** The dash of the nominal case's line, in every chart that draws it. */
export const NOMINAL_DASH = [6, 4];

/** Sequential colours for years, dark (early) to light (late), for first-year charts. */
export function yearColors(count: number): string[] {
  const palette = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef'];
  if (count <= 1) return [palette[1]];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]);
}

/** The shared look: left-aligned titles, quiet axes, a white background (PNG needs one). */
export const CHART_CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { anchor: 'start', fontSize: 15, fontWeight: 'bold', subtitleFontSize: 12, subtitleColor: '#555555', subtitlePadding: 6, offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#333333',
    labelColor: '#333333',
    gridColor: '#ececec',
    domainColor: '#888888',
    tickColor: '#888888',
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    orient: 'bottom',
    direction: 'horizontal',
    symbolSize: 120,
    labelLimit: 260,
    columns: 3,
  },
  view: { stroke: null },
};
