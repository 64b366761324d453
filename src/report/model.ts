import { distributionQuantile } from '../assumptions/distributionQuantile.js';
import { labelIn } from '../charts/localise.js';
import type { Lang } from '../charts/messages.js';
import { type ParkChart, parkCharts } from '../charts/parkCharts.js';
import type { ComparedResult } from '../charts/scenarioComparison.js';
import { striveSummary, targetSummary } from '../charts/targets.js';
import { displayUnit, formatQuantity } from '../charts/units.js';
import type { UnsourcedBaselineDriver } from '../questions/baselineDrivers.js';
import type { GrowthNeededResult } from '../questions/growthNeeded.js';
import type { SensitivityResult } from '../questions/sensitivity.js';
import type { TrackRecord } from '../questions/trackRecord.js';
import type { Projection, SimulatedTarget, SimulationResult } from '../results/types.js';
import { metricBaseline } from '../scenario/baseline.js';
import type { InputUnit, Unit } from '../scenario/schema/common.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { type Answer, buildAnswer, honestProbability, intervalText, percentText } from './answer.js';
import { buildGrounding, type ReportGrounding } from './grounding.js';
import { metricLabel, parameterLabel } from './labels.js';
import { type Likelihood, reportMessages } from './messages.js';
import { withUnitWords } from './unitWords.js';

/** A data-check finding as the report shows it (the data check's `Finding` fits). */
export interface ReportFinding {
  /** How bad it is: `error` (almost surely wrong data), `warning` (probably wrong), `info` (worth a look). */
  readonly severity: string;
  /** A sentence for a person: what was found, with the figures and the expected range. */
  readonly message: string;
  /** A stable machine-readable code, e.g. `currency_rate_implausible`. */
  readonly code?: string;
  /** How sure the check is that it is a real problem: `high`, `medium` or `low`. */
  readonly confidence?: string;
  /** The figures it names (target ids, `metrics.<name>`): a finding naming a target is shown beside it. */
  readonly figures?: readonly string[];
  /** The field path of the main figure inside the scenario document. */
  readonly path?: readonly (string | number)[];
}

/** What a report is made from: the scenario, its two runs, the data check's findings. */
export interface ReportInput {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly simulation: SimulationResult;
  /** The data check's findings; `undefined` when the check was not run (the report says so). */
  readonly findings?: readonly ReportFinding[];
  /** Other results (variants) for the scenario comparison chart. */
  readonly comparisons?: readonly ComparedResult[];
  /** Assumed, unsourced baselines that drive targets most (`unsourcedBaselineDrivers`): the headline says so. */
  readonly baselineDrivers?: readonly UnsourcedBaselineDriver[];
  /** A small tornado (`sensitivity` with few trials): the assumptions that drive each target, and its odds at their 10th and 90th percentile. */
  readonly tornado?: SensitivityResult;
  /** The growth each target needs, beside the park's recent growth (`growthNeeded`). */
  readonly growth?: GrowthNeededResult;
  /** The method's track record on the shipped past targets (`shippedTrackRecord`): stated in the outside-view section. */
  readonly trackRecord?: TrackRecord;
  readonly lang?: Lang;
}

export interface ReportTargetRow {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly threshold: string;
  /** The nominal case (every assumption at its central value) as a value: `94.4`; with digits enough not to read as the threshold. */
  readonly deterministic: string;
  readonly deterministicMet: boolean | null;
  readonly probability: number;
  readonly probabilityText: string;
  readonly interval: string;
  readonly firstYear: string;
  readonly likelihood: Likelihood;
}

/** One line of the sources-and-assumptions section. */
export interface ReportFigure {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  /** The headline and outlet of the figure's source. */
  readonly source?: string;
}

