import { messages } from '../problems/messages.js';

/** A default the file left in place that changes what the model means: worth a line in `validate`'s summary. */
export interface DefaultNote {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The defaults that change a model's meaning and that a scenario document (as read from its file,
 * before defaults are filled in) leaves in place: a graduation pool that depletes, a growth or
 * logistic process without year-to-year noise.
 *
 * @example
 * ```ts
 * defaultsThatMatter({ metrics: { graduates: { process: { type: 'graduation', pool: 20, probability: 0.1 } } } });
 * // [{ path: ['metrics', 'graduates', 'process', 'depleting'], message: 'left at its default true: …' }]
 * ```
 */
export function defaultsThatMatter(document: unknown): DefaultNote[] {
  const notes: DefaultNote[] = [];
  if (!isObject(document) || !isObject(document.metrics)) return notes;
  for (const [name, metric] of Object.entries(document.metrics)) {
    if (!isObject(metric) || !isObject(metric.process)) continue;
    const process = metric.process;
    const at = (field: string) => ['metrics', name, 'process', field];
    if (process.type === 'graduation' && process.depleting === undefined) notes.push({ path: at('depleting'), message: messages.defaultDepleting() });
    if ((process.type === 'growth' || process.type === 'logistic') && process.volatility === undefined) {
      notes.push({ path: at('volatility'), message: messages.defaultVolatility() });
    }
  }
  return notes;
}
