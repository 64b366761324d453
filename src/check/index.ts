/** The data check: problems in a valid scenario's figures, reported as findings. */

export { bands } from './bands.js';
export { checkTargetsAtBaseline } from './baseline.js';
export { checkScenario, findingsIn } from './checkScenario.js';

// The single checks, for callers that want only some.
export { checkCurrencyConversions } from './currency.js';
export { checkDates } from './dates.js';
export type { Confidence, Finding, Severity } from './finding.js';
export { formatFinding, formatSummary } from './format.js';
export { checkSeriesGrowth } from './growth.js';
export { amount, type CheckLang, checkMessagesIn } from './messages.js';
export { checkProvenance } from './provenance.js';
export { checkRatios } from './ratios.js';
export { checkUnits } from './units.js';