/** Everything a report shows, as text and numbers, before it is written as HTML or Markdown. */
export interface ParkReport {
  readonly lang: Lang;
  readonly title: string;
  readonly parkName: string;
  readonly location: string;
  readonly subtitle: string;
  readonly horizon: string;
  readonly headline: { readonly lines: readonly string[]; readonly likelihood: Likelihood | null };
  /** The answer first: per target its odds, what it would take, what drives it; expected targets met; precision once. */
  readonly answer: Answer;
  readonly targets: readonly ReportTargetRow[];
  readonly joint: ReportTargetRow | null;
  /** Further sets of targets met together: every strive level, then the scenario's `jointTargets`. */
  readonly otherJoints: readonly ReportTargetRow[];
  readonly confidence: number;
  readonly sourced: readonly ReportFigure[];
  readonly assumed: readonly ReportFigure[];
  readonly sources: ReadonlyArray<{ readonly id: string; readonly text: string; readonly url?: string }>;
  readonly findings: readonly ReportFinding[] | null;
  readonly warnings: readonly string[];
  readonly charts: readonly ParkChart[];
  /** Each target's reference-class base rate beside its probability, and recorded outcomes against the prediction. */
  readonly grounding: ReportGrounding;
}

/** The words for a probability: ≥ 95% very likely, ≥ 80% likely, ≥ 50% a toss-up, ≥ 20% unlikely, else very unlikely. */
export function likelihoodOf(p: number): Likelihood {
  if (p >= 0.95) return 'veryLikely';
  if (p >= 0.8) return 'likely';
  if (p >= 0.5) return 'evenOdds';
  if (p >= 0.2) return 'unlikely';
  return 'veryUnlikely';
}

/** A projected value with enough decimals not to read as its threshold (9.9956 against 10 billion, not "10.00"). */
function valueBeside(value: number, target: SimulatedTarget, lang: Lang): string {
  const thresholds = (Array.isArray(target.threshold) ? target.threshold : [target.threshold]) as number[];
  const factor = displayUnit(target.unit, lang, value, target.displayUnit).factor;
  for (let extra = 0; extra < 6; extra++) {
    const text = formatQuantity(value, target.unit, lang, extra, target.displayUnit);
    const shown = /-?[\d,]+(?:\.(\d+))?/u.exec(text);
    if (shown === null) return text;
    const decimals = shown[1]?.length ?? 0;
    const number = Number(shown[0].replace(/,/g, ''));
    if (thresholds.every((t) => t === value || number !== Number((t * factor).toFixed(decimals)))) return text;
  }
  return formatQuantity(value, target.unit, lang, 6, target.displayUnit);
}

/** The median first year met among trials that met it by the deadline (a later first year is late, not counted). */
function typicalFirstYear(t: SimulatedTarget): string {
  const met = t.firstYearMet.byYear.reduce((sum, y) => sum + y.probability, 0);
  if (met <= 0) return '—';
  let cumulative = 0;
  for (const { year, probability } of t.firstYearMet.byYear) {
    cumulative += probability;
    if (cumulative >= met / 2) return String(year);
  }
  return '—';
}

const KNOWN_UNITS: Unit[] = ['yuan', 'count', 'persons', 'area', 'share'];

/** A plain number, readable: 4 significant digits, grouped. */
function plain(value: number, lang: Lang): string {
  return Number(value.toPrecision(4)).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
}

/** A number in a free-text unit ("yuan per enterprise", "share", "enterprises per year"). */
function figure(value: number, unit: string | undefined, lang: Lang): string {
  const text = (unit ?? '').trim();
  if ((KNOWN_UNITS as string[]).includes(text)) return formatQuantity(value, text as Unit, lang);
  // A calendar year is written as one, never "2,015 year".
  if (text === 'year' && Number.isInteger(value) && value >= 1000) return lang === 'zh' ? `${value} 年` : String(value);
  const yuan = /^yuan\b\s*(.*)$/u.exec(text);
  if (yuan) return withUnitWords(formatQuantity(value, 'yuan', lang), yuan[1], lang);
  return withUnitWords(plain(value, lang), text, lang);
}

/**
 * A distribution in the modeller's notation, numbers in the parameter's unit: a free-text unit
 * ("enterprises per year", the "per enterprise" of "yuan per enterprise") is written once, after
 * the main number.
 */
