/**
 * The answer first: per target its odds in words and numbers, what it would take, what drives
 * it; the expected number of targets met; the data check's findings that touch each target.
 * Built from results already computed (a small tornado, the growth needed): nothing runs here.
 */
import { labelIn } from '../charts/localise.js';
import type { Lang } from '../charts/messages.js';
import type { GrowthNeededResult } from '../questions/growthNeeded.js';
import type { SensitivityResult } from '../questions/sensitivity.js';
import type { Projection, SimulatedTarget, SimulationResult } from '../results/types.js';
import { type Likelihood, reportMessages } from './messages.js';

/** How the report names an assumption and writes one of its values (the report model knows the scenario's labels and units). */
export interface AssumptionWording {
  readonly label: (assumption: string) => string;
  readonly value: (assumption: string, value: number) => string;
}

/** One assumption that moves a target's odds: the probability with it fixed at its low and its high percentile. */
export interface AnswerDriver {
  readonly assumption: string;
  readonly label: string;
  readonly lowValue: string;
  readonly highValue: string;
  readonly lowProbability: number;
  readonly highProbability: number;
  /** "42.0% at its 10th percentile (…) to 71.5% at its 90th (…)". */
  readonly text: string;
}

/** A target as the answer-first section shows it. */
export interface AnswerItem {
  readonly id: string;
  readonly label: string;
  readonly kind: 'official' | 'stretch';
  readonly probability: number;
  /** The probability as shown: its bound where it is below the display resolution ("below 0.02%"). */
  readonly probabilityText: string;
  readonly likelihood: Likelihood;
  readonly likelihoodText: string;
  /** The nominal case (every assumption at its central value), as a value: "9.996 billion yuan". */
  readonly nominal: string;
  /** One sentence of what it would take: growth needed against the nominal and the recent growth; null where no rate says it. */
  readonly takes: string | null;
  /** The two or three assumptions that move its odds most (empty where the tornado was not run or nothing moves it). */
  readonly drivers: readonly AnswerDriver[];
  /** The data check's findings that name this target or its metric, in words. */
  readonly findings: readonly string[];
}

export interface Answer {
  readonly items: readonly AnswerItem[];
  /** "Expected number of official targets met: 3.4 of 7 …"; null with fewer than two official targets. */
  readonly expected: string | null;
  /** Simulation precision, stated once. */
  readonly precision: string;
  /** What the driver ranges mean, stated once (null without drivers). */
  readonly spreadNote: string | null;
  /** High-confidence errors of the data check: shown in the headline. */
  readonly alerts: readonly string[];
}

/** A finding as the answer needs it: its words, and the figures it names. */
export interface AnswerFinding {
  readonly severity: string;
  readonly message: string;
  readonly confidence?: string;
  readonly figures?: readonly string[];
}

