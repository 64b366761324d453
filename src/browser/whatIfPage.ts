/// <reference lib="dom" />
/**
 * The report's what-if page script: sliders for the main assumptions, each within its plausible
 * range; on a move, the scenario with the moved assumptions fixed is simulated in a Web Worker
 * started from this same script (its text, as a blob: the report stays one file; on the page's
 * thread where a worker cannot start) with the report's seed and trials, and every probability is
 * shown against the scenario as written, and every chart the
 * simulation draws (target probabilities, first years met, the fan charts, the distributions at
 * the deadlines) is drawn again from the new results, with the report's own specs (src/charts'
 * parkCharts, with the projection of the changed scenario). The change is shown as a variant for
 * the scenario file. Bundled as a classic script
 * (dist/browser/report-what-if.global.js) and inlined by src/report/whatIf/whatIf.ts.
 */
import {
  type Distribution,
  formatProbability,
  formatQuantity,
  type ParkChart,
  type Projection,
  parkCharts,
  project,
  type Scenario,
  type SimulationResult,
  simulate,
  withAssumptions,
} from '../browserEntry.js';

/** vega-embed and vega, inlined by the report after this script: there by the time a reader moves a slider. */
declare const vegaEmbed: ((el: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<unknown>) | undefined;
declare const vega: { expressionInterpreter: unknown } | undefined;

/** The shape src/report/whatIf/whatIf.ts embeds (`WhatIfData`); browser/ may import only browserEntry.ts, so it is restated here. */
interface Data {
  readonly lang: 'en' | 'zh';
  readonly seed: string | number;
  readonly trials: number;
  readonly confidence: number;
  readonly scenario: Scenario;
  readonly assumptions: ReadonlyArray<{
    readonly name: string;
    readonly metric?: string;
    readonly label: string;
    readonly detail: string;
    readonly unitText: string;
    // biome-ignore lint/suspicious/noExplicitAny: a MeasureUnit, passed through to formatQuantity
    readonly measureUnit?: any;
    // biome-ignore lint/suspicious/noExplicitAny: an InputUnit, passed through to formatQuantity
    readonly displayUnit?: any;
    readonly point: number;
    readonly low: number;
    readonly high: number;
    readonly rangeText: string;
    readonly drawnText: string;
  }>;
  readonly rows: ReadonlyArray<{
    readonly key: string;
    readonly label: string;
    readonly joint: boolean;
    readonly probability: number;
    readonly interval: readonly [number, number];
  }>;
  readonly messages: Record<string, string>;
}

/** Slider positions across each range: fine enough to feel continuous, coarse enough for readable values. */
const STEPS = 200;
/** Wait this long after the last move before recomputing (a run of 10,000 trials takes some 20–50 ms). */
const DEBOUNCE_MS = 120;

/** In a page this script draws the section; started as a Web Worker (no document) it only runs the engine. */
const inPage = typeof document !== 'undefined';
/** This script's own text, to start the worker from: the report inlines it, so it has no URL of its own. */
const ownSource = inPage ? (document.currentScript?.textContent ?? undefined) : undefined;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const section = inPage ? byId<HTMLElement>('what-if') : (undefined as never);
const data = inPage ? (JSON.parse(byId('what-if-data').textContent ?? '{}') as Data) : (undefined as never);
const m = inPage ? data.messages : (undefined as never);
const locale = inPage && data.lang === 'zh' ? 'zh-CN' : 'en-US';

/** What the page asks the worker: run this scenario. */
interface RunRequest {
  readonly id: number;
  readonly scenario: Scenario;
  readonly seed: string | number;
  readonly trials: number;
}
/** What the worker answers: the run's results and the scenario's projection, or why it failed. */
type RunReply =
  | { readonly id: number; readonly result: SimulationResult; readonly projection: Projection; readonly ms: number }
  | { readonly id: number; readonly error: string };

/** The engine's part: simulate and project a scenario, timed; the same in the worker and, as a fallback, on the page. */
async function run(request: RunRequest): Promise<RunReply> {
  const started = performance.now();
  try {
    const result = await simulate(request.scenario, { seed: request.seed, trials: request.trials });
    const ms = performance.now() - started;
    // The fan charts' and distributions' projected line: the changed scenario's, as the report's charts have the scenario's.
    return { id: request.id, result, projection: await project(request.scenario), ms };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

if (!inPage) {
  // The worker: one run a message, answered in order.
  const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<RunRequest>) => void) | null; postMessage: (reply: RunReply) => void };
  scope.onmessage = (event) => {
    run(event.data).then((reply) => scope.postMessage(reply));
  };
}

