/** Vega-Lite specs of parkcast results: plain objects, one chart per file; render them with `src/render`. */

export { type DeadlineDistributionOptions, deadlineDistributionChart, exceedanceAt } from './deadlineDistribution.js';
export { type DiscoveryChartInput, type DiscoveryTrajectory, discoveryBoxesChart } from './discoveryBoxes.js';
export { type FanChartInput, fanChart } from './fanChart.js';
export { firstYearReachedChart } from './firstYearReached.js';
export { type ChartOptions, chartMessages, type Lang } from './messages.js';
export { type ParkChart, type ParkChartsInput, parkCharts } from './parkCharts.js';
export { type ParkSpreadInput, parkSpreadChart } from './parkSpread.js';
export { type ReliabilityChartBin, type ReliabilityChartInput, type ReliabilityChartScores, reliabilityDiagramChart } from './reliabilityDiagram.js';
export { type ComparedResult, scenarioComparisonChart } from './scenarioComparison.js';
export { targetProbabilitiesChart } from './targetProbabilities.js';
export { targetSummary } from './targets.js';
export { type DisplayUnit, displayUnit, formatProbability, formatQuantity } from './units.js';
