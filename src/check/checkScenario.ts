import type { Scenario } from '../scenario/schema/scenario.js';
import { checkTargetsAtBaseline } from './baseline.js';
import { checkCurrencyConversions } from './currency.js';
import { checkDates } from './dates.js';
import { bySeverity, type Finding } from './finding.js';
import { checkSeriesGrowth } from './growth.js';
import type { CheckLang } from './messages.js';
import { checkProvenance } from './provenance.js';
import { checkRatios } from './ratios.js';
import { checkUnits } from './units.js';

/**
 * Looks for problems in a validated scenario's data: figures that contradict each other or
 * common sense, targets met before they start, dates that do not fit, and figures without
 * provenance. Findings are data, most severe first; none of them stops a simulation. Their
 * messages are in English unless `lang: 'zh'` asks for Chinese (the codes, figures and paths are the same).
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
export function checkScenario(scenario: Scenario, options: { readonly lang?: CheckLang } = {}): Finding[] {
  const lang = options.lang ?? 'en';
  return [
    ...checkCurrencyConversions(scenario, lang),
    ...checkRatios(scenario, lang),
    ...checkSeriesGrowth(scenario, lang),
    ...checkTargetsAtBaseline(scenario, lang),
    ...checkDates(scenario, lang),
    ...checkUnits(scenario, lang),
    ...checkProvenance(scenario, lang),
  ].sort(bySeverity);
}

/** What identifies a finding, whatever its language. */
type FindingKey = { readonly code?: string; readonly path?: readonly (string | number)[]; readonly figures?: readonly string[] };

/**
 * Findings in another language: each one matched, by code, path and figures, to the finding the
 * check makes in `lang`; a finding the check does not make (a caller's own) stays as it is.
 *
 * @example
 * ```ts
 * findingsIn(scenario, checkScenario(scenario), 'zh')[0].message; // '货币换算 cumulative-revenue-usd 把 60 亿元 折为 …'
 * ```
 */
export function findingsIn<F extends FindingKey>(scenario: Scenario, findings: readonly F[], lang: CheckLang): Array<F | Finding> {
  if (lang === 'en') return [...findings];
  const key = (f: FindingKey) => JSON.stringify([f.code ?? null, f.path ?? null, f.figures ?? []]);
  const translated = new Map(checkScenario(scenario, { lang }).map((f) => [key(f), f]));
  return findings.map((f) => translated.get(key(f)) ?? f);
}
