import type { VegaBundles } from '../../render/bundles.js';
import type { Answer } from '../answer.js';
import { groundingHtml } from '../grounding.js';
import { reportMessages } from '../messages.js';
import type { ParkReport, ReportFigure, ReportTargetRow } from '../model.js';
import { chartFile, chartGroups, chartTitle } from '../sections.js';
import type { WhatIfFragment } from '../whatIf/whatIf.js';
import { escapeHtml, scriptJson } from './escape.js';

export { escapeHtml };

/** The page's only network rule: nothing from outside, inline scripts and styles only, images and the embedded font as data: URLs. */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The answer-first section: each target's odds on a red-to-green scale, in words and numbers. */
const ANSWER_STYLE = `
#answer ol { list-style: none; padding: 0; margin: 0; }
li.answer-item { display: grid; grid-template-columns: 9.5em minmax(0, 1fr); gap: 14px; padding: 12px 0; border-bottom: 1px solid var(--line); }
.odds { border-radius: 6px; padding: 8px 10px; color: #fff; background: hsl(calc(var(--p) * 125) 62% 36%); text-align: center; align-self: start; }
.odds-num { display: block; font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.odds-word { display: block; font-size: 13px; }
li.answer-item h3 { margin: 0 0 4px; font-size: 16px; }
li.answer-item p { margin: 2px 0; }
.answer-label { color: var(--muted); font-size: 13px; }
ul.drivers { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
ul.target-findings { margin: 6px 0 0; padding: 6px 10px; list-style: none; border-left: 4px solid #e06a14; background: var(--soft); font-size: 14px; }
.scale { display: flex; height: 8px; border-radius: 4px; background: linear-gradient(90deg, hsl(0 62% 36%), hsl(62 62% 36%), hsl(125 62% 36%)); margin: 6px 0 2px; max-width: 320px; }
.scale-labels { display: flex; justify-content: space-between; max-width: 320px; font-size: 11px; color: var(--muted); }
.precision { font-size: 12px; color: var(--muted); }
.alert { margin: 12px 0; padding: 10px 14px; border-left: 6px solid #c8102e; background: #fde0dd; }
.note { color: var(--muted); font-size: 13px; }
`;

/** Any screen: charts and tables never wider than the page; tables scroll in their own box. */
const RESPONSIVE_STYLE = `
main { overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-scroll table { min-width: 640px; }
.vega svg, .vega-embed, .vega-embed svg { max-width: 100%; height: auto; }
.vega .static-chart.replaced { display: none; }
.columns { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
@media (max-width: 800px) { .columns { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 560px) {
  main { padding: 16px 12px 32px; }
  h1 { font-size: 21px; }
  li.answer-item { grid-template-columns: minmax(0, 1fr); gap: 6px; }
  .odds { display: flex; gap: 10px; align-items: baseline; text-align: left; }
}
`;

