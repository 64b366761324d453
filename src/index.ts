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
export { scenarioHash } from './scenario/hash.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';

// Problems in input
export { ScenarioError, formatProblem, formatPath, type Problem } from './problems/problem.js';

// Projections and simulations
export { project } from './analysis/project.js';
export { simulate, DEFAULT_SEED, DEFAULT_TRIALS, type SimulateOptions, type BlockSamples } from './analysis/simulate.js';
export { sampleTrials, type TrialSamples } from './analysis/samples.js';
export { simulateShard, mergeShards, shardBlocks, ShardMismatchError, type ShardResult } from './analysis/shards.js';
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
} from './analysis/results.js';

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
} from './analysis/sensitivity.js';
export { sobolIndices, type SobolResult, type SobolTarget, type SobolDecomposition, type SobolIndex } from './analysis/sobolIndices.js';
export { goalSeek, type GoalSeekOptions, type GoalSeekResult, type GoalSeekStatus } from './analysis/goalSeek.js';
export { growthNeeded, recentGrowth, type GrowthNeededResult, type GrowthNeededTarget, type RecentGrowth } from './analysis/growthNeeded.js';
export {
  calibrateGrowth,
  type CalibrateOptions,
  type CalibrationHistory,
  type AssumedVolatility,
  type GrowthCalibration,
  type Estimate,
} from './analysis/calibrate.js';
export {
  GrowthHistorySchema,
  safeParseGrowthHistory,
  safeLoadGrowthHistory,
  seriesHistory,
  calibratableSeries,
  type GrowthHistory,
} from './analysis/growthHistoryFile.js';
export {
  compare,
  variantEntries,
  type CompareEntry,
  type CompareOptions,
  type ComparisonResult,
  type ComparedTarget,
  type VariantProbability,
} from './analysis/compare.js';
export { withAssumptions, withAssumptionFixed } from './analysis/withAssumptions.js';

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
export { wilsonInterval, standardError } from './analysis/wilson.js';
export { quantileSorted } from './analysis/quantiles.js';
export { requiredGrowthRate } from './analysis/requiredGrowth.js';

export { VERSION } from './version.js';