function distributionNotation(d: Distribution, unit: string | undefined, lang: Lang, sourceUnit?: InputUnit): string {
  const m = reportMessages(lang).distributions;
  const text = (unit ?? '').trim();
  const yuan = /^yuan\b\s*(.*)$/u.exec(text);
  const known = (KNOWN_UNITS as string[]).includes(text);
  // v: a number as the unit shows it without the free text; u: with it.
  const v = (x: number) => (known ? formatQuantity(x, text as Unit, lang, 0, sourceUnit) : yuan ? formatQuantity(x, 'yuan', lang) : plain(x, lang));
  const rest = m.unitWords(known ? '' : yuan ? yuan[1] : text);
  const u = (x: number) => (rest === '' ? v(x) : `${v(x)} ${rest}`);
  const n = (x: number) => plain(x, lang);
  switch (d.dist) {
    case 'fixed':
      return m.fixed(u(d.value));
    case 'uniform':
      return m.uniform(v(d.min), u(d.max));
    case 'normal':
      return m.normal(u(d.mean), v(d.sd));
    case 'lognormal':
      return m.lognormal(u(Math.exp(d.mu)), n(d.sigma));
    case 'triangular':
      return m.triangular(v(d.min), v(d.mode), u(d.max));
    case 'pert':
      return m.pert(v(d.min), v(d.mode), u(d.max));
    case 'beta':
      return m.beta(n(d.alpha), n(d.beta), v(d.min), u(d.max));
    case 'poisson':
      return m.poisson(u(d.lambda));
    case 'binomial':
      return m.binomial(n(d.n), n(d.p));
    case 'range90':
      return m.range90(v(d.low), u(d.high), d.shape);
  }
}

/** A number rounded as a planner would say it: whole from 10 up, one decimal from 1, two significant digits below. */
function approximate(value: number, lang: Lang): string {
  const size = Math.abs(value);
  const rounded =
    size >= 100 ? Number(value.toPrecision(3)) : size >= 10 ? Math.round(value) : size >= 1 ? Math.round(value * 10) / 10 : Number(value.toPrecision(2));
  return rounded.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
}

/** How the values of a parameter's unit read in plain words: the number's text, and the phrase it sits in. */
interface PlainUnit {
  readonly value: (x: number) => string;
  readonly phrase: 'around' | 'perYear' | 'growth' | 'per';
  /** The counted thing of a yearly rate ("enterprises") or the "per" of a per-unit value ("per enterprise"), in the language. */
  readonly words: string;
}

/** A parameter's unit as plain words: log rates as percentages a year, probabilities and shares in percent, counts a year. */
function plainUnit(unit: string | undefined, lang: Lang, sourceUnit?: InputUnit): PlainUnit {
  const m = reportMessages(lang).distributions;
  const text = (unit ?? '').trim();
  const percent = (x: number) => formatQuantity(x, 'share', lang);
  // A log rate g grows a value by e^g − 1 a year: 0.12 reads "12.7% a year".
  if (/^log (growth )?rate$/iu.test(text)) return { value: (x) => percent(Math.expm1(x)), phrase: 'growth', words: '' };
  if (/^(probability|fraction|rate)$/iu.test(text)) return { value: percent, phrase: 'around', words: '' };
  if ((KNOWN_UNITS as string[]).includes(text)) return { value: (x) => formatQuantity(x, text as Unit, lang, 0, sourceUnit), phrase: 'around', words: '' };
  const yuan = /^yuan\b\s*(.*)$/u.exec(text);
  if (yuan) return { value: (x) => formatQuantity(x, 'yuan', lang), phrase: yuan[1] === '' ? 'around' : 'per', words: m.unitWords(yuan[1]) };
  const perYear = /^(.*?)\s*(per year|a year)$/iu.exec(text);
  if (perYear) return { value: (x) => approximate(x, lang), phrase: 'perYear', words: m.countWords(perYear[1]) };
  const words = m.unitWords(text);
  return { value: (x) => (words === '' ? approximate(x, lang) : `${approximate(x, lang)} ${words}`), phrase: 'around', words: '' };
}

