/** Rendering charts: Vega-Lite to SVG in Node (real Vega renderer), SVG to PNG (resvg, shipped fonts), browser bundles for HTML. */

export { inlineScript, type VegaBundles, vegaBundles } from './bundles.js';
export { type CompiledChart, compileChart } from './compile.js';
export { cjkCharacters, type EmbeddedFont, embeddedFont } from './fontFace.js';
export { FONT_FAMILY, fontFiles } from './fonts.js';
export { type PngOptions, renderPng } from './png.js';
export { renderSvg } from './svg.js';
