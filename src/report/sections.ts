import type { ParkChart } from '../charts/parkCharts.js';
import type { ReportMessages } from './messages.js';

/** The report's chart groups, in reading order, with their headings. */
export function chartGroups(charts: readonly ParkChart[], m: ReportMessages): Array<{ heading: string; charts: ParkChart[] }> {
  const groups = [
    { heading: m.chartsTargets, charts: charts.filter((c) => c.kind === 'targetProbabilities' || c.kind === 'firstYearReached') },
    { heading: m.chartsComparison, charts: charts.filter((c) => c.kind === 'scenarioComparison') },
    { heading: m.chartsMetrics, charts: charts.filter((c) => c.kind === 'fan') },
    { heading: m.chartsDeadline, charts: charts.filter((c) => c.kind === 'deadlineDistribution') },
  ];
  return groups.filter((g) => g.charts.length > 0);
}

/** Where a chart's files are, relative to the report. */
export function chartFile(chart: ParkChart, extension: 'png' | 'svg' | 'vl.json'): string {
  return `charts/${chart.id}.${extension}`;
}

/** A chart's title as one line (for alt text and links). */
export function chartTitle(chart: ParkChart): string {
  const title = (chart.spec as { title?: { text?: string | string[] } }).title?.text;
  return Array.isArray(title) ? title.join(' ') : (title ?? chart.id);
}