/** A value of a parameter in plain words ("12.7% a year", "about 34 enterprises a year" without the "about"). */
function plainValue(x: number, unit: string | undefined, lang: Lang, sourceUnit?: InputUnit): string {
  const m = reportMessages(lang).distributions;
  const plainIn = plainUnit(unit, lang, sourceUnit);
  return m.exactly(plainIn.phrase, plainIn.value(x), plainIn.words);
}

/** The notation line under the plain words ("modelled as PERT …"); none where they say the same (a fixed value). */
function modelledAs(described: { plain: string; notation: string }, lang: Lang): string | undefined {
  return described.plain === described.notation ? undefined : reportMessages(lang).distributions.modelled(described.notation);
}

/**
 * An assumption's distribution as a planner reads it, and in the modeller's notation: its median
 * and the range of its middle 90% (the 5th and 95th percentiles, from the distribution itself),
 * in the parameter's unit in plain words; a log rate as a percentage a year. `notation` keeps the
 * parameters as the scenario gives them, for the line under it.
 *
 * @example
 * ```ts
 * const pert = { dist: 'pert', min: 22, mode: 34, max: 45, lambda: 4 } as const;
 * describeDistribution(pert, 'enterprises per year', 'en');
 * // { plain: 'about 34 enterprises a year, 90% between 27 and 41',
 * //   notation: 'PERT 22 / 34 / 45 enterprises per year (min / mode / max)' }
 * describeDistribution(pert, 'enterprises per year', 'zh').plain; // '约每年 34 家，90% 在 27 至 41 之间'
 * describeDistribution({ dist: 'normal', mean: 0.12, sd: 0.05 }, 'log rate', 'en').plain;
 * // 'about 12.7% a year, 90% between 3.8% and 22.4%'
 * ```
 */
export function describeDistribution(d: Distribution, unit: string | undefined, lang: Lang, sourceUnit?: InputUnit): { plain: string; notation: string } {
  const m = reportMessages(lang).distributions;
  const notation = distributionNotation(d, unit, lang, sourceUnit);
  const plainIn = plainUnit(unit, lang, sourceUnit);
  if (d.dist === 'fixed' && d.bounds === undefined) return { plain: plainValue(d.value, unit, lang, sourceUnit), notation };
  const [low, median, high] = [0.05, 0.5, 0.95].map((p) => plainIn.value(distributionQuantile(d, p)));
  return { plain: m.about(plainIn.phrase, median, low, high, plainIn.words), notation };
}

function headline(simulation: SimulationResult, projection: Projection, lang: Lang): ParkReport['headline'] {
  const m = reportMessages(lang);
  const targets = simulation.targets;
  if (targets.length === 0) return { lines: [m.headlineNoTargets], likelihood: null };
  const lines: string[] = [];
  const confidence = Math.round(simulation.meta.confidence * 100);
  let likelihood: Likelihood | null = null;
  const official = targets.filter((t) => t.kind === 'official');
  if (official.length === 0) lines.push(m.headlineNoOfficial);
  else {
    const joint = official.length === 1 ? { probability: official[0].probability, interval: official[0].interval } : simulation.joint;
    likelihood = likelihoodOf(joint.probability);
    lines.push(
      m.headlineAll(
        official.length,
        honestProbability(joint.probability, joint.interval, lang),
        percentText(joint.interval[0]),
        percentText(joint.interval[1]),
        confidence,
        m.likelihood[likelihood],
      ),
    );
  }
  if (targets.length > 1) {
    lines.push(m.headlineCounts(targets.filter((t) => t.probability >= 0.8).length, targets.length));
    // Targets at their official (ensure) levels only: a strive level is never named the hardest.
    const hardest = targets.reduce((a, b) => (b.probability < a.probability ? b : a));
    lines.push(m.headlineHardest(labelIn(lang, hardest), honestProbability(hardest.probability, hardest.interval, lang)));
  }
  lines.push(m.headlineDeterministic(projection.targets.filter((t) => t.met).length, projection.targets.length));
  return { lines, likelihood };
}

