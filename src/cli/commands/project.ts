import { type Projection, project } from '../../index.js';
import { formatNeeded, formatRate, formatThreshold, formatValue, shownMetrics, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

/** The deterministic projection as text: targets first, then each metric's path. */
export function projectionText(projection: Projection, title: string): string {
  const targets = table(
    ['target', 'kind', 'deadline', 'threshold', 'projected', 'met', 'first met', 'needs', 'projected growth'],
    projection.targets.map((t) => [
      t.id,
      t.kind,
      String(t.deadline),
      formatThreshold(t.comparison, t.threshold, t.unit, t.displayUnit),
      formatValue(t.value, t.unit, t.displayUnit),
      t.met ? 'yes' : 'no',
      t.firstYearMet === null ? '—' : t.firstYearMet > t.deadline ? `${t.firstYearMet} (late)` : String(t.firstYearMet),
      formatNeeded(t),
      formatRate(t.projectedGrowthRate),
    ]),
  );
  const { shown, note } = shownMetrics(projection.metrics);
  const metrics = table(
    ['metric', ...projection.years.map(String)],
    shown.map((m) => [m.label, ...m.values.map((v) => formatValue(v, m.unit, m.displayUnit))]),
  );
  const strived = projection.targets.filter((t) => t.strive !== undefined);
  const strive =
    strived.length > 0
      ? `\n\nStrive levels (the table above is at the ensure levels):\n${table(
          ['target', 'strive threshold', 'met', 'needs'],
          strived.map((t) => {
            const level = t.strive as NonNullable<typeof t.strive>;
            return [
              t.id,
              formatThreshold(t.comparison, level.threshold, t.unit, t.displayUnit),
              level.met ? 'yes' : 'no',
              formatRate(level.requiredGrowthRate),
            ];
          }),
        )}`
      : '';
  return `${title}\nDeterministic projection (every assumption at its point value, no noise)\n\n${targets}${strive}\n\n${metrics}${note}`;
}

/** `parkcast project FILE`: the deterministic table, or JSON with --json. */
export async function projectCommand(file: string, options: { json?: boolean }, io: Io): Promise<number> {
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  const projection = await project(scenario);
  if (options.json) printJson(io, projection);
  else io.out(projectionText(projection, `${scenario.park.name} (${file})`));
  return EXIT.ok;
}
