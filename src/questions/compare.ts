import { baselineAssumptionName } from '../assumptions/scenarioAssumptions.js';
import { withAssumptions } from '../assumptions/withAssumptions.js';
import { sampleTrials, type TrialSamples } from '../results/samples.js';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../results/simulate.js';
import { metricBaseline } from '../scenario/baseline.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Distribution } from '../scenario/schema/distribution.js';
import type { Metric, Scenario, Variant } from '../scenario/schema/scenario.js';
import { type PairedDifference, pairedDifference } from '../statistics/pairedDifference.js';
import { standardError, wilsonInterval } from '../statistics/wilson.js';
import { VERSION } from '../version.js';

/** One side of a comparison: a scenario, under an id and a label. */
export interface CompareEntry {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly scenario: Scenario;
}

export interface CompareOptions {
  /** Trials per variant, all with the same seed. Default 10,000. */
  trials?: number;
  seed?: string | number;
  confidence?: number;
  /** The id of the entry the others are compared with. Default: the first. */
  reference?: string;
}

/** One variant's probability of a target (or of all official targets). */
export interface VariantProbability {
  readonly variant: string;
  readonly probability: number;
  readonly interval: readonly [number, number];
  readonly standardError: number;
}

/** A target compared across variants: each variant's probability, and each one's paired difference from the reference. */
export interface ComparedTarget {
  readonly id: string;
  readonly label: string;
  readonly probabilities: readonly VariantProbability[];
  /** variant − reference for each variant but the reference, paired trial by trial. */
  readonly differences: ReadonlyArray<PairedDifference & { readonly variant: string }>;
}

export interface ComparisonResult {
  readonly meta: {
    readonly kind: 'comparison';
    readonly parkcastVersion: string;
    readonly seed: string | number;
    readonly trials: number;
    readonly confidence: number;
  };
  readonly reference: string;
  readonly variants: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly description?: string;
    readonly parkId: string;
    readonly scenarioHash: string;
    /** Assumptions whose distribution differs from the reference's (or that only one of them has). */
    readonly changed: readonly string[];
  }>;
  /** The targets every variant has, by id. */
  readonly targets: readonly ComparedTarget[];
  /** Every official target (of those every variant has) met together; null when there are none. */
  readonly joint: (ComparedTarget & { readonly targets: readonly string[] }) | null;
  readonly warnings: readonly string[];
}

const BASE_ID = 'base';

/**
 * The scenario as stated and its variants (all, or those named), ready for `compare`. Each
 * variant is the scenario with the variant's assumptions (parameters and baselines) replaced.
 *
 * @throws RangeError for a variant id the scenario does not have
 * @example
 * ```ts
 * const result = await compare(variantEntries(scenario, ['with-fund']), { trials: 20_000 });
 * ```
 */
export function variantEntries(scenario: Scenario, ids?: readonly string[]): CompareEntry[] {
  const known = scenario.variants.map((v) => v.id);
  for (const id of ids ?? []) {
    if (!known.includes(id)) throw new RangeError(`unknown variant "${id}"; the scenario's variants are: ${known.length > 0 ? known.join(', ') : '(none)'}`);
  }
  const chosen = ids === undefined ? scenario.variants : scenario.variants.filter((v) => ids.includes(v.id));
  const baseId = known.includes(BASE_ID) ? 'as-stated' : BASE_ID;
  return [
    { id: baseId, label: 'the scenario as stated', scenario },
    ...chosen.map((v) => ({ id: v.id, label: v.label, description: v.description, scenario: withAssumptions(scenario, variantReplacements(v)) })),
  ];
}

/** A variant's replacements as assumptions: its parameters, and its baselines as `baseline:<metric>` (a number as a fixed value). */
function variantReplacements(variant: Variant): Record<string, Distribution> {
  const baselines = Object.entries(variant.baselines ?? {}).map(([metric, b]) => [
    baselineAssumptionName(metric),
    typeof b === 'number' ? { dist: 'fixed' as const, value: b } : b,
  ]);
  return { ...variant.parameters, ...Object.fromEntries(baselines) };
}

/** A metric's baseline itself (a value, a distribution or an expression), without its provenance, as text to compare. */
function baselineForm(metric: Metric): string {
  const b = metricBaseline(metric);
  if (b === undefined) return '';
  return JSON.stringify(b.kind === 'value' ? b.value : b.kind === 'distribution' ? b.distribution : b.expression);
}

function changedAssumptions(scenario: Scenario, reference: Scenario): string[] {
  const names = new Set([...Object.keys(scenario.parameters), ...Object.keys(reference.parameters)]);
  const parameters = [...names].filter((name) => {
    const a = scenario.parameters[name];
    const b = reference.parameters[name];
    return a === undefined || b === undefined || JSON.stringify(a.distribution) !== JSON.stringify(b.distribution) || a.varies !== b.varies;
  });
  // Baselines that differ, in metrics both have (a metric only one has is a different model, not a changed assumption).
  const baselines = Object.keys(scenario.metrics)
    .filter((name) => Object.hasOwn(reference.metrics, name))
    .filter((name) => baselineForm(scenario.metrics[name]) !== baselineForm(reference.metrics[name]))
    .map(baselineAssumptionName);
  return [...parameters, ...baselines];
}

