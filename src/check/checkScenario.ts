import type { Scenario } from '../scenario/schema/scenario.js';
import { checkTargetsAtBaseline } from './baseline.js';
import { checkCurrencyConversions } from './currency.js';
import { checkDates } from './dates.js';
import { bySeverity, type Finding } from './finding.js';
import { checkSeriesGrowth } from './growth.js';
import { checkProvenance } from './provenance.js';
import { checkRatios } from './ratios.js';
import { checkUnits } from './units.js';

/**
 * Looks for problems in a validated scenario's data: figures that contradict each other or
 * common sense, targets met before they start, dates that do not fit, and figures without
 * provenance. Findings are data, most severe first; none of them stops a simulation.
 *
 * @example
 * ```ts
 * const scenario = await loadScenario('seeds/taiyuan-intelligent-park.json');
 * checkScenario(scenario);
 * // [{ code: 'currency_rate_implausible', severity: 'error', confidence: 'high',
 * //    message: 'The conversion cumulative-revenue-usd gives 6 billion yuan as $943.25 billion: 0.0064 yuan per US dollar, …',
 * //    figures: ['cumulative-revenue-usd', 'cumulative-revenue-since-2015'], path: ['currencyConversions', 0] }]
 * ```
 */
export function checkScenario(scenario: Scenario): Finding[] {
  return [
    ...checkCurrencyConversions(scenario),
    ...checkRatios(scenario),
    ...checkSeriesGrowth(scenario),
    ...checkTargetsAtBaseline(scenario),
    ...checkDates(scenario),
    ...checkUnits(scenario),
    ...checkProvenance(scenario),
  ].sort(bySeverity);
}
