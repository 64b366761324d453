/**
 * The report's what-if section: the main assumptions (those that drive the targets) as sliders,
 * each within its plausible range, and every probability recomputed in the page by the same
 * engine, with the same seed and trials as the report. The page script
 * (src/browser/whatIfPage.ts, built to dist/browser/report-what-if.global.js) is inlined here,
 * so the report stays one offline file; it adds about 1.2 MB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../charts/messages.js';
import { formatQuantity } from '../../charts/units.js';
import type { MainAssumption } from '../../questions/mainAssumptions.js';
import { inlineScript } from '../../render/bundles.js';
import type { JointProbability, SimulationResult } from '../../results/types.js';
import type { InputUnit, MeasureUnit } from '../../scenario/schema/common.js';
import { Unit } from '../../scenario/schema/common.js';
import type { Scenario } from '../../scenario/schema/scenario.js';
import { metricLabel, parameterLabel } from '../labels.js';
import { escapeHtml, scriptJson } from '../pages/escape.js';
import { unitWordsIn, withUnitWords } from '../unitWords.js';
import { whatIfMessages } from './whatIfMessages.js';

/**
 * The report's CSP with the what-if section: the one of a report without it (no request at all;
 * inline scripts and styles) plus `'unsafe-eval'`, which the engine's expression kernels need
 * (they are compiled with `new Function`), and `worker-src blob:`: the engine runs in a Web Worker
 * started from the page script's own text as a blob (the report stays one file).
 */
export const WHAT_IF_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** One assumption the reader may move, as the page shows it. */
export interface WhatIfAssumption {
  /** A parameter's name, or `baseline:<metric>`. */
  readonly name: string;
  /** For a baseline: its metric (a moved baseline goes into a variant's `baselines`). */
  readonly metric?: string;
  readonly label: string;
  /** The scenario's words for it: its description, reason or the metric's label. */
  readonly detail: string;
  /** Its unit as the scenario writes it (free text for parameters; for `yuan per …`, the words after yuan). */
  readonly unitText: string;
  /** A unit the page formats values in (with the figures' input unit), when it has one. */
  readonly measureUnit?: MeasureUnit;
  readonly displayUnit?: InputUnit;
  readonly point: number;
  readonly low: number;
  readonly high: number;
  /** The plausible range and the point value, as the report shows them. */
  readonly rangeText: string;
  readonly drawnText: string;
}

/** One probability the page recomputes: a target, the joint odds of the official targets, the strive levels together, or a named set. */
export interface WhatIfRow {
  /** `target:<id>`, `joint`, `strive`, `joint:<id>`. */
  readonly key: string;
  readonly label: string;
  readonly joint: boolean;
  /** As written: the report's own simulation. */
  readonly probability: number;
  readonly interval: readonly [number, number];
}

/** Everything the page script reads, embedded as JSON in the section. */
export interface WhatIfData {
  readonly lang: Lang;
  readonly seed: string | number;
  readonly trials: number;
  readonly confidence: number;
  readonly scenario: Scenario;
  readonly assumptions: readonly WhatIfAssumption[];
  readonly rows: readonly WhatIfRow[];
  readonly messages: ReturnType<typeof whatIfMessages>['page'];
}

/** The section's HTML and the CSP the page needs for it. */
export interface WhatIfFragment {
  readonly html: string;
  readonly csp: string;
}

const PROBABILITY_UNITS = new Set(['share', 'probability', 'fraction']);

/** The unit the page can format an assumption's values in: a baseline's metric's, or a parameter's when it names one. */
function measureUnitOf(scenario: Scenario, a: MainAssumption): { measureUnit?: MeasureUnit; displayUnit?: InputUnit; unitText: string } {
  if (a.metric !== undefined) {
    const metric = scenario.metrics[a.metric];
    return { measureUnit: metric.unit, displayUnit: metric.displayUnit, unitText: metric.displayUnit ?? metric.unit };
  }
  const unit = scenario.parameters[a.name]?.unit ?? '';
  if (PROBABILITY_UNITS.has(unit)) return { measureUnit: 'share', unitText: unit };
  if (Unit.safeParse(unit).success) return { measureUnit: unit as MeasureUnit, unitText: unit };
  // "yuan per enterprise": the money in its usual scale (20 million yuan), then the rest of the words.
  if (unit.startsWith('yuan ')) return { measureUnit: 'yuan', unitText: unit.slice('yuan '.length) };
  return { unitText: unit };
}

/** A value as the page shows it: in the unit's usual scale, or as a number with the unit's words. */
export function formatAssumptionValue(value: number, a: Pick<WhatIfAssumption, 'measureUnit' | 'displayUnit' | 'unitText'>, lang: Lang): string {
  if (a.measureUnit !== undefined) {
    const quantity = formatQuantity(value, a.measureUnit, lang, 1, a.displayUnit);
    return a.measureUnit === 'yuan' && a.unitText !== 'yuan' ? withUnitWords(quantity, a.unitText, lang) : quantity;
  }
  const number = Number(value.toPrecision(3)).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
  return withUnitWords(number, a.unitText, lang);
}

function row(key: string, label: string, p: Pick<JointProbability, 'probability' | 'interval'>, joint: boolean): WhatIfRow {
  return { key, label, joint, probability: p.probability, interval: p.interval };
}

