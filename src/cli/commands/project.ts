import { type Projection, project } from '../../index.js';
import { formatNeeded, formatRate, formatThreshold, formatValue, table } from '../format.js';
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
      formatThreshold(t.comparison, t.threshold, t.unit),
      formatValue(t.value, t.unit),
      t.met ? 'yes' : 'no',
      t.firstYearMet === null ? '—' : t.firstYearMet > t.deadline ? `${t.firstYearMet} (late)` : String(t.firstYearMet),
      formatNeeded(t),
      formatRate(t.projectedGrowthRate),
    ]),
  );
  const metrics = table(
    ['metric', ...projection.years.map(String)],
    projection.metrics.filter((m) => m.park === undefined).map((m) => [m.label, ...m.values.map((v) => formatValue(v, m.unit))]),
  );
  return `${title}\nDeterministic projection (every assumption at its point value, no noise)\n\n${targets}\n\n${metrics}`;
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