/** The worker that runs the engine off the page's thread, or undefined where one cannot start (then runs are on the page). */
const engine: Worker | undefined = (() => {
  if (!inPage || ownSource === undefined || typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(URL.createObjectURL(new Blob([ownSource], { type: 'text/javascript' })));
  } catch {
    return undefined;
  }
})();
const pending = new Map<number, (reply: RunReply) => void>();
engine?.addEventListener('message', (event: MessageEvent<RunReply>) => {
  pending.get(event.data.id)?.(event.data);
  pending.delete(event.data.id);
});

/** Runs a scenario in the worker (or on the page, without one). */
function runScenario(request: RunRequest): Promise<RunReply> {
  if (engine === undefined) return run(request);
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    engine.postMessage(request);
  });
}

const element = (tag: string, props: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement => {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) el.setAttribute(key, value);
  el.append(...children);
  return el;
};

/** A value on the slider's grid, rounded to the grid's own precision so a variant reads 27.3, not 27.300000000000004. */
function valueAt(a: Data['assumptions'][number], position: number): number {
  if (position <= 0) return a.low;
  if (position >= STEPS) return a.high;
  const step = (a.high - a.low) / STEPS;
  const raw = a.low + position * step;
  const decimals = Math.max(0, Math.min(15, 1 - Math.floor(Math.log10(step))));
  return Number(raw.toFixed(decimals));
}

function positionOf(a: Data['assumptions'][number], value: number): number {
  return Math.max(0, Math.min(STEPS, Math.round(((value - a.low) / (a.high - a.low)) * STEPS)));
}

function formatValue(a: Data['assumptions'][number], value: number): string {
  // As src/report/whatIf/whatIf.ts formats them (formatAssumptionValue).
  if (a.measureUnit !== undefined) {
    const quantity = formatQuantity(value, a.measureUnit, data.lang, 1, a.displayUnit);
    return a.measureUnit === 'yuan' && a.unitText !== 'yuan' && a.unitText !== '' ? `${quantity} ${a.unitText}` : quantity;
  }
  const number = Number(value.toPrecision(3)).toLocaleString(locale, { maximumFractionDigits: 6 });
  return a.unitText === '' ? number : `${number} ${a.unitText}`;
}

/** The moved assumptions and their values; absent: drawn as written. */
const moved = new Map<string, number>();
const sliders = new Map<string, { input: HTMLInputElement; shown: HTMLElement }>();

function buildControls(): void {
  const list = element('div', { class: 'what-if-assumptions' });
  for (const a of data.assumptions) {
    const input = element('input', {
      type: 'range',
      min: '0',
      max: String(STEPS),
      step: '1',
      value: String(positionOf(a, a.point)),
      'data-assumption': a.name,
      'aria-label': a.label,
      style: 'flex:1 1 12rem;min-width:8rem',
    }) as HTMLInputElement;
    const shown = element('span', { class: 'what-if-value figure-value' }, m.asWritten);
    input.addEventListener('input', () => {
      const value = valueAt(a, Number(input.value));
      moved.set(a.name, value);
      shown.textContent = `${m.fixedAt} ${formatValue(a, value)}`;
      input.setAttribute('data-value', String(value));
      changed();
    });
    sliders.set(a.name, { input, shown });
    list.append(
      element(
        'div',
        { class: 'what-if-assumption', style: 'padding:8px 0;border-bottom:1px solid var(--line)' },
        element('div', { class: 'figure-label' }, a.label, ' ', element('code', { class: 'meta' }, a.name)),
        ...(a.detail === '' ? [] : [element('div', { class: 'figure-detail' }, a.detail)]),
        element(
          'div',
          { style: 'display:flex;gap:12px;align-items:center;flex-wrap:wrap' },
          element('span', { class: 'meta' }, formatValue(a, a.low)),
          input,
          element('span', { class: 'meta' }, formatValue(a, a.high)),
          shown,
        ),
        element('div', { class: 'figure-detail' }, `${a.rangeText}; ${a.drawnText}`),
      ),
    );
  }
  byId('what-if-controls').replaceChildren(list);
}

