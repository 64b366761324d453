/**
 * parkcast: how likely is a park to meet its announced targets?
 *
 * The public API, grouped: read a scenario, project it, simulate it, read the results.
 * @packageDocumentation
 */

// Scenarios: the format, validation and loading
export { ScenarioSchema } from './scenario/schema/scenario.js';
export type {
  Scenario,
  ScenarioInput,
  Parameter,
  Metric,
  Source,
  ContextFigure,
  Series,
  CurrencyConversion,
  Variant,
  Correlation,
} from './scenario/schema/scenario.js';
export type { Distribution } from './scenario/schema/distribution.js';
export type { Process, Step } from './scenario/schema/process.js';
export type { Target, Comparison, Measure } from './scenario/schema/target.js';
export type { Unit, Quantity } from './scenario/schema/common.js';
export { parseScenario, safeParseScenario, type ParseResult, type ParseOptions } from './scenario/validate.js';
export { loadScenario, safeLoadScenario } from './scenario/load.js';
export { safeParseScenarioText, type ScenarioFormat } from './scenario/text.js';
export { scenarioHash } from './scenario/hash.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';

// Problems in input
export { ScenarioError, formatProblem, formatPath, type Problem } from './problems/problem.js';

// Projections and simulations
export { project } from './results/project.js';
export { simulate, DEFAULT_SEED, DEFAULT_TRIALS, type SimulateOptions, type BlockSamples } from './results/simulate.js';
export { sampleTrials, type TrialSamples } from './results/samples.js';
export { simulateShard, mergeShards, shardBlocks, ShardMismatchError, type ShardResult } from './results/shards.js';
export { RunAborted, startWorkers } from './engine/run.js';
export type {
  Projection,
  ProjectedTarget,
  SimulationResult,
  SimulatedTarget,
  SimulatedMetricYear,
  TargetDefinition,
  Quantiles,
  ResultMeta,
} from './results/types.js';

// The data check: problems in a valid scenario's figures
export { checkScenario, formatFinding, formatSummary, type Finding, type Severity, type Confidence } from './check/index.js';

// A planner's questions: what drives the odds, what it would take, what history says, what if
export {
  sensitivity,
  SOBOL_AUTO_LIMIT,
  type SensitivityOptions,
  type SensitivityResult,
  type TargetSensitivity,
  type TornadoBar,
  type SwingEnd,
  type SampleSensitivity,
  type GroupSummary,
  type SwungAssumption,
} from './questions/sensitivity.js';
export { sobolIndices, type SobolResult, type SobolTarget, type SobolDecomposition, type SobolIndex } from './questions/sobolIndices.js';
export { goalSeek, type GoalSeekOptions, type GoalSeekResult, type GoalSeekStatus } from './questions/goalSeek.js';
export { growthNeeded, recentGrowth, type GrowthNeededResult, type GrowthNeededTarget, type RecentGrowth } from './questions/growthNeeded.js';
export {
  calibrateGrowth,
  type CalibrateOptions,
  type CalibrationHistory,
  type AssumedVolatility,
  type GrowthCalibration,
  type Estimate,
} from './questions/calibrate.js';
export {
  GrowthHistorySchema,
  safeParseGrowthHistory,
  safeLoadGrowthHistory,
  seriesHistory,
  calibratableSeries,
  type GrowthHistory,
} from './history/growthHistoryFile.js';
export {
  compare,
  variantEntries,
  type CompareEntry,
  type CompareOptions,
  type ComparisonResult,
  type ComparedTarget,
  type VariantProbability,
} from './questions/compare.js';
export { withAssumptions, withAssumptionFixed } from './assumptions/withAssumptions.js';

// Charts (Vega-Lite specs), rendering, reports
export {
  fanChart,
  targetProbabilitiesChart,
  deadlineDistributionChart,
  firstYearReachedChart,
  scenarioComparisonChart,
  parkCharts,
  exceedanceAt,
  type FanChartInput,
  type ChartOptions,
  type DeadlineDistributionOptions,
  type ComparedResult,
  type ParkChart,
  type ParkChartsInput,
  type Lang,
} from './charts/index.js';
export { renderSvg, renderPng, compileChart, type PngOptions, type CompiledChart } from './render/index.js';
export {
  writeReport,
  buildReport,
  reportHtml,
  reportMarkdown,
  REPORT_DEFAULT_TRIALS,
  type WriteReportOptions,
  type WrittenReport,
  type ParkReport,
  type ReportInput,
  type ReportFinding,
} from './report/index.js';

// Statistics helpers
export { wilsonInterval, standardError } from './statistics/wilson.js';
export { quantileSorted } from './statistics/quantiles.js';
export { requiredGrowthRate } from './results/requiredGrowth.js';

export { VERSION } from './version.js';
