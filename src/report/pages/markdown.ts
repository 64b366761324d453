import { groundingMarkdown } from '../grounding.js';
import { reportMessages } from '../messages.js';
import type { ParkReport } from '../model.js';
import { chartFile, chartGroups, chartTitle } from '../sections.js';

/** Escapes text for a Markdown table cell or line: pipes, brackets, emphasis, line breaks. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${header.map(md).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)];
}

/**
 * The report as Markdown: headline, targets table, the charts as PNG images (from `charts/`),
 * sources beside assumptions (as two lists), findings, warnings.
 *
 * @example
 * ```ts
 * await writeFile('report.md', reportMarkdown(buildReport(input)));
 * ```
 */
export function reportMarkdown(report: ParkReport): string {
  const m = reportMessages(report.lang);
  const lines: string[] = [`# ${md(report.title)}`, '', `${md(report.location)} · ${md(report.horizon)}`, '', `_${md(report.subtitle)}_`, ''];
  lines.push(...report.headline.lines.map((line) => `> ${md(line)}`), '');

  if (report.answer.items.length > 0) {
    const a = m.answer;
    lines.push(`## ${a.heading}`, '');
    if (report.answer.expected !== null) lines.push(md(report.answer.expected), '');
    for (const item of report.answer.items) {
      lines.push(
        `- ${m.labelled(`**${md(item.label)}**`, `${md(item.probabilityText)}, ${md(item.likelihoodText)}.`)} ${m.labelled(md(a.nominal), md(item.nominal))}.`,
      );
      if (item.takes !== null) lines.push(`  - ${m.labelled(md(a.takes), md(item.takes))}`);
      for (const d of item.drivers) lines.push(`  - ${m.labelled(md(a.drivers), md(d.text))}`);
      for (const f of item.findings) lines.push(`  - ${m.labelled(md(a.checkNotes), md(f))}`);
    }
    lines.push('');
    if (report.answer.spreadNote !== null) lines.push(`_${md(report.answer.spreadNote)}_`, '');
    lines.push(`_${md(report.answer.precision)}_`, '');
  }

  if (report.targets.length > 0) {
    lines.push(`## ${m.targetsHeading}`, '', md(m.targetsIntro(report.confidence)), '');
    const rows = [...report.targets, ...(report.joint ? [report.joint] : []), ...report.otherJoints].map((t) => [
      t.label,
      t.kind,
      t.threshold,
      t.deterministic,
      t.probabilityText,
      t.interval,
      t.firstYear,
    ]);
    lines.push(...table([m.colTarget, m.colKind, m.colThreshold, m.colDeterministic, m.colProbability, m.colInterval, m.colFirstYear], rows), '');
  }

  lines.push(...groundingMarkdown(report.grounding, report.lang, md));

  lines.push(`## ${m.chartsHeading}`, '');
  for (const group of chartGroups(report.charts, m)) {
    lines.push(`### ${md(group.heading)}`, '');
    for (const chart of group.charts) {
      lines.push(
        `![${md(chartTitle(chart))}](${chartFile(chart, 'png')})`,
        '',
        `[SVG](${chartFile(chart, 'svg')}) · [Vega-Lite](${chartFile(chart, 'vl.json')})`,
        '',
      );
    }
  }

  lines.push(`## ${m.sourcesHeading}`, '', md(m.sourcesIntro), '');
  const figure = (f: ParkReport['sourced'][number]) =>
    `- ${m.labelled(`**${md(f.label)}**`, md(f.value))}${f.detail ? ` — ${md(f.detail)}` : ''}${f.source ? ` (${m.labelled(m.source, md(f.source))})` : ''}`;
  lines.push(`### ${m.sourcedColumn}`, '', ...(report.sourced.length > 0 ? report.sourced.map(figure) : [m.noSourced]), '');
  lines.push(`### ${m.assumedColumn}`, '', ...(report.assumed.length > 0 ? report.assumed.map(figure) : [m.noAssumed]), '');
  if (report.sources.length > 0) {
    lines.push(`### ${m.sourcesList}`, '', ...report.sources.map((s) => `- ${md(s.id)}: ${md(s.text)}${s.url ? ` <${s.url}>` : ''}`), '');
  }

  lines.push(`## ${m.findingsHeading}`, '');
  if (report.findings === null) lines.push(m.findingsUnavailable, '');
  else if (report.findings.length === 0) lines.push(m.noFindings, '');
  else {
    lines.push(md(m.findingsIntro), '');
    for (const f of report.findings) {
      const tags = [m.severity[f.severity] ?? f.severity, f.confidence ? m.confidence(f.confidence) : undefined, f.code].filter(Boolean).join(', ');
      lines.push(`- ${m.labelled(`**${md(tags)}**`, md(f.message))}`);
    }
    lines.push('');
  }
  if (report.warnings.length > 0) lines.push(`## ${m.warningsHeading}`, '', ...report.warnings.map((w) => `- ${md(w)}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
