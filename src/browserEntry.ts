/**
 * parkcast in a browser: the part of the public API that needs no file system, no worker threads
 * and no Node built-ins. Read and check a scenario from its text, project it, simulate it on the
 * page's own thread (or a Web Worker's), and build the Vega-Lite specs of its charts. The results
 * are the same, bit for bit, as `src/index.ts` gives in Node for the same scenario, seed and
 * trials. Bundled by tsup into `dist/browser/parkcast.js` (docs/browser.md).
 * @packageDocumentation
 */

// Scenarios: the format and validation (from text or a parsed document, not from files)
export { ScenarioSchema } from './scenario/schema/scenario.js';
export type { Scenario, ScenarioInput } from './scenario/schema/scenario.js';
export { parseScenario, safeParseScenario, type ParseResult, type ParseOptions } from './scenario/validate.js';
export { safeParseScenarioText, type ScenarioFormat } from './scenario/text.js';
export { scenarioHash } from './scenario/hash.js';
export { ScenarioError, formatProblem, formatPath, type Problem } from './problems/problem.js';

// Projections and simulations, on this thread (`workers` must stay 1)
export { project } from './results/project.js';
export { simulate, DEFAULT_SEED, DEFAULT_TRIALS, type SimulateOptions } from './results/simulate.js';
export { RunAborted } from './engine/run.js';
// What-if: a scenario with some assumptions' distributions replaced (e.g. fixed at a value)
export { withAssumptions, withAssumptionFixed } from './assumptions/withAssumptions.js';
export type { Distribution } from './scenario/schema/distribution.js';
export type { Projection, ProjectedTarget, SimulationResult, SimulatedTarget, SimulatedMetricYear, Quantiles, ResultMeta } from './results/types.js';

// The data check
export { checkScenario, formatFinding, type Finding, type Severity } from './check/index.js';

// Charts (Vega-Lite specs; a page draws them with vega-embed) and the numbers as they show
export {
  fanChart,
  targetProbabilitiesChart,
  deadlineDistributionChart,
  firstYearReachedChart,
  parkCharts,
  formatQuantity,
  formatProbability,
  type ParkChart,
  type ParkChartsInput,
  type Lang,
} from './charts/index.js';

export { wilsonInterval, standardError } from './statistics/wilson.js';
export { VERSION } from './version.js';
