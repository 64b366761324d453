/**
 * parkcast in a browser: the part of the public API that needs no file system, no worker threads
 * and no Node built-ins. Read and check a scenario from its text, project it, simulate it on the
 * page's own thread (or a Web Worker's), and build the Vega-Lite specs of its charts. The results
 * are the same, bit for bit, as `src/index.ts` gives in Node for the same scenario, seed and
 * trials. Bundled by tsup into `dist/browser/parkcast.js` (docs/browser.md).
 * @packageDocumentation
 */

// Charts (Vega-Lite specs; a page draws them with vega-embed)
export {
  deadlineDistributionChart,
  fanChart,
  firstYearReachedChart,
  type Lang,
  type ParkChart,
  type ParkChartsInput,
  parkCharts,
  targetProbabilitiesChart,
} from './charts/index.js';
// The data check
export { checkScenario, type Finding, formatFinding, type Severity } from './check/index.js';
export { RunAborted } from './engine/run.js';
export { formatPath, formatProblem, type Problem, ScenarioError } from './problems/problem.js';
// Projections and simulations, on this thread (`workers` must stay 1)
export { project } from './results/project.js';
export { DEFAULT_SEED, DEFAULT_TRIALS, type SimulateOptions, simulate } from './results/simulate.js';
export type { ProjectedTarget, Projection, Quantiles, ResultMeta, SimulatedMetricYear, SimulatedTarget, SimulationResult } from './results/types.js';
export { scenarioHash } from './scenario/hash.js';
export type { Scenario, ScenarioInput } from './scenario/schema/scenario.js';
// Scenarios: the format and validation (from text or a parsed document, not from files)
export { ScenarioSchema } from './scenario/schema/scenario.js';
export { type ScenarioFormat, safeParseScenarioText } from './scenario/text.js';
export { type ParseOptions, type ParseResult, parseScenario, safeParseScenario } from './scenario/validate.js';

export { standardError, wilsonInterval } from './statistics/wilson.js';
export { VERSION } from './version.js';
