import type { Lang } from '../charts/messages.js';
import type { Projection, SimulationResult } from '../results/types.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import type { ReportFinding } from './model.js';

/**
 * What `parkcast report` writes as `results.json`: the run's figures in full, for a reader's own
 * analysis. docs/results.schema.json is generated from this type (`npm run schema`) and
 * docs/results-format.md lists it field by field; a test keeps both in step with this file.
 */
export interface ReportResultsFile {
  /** The version of parkcast that wrote the file. */
  readonly parkcastVersion: string;
  /** The scenario file the report was written from, as given on the command line; null when the scenario came from code. */
  readonly file: string | null;
  /** The language of the report beside this file: `en` or `zh`. Figures here are the same in both. */
  readonly lang: Lang;
  /** The scenario's `park` block, as written: id, name, location, zones. */
  readonly park: Scenario['park'];
  /** The deterministic projection: every assumption at its point value (the report's "nominal case"). */
  readonly projection: Projection;
  /** The Monte Carlo summary: each target's probability with its interval, the joint odds, the metrics' quantiles. */
  readonly simulation: SimulationResult;
  /** The data check's findings: figures that contradict each other or look implausible, most severe first. */
  readonly findings: readonly ReportFinding[];
}