/** Paper: A4, no hover text or tooltips, the static charts, headings kept with what follows. */
const PRINT_STYLE = `
@media print {
  /* Sliders and a live table mean nothing on paper: the what-if section is left out of print. */
  #what-if { display: none; }
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .no-print, #vg-tooltip-element, .vega-embed { display: none !important; }
  .vega .static-chart, .vega .static-chart.replaced { display: block !important; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, li.answer-item, tr, ul.figures li, ul.findings li { break-inside: avoid; page-break-inside: avoid; }
  .table-scroll { overflow: visible; }
  .table-scroll table { min-width: 0; }
  figure.chart { overflow: visible; margin: 8px 0 14px; }
  /* Two or three charts to a page: scaled to a height, never cut. */
  .vega .static-chart svg { width: auto; max-width: 100%; max-height: 82mm; }
  figure.chart figcaption { display: none; }
  .columns { display: block; }
  .odds, .scale { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #5b636b; --line: #dde1e5; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 "Parkcast Sans", system-ui, -apple-system, "Segoe UI", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
/* Controls and code take the page's font for Chinese (the embedded one): a browser's own control font has none. */
button, input, select, textarea { font-family: inherit; }
code, kbd, pre, samp { font-family: "Parkcast Sans", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
.meta { color: var(--muted); font-size: 13px; margin: 2px 0; }
.verdict { margin: 20px 0; padding: 14px 18px; border-left: 6px solid #888; background: var(--soft); border-radius: 4px; }
.verdict p { margin: 4px 0; }
.verdict p:first-child { font-size: 17px; font-weight: 600; }
.verdict.veryLikely, .verdict.likely { border-color: #2ca25f; }
.verdict.evenOdds { border-color: #e0a100; }
.verdict.unlikely { border-color: #e06a14; }
.verdict.veryUnlikely { border-color: #c8102e; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: var(--soft); }
td.kind, td.num { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
/* The outside view's model column: a probability and its header never break inside a word. */
#grounding th:nth-child(2), #grounding td:nth-child(2) { white-space: nowrap; }
tr.joint td { font-weight: 600; border-top: 2px solid #999; }
.pill { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; white-space: nowrap; }
.met { background: #e5f5e0; color: #1b6e3a; }
.missed { background: #fde0dd; color: #9b1022; }
.bar { display: inline-block; height: 8px; background: #4a78b5; border-radius: 2px; vertical-align: middle; margin-left: 6px; }
figure.chart { margin: 16px 0 28px; overflow-x: auto; }
figure.chart .vega { min-height: 120px; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
figcaption a { color: inherit; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
@media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
ul.figures { list-style: none; padding: 0; margin: 0; }
ul.figures li { padding: 8px 0; border-bottom: 1px solid var(--line); }
.figure-label { font-weight: 600; }
.figure-value { font-variant-numeric: tabular-nums; }
.figure-detail, .figure-source { color: var(--muted); font-size: 13px; }
ul.findings { padding-left: 0; list-style: none; }
ul.findings li { margin: 8px 0; padding: 8px 12px; border-left: 4px solid #999; background: var(--soft); }
ul.findings li.error { border-color: #c8102e; }
ul.findings li.warning { border-color: #e06a14; }
ul.findings li.info { border-color: #4a78b5; }
.tag { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; margin-right: 6px; }
.error-text { color: #9b1022; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
#vg-tooltip-element { font-family: inherit; }
${ANSWER_STYLE}
${RESPONSIVE_STYLE}
${PRINT_STYLE}
`;

// Draws every chart container from its embedded spec, without eval (the CSP forbids it): vega's
// expression interpreter instead of generated code. Each container is marked when drawn.
const BOOT = `
(function () {
  var failed = document.documentElement.getAttribute('data-chart-failed') || '';
  var containers = document.querySelectorAll('[data-spec]');
  var pending = containers.length;
  function done() { pending -= 1; if (pending === 0) document.documentElement.setAttribute('data-charts', 'rendered'); }
  if (pending === 0) document.documentElement.setAttribute('data-charts', 'rendered');
  containers.forEach(function (el) {
    // The static SVG stays where the interactive chart would not fit (a phone): scaled, never clipped.
    var still = el.querySelector('.static-chart');
    var natural = still && still.querySelector('svg') ? Number(still.querySelector('svg').getAttribute('width')) : 0;
    if (still && natural > el.clientWidth) { el.setAttribute('data-rendered', 'static'); done(); return; }
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    var live = document.createElement('div');
    live.className = 'live-chart';
    el.appendChild(live);
    vegaEmbed(live, spec, { actions: false, renderer: 'svg', ast: true, expr: vega.expressionInterpreter })
      .then(function () { if (still) still.classList.add('replaced'); el.setAttribute('data-rendered', 'true'); done(); })
      .catch(function (error) {
        var p = document.createElement('p');
        p.className = 'error-text';
        p.textContent = failed + ' ' + (error && error.message ? error.message : String(error));
        live.replaceChildren(p);
        el.setAttribute('data-rendered', 'failed');
        console.error(error);
        done();
      });
  });
})();
`;