/**
 * The data of the what-if section: the scenario, the report's seed and trials, the main
 * assumptions with their ranges in the scenario's units and words, and every probability the
 * page recomputes, as written.
 */
export function whatIfData(scenario: Scenario, simulation: SimulationResult, main: readonly MainAssumption[], lang: Lang): WhatIfData {
  const m = whatIfMessages(lang);
  const zh = lang === 'zh';
  const assumptions = main.map((a): WhatIfAssumption => {
    // The unit's words in the page's language ("enterprises per year" → 家企业/年): the page script writes them as given.
    const measured = measureUnitOf(scenario, a);
    const units = { ...measured, unitText: unitWordsIn(measured.unitText, lang) };
    const metric = a.metric === undefined ? undefined : scenario.metrics[a.metric];
    const parameter = a.metric === undefined ? scenario.parameters[a.name] : undefined;
    // In the scenario's words: a parameter's description (its name shown beside it), a baseline's metric and year; the reason below.
    const label =
      metric !== undefined
        ? m.baselineLabel(metricLabel(a.metric ?? a.name, metric, lang), scenario.horizon.baseYear)
        : parameter === undefined
          ? a.name
          : parameterLabel(scenario, a.name, lang);
    const detail = a.reason ?? '';
    const format = (v: number) => formatAssumptionValue(v, units, lang);
    return {
      name: a.name,
      ...(a.metric === undefined ? {} : { metric: a.metric }),
      label,
      detail,
      ...units,
      point: a.point,
      low: a.low,
      high: a.high,
      rangeText: m.range(format(a.low), format(a.high)),
      drawnText: m.drawn(format(a.point)),
    };
  });
  const targetLabel = (t: { label: string; labelZh?: string }) => (zh ? t.labelZh : undefined) ?? t.label;
  const rows: WhatIfRow[] = simulation.targets.map((t) => row(`target:${t.id}`, targetLabel(t), t, false));
  if (simulation.joint.targets.length > 0) rows.push(row('joint', m.joint, simulation.joint, true));
  if (simulation.striveJoint !== undefined && simulation.striveJoint.targets.length > 0) rows.push(row('strive', m.striveJoint, simulation.striveJoint, true));
  for (const j of simulation.jointTargets ?? []) rows.push(row(`joint:${j.id}`, targetLabel(j), j, true));
  return {
    lang,
    seed: simulation.meta.seed,
    trials: simulation.meta.trials,
    confidence: simulation.meta.confidence,
    scenario,
    assumptions,
    rows,
    messages: m.page,
  };
}

/** Where the built page script is: next to the bundle (dist/index.js, dist/cli.js) or, from the sources, in dist/. */
const PAGE_SCRIPT_CANDIDATES = ['./browser/report-what-if.global.js', '../../../dist/browser/report-what-if.global.js'];

let cachedScript: string | undefined;

/** The what-if page script (the engine inside), escaped for inlining; read once per process. */
export function whatIfPageScript(): string {
  if (cachedScript !== undefined) return cachedScript;
  for (const candidate of PAGE_SCRIPT_CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) {
      cachedScript = inlineScript(readFileSync(path, 'utf8'));
      return cachedScript;
    }
  }
  throw new Error(
    'parkcast: the what-if page script (dist/browser/report-what-if.global.js) is missing: build the package (npm run build), or write the report without the what-if section (--no-what-if, whatIf: false)',
  );
}

/**
 * The what-if section of the HTML report, with the CSP it needs. Without main assumptions (a
 * scenario with nothing uncertain that moves a target), a short note instead, and no script.
 */
export function whatIfSection(data: WhatIfData, pageScript: string): WhatIfFragment {
  const m = whatIfMessages(data.lang);
  if (data.assumptions.length === 0 || data.rows.length === 0) {
    return { html: `<section id="what-if"><h2>${escapeHtml(m.heading)}</h2><p class="meta">${escapeHtml(m.nothingToMove)}</p></section>`, csp: WHAT_IF_CSP };
  }
  const html = [
    '<section id="what-if" data-state="idle">',
    `<h2>${escapeHtml(m.heading)}</h2>`,
    `<p class="meta">${escapeHtml(m.intro(data.trials, JSON.stringify(data.seed)))}</p>`,
    `<noscript><p>${escapeHtml(m.noScript)}</p></noscript>`,
    '<div id="what-if-controls"></div>',
    `<p><button type="button" id="what-if-reset" disabled>${escapeHtml(m.reset)}</button> <span id="what-if-status" class="meta" role="status"></span></p>`,
    '<div id="what-if-results"></div>',
    '<div id="what-if-charts" hidden></div>',
    `<h3>${escapeHtml(m.variantHeading)}</h3><p class="meta">${escapeHtml(m.variantIntro)}</p>`,
    `<textarea id="what-if-variant" readonly rows="8" spellcheck="false" style="width:100%;font:13px/1.4 'Parkcast Sans',ui-monospace,monospace"></textarea>`,
    `<p><button type="button" id="what-if-copy" disabled>${escapeHtml(m.copy)}</button></p>`,
    `<script type="application/json" id="what-if-data">${scriptJson(data)}</script>`,
    `<script>${pageScript}</script>`,
    '</section>',
  ].join('\n');
  return { html, csp: WHAT_IF_CSP };
}