/** The headline, with a sentence for each assumed, unsourced baseline that drives targets most. */
function withBaselineDrivers(h: ParkReport['headline'], scenario: Scenario, drivers: readonly UnsourcedBaselineDriver[], lang: Lang): ParkReport['headline'] {
  if (drivers.length === 0) return h;
  const m = reportMessages(lang);
  const sentences = drivers.map((d) => {
    const labels = d.targets.map((id) => {
      const target = scenario.targets.find((t) => t.id === id);
      return target === undefined ? id : labelIn(lang, target);
    });
    const metric = scenario.metrics[d.metric];
    return m.unsourcedBaselineDrives(metric === undefined ? d.metric : metricLabel(d.metric, metric, lang), scenario.horizon.baseYear, labels);
  });
  return { ...h, lines: [...h.lines, ...sentences] };
}

/** A high-confidence error of the data check leads the headline: the odds below rest on that figure. */
function withAlerts(h: ParkReport['headline'], alerts: readonly string[], lang: Lang): ParkReport['headline'] {
  if (alerts.length === 0) return h;
  const m = reportMessages(lang);
  return { ...h, lines: [...alerts.map((a) => `${m.answer.alert} ${a}`), ...h.lines] };
}

/** How the answer names an assumption (a parameter or `baseline:<metric>`) and writes its values, in the scenario's labels and units. */
function assumptionWording(scenario: Scenario, lang: Lang): { label: (a: string) => string; value: (a: string, v: number) => string } {
  const m = reportMessages(lang);
  const metricOf = (a: string) => (a.startsWith('baseline:') ? a.slice('baseline:'.length) : undefined);
  return {
    label: (a) => {
      const metric = metricOf(a);
      if (metric !== undefined && scenario.metrics[metric] !== undefined)
        return m.baselineOf(metricLabel(metric, scenario.metrics[metric], lang), scenario.horizon.baseYear);
      return parameterLabel(scenario, a, lang);
    },
    value: (a, v) => {
      const metric = metricOf(a);
      if (metric !== undefined && scenario.metrics[metric] !== undefined) {
        const def = scenario.metrics[metric];
        return formatQuantity(v, def.unit, lang, 0, def.displayUnit);
      }
      return plainValue(v, scenario.parameters[a]?.unit, lang);
    },
  };
}

/** The sourced figures: sourced assumptions, baselines with a source, targets, context figures and series. */
function sourcedFigures(scenario: Scenario, projection: Projection, lang: Lang, sourceText: (id?: string) => string | undefined): ReportFigure[] {
  const m = reportMessages(lang);
  const figures: ReportFigure[] = [];
  for (const [name, p] of Object.entries(scenario.parameters)) {
    if (p.basis !== 'sourced') continue;
    const point = projection.parameters.find((q) => q.name === name)?.value;
    const described = describeDistribution(p.distribution, p.unit, lang);
    const detail = [modelledAs(described, lang), point === undefined ? undefined : m.pointValue(plainValue(point, p.unit, lang))].filter(Boolean).join('; ');
    figures.push({
      label: parameterLabel(scenario, name, lang),
      value: described.plain,
      detail: detail === '' ? undefined : detail,
      source: sourceText(p.source),
    });
  }
  for (const [name, metric] of Object.entries(scenario.metrics)) {
    const baseline = metricBaseline(metric);
    if (baseline?.kind !== 'value' || baseline.basis !== 'sourced' || baseline.source === undefined) continue;
    figures.push({
      label: m.baselineOf(metricLabel(name, metric, lang), scenario.horizon.baseYear),
      value: formatQuantity(baseline.value, metric.unit, lang, 0, metric.displayUnit),
      source: sourceText(baseline.source),
    });
  }
  for (const t of scenario.targets) {
    const unit = scenario.metrics[t.metric]?.unit ?? 'count';
    const definition = { ...t, unit, threshold: t.threshold, striveThreshold: t.strive, displayUnit: scenario.metrics[t.metric]?.displayUnit };
    const strive = striveSummary(definition, lang);
    const value = strive === undefined ? targetSummary(definition, lang) : `${targetSummary(definition, lang)}; ${m.striveThreshold(strive)}`;
    figures.push({ label: m.targetFigure(labelIn(lang, t)), value, detail: t.note, source: sourceText(t.source) });
  }
  for (const c of scenario.context) {
    figures.push({
      label: c.year === undefined ? c.label : `${c.label} (${c.year})`,
      value: figure(c.value, c.unit, lang),
      detail: c.note,
      source: sourceText(c.source),
    });
  }
  for (const s of scenario.series) {
    const points = s.points
      .map(
        (p) =>
          `${p.year}: ${[p.value === undefined ? undefined : figure(p.value, s.unit, lang), p.growthRate === undefined ? undefined : `${p.growthRate >= 0 ? '+' : ''}${(p.growthRate * 100).toFixed(1)}%`].filter(Boolean).join(', ')}`,
      )
      .join('; ');
    figures.push({ label: s.label, value: points, detail: s.note, source: sourceText(s.source) });
  }
  return figures;
}