function targetRow(t: ReportTargetRow, joint = false, m = reportMessages('en')): string {
  // The nominal case is a value, in neutral ink: never a red/green verdict beside the probability.
  const note =
    t.deterministicMet === null || t.deterministic === ''
      ? ''
      : ` <span class="note">(${escapeHtml(t.deterministicMet ? m.answer.meets : m.answer.short)})</span>`;
  return (
    `<tr${joint ? ' class="joint"' : ''}>` +
    `<td>${escapeHtml(t.label)}</td><td class="kind">${escapeHtml(t.kind)}</td><td>${escapeHtml(t.threshold)}</td>` +
    `<td>${escapeHtml(t.deterministic)}${note}</td>` +
    `<td class="num">${escapeHtml(t.probabilityText)}<span class="bar" style="width:${Math.round(t.probability * 60)}px"></span></td>` +
    `<td class="num">${escapeHtml(t.interval)}</td><td class="num">${escapeHtml(t.firstYear)}</td></tr>`
  );
}

/**
 * A chart drawn in Node, inline: the page reads with JavaScript off and prints without hover
 * text. Its ids (clip paths) get the chart's prefix so that two charts never share one.
 */
function staticChart(chartId: string, svg: string | undefined, loading: string): string {
  if (svg === undefined) return `<p class="meta">${escapeHtml(loading)}</p>`;
  const prefix = `s-${chartId}-`;
  const body = svg
    .replace(/^<\?xml[^>]*>\s*/u, '')
    .replace(/\bid="([^"]+)"/gu, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/gu, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/gu, (_, id: string) => `href="#${prefix}${id}"`);
  return `<div class="static-chart">${body}</div>`;
}

/** The answer first: each target's odds in words and numbers on a colour scale, what it would take, what drives it, the data check beside it. */
function answerSection(answer: Answer, m: ReturnType<typeof reportMessages>): string {
  if (answer.items.length === 0) return '';
  const a = m.answer;
  const items = answer.items.map((item) => {
    const drivers =
      item.drivers.length === 0
        ? ''
        : `<p class="answer-label">${escapeHtml(a.drivers)}</p><ul class="drivers">${item.drivers.map((d) => `<li>${escapeHtml(d.text)}</li>`).join('')}</ul>`;
    const findings =
      item.findings.length === 0
        ? ''
        : `<ul class="target-findings">${item.findings.map((f) => `<li><strong>${escapeHtml(a.checkNotes)}${m.colon}</strong> ${escapeHtml(f)}</li>`).join('')}</ul>`;
    return (
      `<li class="answer-item ${item.likelihood}" id="answer-${escapeHtml(item.id)}">` +
      `<div class="odds" style="--p:${item.probability.toFixed(3)}"><span class="odds-num">${escapeHtml(item.probabilityText)}</span><span class="odds-word">${escapeHtml(item.likelihoodText)}</span></div>` +
      `<div class="answer-body"><h3>${escapeHtml(item.label)}</h3>` +
      `<p><span class="answer-label">${escapeHtml(a.nominal)}${m.colon}</span> ${escapeHtml(item.nominal)}</p>` +
      (item.takes === null ? '' : `<p><span class="answer-label">${escapeHtml(a.takes)}${m.colon}</span> ${escapeHtml(item.takes)}</p>`) +
      drivers +
      findings +
      '</div></li>'
    );
  });
  return [
    `<section id="answer"><h2>${escapeHtml(a.heading)}</h2>`,
    answer.expected === null ? '' : `<p>${escapeHtml(answer.expected)}</p>`,
    `<div class="scale" aria-hidden="true"></div><div class="scale-labels" aria-hidden="true"><span>0%</span><span>50%</span><span>100%</span></div>`,
    `<ol>${items.join('')}</ol>`,
    answer.spreadNote === null ? '' : `<p class="note">${escapeHtml(answer.spreadNote)}</p>`,
    `<p class="precision">${escapeHtml(answer.precision)}</p>`,
    '</section>',
  ].join('\n');
}

