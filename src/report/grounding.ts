import { labelIn } from '../charts/localise.js';
import type { Lang } from '../charts/messages.js';
import { formatProbability, formatQuantity } from '../charts/units.js';
import type { TrackRecord } from '../questions/trackRecord.js';
import type { SimulationResult } from '../results/types.js';
import { groundingMessages } from './messages.js';
import { escapeHtml } from './pages/escape.js';

/** One target's probability beside its reference class's base rate, or that none applies. */
export interface ReportOutsideViewRow {
  readonly target: string;
  readonly probability: string;
  /** "88% (66%–97%)", or the words for "no reference class applies". */
  readonly baseRate: string;
  readonly classId: string | null;
  readonly verdict: string;
  readonly flagged: boolean;
  /** The outside view in a sentence; empty without a class. */
  readonly sentence: string;
}

/** One recorded outcome against the prediction. */
export interface ReportOutcomeRow {
  readonly what: string;
  readonly year: string;
  readonly actual: string;
  readonly percentile: string;
  readonly met: string;
  readonly source: string;
  readonly note: string;
}

/** The report's outside-view and outcomes section, as text. */
export interface ReportGrounding {
  readonly outsideView: readonly ReportOutsideViewRow[];
  /** Empty when the scenario records no outcomes. */
  readonly outcomes: readonly ReportOutcomeRow[];
  /** The method's track record on the shipped past targets, in a paragraph; absent when it was not computed. */
  readonly trackRecord?: string;
}