/**
 * A group's per-park assumptions drawn alike in every park (the same distribution, each park its
 * own draw): listed once, as the first park's copy, with the number of parks. Copies a park's row
 * gave a value of its own are listed each.
 */
function perParkCopies(scenario: Scenario): Map<string, { first: string; count: number }> {
  const copies = new Map<string, { first: string; count: number }>();
  for (const { parks } of Object.values(scenario.groupLayout?.parameters ?? {})) {
    const names = Object.values(parks);
    const alike = names.filter((name) => JSON.stringify(scenario.parameters[name].distribution) === JSON.stringify(scenario.parameters[names[0]].distribution));
    for (const name of alike) copies.set(name, { first: alike[0], count: alike.length });
  }
  return copies;
}

/** The assumptions: assumed parameters with their reasons, and baselines drawn from a distribution. */
function assumedFigures(scenario: Scenario, projection: Projection, lang: Lang, sourceText: (id?: string) => string | undefined): ReportFigure[] {
  const m = reportMessages(lang);
  const figures: ReportFigure[] = [];
  const perPark = perParkCopies(scenario);
  for (const [name, p] of Object.entries(scenario.parameters)) {
    if (p.basis !== 'assumed') continue;
    const copies = perPark.get(name);
    if (copies !== undefined && copies.first !== name) continue;
    const point = projection.parameters.find((q) => q.name === name)?.value;
    const described = describeDistribution(p.distribution, p.unit, lang);
    const detail = [
      modelledAs(described, lang),
      p.varies === 'year' ? m.distributions.varies : undefined,
      point === undefined ? undefined : m.pointValue(plainValue(point, p.unit, lang)),
    ]
      .filter(Boolean)
      .join('; ');
    figures.push({
      label: copies === undefined ? parameterLabel(scenario, name, lang) : m.eachPark(parameterLabel(scenario, name, lang, true), copies.count),
      value: described.plain,
      detail: m.withReason(detail === '' ? undefined : detail, p.reason ?? m.noReason),
      source: sourceText(p.source),
    });
  }
  for (const [name, metric] of Object.entries(scenario.metrics)) {
    // A helper metric's uncertain baseline is an assumption like any other: listed, never hidden.
    const baseline = metricBaseline(metric);
    if (baseline === undefined || (baseline.kind === 'value' && baseline.basis === 'sourced')) continue;
    const central = projection.metrics.find((p) => p.name === name)?.values[0];
    const described = baseline.kind === 'distribution' ? describeDistribution(baseline.distribution, metric.unit, lang, metric.displayUnit) : undefined;
    const value =
      baseline.kind === 'value'
        ? formatQuantity(baseline.value, metric.unit, lang, 0, metric.displayUnit)
        : described !== undefined
          ? described.plain
          : m.baselineExpression(baseline.kind === 'expression' ? baseline.expression : '');
    const modelled = described === undefined ? undefined : modelledAs(described, lang);
    const point =
      [
        modelled,
        baseline.kind === 'expression' && central !== undefined ? m.pointValue(formatQuantity(central, metric.unit, lang, 0, metric.displayUnit)) : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('; ') || undefined;
    figures.push({
      label: m.baselineOf(metricLabel(name, metric, lang), scenario.horizon.baseYear),
      value,
      detail: m.withReason(point, baseline.reason ?? m.noReason),
      source: sourceText(baseline.explicit ? baseline.source : undefined),
    });
  }
  return figures;
}

/**
 * Builds a park's report as data: the headline verdict, the targets table (deterministic verdict,
 * probability, interval), the sourced figures beside the assumptions, the data check's findings,
 * and the charts' specs. Writing it as HTML or Markdown is a separate step.
 *
 * @example
 * ```ts
 * const report = buildReport({ scenario, projection, simulation, findings: checkScenario(scenario), lang: 'en' });
 * report.headline.lines[0]; // 'Meeting all 7 official targets together is very unlikely: 1.2% of trials (95% interval 0.8%–1.8%).'
 * ```
 */
export function buildReport(input: ReportInput): ParkReport {
  const { scenario, projection, simulation } = input;
  const lang = input.lang ?? 'en';
  const m = reportMessages(lang);
  const parkName = lang === 'zh' && scenario.park.nameZh ? scenario.park.nameZh : scenario.park.name;
  const sources = scenario.sources.map((s) => ({ id: s.id, text: [s.headline, s.outlet, s.date].filter(Boolean).join(', '), url: s.url }));
  const sourceText = (id?: string) => (id === undefined ? undefined : (sources.find((s) => s.id === id)?.text ?? id));
  const confidence = Math.round(simulation.meta.confidence * 100);

  const interval = intervalText;
  const targets: ReportTargetRow[] = simulation.targets.flatMap((t) => {
    const nominal = projection.targets.find((n) => n.id === t.id);
    const value = nominal === undefined ? '—' : valueBeside(nominal.value, t, lang);
    const label = labelIn(lang, t);
    const kind = m.kind[t.kind] ?? t.kind;
    const row: ReportTargetRow = {
      id: t.id,
      label,
      kind: t.strive === undefined ? kind : m.kindWithEnsure(kind),
      threshold: targetSummary(t, lang),
      deterministic: value,
      deterministicMet: nominal?.met ?? null,
      probability: t.probability,
      probabilityText: honestProbability(t.probability, t.interval, lang),
      interval: intervalText(t.interval),
      firstYear: typicalFirstYear(t),
      likelihood: likelihoodOf(t.probability),
    };
    if (t.strive === undefined) return [row];
    // The strive (力争) level, and the trials between the two levels, as rows under the ensure level.
    const strive = t.strive;
    const nominalStrive = nominal?.strive;
    const striveValue = nominal === undefined ? '—' : valueBeside(nominal.value, { ...t, threshold: strive.threshold }, lang);
    return [
      row,
      {
        id: `${t.id}:strive`,
        label: m.striveRow(label),
        kind: m.kind.strive,
        threshold: striveSummary(t, lang) ?? '',
        deterministic: nominalStrive === undefined ? '—' : striveValue,
        deterministicMet: nominalStrive?.met ?? null,
        probability: strive.probability,
        probabilityText: honestProbability(strive.probability, strive.interval, lang),
        interval: interval(strive.interval),
        firstYear: '',
        likelihood: likelihoodOf(strive.probability),
      },
      {
        id: `${t.id}:ensure-only`,
        label: m.ensureOnlyRow(label),
        kind: m.ensureOnlyKind,
        threshold: '',
        deterministic: '',
        deterministicMet: null,
        probability: strive.ensureOnly.probability,
        probabilityText: honestProbability(strive.ensureOnly.probability, strive.ensureOnly.interval, lang),
        interval: interval(strive.ensureOnly.interval),
        firstYear: '',
        likelihood: likelihoodOf(strive.ensureOnly.probability),
      },
    ];
  });
  const jointRow = (
    id: string,
    label: string,
    kind: string,
    joint: { probability: number; interval: readonly [number, number] },
    met: number,
    of: number,
  ): ReportTargetRow => ({
    id,
    label,
    kind,
    threshold: '',
    deterministic: `${met}/${of}`,
    deterministicMet: met === of,
    probability: joint.probability,
    probabilityText: honestProbability(joint.probability, joint.interval, lang),
    interval: interval(joint.interval),
    firstYear: '',
    likelihood: likelihoodOf(joint.probability),
  });
  const projected = (id: string) => projection.targets.find((t) => t.id === id);
  const otherJoints: ReportTargetRow[] = [
    ...(simulation.striveJoint === undefined
      ? []
      : [
          jointRow(
            'strive-joint',
            m.striveJointRow(simulation.striveJoint.targets.length),
            m.kind.strive,
            simulation.striveJoint,
            simulation.striveJoint.targets.filter((id) => projected(id)?.strive?.met === true).length,
            simulation.striveJoint.targets.length,
          ),
        ]),
    ...(simulation.jointTargets ?? []).map((j) =>
      jointRow(
        `joint-${j.id}`,
        labelIn(lang, j),
        j.targets.every((id) => projected(id)?.kind === 'official') ? m.kind.official : m.kind.stretch,
        j,
        j.targets.filter((id) => projected(id)?.met === true).length,
        j.targets.length,
      ),
    ),
  ];
  const officialCount = simulation.joint.targets.length;
  const joint: ReportTargetRow | null =
    officialCount > 1
      ? {
          id: 'joint',
          label: m.jointRow(officialCount),
          kind: m.kind.official,
          threshold: '',
          deterministic: `${projection.targets.filter((t) => t.kind === 'official' && t.met).length}/${officialCount}`,
          deterministicMet: projection.targets.filter((t) => t.kind === 'official').every((t) => t.met),
          probability: simulation.joint.probability,
          probabilityText: honestProbability(simulation.joint.probability, simulation.joint.interval, lang),
          interval: intervalText(simulation.joint.interval),
          firstYear: '',
          likelihood: likelihoodOf(simulation.joint.probability),
        }
      : null;

  const answer = buildAnswer({
    simulation,
    projection,
    tornado: input.tornado,
    growth: input.growth,
    findings: input.findings,
    lang,
    baseYear: scenario.horizon.baseYear,
    wording: assumptionWording(scenario, lang),
    nominal: (t, value) => valueBeside(value, t, lang),
  });
  return {
    lang,
    title: m.reportTitle(parkName),
    parkName,
    location: scenario.park.location,
    subtitle: m.generatedWith(
      simulation.meta.parkcastVersion,
      simulation.meta.trials,
      JSON.stringify(simulation.meta.seed),
      simulation.meta.scenarioHash.replace(/^sha256:/, '').slice(0, 12),
    ),
    horizon: m.horizon(scenario.horizon.baseYear, scenario.horizon.endYear),
    headline: withAlerts(withBaselineDrivers(headline(simulation, projection, lang), scenario, input.baselineDrivers ?? [], lang), answer.alerts, lang),
    answer,
    targets,
    joint,
    otherJoints,
    confidence,
    sourced: sourcedFigures(scenario, projection, lang, sourceText),
    assumed: assumedFigures(scenario, projection, lang, sourceText),
    sources,
    findings: input.findings === undefined ? null : [...input.findings],
    warnings: simulation.warnings,
    charts: parkCharts({ simulation, projection, comparisons: input.comparisons, label: parkName }, lang),
    grounding: buildGrounding(simulation, lang, input.trackRecord),
  };
}
