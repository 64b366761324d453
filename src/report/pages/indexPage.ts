import { labelIn } from '../../charts/localise.js';
import type { Lang } from '../../charts/messages.js';
import type { Projection, SimulationResult } from '../../results/types.js';
import { honestProbability, intervalText } from '../answer.js';
import { indexMessages } from '../messages.js';
import { escapeHtml, REPORT_CSP } from './html.js';
import { withEmbeddedFont } from './pageFont.js';

/** One park on the index page: its results and where its report is, relative to the index. */
export interface IndexedPark {
  readonly id: string;
  readonly name: string;
  /** The park's Chinese name, shown on a Chinese index where given. */
  readonly nameZh?: string;
  readonly simulation: SimulationResult;
  readonly projection: Projection;
  /** The report's address relative to the index page: `<park id>/report.html`. */
  readonly href: string;
}

/**
 * The page across parks: every park's targets and their odds side by side, the odds of all its
 * official targets together, the growth each target needs, and a link to each park's report and
 * its results.csv. Self-contained, no script, nothing from the network; in English or Chinese.
 *
 * @example
 * ```ts
 * await writeFile('out/reports/index.html', reportsIndexHtml(parks));
 * ```
 */
export function reportsIndexHtml(parks: readonly IndexedPark[], lang: Lang = 'en', fontFaces = ''): string {
  const m = indexMessages(lang);
  const rate = (r: number | null) => (r === null || !Number.isFinite(r) ? '' : m.perYear(`${(r * 100).toFixed(1)}%`));
  const rows = parks.flatMap((park) => {
    const official = park.simulation.joint.targets.length;
    const head =
      `<tr class="park"><th colspan="3" scope="rowgroup"><a href="${escapeHtml(park.href)}">${escapeHtml(lang === 'zh' && park.nameZh !== undefined ? park.nameZh : park.name)}</a>` +
      ` <span class="meta">(${escapeHtml(park.id)} · <a href="${escapeHtml(park.href.replace(/report\.html$/, 'results.csv'))}">results.csv</a>)</span></th>` +
      `<td class="num">${official > 1 ? `${escapeHtml(honestProbability(park.simulation.joint.probability, park.simulation.joint.interval, lang))}<br><span class="meta">${escapeHtml(m.allOfficial(official))}</span>` : ''}</td></tr>`;
    const targets = park.simulation.targets.map((t) => {
      const nominal = park.projection.targets.find((n) => n.id === t.id);
      return (
        `<tr><td>${escapeHtml(labelIn(lang, t))}</td><td class="kind">${escapeHtml(m.kind[t.kind] ?? t.kind)}</td>` +
        `<td>${escapeHtml(rate(nominal?.requiredGrowthRate ?? null))}</td>` +
        `<td class="num"><span class="odds" style="--p:${t.probability.toFixed(3)}">${escapeHtml(honestProbability(t.probability, t.interval, lang))}</span><br><span class="meta">${escapeHtml(intervalText(t.interval))}</span></td></tr>`
      );
    });
    return [head, ...targets];
  });
  const trials = [...new Set(parks.map((p) => p.simulation.meta.trials))].map((n) => n.toLocaleString(m.locale)).join(', ');
  return `<!doctype html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>${fontFaces}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "Parkcast Sans", system-ui, -apple-system, "Segoe UI", "Noto Sans SC", sans-serif; color: #1f2328; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 16px 40px; overflow-wrap: anywhere; }
h1 { font-size: 24px; margin: 0 0 6px; }
.meta { color: #5b636b; font-size: 13px; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 520px; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #dde1e5; vertical-align: top; }
tr.park th, tr.park td { background: #f5f7f9; border-top: 2px solid #999; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.odds { display: inline-block; min-width: 4.5em; text-align: center; padding: 1px 6px; border-radius: 4px; color: #fff; background: hsl(calc(var(--p) * 125) 62% 36%); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { @page { size: A4; margin: 14mm 12mm; } .table-scroll { overflow: visible; } table { min-width: 0; } tr { break-inside: avoid; } a { color: inherit; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(m.heading)}</h1>
<p class="meta">${escapeHtml(m.intro(parks.length, trials))}</p>
<div class="table-scroll"><table>
<thead><tr><th>${escapeHtml(m.colTarget)}</th><th>${escapeHtml(m.colKind)}</th><th>${escapeHtml(m.colGrowth)}</th><th class="num">${escapeHtml(m.colProbability)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</main>
</body>
</html>
`;
}

/**
 * The page across parks as `reportsIndexHtml` writes it, with the glyphs it shows from U+2E80 on
 * embedded (a Chinese index, or parks' Chinese names), so no viewer sees boxes.
 *
 * @example
 * ```ts
 * await writeFile('out/reports/index.html', await reportsIndexPage(parks, 'zh'));
 * ```
 */
export async function reportsIndexPage(parks: readonly IndexedPark[], lang: Lang = 'en'): Promise<string> {
  return (await withEmbeddedFont((fontFaces) => reportsIndexHtml(parks, lang, fontFaces), lang)).html;
}