function probabilityOf(variant: string, hits: Uint8Array, confidence: number): VariantProbability {
  let count = 0;
  for (let i = 0; i < hits.length; i++) count += hits[i];
  return {
    variant,
    probability: count / hits.length,
    interval: wilsonInterval(count, hits.length, confidence),
    standardError: standardError(count, hits.length),
  };
}

/**
 * Compares variants of a park (or several scenario files) with common random numbers: every
 * variant runs the same trials with the same seed, so each assumption, baseline and yearly
 * noise has the same draws in each wherever the variants share it, and a difference between
 * two variants comes from what differs between them, not from chance. Per target: each
 * variant's probability; its paired difference from the reference with the paired standard
 * error (beside the larger unpaired one) and interval; the share of trials in which it meets
 * the target and the reference does not (and the reverse); and how sure the run is that its
 * probability is the higher.
 *
 * @throws RangeError with fewer than two entries, duplicate ids, an unknown reference, or invalid options
 * @example
 * ```ts
 * const result = await compare(variantEntries(scenario), { trials: 20_000, seed: 1 });
 * const d = result.targets[0].differences[0];
 * console.log(d.variant, d.difference, d.interval, d.probabilityBHigher);
 * ```
 */
export async function compare(entries: readonly CompareEntry[], options: CompareOptions = {}): Promise<ComparisonResult> {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? 0.95;
  if (entries.length < 2) throw new RangeError(`expected at least two scenarios or variants to compare, got ${entries.length}`);
  const ids = entries.map((e) => e.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new RangeError(`two variants have the id "${duplicate}"`);
  const referenceId = options.reference ?? ids[0];
  const reference = entries.find((e) => e.id === referenceId);
  if (reference === undefined) throw new RangeError(`unknown reference "${referenceId}"; the variants are: ${ids.join(', ')}`);
  if (!(Number.isInteger(trials) && trials >= 2)) throw new RangeError(`trials: expected a whole number of at least 2, got ${trials}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence: expected a number between 0 and 1, got ${confidence}`);

  const warnings: string[] = [];
  const targetIds = reference.scenario.targets.map((t) => t.id).filter((id) => entries.every((e) => e.scenario.targets.some((t) => t.id === id)));
  const dropped = new Set(entries.flatMap((e) => e.scenario.targets.map((t) => t.id)).filter((id) => !targetIds.includes(id)));
  if (dropped.size > 0) warnings.push(`targets not in every variant are left out: ${[...dropped].join(', ')}`);
  const horizons = new Set(entries.map((e) => `${e.scenario.horizon.baseYear}-${e.scenario.horizon.endYear}`));
  if (horizons.size > 1)
    warnings.push(`the variants have different horizons (${[...horizons].join(', ')}): their draws are shared by name, but their years differ`);
  for (const e of entries) {
    const missing = Object.keys(reference.scenario.parameters).filter((name) => e.scenario.parameters[name] === undefined);
    if (e !== reference && missing.length > 0) warnings.push(`${e.id} lacks the reference's assumptions ${missing.join(', ')}: the pairing is weaker there`);
  }

  const samples: TrialSamples[] = [];
  for (const e of entries) samples.push(await sampleTrials(e.scenario, { trials, seed }));
  const referenceIndex = entries.indexOf(reference);
  const compareHits = (id: string, label: string, hitsOf: (variant: number) => Uint8Array): ComparedTarget => ({
    id,
    label,
    probabilities: entries.map((e, v) => probabilityOf(e.id, hitsOf(v), confidence)),
    differences: entries
      .map((e, v) => ({ e, v }))
      .filter(({ v }) => v !== referenceIndex)
      .map(({ e, v }) => ({ variant: e.id, ...pairedDifference(hitsOf(referenceIndex), hitsOf(v), confidence) })),
  });

  const targets = targetIds.map((id) => {
    const label = reference.scenario.targets.find((t) => t.id === id)?.label ?? id;
    return compareHits(id, label, (v) => samples[v].targets[id].hit);
  });
  const official = targetIds.filter((id) => entries.every((e) => e.scenario.targets.find((t) => t.id === id)?.kind === 'official'));
  let joint: ComparisonResult['joint'] = null;
  if (official.length > 0) {
    const jointHits = samples.map((s) => {
      const all = new Uint8Array(trials).fill(1);
      for (const id of official) {
        const hit = s.targets[id].hit;
        for (let i = 0; i < trials; i++) all[i] &= hit[i];
      }
      return all;
    });
    joint = { ...compareHits('all-official', `All ${official.length} official targets`, (v) => jointHits[v]), targets: official };
  }

  return {
    meta: { kind: 'comparison', parkcastVersion: VERSION, seed, trials, confidence },
    reference: referenceId,
    variants: entries.map((e) => ({
      id: e.id,
      label: e.label,
      ...(e.description === undefined ? {} : { description: e.description }),
      parkId: e.scenario.park.id,
      scenarioHash: scenarioHash(e.scenario),
      changed: e === reference ? [] : changedAssumptions(e.scenario, reference.scenario),
    })),
    targets,
    joint,
    warnings,
  };
}
