import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { Series } from '../scenario/schema/scenario.js';
import { problemsFromZod } from '../scenario/zodProblems.js';
import { logGrowthIncrements } from './growthHistory.js';

/**
 * A short yearly history to calibrate growth on, as written in a small file: its points (value,
 * year-on-year rate, or both), and optionally an assumed volatility for when the history is too
 * short to measure one.
 */
export const GrowthHistorySchema = z.strictObject({
  label: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  /** What one point covers: a calendar year (default) or the first half of the year. */
  period: z.enum(['year', 'half-year']).default('year'),
  points: Series.shape.points,
  /** An assumed yearly volatility (sd of log growth), counted as if measured over `weight` years. */
  volatility: z.strictObject({ value: z.number().positive(), weight: z.number().positive().optional(), reason: z.string().optional() }).optional(),
  /** Where the figures come from: a source id when the parameter is pasted into a scenario that lists it. */
  source: z.string().optional(),
  note: z.string().optional(),
});
export type GrowthHistory = z.infer<typeof GrowthHistorySchema>;

/**
 * A history file's document, validated: the history, or its problems with field paths.
 *
 * @example
 * ```ts
 * safeParseGrowthHistory({ label: 'Output', unit: 'yuan', points: [{ year: 2021, value: 2.09e11, growthRate: 0.196 }] });
 * ```
 */
export function safeParseGrowthHistory(document: unknown, file?: string): { ok: true; history: GrowthHistory } | { ok: false; problems: Problem[] } {
  // A bare list of points is a history too.
  const input = Array.isArray(document) ? { points: document } : document;
  const result = GrowthHistorySchema.safeParse(input);
  return result.success ? { ok: true, history: result.data } : { ok: false, problems: problemsFromZod(result.error, input, file) };
}

/** A JSON or YAML file's document, or the problem that stops it (missing, unreadable, not JSON/YAML). */
async function readDocument(file: string): Promise<{ ok: true; document: unknown } | { ok: false; problems: Problem[] }> {
  const problem = (code: string, message: string): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ code, path: [], message, file }] });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return problem('file_not_found', messages.fileNotFound(file));
    return problem('file_unreadable', messages.fileUnreadable(file, (error as Error).message));
  }
  const extension = extname(file).toLowerCase();
  try {
    if (extension === '.json') return { ok: true, document: JSON.parse(text) };
    if (extension === '.yaml' || extension === '.yml') return { ok: true, document: parseYaml(text) };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return problem('syntax', extension === '.json' ? messages.invalidJson(reason) : messages.invalidYaml(reason));
  }
  return problem('unknown_format', messages.unknownExtension(file));
}

/**
 * Reads a history file (JSON or YAML: `{ "points": [...] }` or a bare list of points) and
 * validates it, returning problems instead of throwing. `isScenario` tells a scenario file given
 * in its place (it has `park` or `metrics`): calibrate on one of its series with `seriesHistory`.
 *
 * @example
 * ```ts
 * const result = await safeLoadGrowthHistory('history.json');
 * if (result.ok) console.log(calibrateGrowth(result.history).drift);
 * ```
 */
export async function safeLoadGrowthHistory(
  file: string,
): Promise<{ ok: true; history: GrowthHistory } | { ok: false; problems: Problem[]; isScenario: boolean }> {
  const read = await readDocument(file);
  if (!read.ok) return { ...read, isScenario: false };
  const { document } = read;
  const isScenario = typeof document === 'object' && document !== null && !Array.isArray(document) && ('park' in document || 'metrics' in document);
  const parsed = safeParseGrowthHistory(document, file);
  return parsed.ok ? parsed : { ...parsed, isScenario };
}

/**
 * The ids of a scenario's series that give at least one growth rate (two values, or a stated rate).
 *
 * @example
 * ```ts
 * calibratableSeries(scenario); // ['output-history']
 * ```
 */
export function calibratableSeries(scenario: Scenario): string[] {
  return scenario.series.filter((s) => logGrowthIncrements(s.points).increments.length > 0).map((s) => s.id);
}

/**
 * A scenario's series as a history to calibrate on.
 *
 * @throws RangeError when the scenario has no series with that id
 *
 * @example
 * ```ts
 * const history = seriesHistory(scenario, 'output-history');
 * ```
 */
export function seriesHistory(scenario: Scenario, id: string): GrowthHistory {
  const series = scenario.series.find((s) => s.id === id);
  if (series === undefined) {
    const ids = scenario.series.map((s) => s.id);
    throw new RangeError(`unknown series "${id}"; the scenario's series are: ${ids.length > 0 ? ids.join(', ') : '(none)'}`);
  }
  return { label: series.label, unit: series.unit, period: series.period, points: series.points, source: series.source, note: series.note };
}