function figureItem(f: ReportFigure, sourceLabel: string, colon: string): string {
  return (
    `<li><div class="figure-label">${escapeHtml(f.label)}</div><div class="figure-value">${escapeHtml(f.value)}</div>` +
    (f.detail ? `<div class="figure-detail">${escapeHtml(f.detail)}</div>` : '') +
    (f.source ? `<div class="figure-source">${escapeHtml(sourceLabel)}${colon} ${escapeHtml(f.source)}</div>` : '') +
    '</li>'
  );
}

/**
 * The report as one self-contained HTML page: the vega, vega-lite and vega-embed builds inlined,
 * each chart's Vega-Lite spec embedded as JSON and drawn in the browser (with tooltips), a CSP
 * that allows no network access. Works offline, opened straight from disk. `fontFaces`: the
 * `@font-face` rules of the embedded font (`embeddedFont` of the page), so Chinese never shows as boxes.
 *
 * @example
 * ```ts
 * await writeFile('report.html', reportHtml(buildReport(input), vegaBundles()));
 * ```
 */
export function reportHtml(
  report: ParkReport,
  bundles: VegaBundles,
  staticSvgs: ReadonlyMap<string, string> = new Map(),
  whatIf?: WhatIfFragment,
  fontFaces = '',
): string {
  const m = reportMessages(report.lang);
  const parts: string[] = [];
  parts.push(
    `<!doctype html>\n<html lang="${m.htmlLang}" data-chart-failed="${escapeHtml(m.chartFailed)}">\n<head>\n<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${whatIf?.csp ?? REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${fontFaces === '' ? '' : `${fontFaces}\n`}${STYLE}</style>\n</head>\n<body>\n<main>`,
    `<header><h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">${escapeHtml(report.location)} · ${escapeHtml(report.horizon)}</p>`,
    `<p class="meta">${escapeHtml(report.subtitle)}</p></header>`,
    `<section class="verdict ${report.headline.likelihood ?? ''}">${report.headline.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>`,
    answerSection(report.answer, m),
  );

  if (report.targets.length > 0) {
    parts.push(
      `<section id="targets"><h2>${escapeHtml(m.targetsHeading)}</h2><p class="meta">${escapeHtml(m.targetsIntro(report.confidence))}</p>`,
      '<div class="table-scroll"><table><thead><tr>',
      [m.colTarget, m.colKind, m.colThreshold, m.colDeterministic, m.colProbability, m.colInterval, m.colFirstYear]
        .map((h) => `<th>${escapeHtml(h)}</th>`)
        .join(''),
      '</tr></thead><tbody>',
      ...report.targets.map((t) => targetRow(t, false, m)),
      ...(report.joint ? [targetRow(report.joint, true, m)] : []),
      ...report.otherJoints.map((t) => targetRow(t, true, m)),
      '</tbody></table></div></section>',
    );
  }
  // The what-if section (src/report/whatIf/whatIf.ts), when the report has one.
  if (whatIf !== undefined) parts.push(whatIf.html);

  parts.push(groundingHtml(report.grounding, report.lang));

  const specs: string[] = [];
  parts.push(`<section id="charts"><h2>${escapeHtml(m.chartsHeading)}</h2><p class="meta no-print">${escapeHtml(m.interactiveNote)}</p>`);
  for (const group of chartGroups(report.charts, m)) {
    parts.push(`<h3>${escapeHtml(group.heading)}</h3>`);
    for (const chart of group.charts) {
      const specId = `spec-${chart.id}`;
      specs.push(`<script type="application/json" id="${specId}">${scriptJson(chart.spec)}</script>`);
      parts.push(
        `<figure class="chart" id="chart-${chart.id}"><div class="vega" role="img" aria-label="${escapeHtml(chartTitle(chart))}" data-spec="${specId}">${staticChart(chart.id, staticSvgs.get(chart.id), m.chartLoading)}</div>`,
        `<figcaption>${escapeHtml(m.chartFiles)}${m.colon} <a href="${chartFile(chart, 'png')}">PNG</a> · <a href="${chartFile(chart, 'svg')}">SVG</a> · <a href="${chartFile(chart, 'vl.json')}">Vega-Lite</a></figcaption></figure>`,
      );
    }
  }
  parts.push('</section>');

  parts.push(
    `<section id="sources"><h2>${escapeHtml(m.sourcesHeading)}</h2><p class="meta">${escapeHtml(m.sourcesIntro)}</p><div class="columns">`,
    `<div><h3>${escapeHtml(m.sourcedColumn)}</h3>${report.sourced.length > 0 ? `<ul class="figures">${report.sourced.map((f) => figureItem(f, m.source, m.colon)).join('')}</ul>` : `<p>${escapeHtml(m.noSourced)}</p>`}</div>`,
    `<div><h3>${escapeHtml(m.assumedColumn)}</h3>${report.assumed.length > 0 ? `<ul class="figures">${report.assumed.map((f) => figureItem(f, m.source, m.colon)).join('')}</ul>` : `<p>${escapeHtml(m.noAssumed)}</p>`}</div>`,
    '</div>',
  );
  if (report.sources.length > 0) {
    parts.push(
      `<h3>${escapeHtml(m.sourcesList)}</h3><ul>`,
      // Source addresses are shown as text, not links: the report makes no requests and sends no one anywhere.
      ...report.sources.map(
        (s) => `<li><strong>${escapeHtml(s.id)}</strong>: ${escapeHtml(s.text)}${s.url ? ` <span class="meta">${escapeHtml(s.url)}</span>` : ''}</li>`,
      ),
      '</ul>',
    );
  }
  parts.push('</section>');

  parts.push(`<section id="findings"><h2>${escapeHtml(m.findingsHeading)}</h2>`);
  if (report.findings === null) parts.push(`<p>${escapeHtml(m.findingsUnavailable)}</p>`);
  else if (report.findings.length === 0) parts.push(`<p>${escapeHtml(m.noFindings)}</p>`);
  else {
    parts.push(`<p class="meta">${escapeHtml(m.findingsIntro)}</p><ul class="findings">`);
    for (const f of report.findings) {
      const severity = ['error', 'warning', 'info'].includes(f.severity) ? f.severity : 'info';
      const tags = [f.confidence ? m.confidence(f.confidence) : undefined, f.code].filter(Boolean).join(' · ');
      parts.push(
        `<li class="${severity}"><span class="tag">${escapeHtml(m.severity[f.severity] ?? f.severity)}</span><span class="meta">${escapeHtml(tags)}</span><div>${escapeHtml(f.message)}</div></li>`,
      );
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  if (report.warnings.length > 0) {
    parts.push(
      `<section id="warnings"><h2>${escapeHtml(m.warningsHeading)}</h2><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>`,
    );
  }
  parts.push(
    `<footer>${escapeHtml(m.files)}: <a href="report.md">report.md</a> · <a href="results.json">results.json</a> · <a href="results.csv">results.csv</a> · <a href="metrics.csv">metrics.csv</a> · <a href="assumptions.csv">assumptions.csv</a> · <a href="charts/">charts/</a></footer>`,
    '</main>',
    ...specs,
    `<script>${bundles.vega}</script>`,
    `<script>${bundles.vegaLite}</script>`,
    `<script>${bundles.vegaEmbed}</script>`,
    `<script>${BOOT}</script>`,
    '</body>\n</html>\n',
  );
  return parts.join('\n');
}
