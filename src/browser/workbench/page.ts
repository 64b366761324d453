/// <reference lib="dom" />
/**
 * The workbench page: an editor for a scenario (JSON or YAML), its problems with their field
 * paths as one types, and its projection and probabilities, computed by a Web Worker started from
 * the worker's code inlined in the page (so the page opens from disk, with no server and no
 * request). Bundled into dist/workbench.html (scripts/workbench.ts).
 */
import type { RunReply, RunRequest, ShownProblem } from './protocol.js';

/** vega-embed and vega, inlined in the page as globals (when the build found them). */
declare const vegaEmbed: ((el: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<unknown>) | undefined;
declare const vega: { expressionInterpreter: unknown } | undefined;

const DEBOUNCE_MS = 300;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const editor = byId<HTMLTextAreaElement>('editor');
const fileInput = byId<HTMLInputElement>('file');
const status = byId<HTMLElement>('status');
const problemsBox = byId<HTMLElement>('problems');
const resultsBox = byId<HTMLElement>('results');
const trialsInput = byId<HTMLInputElement>('trials');
const seedInput = byId<HTMLInputElement>('seed');
const formatBadge = byId<HTMLElement>('format');

/** The opened file's name ('' until one is opened): it decides the notation, and the saved file's name. */
let fileName = '';
let nextId = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const workerSource = byId<HTMLScriptElement>('worker-source').textContent ?? '';
const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));

/** JSON when the text starts like JSON or the file is .json, else YAML (a superset of JSON anyway). */
function formatOf(text: string): 'json' | 'yaml' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

const element = (tag: string, props: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement => {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) el.setAttribute(key, value);
  el.append(...children);
  return el;
};

function request(): void {
  const text = editor.value;
  const format = formatOf(text);
  formatBadge.textContent = format.toUpperCase();
  if (text.trim() === '') {
    status.textContent = 'Open or drop a scenario file (JSON or YAML), or load the example.';
    problemsBox.replaceChildren();
    resultsBox.replaceChildren();
    return;
  }
  const trials = Math.max(1, Math.min(1_000_000, Math.round(Number(trialsInput.value) || 20_000)));
  const seedText = seedInput.value.trim() || '1';
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  const message: RunRequest = { id: ++nextId, text, format, trials, seed };
  status.textContent = `Checking and running ${trials.toLocaleString('en-US')} trials…`;
  document.documentElement.dataset.state = 'running';
  worker.postMessage(message);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(request, DEBOUNCE_MS);
}

function problemList(items: readonly ShownProblem[], className: string): HTMLElement {
  return element('ul', { class: className }, ...items.map((p) => element('li', {}, element('code', {}, p.path || '(whole file)'), ' ', p.message)));
}

function showProblems(problems: readonly ShownProblem[]): void {
  status.textContent = `${problems.length} problem${problems.length === 1 ? '' : 's'}: fix ${problems.length === 1 ? 'it' : 'them'} to see the results.`;
  problemsBox.replaceChildren(element('h2', {}, 'Problems'), problemList(problems, 'problem-list'));
  resultsBox.classList.add('stale');
  document.documentElement.dataset.state = 'problems';
}

function showResults(reply: Extract<RunReply, { ok: true }>): void {
  problemsBox.replaceChildren();
  resultsBox.classList.remove('stale');
  status.textContent = `${reply.park}: ${reply.trials.toLocaleString('en-US')} trials, seed ${JSON.stringify(reply.seed)}, in ${Math.round(reply.elapsedMs)} ms.`;
  const head = element(
    'tr',
    {},
    ...['Target', 'Deadline', 'Threshold', 'Projected', 'Probability', '95% interval'].map((h) => element('th', { scope: 'col' }, h)),
  );
  const rows = reply.targets.map((t) =>
    element(
      'tr',
      { 'data-target': t.id },
      element('th', { scope: 'row' }, t.label, t.kind === 'stretch' ? element('span', { class: 'tag' }, 'stretch') : ''),
      element('td', {}, String(t.deadline)),
      element('td', {}, t.threshold),
      element('td', { class: t.projectedMet ? 'met' : 'missed' }, t.projected, t.projectedMet ? ' ✓' : ' ✗'),
      element('td', { class: 'number' }, t.probability),
      element('td', { class: 'number' }, t.interval),
    ),
  );
  const joint = reply.joint
    ? element(
        'p',
        { class: 'joint' },
        'All official targets together: ',
        element('strong', { id: 'joint' }, reply.joint.probability),
        ` (95% interval ${reply.joint.interval})`,
      )
    : element('p', {}, 'No official targets.');
  const charts = element('div', { class: 'charts' });
  resultsBox.replaceChildren(
    element('h2', {}, 'Results'),
    joint,
    element('div', { class: 'table-wrap' }, element('table', {}, element('thead', {}, head), element('tbody', {}, ...rows))),
    ...(reply.findings.length > 0 ? [element('h3', {}, 'Data check'), problemList(reply.findings, 'finding-list')] : []),
    charts,
  );
  if (typeof vegaEmbed === 'function') {
    for (const chart of reply.charts) {
      const el = element('div', { class: 'chart', 'data-chart': chart.id });
      charts.append(el);
      vegaEmbed(el, chart.spec, { actions: false, renderer: 'svg', ast: true, expr: vega?.expressionInterpreter }).catch((error: unknown) => {
        el.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      });
    }
  }
  document.documentElement.dataset.state = 'results';
}

worker.onmessage = (event: MessageEvent<RunReply>) => {
  const reply = event.data;
  if (reply.id !== nextId) return; // superseded by a later edit
  if (reply.ok) showResults(reply);
  else if ('problems' in reply) showProblems(reply.problems);
  else {
    status.textContent = `The run failed: ${reply.failure}`;
    document.documentElement.dataset.state = 'failed';
  }
};

async function openFile(file: File): Promise<void> {
  fileName = file.name;
  editor.value = await file.text();
  byId<HTMLElement>('file-name').textContent = file.name;
  request();
}

editor.addEventListener('input', schedule);
trialsInput.addEventListener('change', request);
seedInput.addEventListener('change', request);
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
});
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dropping');
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});
byId<HTMLButtonElement>('example').addEventListener('click', () => {
  fileName = 'jinyang-lake.json';
  byId<HTMLElement>('file-name').textContent = fileName;
  editor.value = byId<HTMLScriptElement>('example-scenario').textContent ?? '';
  request();
});
byId<HTMLButtonElement>('save').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([editor.value], { type: formatOf(editor.value) === 'json' ? 'application/json' : 'application/yaml' }));
  const link = element('a', { href: url, download: fileName || (formatOf(editor.value) === 'json' ? 'scenario.json' : 'scenario.yaml') }) as HTMLAnchorElement;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

/** A scenario `parkcast workbench FILE` put in the page: opened as if that file were dropped. */
function preloaded(): { fileName: string; text: string } | undefined {
  try {
    const value = JSON.parse(byId<HTMLScriptElement>('preloaded-scenario')?.textContent ?? 'null');
    return value !== null && typeof value.text === 'string' && typeof value.fileName === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const opened = preloaded();
if (opened !== undefined) {
  fileName = opened.fileName;
  byId<HTMLElement>('file-name').textContent = opened.fileName;
  editor.value = opened.text;
}
request();
