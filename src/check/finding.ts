/** How bad a finding is: `error` is almost surely wrong data, `warning` probably wrong, `info` worth a look. */
export type Severity = 'error' | 'warning' | 'info';

/** How sure the check is that the finding is a real problem (and not, say, two figures of different scopes). */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * A problem in a scenario's data (its shape is already valid): a figure that contradicts another,
 * a ratio no park shows, a target met before it starts, a figure without provenance.
 */
export interface Finding {
  /** A stable machine-readable code, e.g. `currency_rate_implausible`. */
  readonly code: string;
  /** How bad it is: `error` (almost surely wrong data), `warning` (probably wrong), `info` (worth a look). */
  readonly severity: Severity;
  /** How sure the check is that it is a real problem. */
  readonly confidence: Confidence;
  /** A sentence for a person: what was found, with the figures and the expected range. */
  readonly message: string;
  /** The figures involved: ids of targets, context figures, series and conversions; `metrics.x` or `parameters.x` for named entries. */
  readonly figures: string[];
  /** The field path of the main figure inside the scenario document. */
  readonly path?: (string | number)[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings by severity, keeping the order of the checks within a severity. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