const pct = (p: number) => formatProbability(p);
const interval = (i: readonly [number, number]) => `${pct(i[0])}–${pct(i[1])}`;

/** The recomputed probabilities by row key, as the report's model names them. */
function probabilitiesOf(result: SimulationResult): Map<string, { probability: number; interval: readonly [number, number] }> {
  const out = new Map<string, { probability: number; interval: readonly [number, number] }>();
  for (const t of result.targets) out.set(`target:${t.id}`, t);
  out.set('joint', result.joint);
  if (result.striveJoint !== undefined) out.set('strive', result.striveJoint);
  for (const j of result.jointTargets ?? []) out.set(`joint:${j.id}`, j);
  return out;
}

function showResults(result: SimulationResult | null, projection?: Projection): void {
  const recomputed = result === null ? null : probabilitiesOf(result);
  const head = element('tr', {}, ...[m.colTarget, m.colWritten, m.colWhatIf, m.colInterval, m.colChange].map((h) => element('th', {}, h)));
  const body = data.rows.map((row) => {
    const now = recomputed?.get(row.key) ?? row;
    const change = (now.probability - row.probability) * 100;
    const changeText = result === null ? '' : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toFixed(1)} pp`;
    return element(
      'tr',
      { class: row.joint ? 'joint' : '', 'data-row': row.key, 'data-probability': String(now.probability) },
      element('td', {}, row.label),
      element('td', { class: 'num' }, pct(row.probability)),
      element('td', { class: 'num what-if-now' }, pct(now.probability)),
      element('td', { class: 'num' }, interval(now.interval)),
      element('td', { class: 'num' }, changeText),
    );
  });
  byId('what-if-results').replaceChildren(element('table', {}, element('thead', {}, head), element('tbody', {}, ...body)));
  drawCharts(result, projection);
}

/** The what-if charts by id: kept from run to run, so a redraw replaces a chart in place and the page does not jump. */
const figures = new Map<string, { figure: HTMLElement; container: HTMLElement }>();

/** The charts a what-if run changes: all of the report's charts drawn from its simulation (the comparison of variants is not one). */
function whatIfCharts(result: SimulationResult, projection: Projection | undefined): ParkChart[] {
  return parkCharts({ simulation: result, projection }, data.lang).filter((chart) => chart.kind !== 'scenarioComparison');
}

/**
 * The what-if run's charts, drawn as the report draws its charts (vega's expression interpreter:
 * the CSP allows no eval for vega), each figure with its spec in `data-what-if-spec` (what it
 * shows, for a reader's tools and the tests; not `data-spec`, which the report's own script reads
 * at load). Hidden for the scenario as written, whose charts are the report's own.
 */
function drawCharts(result: SimulationResult | null, projection: Projection | undefined): void {
  const box = byId('what-if-charts');
  if (result === null || typeof vegaEmbed === 'undefined' || typeof vega === 'undefined') {
    box.hidden = true;
    box.replaceChildren();
    figures.clear();
    return;
  }
  const charts = whatIfCharts(result, projection);
  const drawn = runId;
  const shown: HTMLElement[] = [];
  for (const chart of charts) {
    let entry = figures.get(chart.id);
    if (entry === undefined) {
      const container = element('div', { class: 'vega', role: 'img', 'aria-label': chart.kind === 'targetProbabilities' ? m.chartLabel : chart.id });
      entry = { figure: element('figure', { class: 'chart', 'data-chart': chart.id, 'data-kind': chart.kind }, container), container };
      figures.set(chart.id, entry);
    }
    const { figure, container } = entry;
    figure.setAttribute('data-what-if-spec', JSON.stringify(chart.spec));
    figure.setAttribute('data-run', String(drawn));
    container.setAttribute('data-rendered', 'pending');
    shown.push(figure);
    vegaEmbed(container, chart.spec, { actions: false, renderer: 'svg', ast: true, expr: vega.expressionInterpreter }).then(
      () => container.setAttribute('data-rendered', drawn === runId ? 'true' : 'stale'),
      (error: unknown) => {
        container.setAttribute('data-rendered', 'failed');
        console.error(error);
      },
    );
  }
  for (const id of [...figures.keys()]) if (!charts.some((c) => c.id === id)) figures.delete(id);
  box.replaceChildren(element('h3', {}, m.chartsHeading), ...shown);
  box.hidden = false;
}

/** The widest half-width of the rows' intervals: the precision every shown probability has. */
function precisionPoints(result: SimulationResult): number {
  let widest = 0;
  for (const p of probabilitiesOf(result).values()) widest = Math.max(widest, p.probability - p.interval[0], p.interval[1] - p.probability);
  return widest * 100;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** The moved assumptions as a variant of the scenario file (`variants`): parameters fixed, baselines as numbers. */
function variant(): unknown {
  const parameters: Record<string, Distribution> = {};
  const baselines: Record<string, number> = {};
  const words: string[] = [];
  for (const a of data.assumptions) {
    const value = moved.get(a.name);
    if (value === undefined) continue;
    if (a.metric !== undefined) baselines[a.metric] = value;
    else parameters[a.name] = { dist: 'fixed', value };
    words.push(`${a.name} = ${value}`);
  }
  return {
    id: 'what-if',
    label: `${m.variantLabel}: ${words.join(', ')}`,
    parameters,
    ...(Object.keys(baselines).length > 0 ? { baselines } : {}),
  };
}

const status = inPage ? byId('what-if-status') : (undefined as never);
const reset = inPage ? byId<HTMLButtonElement>('what-if-reset') : (undefined as never);
const copy = inPage ? byId<HTMLButtonElement>('what-if-copy') : (undefined as never);
const variantBox = inPage ? byId<HTMLTextAreaElement>('what-if-variant') : (undefined as never);
let runId = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function showVariant(): void {
  variantBox.value = moved.size === 0 ? m.noChange : JSON.stringify(variant(), null, 2);
  copy.disabled = moved.size === 0;
  reset.disabled = moved.size === 0;
}

function changed(): void {
  showVariant();
  section.setAttribute('data-state', 'running');
  status.textContent = m.running;
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(recompute, DEBOUNCE_MS);
}

async function recompute(): Promise<void> {
  timer = undefined;
  const id = ++runId;
  const replacements: Record<string, Distribution> = {};
  for (const [name, value] of moved) replacements[name] = { dist: 'fixed', value };
  try {
    const changedScenario = withAssumptions(data.scenario, replacements);
    const reply = await runScenario({ id, scenario: changedScenario, seed: data.seed, trials: data.trials });
    if (id !== runId) return;
    if ('error' in reply) throw new Error(reply.error);
    const { result, projection, ms } = reply;
    showResults(result, projection);
    section.setAttribute('data-engine', engine === undefined ? 'page' : 'worker');
    status.textContent = fill(m.precision, {
      ms: String(Math.round(ms)),
      trials: data.trials.toLocaleString(locale),
      seed: JSON.stringify(data.seed),
      pp: precisionPoints(result).toFixed(1),
      confidence: String(Math.round(data.confidence * 100)),
    });
    section.setAttribute('data-state', 'done');
    section.setAttribute('data-run', String(id));
  } catch (error) {
    if (id !== runId) return;
    status.textContent = `${m.failed} ${error instanceof Error ? error.message : String(error)}`;
    section.setAttribute('data-state', 'failed');
    console.error(error);
  }
}

if (inPage) {
  reset.addEventListener('click', () => {
    if (timer !== undefined) clearTimeout(timer);
    runId += 1; // a run still going is moot
    moved.clear();
    for (const a of data.assumptions) {
      const slider = sliders.get(a.name);
      if (slider === undefined) continue;
      slider.input.value = String(positionOf(a, a.point));
      slider.input.removeAttribute('data-value');
      slider.shown.textContent = m.asWritten;
    }
    showResults(null);
    showVariant();
    status.textContent = m.written;
    section.setAttribute('data-state', 'idle');
  });

  copy.addEventListener('click', () => {
    variantBox.select();
    const bySelection = () => {
      status.textContent = document.execCommand('copy') ? m.copied : m.copyFailed;
    };
    // A page opened from disk may lack the asynchronous clipboard: then copy the selection.
    if (navigator.clipboard === undefined) bySelection();
    else
      navigator.clipboard.writeText(variantBox.value).then(() => {
        status.textContent = m.copied;
      }, bySelection);
  });

  buildControls();
  showResults(null);
  showVariant();
  status.textContent = m.written;
}