/** The track record as the report says it, in the language. */
export function trackRecordText(record: TrackRecord, lang: Lang): string {
  const g = groundingMessages(lang);
  const score = (x: number) => x.toFixed(3);
  return g.trackRecord({
    targets: record.targets,
    met: record.met,
    national: record.national.map((k) => `${g.nationalKinds[k.kind] ?? k.kind} ${k.targets}`).join(lang === 'zh' ? '、' : ', '),
    nationalCount: record.national.reduce((sum, k) => sum + k.targets, 0),
    provincial: record.provincial,
    from: record.years[0],
    to: record.years[1],
    model: score(record.brier.model),
    deterministic: score(record.brier.deterministic),
    climatology: score(record.brier.climatology),
    shareMet: percent(record.met / record.targets),
    coverage90: record.coverage90 === null ? null : percent(record.coverage90),
  });
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** Builds the section from a simulation: every target gets a row, with or without a reference class. */
export function buildGrounding(simulation: SimulationResult, lang: Lang, trackRecord?: TrackRecord): ReportGrounding {
  const g = groundingMessages(lang);
  const outsideView = simulation.targets.map((t): ReportOutsideViewRow => {
    const view = t.outsideView;
    const target = labelIn(lang, t);
    if (view === undefined)
      return { target, probability: formatProbability(t.probability), baseRate: g.noClass, classId: null, verdict: '', flagged: false, sentence: '' };
    return {
      target,
      probability: formatProbability(t.probability),
      baseRate: `${percent(view.rate)} (${percent(view.interval[0])}–${percent(view.interval[1])})`,
      classId: view.classId,
      verdict: g.verdict[view.verdict] ?? view.verdict,
      flagged: view.flagged,
      sentence: lang === 'zh' ? view.sentence.zh : view.sentence.en,
    };
  });
  const outcomes = (simulation.outcomes ?? []).map((o): ReportOutcomeRow => {
    const target = o.target === undefined ? undefined : simulation.targets.find((t) => t.id === o.target);
    const metric = o.metric === undefined ? undefined : simulation.metrics.find((m) => m.name === o.metric);
    const what = target !== undefined ? labelIn(lang, target) : metric !== undefined ? labelIn(lang, metric) : (o.metric ?? '');
    const actual =
      target !== undefined
        ? formatQuantity(o.value, target.unit, lang, 1, target.displayUnit)
        : formatQuantity(o.value, metric?.unit ?? 'count', lang, 1, metric?.displayUnit);
    const at = o.percentile === null ? '—' : o.percentile.toFixed(0);
    const percentile = o.outside === 'below' ? g.below(at) : o.outside === 'above' ? g.above(at) : at;
    const verdicts =
      o.met !== undefined && o.predictedProbability !== undefined
        ? [`${o.met ? g.met : g.missed} (${g.predicted(formatProbability(o.predictedProbability))})`]
        : (o.targets ?? []).map((t) => g.labelled(t.id, `${t.met ? g.met : g.missed} (${g.predicted(formatProbability(t.predictedProbability))})`));
    return {
      what,
      year: String(o.year),
      actual: `${actual}${o.series === 'independent' ? g.independent : ''}`,
      percentile,
      met: verdicts.join('; ') || '—',
      source: o.source,
      note: o.note ?? '',
    };
  });
  return { outsideView, outcomes, ...(trackRecord === undefined ? {} : { trackRecord: trackRecordText(trackRecord, lang) }) };
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, escapeCell: (s: string) => string): string {
  return `<table><thead><tr>${header.map((h) => `<th>${escapeCell(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeCell(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The section as HTML. */
export function groundingHtml(grounding: ReportGrounding, lang: Lang): string {
  const g = groundingMessages(lang);
  const parts = [`<section id="grounding"><h2>${escapeHtml(g.heading)}</h2><p class="meta">${escapeHtml(g.intro)}</p>`];
  parts.push(
    table(
      [g.colTarget, g.colProbability, g.colBaseRate, g.colClass, g.colVerdict],
      grounding.outsideView.map((r) => [r.target, r.probability, r.baseRate, r.classId ?? '—', r.verdict]),
      escapeHtml,
    ),
  );
  const sentences = grounding.outsideView.filter((r) => r.sentence !== '');
  if (sentences.length > 0) parts.push(`<ul>${sentences.map((r) => `<li>${escapeHtml(g.labelled(r.target, r.sentence))}</li>`).join('')}</ul>`);
  if (grounding.trackRecord !== undefined) parts.push(`<h3>${escapeHtml(g.trackRecordHeading)}</h3><p>${escapeHtml(grounding.trackRecord)}</p>`);
  if (grounding.outcomes.length > 0) {
    parts.push(`<h3>${escapeHtml(g.outcomesHeading)}</h3><p class="meta">${escapeHtml(g.outcomesIntro)}</p>`);
    parts.push(
      table(
        [g.colWhat, g.colYear, g.colActual, g.colPercentile, g.colMet, g.colSource],
        grounding.outcomes.map((o) => [o.what, o.year, o.actual, o.percentile, o.met, o.note === '' ? o.source : g.labelled(o.source, o.note)]),
        escapeHtml,
      ),
    );
  }
  parts.push('</section>');
  return parts.join('');
}

/** The section as Markdown lines; `md` escapes a cell. */
export function groundingMarkdown(grounding: ReportGrounding, lang: Lang, md: (s: string) => string): string[] {
  const g = groundingMessages(lang);
  const row = (cells: readonly string[]) => `| ${cells.map(md).join(' | ')} |`;
  const head = (cells: readonly string[]) => [row(cells), `| ${cells.map(() => '---').join(' | ')} |`];
  const lines = [`## ${g.heading}`, '', md(g.intro), ''];
  lines.push(...head([g.colTarget, g.colProbability, g.colBaseRate, g.colClass, g.colVerdict]));
  lines.push(...grounding.outsideView.map((r) => row([r.target, r.probability, r.baseRate, r.classId ?? '—', r.verdict])), '');
  for (const r of grounding.outsideView.filter((x) => x.sentence !== '')) lines.push(`- ${md(g.labelled(r.target, r.sentence))}`);
  if (grounding.outsideView.some((x) => x.sentence !== '')) lines.push('');
  if (grounding.trackRecord !== undefined) lines.push(`### ${g.trackRecordHeading}`, '', md(grounding.trackRecord), '');
  if (grounding.outcomes.length > 0) {
    lines.push(`### ${g.outcomesHeading}`, '', md(g.outcomesIntro), '');
    lines.push(...head([g.colWhat, g.colYear, g.colActual, g.colPercentile, g.colMet, g.colSource]));
    lines.push(
      ...grounding.outcomes.map((o) => row([o.what, o.year, o.actual, o.percentile, o.met, o.note === '' ? o.source : g.labelled(o.source, o.note)])),
      '',
    );
  }
  return lines;
}
