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
  BaselineAssumption,
  Correlation,
  JointTarget,
} from './scenario/schema/scenario.js';
export {
  ScenarioFileSchema,
  type ScenarioFile,
  type ScenarioFileInput,
  type Group,
  type GroupInput,
  type GroupPark,
  type GroupTarget,
  type Aggregate,
} from './scenario/schema/group.js';
export type { GroupLayout } from './scenario/schema/groupLayout.js';
export { expandGroup, parkCopyName, groupTotalName, type Expansion } from './scenario/expandGroup.js';
export type { Distribution } from './scenario/schema/distribution.js';
export type { Process, Step } from './scenario/schema/process.js';
export type { Target, Comparison, Measure } from './scenario/schema/target.js';
export type { Unit, MeasureUnit, Quantity, InputUnit } from './scenario/schema/common.js';
export { INPUT_UNITS, toCanonical, fromCanonical, type InputUnitDefinition } from './scenario/inputUnits.js';
export { defaultsThatMatter, type DefaultNote } from './scenario/defaults.js';
export { parseScenario, safeParseScenario, type ParseResult, type ParseOptions } from './scenario/validate.js';
export { loadScenario, safeLoadScenario } from './scenario/load.js';
export { metricBaseline, type MetricBaseline, type BaselineForm } from './scenario/baseline.js';
export { safeParseScenarioText, type ScenarioFormat } from './scenario/text.js';
export { scenarioHash } from './scenario/hash.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';

// Problems in input
export { ScenarioError, formatProblem, formatPath, type Problem } from './problems/problem.js';

// Projections and simulations
export { project } from './results/project.js';
export {
  simulate,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  MAX_TRIALS,
  MAX_SHARDED_TRIALS,
  type SimulateOptions,
  type PrecisionOptions,
  type BlockSamples,
} from './results/simulate.js';
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
  JointProbability,
  SimulatedStrive,
  ProjectedStrive,
  MetricPresentation,
  TargetBaseRate,
  TargetOutsideView,
} from './results/types.js';

// The data check: problems in a valid scenario's figures
export { checkScenario, formatFinding, formatSummary, type Finding, type Severity, type Confidence } from './check/index.js';

// A planner's questions: what drives the odds, what it would take, what history says, what if
export {
  sensitivity,
  sensitivityRunCount,
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
export {
  backtest,
  type BacktestOptions,
  type BacktestResult,
  type BacktestEvent,
  type BacktestContinuous,
  type ForecasterScores,
} from './questions/backtest.js';
export { percentileOf, meetsTarget } from './results/outcomes.js';
export type { OutcomeAgainstPrediction } from './results/types.js';
export type { Outcome } from './scenario/schema/outcome.js';
export { sobolIndices, type SobolResult, type SobolTarget, type SobolDecomposition, type SobolIndex } from './questions/sobolIndices.js';
export { mainAssumptions, type MainAssumption, type MainAssumptionsOptions } from './questions/mainAssumptions.js';
export { GOAL_SEEK_RUNS_AT_LEAST, goalSeek, type GoalSeekOptions, type GoalSeekResult, type GoalSeekStatus } from './questions/goalSeek.js';
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
export {
  discover,
  type DiscoveryOptions,
  type DiscoveryOutcome,
  type DiscoveryResult,
  type DiscoveryStatus,
  type TargetDiscovery,
  type DiscoveredBox,
  type BoxRestriction,
  type BoxStatistics,
  type TrajectoryPoint,
  type DiscoveryAssumption,
} from './questions/discovery.js';
export {
  scenarioAssumptions,
  assumptionOf,
  baselineAssumptionName,
  BASELINE_ASSUMPTION_PREFIX,
  type ScenarioAssumption,
} from './assumptions/scenarioAssumptions.js';
export { unsourcedBaselineDrivers, type UnsourcedBaselineDriver } from './questions/baselineDrivers.js';

// Charts (Vega-Lite specs), rendering, reports
export {
  fanChart,
  targetProbabilitiesChart,
  deadlineDistributionChart,
  firstYearReachedChart,
  parkSpreadChart,
  type ParkSpreadInput,
  scenarioComparisonChart,
  parkCharts,
  exceedanceAt,
  discoveryBoxesChart,
  type DiscoveryChartInput,
  type DiscoveryTrajectory,
  type FanChartInput,
  type ChartOptions,
  type DeadlineDistributionOptions,
  type ComparedResult,
  type ParkChart,
  type ParkChartsInput,
  type Lang,
} from './charts/index.js';
export { reliabilityDiagramChart, type ReliabilityChartInput, type ReliabilityChartScores, type ReliabilityChartBin } from './charts/index.js';
export { renderSvg, renderPng, compileChart, type PngOptions, type CompiledChart } from './render/index.js';
export {
  writeReport,
  buildReport,
  reportHtml,
  reportMarkdown,
  REPORT_DEFAULT_TRIALS,
  REPORT_ENTRIES,
  reportsIndexHtml,
  reportsIndexPage,
  resultsCsv,
  RESULTS_CSV_COLUMNS,
  metricsCsv,
  METRICS_CSV_COLUMNS,
  assumptionsCsv,
  ASSUMPTIONS_CSV_COLUMNS,
  type IndexedPark,
  type WriteReportOptions,
  type WrittenReport,
  type ParkReport,
  type ReportInput,
  type ReportFinding,
  type ReportResultsFile,
} from './report/index.js';

/**
 * Reference classes: the outside view. A shipped, sourced library of base rates
 * (reference-classes/*.json, docs/reference-classes.md): how often targets of a kind were met. A
 * target names its class with `referenceClass`; `simulate` then gives each such target an
 * `outsideView` (the class's rate and interval, a verdict, a sentence in English and Chinese).
 *
 * @example
 * ```ts
 * import { getReferenceClass, baseRate, outsideView } from 'parkcast';
 * const cls = getReferenceClass('cn-national-gdp-growth-target');
 * baseRate(cls).rate;                 // 15 / 17 = 0.882
 * outsideView(0.4, cls).verdict;      // 'below' (the class's interval is 66–97 %)
 * outsideView(0.4, cls).message.en;   // 'the model gives 40 %; of 17 … 15 were met …'
 * ```
 */
export {
  type BaseRate,
  baseRate,
  baseRateSentence,
  type IntervalMethod,
  type OutsideView,
  type OutsideViewOptions,
  type OutsideViewVerdict,
  outsideView,
  getReferenceClass,
  loadReferenceClasses,
  loadReferenceClassFile,
  loadReferenceLibrary,
  parseReferenceClass,
  ReferenceClassError,
  type ReferenceClassResult,
  type ReferenceLibrary,
  referenceClassFolder,
  shippedReferenceClass,
  shippedReferenceClasses,
  ReferenceClass,
  type Observation,
  type CountResult,
  type RateResult,
} from './reference/index.js';

// Writing output
export { OutputPathError } from './files/index.js';

// Statistics helpers
export { wilsonInterval, standardError } from './statistics/wilson.js';
export { quantileSorted } from './statistics/quantiles.js';
export { requiredGrowthRate } from './results/requiredGrowth.js';
export {
  brierScore,
  brierDecomposition,
  logScore,
  reliabilityDiagram,
  intervalCoverage,
  sampleCoverage,
  centralInterval,
  crpsSample,
  crpsQuantiles,
  type BrierDecomposition,
  type ForecastBins,
  type LogScore,
  type ReliabilityBin,
  type Coverage,
} from './statistics/scores.js';
export { binomialUpperTail } from './statistics/binomialTest.js';

export { VERSION } from './version.js';
