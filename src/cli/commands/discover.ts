import { type BoxRestriction, type DiscoveredBox, type DiscoveryOutcome, type DiscoveryResult, discover, type TargetDiscovery } from '../../index.js';
import { formatNumber, formatProbability, formatThreshold } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport, targetsKnown } from '../loadOrReport.js';

/** An assumption's value in its own unit: a share as a percentage, otherwise the number and the unit's name. */
function valueText(value: number, unit: string | null): string {
  if (unit === 'share' || unit === '%' || unit === 'percent' || unit === 'probability') return `${Number((value * 100).toPrecision(3))}%`;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function restrictionText(r: BoxRestriction, years: string): string {
  const name = r.perYear ? `${r.assumption} (its mean over ${years})` : r.assumption;
  if (r.low !== null && r.high !== null) return `${name} between ${valueText(r.low, r.unit)} and ${valueText(r.high, r.unit)}`;
  if (r.high !== null) return `${name} at most ${valueText(r.high, r.unit)}`;
  return `${name} at least ${valueText(r.low as number, r.unit)}`;
}

const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`);
const outcomeWords = (outcome: DiscoveryOutcome) =>
  outcome === 'miss' ? { plural: 'misses', rate: 'the target fails', verb: 'missed' } : { plural: 'hits', rate: 'the target is met', verb: 'met' };

/** A box in words: "a at most 0.3 and b at most 0.3: 98% of the misses, where the target fails 97% of the time". */
export function boxText(box: DiscoveredBox, outcome: DiscoveryOutcome, years: string): string {
  const words = outcomeWords(outcome);
  const ranges = box.restrictions.map((r) => restrictionText(r, years)).join(' and ');
  const h = box.holdout;
  return (
    `${ranges}: ${formatProbability(h.coverage)} of the ${words.plural}, where ${words.rate} ${formatProbability(h.density)} of the time ` +
    `(${formatProbability(h.mass)} of trials; ${formatProbability(box.baseRate)} in the trials tested against, ${pText(box.pValue)})`
  );
}

function targetText(t: TargetDiscovery, result: DiscoveryResult, baseYear: number): string {
  const words = outcomeWords(t.outcome);
  const years = `${baseYear + 1}–${t.deadline}`;
  const head = `${t.label} (${t.id}): ${formatThreshold(t.comparison, t.threshold, t.unit)} by ${t.deadline} — ${words.verb} in ${formatProbability(t.baseRate)} of ${result.meta.trials.toLocaleString('en-US')} trials`;
  switch (t.status) {
    case 'no-outcome':
      return `${head}\nNever ${words.verb}: nothing to explain.`;
    case 'every-trial':
      return `${head}\n${words.verb[0].toUpperCase()}${words.verb.slice(1)} in every trial: no assumption range makes a difference.`;
    case 'no-assumptions':
      return `${head}\nThe scenario draws no assumption that varies: nothing to explain the ${words.plural} with.`;
    case 'none': {
      const best = t.rejected;
      const detail =
        best === null
          ? ''
          : ` The best box found on half the trials (${best.restrictions.map((r) => restrictionText(r, years)).join(' and ')}), where ` +
            `${words.rate} ${formatProbability(best.holdout.density)} of the time on the other half against ${formatProbability(best.baseRate)} overall ` +
            `(${pText(best.pValue)}, closing ${Math.round(Math.max(0, best.gain) * 100)}% of the gap to certainty; a box must reach p < ${Number(best.pValueThreshold.toPrecision(2))} and close ${Math.round(result.meta.minimumGain * 100)}%).`;
      return `${head}\nNo assumption range explains the ${words.plural} by the margin required.${detail}`;
    }
    case 'found':
      // Each box after the first was found among the trials the earlier ones leave.
      return `${head}\n${t.boxes.map((box, i) => `Box ${i + 1}${i > 0 ? `, among the trials outside box${i > 1 ? `es 1–${i}` : ' 1'}` : ''}: ${boxText(box, t.outcome, years)}`).join('\n')}`;
  }
}

/** The discovery as text: per target, its boxes in words, or why there are none. */
export function discoverText(result: DiscoveryResult, title: string): string {
  const m = result.meta;
  const header =
    `${title}\nScenario discovery (PRIM): the ranges of assumptions where targets are mostly ${m.outcome === 'miss' ? 'missed' : 'met'}; ` +
    `${m.trials.toLocaleString('en-US')} trials, seed ${JSON.stringify(m.seed)}; boxes found on half the trials, and every figure from the other half.`;
  const targets = result.targets.map((t) => targetText(t, result, m.baseYear));
  const warnings = result.warnings.length > 0 ? `\n\nWarnings:\n${result.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return [header, ...targets].join('\n\n') + warnings;
}

export interface DiscoverCommandOptions {
  /** Only these targets (ids). */
  target?: string[];
  trials?: number;
  seed?: string | number;
  /** Explain the misses (default) or the hits. */
  outcome?: DiscoveryOutcome;
  json?: boolean;
}

/** `parkcast discover FILE`: the assumption ranges where each target mostly fails (or succeeds), in words, or JSON with --json. */
export async function discoverCommand(file: string, options: DiscoverCommandOptions, io: Io): Promise<number> {
  const scenario = await loadOrReport(file, io);
  if (scenario === undefined) return EXIT.invalidInput;
  if (!targetsKnown(scenario, options.target, io)) return EXIT.usage;
  const result = await discover(scenario, { target: options.target, trials: options.trials, seed: options.seed, outcome: options.outcome });
  if (options.json) printJson(io, result);
  else io.out(discoverText(result, `${scenario.park.name} (${file})`));
  return EXIT.ok;
}
