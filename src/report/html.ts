import type { VegaBundles } from '../render/bundles.js';
import { groundingHtml } from './grounding.js';
import { reportMessages } from './messages.js';
import type { ParkReport, ReportFigure, ReportTargetRow } from './model.js';
import { chartFile, chartGroups, chartTitle } from './sections.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** JSON that is safe inside `<script type="application/json">`: no `<` at all. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page's only network rule: nothing from outside, inline scripts and styles only. */
export const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #5b636b; --line: #dde1e5; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 48px; }
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
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    vegaEmbed(el, spec, { actions: false, renderer: 'svg', ast: true, expr: vega.expressionInterpreter })
      .then(function () { el.setAttribute('data-rendered', 'true'); done(); })
      .catch(function (error) {
        var p = document.createElement('p');
        p.className = 'error-text';
        p.textContent = failed + ' ' + (error && error.message ? error.message : String(error));
        el.replaceChildren(p);
        el.setAttribute('data-rendered', 'failed');
        console.error(error);
        done();
      });
  });
})();
`;

function targetRow(t: ReportTargetRow, joint = false): string {
  const verdict = t.deterministicMet === null ? '' : t.deterministicMet ? 'met' : 'missed';
  return (
    `<tr${joint ? ' class="joint"' : ''}>` +
    `<td>${escapeHtml(t.label)}</td><td class="kind">${escapeHtml(t.kind)}</td><td>${escapeHtml(t.threshold)}</td>` +
    `<td><span class="pill ${verdict}">${escapeHtml(t.deterministic)}</span></td>` +
    `<td class="num">${escapeHtml(t.probabilityText)}<span class="bar" style="width:${Math.round(t.probability * 60)}px"></span></td>` +
    `<td class="num">${escapeHtml(t.interval)}</td><td class="num">${escapeHtml(t.firstYear)}</td></tr>`
  );
}

function figureItem(f: ReportFigure, sourceLabel: string): string {
  return (
    `<li><div class="figure-label">${escapeHtml(f.label)}</div><div class="figure-value">${escapeHtml(f.value)}</div>` +
    (f.detail ? `<div class="figure-detail">${escapeHtml(f.detail)}</div>` : '') +
    (f.source ? `<div class="figure-source">${escapeHtml(sourceLabel)}: ${escapeHtml(f.source)}</div>` : '') +
    '</li>'
  );
}

/**
 * The report as one self-contained HTML page: the vega, vega-lite and vega-embed builds inlined,
 * each chart's Vega-Lite spec embedded as JSON and drawn in the browser (with tooltips), a CSP
 * that allows no network access. Works offline, opened straight from disk.
 *
 * @example
 * ```ts
 * await writeFile('report.html', reportHtml(buildReport(input), vegaBundles()));
 * ```
 */
export function reportHtml(report: ParkReport, bundles: VegaBundles): string {
  const m = reportMessages(report.lang);
  const parts: string[] = [];
  parts.push(
    `<!doctype html>\n<html lang="${m.htmlLang}" data-chart-failed="${escapeHtml(m.chartFailed)}">\n<head>\n<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>\n</head>\n<body>\n<main>`,
    `<header><h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">${escapeHtml(report.location)} · ${escapeHtml(report.horizon)}</p>`,
    `<p class="meta">${escapeHtml(report.subtitle)}</p></header>`,
    `<section class="verdict ${report.headline.likelihood ?? ''}">${report.headline.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>`,
  );

  if (report.targets.length > 0) {
    parts.push(
      `<section id="targets"><h2>${escapeHtml(m.targetsHeading)}</h2><p class="meta">${escapeHtml(m.targetsIntro(report.confidence))}</p>`,
      '<table><thead><tr>',
      [m.colTarget, m.colKind, m.colThreshold, m.colDeterministic, m.colProbability, m.colInterval, m.colFirstYear]
        .map((h) => `<th>${escapeHtml(h)}</th>`)
        .join(''),
      '</tr></thead><tbody>',
      ...report.targets.map((t) => targetRow(t)),
      ...(report.joint ? [targetRow(report.joint, true)] : []),
      ...report.otherJoints.map((t) => targetRow(t, true)),
      '</tbody></table></section>',
    );
  }

  parts.push(groundingHtml(report.grounding, report.lang));

  const specs: string[] = [];
  parts.push(`<section id="charts"><h2>${escapeHtml(m.chartsHeading)}</h2><p class="meta">${escapeHtml(m.interactiveNote)}</p>`);
  for (const group of chartGroups(report.charts, m)) {
    parts.push(`<h3>${escapeHtml(group.heading)}</h3>`);
    for (const chart of group.charts) {
      const specId = `spec-${chart.id}`;
      specs.push(`<script type="application/json" id="${specId}">${scriptJson(chart.spec)}</script>`);
      parts.push(
        `<figure class="chart" id="chart-${chart.id}"><div class="vega" role="img" aria-label="${escapeHtml(chartTitle(chart))}" data-spec="${specId}"><p class="meta">${escapeHtml(m.chartLoading)}</p></div>`,
        `<figcaption>${escapeHtml(m.chartFiles)}: <a href="${chartFile(chart, 'png')}">PNG</a> · <a href="${chartFile(chart, 'svg')}">SVG</a> · <a href="${chartFile(chart, 'vl.json')}">Vega-Lite</a></figcaption></figure>`,
      );
    }
  }
  parts.push('</section>');

  parts.push(
    `<section id="sources"><h2>${escapeHtml(m.sourcesHeading)}</h2><p class="meta">${escapeHtml(m.sourcesIntro)}</p><div class="columns">`,
    `<div><h3>${escapeHtml(m.sourcedColumn)}</h3>${report.sourced.length > 0 ? `<ul class="figures">${report.sourced.map((f) => figureItem(f, m.source)).join('')}</ul>` : `<p>${escapeHtml(m.noSourced)}</p>`}</div>`,
    `<div><h3>${escapeHtml(m.assumedColumn)}</h3>${report.assumed.length > 0 ? `<ul class="figures">${report.assumed.map((f) => figureItem(f, m.source)).join('')}</ul>` : `<p>${escapeHtml(m.noAssumed)}</p>`}</div>`,
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
    `<footer>${escapeHtml(m.files)}: <a href="report.md">report.md</a> · <a href="results.json">results.json</a> · <a href="charts/">charts/</a></footer>`,
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
