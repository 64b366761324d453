import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { SHIPPED_REFERENCE_CLASS_DOCUMENTS, SHIPPED_REFERENCE_CLASS_IDS } from './referenceClasses.js';
import type { Distribution } from './schema/distribution.js';
import type { FileParameter, ResolvedScenarioFile, ScenarioFile } from './schema/group.js';
import type { Parameter, ParameterReferenceClass } from './schema/scenario.js';

type Path = ReadonlyArray<string | number>;

/** The part of an observation's result the derivation reads (src/reference/schema.ts validates the whole, in a test of the shipped files). */
type ObservedResult =
  | { readonly kind: 'count'; readonly hits: number; readonly total: number; readonly bound?: 'exact' | 'atMost' | 'atLeast' }
  | {
      readonly kind: 'rate';
      readonly value: number;
      readonly n?: number;
      readonly low?: number;
      readonly high?: number;
      readonly rangeKind?: 'reported' | 'interval';
    };
type ShippedClass = { readonly id: string; readonly observations: ReadonlyArray<{ readonly id: string; readonly result: ObservedResult }> };

const SHIPPED = new Map((SHIPPED_REFERENCE_CLASS_DOCUMENTS as readonly ShippedClass[]).map((cls) => [cls.id, cls]));

/** Jeffreys' prior, Beta(½, ½): the posterior of a rate from k of n is Beta(k + ½, n − k + ½). */
const JEFFREYS = 0.5;
const round = (x: number) => Number(x.toPrecision(6));

/** The median of a list of numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The rate an observation reports: hits / total, or the reported rate. */
const rateOf = (result: ObservedResult) => (result.kind === 'count' ? result.hits / result.total : result.value);

/**
 * The distribution of a rate drawn from a reference class's observations:
 * - one observation: the uncertainty of its rate. A count k of n (or a rate with its n) gives
 *   Beta(k + ½, n − k + ½), the posterior under Jeffreys' prior; a rate with the range its source
 *   reported gives a uniform over that range.
 * - two or more: the spread between places, which is what a new park faces: Beta-PERT with the
 *   lowest observed rate as its minimum, their median as its mode and the highest as its maximum
 *   (the ends of a range a source reported across places count as observed rates for the span).
 *   It cannot draw outside the observed span, which understates the tails when few places are named.
 *
 * @returns the distribution and a sentence saying how it was derived, or the problems (paths relative to the parameter).
 */
export function referenceClassDistribution(
  reference: ParameterReferenceClass,
): { ok: true; distribution: Distribution; reason: string } | { ok: false; problems: Array<Omit<Problem, 'file'>> } {
  const fail = (path: Path, message: string, code: string) => ({ ok: false as const, problems: [{ path: ['referenceClass', ...path], message, code }] });
  const cls = SHIPPED.get(reference.id);
  if (cls === undefined) return fail(['id'], messages.unknownReferenceClass(reference.id, [...SHIPPED_REFERENCE_CLASS_IDS.keys()]), 'unknown_reference_class');
  const known = cls.observations.map((o) => o.id);
  const ids = reference.observations ?? known;
  for (const [index, id] of ids.entries()) {
    if (!known.includes(id)) return fail(['observations', index], messages.unknownReferenceObservation(id, cls.id, known), 'unknown_reference_observation');
    if (ids.indexOf(id) !== index) return fail(['observations', index], messages.duplicateObservation(id), 'duplicate_observation');
  }
  const chosen = ids.map((id) => cls.observations.find((o) => o.id === id) as ShippedClass['observations'][number]);
  const at = (index: number): Path => (reference.observations === undefined ? [] : ['observations', index]);

  if (chosen.length === 1) {
    const { id, result } = chosen[0];
    if (result.kind === 'count' && result.bound !== undefined && result.bound !== 'exact')
      return fail(at(0), messages.observationBoundOnly(id, cls.id, result.bound), 'reference_observation_bound');
    const counted =
      result.kind === 'count'
        ? { hits: result.hits, total: result.total }
        : result.n === undefined
          ? undefined
          : { hits: result.value * result.n, total: result.n };
    if (counted !== undefined) {
      const alpha = counted.hits + JEFFREYS;
      const beta = counted.total - counted.hits + JEFFREYS;
      return {
        ok: true,
        distribution: { dist: 'beta', alpha, beta, min: 0, max: 1 },
        reason: messages.referenceClassReason(
          cls.id,
          `Beta(${round(alpha)}, ${round(beta)}), the rate of ${round(counted.hits)} of ${counted.total} in observation "${id}" under Jeffreys' prior`,
        ),
      };
    }
    if (result.kind === 'rate' && result.low !== undefined && result.high !== undefined && result.low < result.high)
      return {
        ok: true,
        distribution: { dist: 'uniform', min: result.low, max: result.high },
        reason: messages.referenceClassReason(cls.id, `uniform over the range ${result.low}–${result.high} that observation "${id}" reports`),
      };
    return fail(at(0), messages.observationWithoutSpread(id, cls.id), 'reference_observation_without_spread');
  }

  const rates = chosen.map((o) => rateOf(o.result));
  // A range a source reported across places (not a statistical interval) widens the span too.
  const reportedEnds = chosen.flatMap(({ result }) =>
    result.kind === 'rate' && result.rangeKind === 'reported' && result.low !== undefined && result.high !== undefined ? [result.low, result.high] : [],
  );
  const low = Math.min(...rates, ...reportedEnds);
  const high = Math.max(...rates, ...reportedEnds);
  if (!(low < high))
    return fail(reference.observations === undefined ? ['id'] : ['observations'], messages.observationsAllEqual(cls.id, low), 'reference_observations_equal');
  const mode = median(rates);
  return {
    ok: true,
    distribution: { dist: 'pert', min: low, mode, max: high, lambda: 4 },
    reason: messages.referenceClassReason(
      cls.id,
      `Beta-PERT from the lowest (${round(low)}), median (${round(mode)}) and highest (${round(high)}) rate of ${chosen.length} observations (${ids.join(', ')})`,
    ),
  };
}

/**
 * The scenario file with each assumption that names a `referenceClass` and no `distribution` given
 * the class's distribution (basis `sourced`, the derivation as its reason); or the problems, at
 * the parameter's path.
 */
export function resolveReferenceClassParameters(file: ScenarioFile): {
  file: ResolvedScenarioFile;
  problems: Array<Omit<Problem, 'file'>>;
} {
  const problems: Array<Omit<Problem, 'file'>> = [];
  const parameters: Record<string, Parameter> = {};
  for (const [name, parameter] of Object.entries(file.parameters) as Array<[string, FileParameter]>) {
    if (parameter.distribution !== undefined) {
      parameters[name] = { ...parameter, distribution: parameter.distribution };
      if (parameter.referenceClass !== undefined && !SHIPPED.has(parameter.referenceClass.id))
        problems.push({
          path: ['parameters', name, 'referenceClass', 'id'],
          message: messages.unknownReferenceClass(parameter.referenceClass.id, [...SHIPPED_REFERENCE_CLASS_IDS.keys()]),
          code: 'unknown_reference_class',
        });
      continue;
    }
    const derived = referenceClassDistribution(parameter.referenceClass as ParameterReferenceClass);
    if (!derived.ok) {
      problems.push(...derived.problems.map((problem) => ({ ...problem, path: ['parameters', name, ...problem.path] })));
      continue;
    }
    parameters[name] = { ...parameter, distribution: derived.distribution, basis: 'sourced', reason: parameter.reason ?? derived.reason };
  }
  return { file: { ...file, parameters }, problems };
}
