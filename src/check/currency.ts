import { fixedBaseline } from '../scenario/baseline.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { bands } from './bands.js';
import type { Finding } from './finding.js';
import { type CheckLang, checkMessagesIn } from './messages.js';

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const inBand = (rate: number) => rate >= bands.yuanPerUsd.low && rate <= bands.yuanPerUsd.high;

type Rated = { c: { id: string }; index: number; implied: number };

/**
 * Whether conversion `index` stands out from the others: with three or more, by more than the
 * allowed spread from their median (which one outlier cannot move); with two, the later of a
 * disagreeing pair is reported, since either may be the odd one.
 */
function outlierOf(rated: readonly Rated[], index: number): { typical: number; others: string[] } | undefined {
  const self = rated.find((r) => r.index === index);
  const others = rated.filter((r) => r.index !== index);
  if (self === undefined || others.length === 0) return undefined;
  if (others.length === 1 && self.index < others[0].index) return undefined;
  const typical = others.length === 1 ? others[0].implied : median(rated.map((r) => r.implied));
  if (Math.abs(self.implied / typical - 1) <= bands.conversionSpread) return undefined;
  return { typical, others: others.map((o) => o.c.id) };
}

/** The power of ten that brings a rate into the band (a "billion" for "million" slip), if one does. */
function scaleSlip(implied: number, usd: number) {
  for (const factor of [10, 100, 1000, 10000]) {
    if (inBand(implied * factor)) return { factor, usd: usd / factor, rate: implied * factor, tooLarge: true };
    if (inBand(implied / factor)) return { factor, usd: usd * factor, rate: implied / factor, tooLarge: false };
  }
  return undefined;
}

/** The stated values of the figure a conversion belongs to (none if not a plain number), or undefined if there is no such figure. */
function figureValues(scenario: Scenario, id: string): number[] | undefined {
  const context = scenario.context.find((c) => c.id === id);
  if (context) return [context.value];
  const series = scenario.series.find((s) => s.id === id);
  if (series) return series.points.flatMap((p) => (p.value === undefined ? [] : [p.value]));
  const target = scenario.targets.find((t) => t.id === id);
  if (target) return Array.isArray(target.threshold) ? [...target.threshold] : [target.threshold];
  const name = id.startsWith('metrics.') ? id.slice('metrics.'.length) : id;
  if (Object.hasOwn(scenario.metrics, name)) {
    const baseline = fixedBaseline(scenario.metrics[name]);
    return baseline === undefined ? [] : [baseline];
  }
  return undefined;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Compares each yuan/dollar pair's implied exchange rate with the plausible band and with the
 * scenario's other conversions, and each conversion's yuan amount with the figure it belongs to.
 *
 * @example
 * ```ts
 * checkCurrencyConversions(scenario); // 6 billion yuan as $943.25 billion -> error, 0.0064 yuan per dollar
 * ```
 */
export function checkCurrencyConversions(scenario: Scenario, lang: CheckLang = 'en'): Finding[] {
  const m = checkMessagesIn(lang);
  const findings: Finding[] = [];
  const conversions = scenario.currencyConversions.map((c, index) => ({ c, index, implied: c.yuan / c.usd }));
  const { low, high } = bands.yuanPerUsd;
  for (const { c, index, implied } of conversions) {
    const figures = c.figure === undefined ? [c.id] : [c.id, c.figure];
    const path = ['currencyConversions', index];
    if (!inBand(implied)) {
      const near = implied >= low / bands.yuanPerUsdNearFactor && implied <= high * bands.yuanPerUsdNearFactor;
      findings.push(
        near
          ? {
              code: 'currency_rate_implausible',
              severity: 'warning',
              confidence: 'medium',
              message: m.currencyOdd(c.id, c.yuan, c.usd, implied, low, high),
              figures,
              path,
            }
          : {
              code: 'currency_rate_implausible',
              severity: 'error',
              confidence: 'high',
              message: m.currencyImplausible(c.id, c.yuan, c.usd, implied, low, high, scaleSlip(implied, c.usd)),
              figures,
              path,
            },
      );
    } else {
      const outlier = outlierOf(
        conversions.filter((o) => inBand(o.implied)),
        index,
      );
      if (outlier !== undefined) {
        findings.push({
          code: 'currency_rate_outlier',
          severity: 'warning',
          confidence: outlier.others.length >= 2 ? 'medium' : 'low',
          message: m.currencyOutlier(c.id, implied, outlier.typical, outlier.others),
          figures: [...figures, ...outlier.others],
          path,
        });
      }
    }
    if (c.figure !== undefined) {
      const values = figureValues(scenario, c.figure);
      if (values === undefined) {
        findings.push({
          code: 'currency_figure_unknown',
          severity: 'warning',
          confidence: 'high',
          message: m.currencyFigureUnknown(c.id, c.figure),
          figures,
          path: [...path, 'figure'],
        });
      } else if (values.length > 0 && !values.some((v) => close(v, c.yuan))) {
        const nearest = values.reduce((a, b) => (Math.abs(b - c.yuan) < Math.abs(a - c.yuan) ? b : a));
        findings.push({
          code: 'currency_figure_mismatch',
          severity: 'warning',
          confidence: 'high',
          message: m.currencyFigureMismatch(c.id, c.figure, c.yuan, nearest),
          figures,
          path: [...path, 'yuan'],
        });
      }
    }
  }
  return findings;
}