/** Rounds up (or down) to two significant digits: an honest bound never shows less than it is. */
function twoDigits(x: number, direction: 'up' | 'down'): number {
  if (x <= 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return (direction === 'up' ? Math.ceil(x / scale - 1e-9) : Math.floor(x / scale + 1e-9)) * scale;
}

/** A share as a percentage, one decimal, or two significant digits where one decimal would show 0.0 (never "0.0%" for a positive share). */
export function percentText(p: number): string {
  if (p > 0 && p < 0.0005) return `${Number(twoDigits(p * 100, 'up').toPrecision(2))}%`;
  if (p < 1 && p > 0.9995) return `${Number((100 - twoDigits((1 - p) * 100, 'up')).toPrecision(6))}%`;
  return `${(p * 100).toFixed(1)}%`;
}

/**
 * A probability with its interval, honest at the ends: below the display resolution (0.05%)
 * it is its interval's upper bound ("below 0.02%"), above 99.95% its lower bound.
 *
 * @example
 * ```ts
 * honestProbability(0, [0, 0.00019], 'en'); // 'below 0.02%'
 * honestProbability(0.445, [0.438, 0.452], 'en'); // '44.5%'
 * ```
 */
export function honestProbability(p: number, interval: readonly [number, number], lang: Lang): string {
  const m = reportMessages(lang).answer;
  if (p < 0.0005) return m.below(`${Number(twoDigits(Math.max(interval[1], 1e-12) * 100, 'up').toPrecision(2))}%`);
  if (p > 0.9995) return m.above(`${Number((100 - twoDigits(Math.max(1 - interval[0], 1e-12) * 100, 'up')).toPrecision(6))}%`);
  return `${(p * 100).toFixed(1)}%`;
}

/** An interval of shares, each end honest (`percentText`). */
export function intervalText(interval: readonly [number, number]): string {
  return `${percentText(interval[0])}–${percentText(interval[1])}`;
}

function likelihoodOf(p: number): Likelihood {
  if (p >= 0.95) return 'veryLikely';
  if (p >= 0.8) return 'likely';
  if (p >= 0.5) return 'evenOdds';
  if (p >= 0.2) return 'unlikely';
  return 'veryUnlikely';
}

const rate = (r: number) => `${r >= 0 ? '' : '−'}${Math.abs(r * 100).toFixed(1)}%`;

/** What it would take, in one sentence, from the projection's growth needed and the park's recent growth. */
function whatItTakes(
  id: string,
  projection: Projection,
  growth: GrowthNeededResult | undefined,
  baseYear: number,
  lang: Lang,
  nominal: (v: number) => string,
): string | null {
  const m = reportMessages(lang).answer;
  const projected = projection.targets.find((t) => t.id === id);
  if (projected === undefined) return null;
  const recent = growth?.targets.find((t) => t.id === id)?.recent ?? null;
  const recentText = recent === null ? undefined : m.recent(rate(recent.average.rate), recent.average.fromYear, recent.average.toYear);
  if (projected.requiredGrowthRate !== null && Number.isFinite(projected.requiredGrowthRate)) {
    const nominalRate =
      projected.projectedGrowthRate === null || !Number.isFinite(projected.projectedGrowthRate) ? undefined : rate(projected.projectedGrowthRate);
    return m.growthNeeded(rate(projected.requiredGrowthRate), baseYear, projected.deadline, nominalRate, recentText);
  }
  if (projected.requiredYearlyIncrease !== null && Number.isFinite(projected.requiredYearlyIncrease)) {
    return m.increaseNeeded(nominal(projected.requiredYearlyIncrease), baseYear, projected.deadline, recentText);
  }
  return null;
}

/** The assumptions that move a target's odds most, from the tornado: the probability at the 10th and 90th percentile. */
function driversOf(id: string, tornado: SensitivityResult | undefined, wording: AssumptionWording, lang: Lang): AnswerDriver[] {
  const m = reportMessages(lang).answer;
  const target = tornado?.targets.find((t) => t.id === id);
  if (target === undefined || tornado === undefined) return [];
  const lowPct = Math.round(tornado.meta.low * 100);
  const highPct = Math.round(tornado.meta.high * 100);
  return [...target.tornado]
    .filter((bar) => Math.abs(bar.probabilitySwing.difference) >= 0.02)
    .sort((a, b) => Math.abs(b.probabilitySwing.difference) - Math.abs(a.probabilitySwing.difference))
    .slice(0, 3)
    .map((bar) => {
      const label = wording.label(bar.assumption);
      const lowValue = wording.value(bar.assumption, bar.low.value);
      const highValue = wording.value(bar.assumption, bar.high.value);
      return {
        assumption: bar.assumption,
        label,
        lowValue,
        highValue,
        lowProbability: bar.low.probability,
        highProbability: bar.high.probability,
        text: m.driver(label, percentText(bar.low.probability), lowPct, lowValue, percentText(bar.high.probability), highPct, highValue),
      };
    });
}

/** The findings that touch a target: they name it, or its metric. */
function findingsOf(t: SimulatedTarget, findings: readonly AnswerFinding[]): string[] {
  return findings.filter((f) => (f.figures ?? []).some((name) => name === t.id || name === `metrics.${t.metric}`)).map((f) => f.message);
}

/**
 * The answer-first section of a report.
 *
 * @example
 * ```ts
 * const answer = buildAnswer({ simulation, projection, tornado, growth, findings, lang: 'en', baseYear: 2020, wording, nominal });
 * answer.items[0].takes; // 'It needs 17.6% growth a year from 2021 to 2025; the nominal case grows 12.0% a year; …'
 * ```
 */
export function buildAnswer(input: {
  readonly simulation: SimulationResult;
  readonly projection: Projection;
  readonly tornado?: SensitivityResult;
  readonly growth?: GrowthNeededResult;
  readonly findings?: readonly AnswerFinding[];
  readonly lang: Lang;
  readonly baseYear: number;
  readonly wording: AssumptionWording;
  /** A target's value as the report writes it (enough digits not to read as the threshold). */
  readonly nominal: (target: SimulatedTarget, value: number) => string;
}): Answer {
  const { simulation, projection, lang } = input;
  const m = reportMessages(lang);
  const findings = input.findings ?? [];
  const items = simulation.targets.map((t): AnswerItem => {
    const projected = projection.targets.find((n) => n.id === t.id);
    const likelihood = likelihoodOf(t.probability);
    return {
      id: t.id,
      label: labelIn(lang, t),
      kind: t.kind,
      probability: t.probability,
      probabilityText: honestProbability(t.probability, t.interval, lang),
      likelihood,
      likelihoodText: m.likelihood[likelihood],
      nominal: projected === undefined ? '—' : input.nominal(t, projected.value),
      takes: whatItTakes(t.id, projection, input.growth, input.baseYear, lang, (v) => input.nominal(t, v)),
      drivers: driversOf(t.id, input.tornado, input.wording, lang),
      findings: findingsOf(t, findings),
    };
  });
  const official = simulation.officialHitCount;
  const n = official.length - 1;
  const expectedCount = official.reduce((sum, { k, probability }) => sum + k * probability, 0);
  const half = Math.ceil(n / 2);
  const expected = n >= 2 ? m.answer.expected(expectedCount.toFixed(1), n, half, percentText(official[half]?.atLeast ?? 0)) : null;
  const halfWidths = [...simulation.targets.map((t) => t.interval), simulation.joint.interval].map(([low, high]) => (high - low) / 2);
  const precision = m.answer.precision((Math.max(0, ...halfWidths) * 100).toFixed(1), Math.round(simulation.meta.confidence * 100), simulation.meta.trials);
  const alerts = findings.filter((f) => f.severity === 'error' && f.confidence === 'high').map((f) => f.message);
  const spreadNote =
    input.tornado === undefined || items.every((i) => i.drivers.length === 0)
      ? null
      : m.answer.spreadNote(Math.round(input.tornado.meta.low * 100), Math.round(input.tornado.meta.high * 100), input.tornado.meta.trials);
  return { items, expected, precision, spreadNote, alerts };
}
