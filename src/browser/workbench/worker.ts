/**
 * The workbench's Web Worker: checks the editor's text and, when it is a valid scenario, projects
 * and simulates it, off the page's thread so typing never waits. Bundled with the engine into
 * dist/workbench.html (tsup.config.ts, scripts/workbench.ts).
 */
import {
  checkScenario,
  formatPath,
  formatProbability,
  formatQuantity,
  parkCharts,
  project,
  type Scenario,
  safeParseScenarioText,
  simulate,
} from '../../browserEntry.js';
import type { RunReply, RunRequest, ShownProblem, TargetRow } from './protocol.js';

/** The worker's global scope, typed by hand: the project's types have no WebWorker library. */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: RunRequest }) => void) | null;
  postMessage(message: RunReply): void;
};

/** The newest request seen: an older one still running stops replying once it is superseded. */
let newest = 0;

const interval = ([low, high]: readonly [number, number]) => `${formatProbability(low)}–${formatProbability(high)}`;

function threshold(scenario: Scenario, metric: string, value: number | readonly [number, number]): string {
  const unit = scenario.metrics[metric].unit;
  return typeof value === 'number' ? formatQuantity(value, unit, 'en') : `${formatQuantity(value[0], unit, 'en')} to ${formatQuantity(value[1], unit, 'en')}`;
}

async function run(request: RunRequest): Promise<RunReply | undefined> {
  const parsed = await safeParseScenarioText(request.text, request.format);
  if (request.id !== newest) return undefined;
  if (!parsed.ok) return { id: request.id, ok: false, problems: parsed.problems.map((p) => ({ path: formatPath(p.path), message: p.message })) };
  const scenario = parsed.scenario;
  const started = performance.now();
  const projection = await project(scenario);
  const simulation = await simulate(scenario, { trials: request.trials, seed: request.seed });
  const elapsedMs = performance.now() - started;
  const targets: TargetRow[] = simulation.targets.map((t, i) => {
    const projected = projection.targets[i];
    return {
      id: t.id,
      label: t.label,
      kind: t.kind,
      deadline: t.deadline,
      threshold: `${t.comparison} ${threshold(scenario, t.metric, t.threshold)}`,
      projected: formatQuantity(projected.value, scenario.metrics[t.metric].unit, 'en'),
      projectedMet: projected.met,
      probability: formatProbability(t.probability),
      interval: interval(t.interval),
    };
  });
  const findings: ShownProblem[] = checkScenario(scenario).map((f) => ({ path: f.path ? formatPath(f.path) : f.figures.join(', '), message: f.message }));
  return {
    id: request.id,
    ok: true,
    park: scenario.park.name,
    trials: simulation.meta.trials,
    seed: simulation.meta.seed,
    elapsedMs,
    joint:
      simulation.joint.targets.length > 0
        ? { probability: formatProbability(simulation.joint.probability), interval: interval(simulation.joint.interval) }
        : null,
    targets,
    findings,
    charts: parkCharts({ simulation, projection }, 'en')
      .filter((c) => c.kind === 'targetProbabilities' || c.kind === 'fan')
      .map((c) => ({ id: c.id, spec: c.spec })),
  };
}

scope.onmessage = (event) => {
  const request = event.data;
  newest = request.id;
  run(request).then(
    (reply) => {
      if (reply !== undefined && request.id === newest) scope.postMessage(reply);
    },
    (error: unknown) => scope.postMessage({ id: request.id, ok: false, failure: error instanceof Error ? error.message : String(error) }),
  );
};
