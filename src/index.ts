/**
 * parkcast: how likely is a park to meet its announced targets?
 *
 * The public API, grouped: read a scenario, project it, simulate it, read the results.
 * @packageDocumentation
 */

// Scenarios: the format, validation and loading
export { ScenarioSchema } from './scenario/schema/scenario.js';
export type { Scenario, ScenarioInput, Parameter, Metric, Source, ContextFigure, Series, CurrencyConversion, Variant, Correlation } from './scenario/schema/scenario.js';
export type { Distribution } from './scenario/schema/distribution.js';
export type { Process, Step } from './scenario/schema/process.js';
export type { Target, Comparison, Measure } from './scenario/schema/target.js';
export type { Unit, Quantity } from './scenario/schema/common.js';
export { parseScenario, safeParseScenario, type ParseResult, type ParseOptions } from './scenario/validate.js';
export { loadScenario, safeLoadScenario } from './scenario/load.js';
export { scenarioHash } from './scenario/hash.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';

// Problems in input
export { ScenarioError, formatProblem, formatPath, type Problem } from './problems/problem.js';

// Projections and simulations
export { project } from './analysis/project.js';
export { simulate, DEFAULT_SEED, DEFAULT_TRIALS, type SimulateOptions, type BlockSamples } from './analysis/simulate.js';
export { sampleTrials, type TrialSamples } from './analysis/samples.js';
export { simulateShard, mergeShards, shardBlocks, ShardMismatchError, type ShardResult } from './analysis/shards.js';
export { RunAborted } from './engine/run.js';
export type {
  Projection, ProjectedTarget, SimulationResult, SimulatedTarget, SimulatedMetricYear, TargetDefinition, Quantiles, ResultMeta,
} from './analysis/results.js';

// The data check: problems in a valid scenario's figures
export { checkScenario, formatFinding, formatSummary, type Finding, type Severity, type Confidence } from './check/index.js';

// Statistics helpers
export { wilsonInterval, standardError } from './analysis/wilson.js';
export { quantileSorted } from './analysis/quantiles.js';
export { requiredGrowthRate } from './analysis/requiredGrowth.js';

export { VERSION } from './version.js';
