import type { Scenario } from '../scenario/schema/scenario.js';
import { bands } from './bands.js';
import { type Figure, isCumulative, statedFigures, textOf } from './figures.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

const WORKFORCE = /\b(work(er|force)s?|employ\w*|staff|jobs?|headcount|labou?r)\b/;
const ENTERPRISES = /enterprise|compan(y|ies)|\bfirms?\b|business(es)?\b|market entit|\bentities\b/;
const YEARLY_MONEY = /revenue|output|production|sales|turnover|income|value added|added value|\bgdp\b/;
const NOT_A_FLOW = /\bline\b|threshold|fund|invest|per\b|price|wage|salary|\btax/;

/** Whether two stated figures can be compared: the same source, and years at most `ratioYearGap` apart. */
function comparable(a: Figure, b: Figure): boolean {
  if (a.source !== b.source) return false;
  return a.year === undefined || b.year === undefined || Math.abs(a.year - b.year) <= bands.ratioYearGap;
}

/**
 * Compares figures that bound each other through their units: workers per enterprise (persons over
 * a count of enterprises) and yearly revenue or output per worker (yuan over persons). Figures are
 * recognised by unit and by the words of their id and label; only figures of the same source and
 * neighbouring years are compared, and totals over several years are left out.
 *
 * @example
 * ```ts
 * checkRatios(scenario); // 8,000 workers for 6,000 enterprises -> warning, 1.3 per enterprise
 * ```
 */
export function checkRatios(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const figures = statedFigures(scenario).filter((f) => f.value > 0 && !isCumulative(textOf(f)));
  const workforce = figures.filter((f) => f.unit === 'persons' && WORKFORCE.test(textOf(f)));
  const enterprises = figures.filter((f) => f.unit === 'count' && ENTERPRISES.test(textOf(f)));
  const money = figures.filter((f) => f.unit === 'yuan' && YEARLY_MONEY.test(textOf(f)) && !NOT_A_FLOW.test(textOf(f)));
  const findings: Finding[] = [];

  for (const workers of workforce) {
    const few = enterprises
      .filter((e) => comparable(workers, e))
      .map((e) => ({ ref: e.ref, value: e.value, ratio: workers.value / e.value }))
      .filter((p) => p.ratio < bands.minWorkersPerEnterprise);
    if (few.length > 0) {
      const sure = few.some((p) => p.ratio < 1);
      findings.push({
        code: 'ratio_workers_per_enterprise',
        severity: 'warning',
        confidence: sure ? 'high' : 'medium',
        message: m.fewWorkers(workers.ref, workers.value, few, bands.minWorkersPerEnterprise, sure),
        figures: [workers.ref, ...few.map((p) => p.ref)],
        path: workers.path,
      });
    }

    const perWorker = money
      .filter((y) => comparable(workers, y))
      .map((y) => ({ ref: y.ref, value: y.value, year: y.year, ratio: (y.halfYear ? 2 * y.value : y.value) / workers.value }));
    const { low, high } = bands.yuanPerWorker;
    for (const tooHigh of [true, false]) {
      const outside = perWorker.filter((p) => (tooHigh ? p.ratio > high : p.ratio < low));
      if (outside.length === 0) continue;
      findings.push({
        code: 'ratio_yuan_per_worker',
        severity: 'warning',
        confidence: 'medium',
        message: m.yuanPerWorker(workers.ref, workers.value, outside, low, high, tooHigh),
        figures: [workers.ref, ...outside.map((p) => p.ref)],
        path: workers.path,
      });
    }
  }
  return findings;
}
