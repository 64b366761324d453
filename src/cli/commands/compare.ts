import { basename, extname } from 'node:path';
import { type ComparedTarget, type CompareEntry, type ComparisonResult, compare, DEFAULT_TRIALS, variantEntries } from '../../index.js';
import { confirmLongRun, trialsWithinLimit } from '../estimate.js';
import { formatInterval, formatProbability, table } from '../format.js';
import { EXIT, type Io, printJson } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';

const points = (d: number) => {
  const size = Math.abs(d * 100).toFixed(1);
  return `${Number(size) === 0 ? '±' : d > 0 ? '+' : '−'}${size} pp`;
};
const pointsInterval = ([low, high]: readonly [number, number]) => `[${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}]`;

function targetTable(t: ComparedTarget, reference: string, confidence: string): string {
  return table(
    [
      'variant',
      'P(hit)',
      `${confidence} interval`,
      `Δ vs ${reference}`,
      `${confidence} interval of Δ`,
      '± s.e. paired',
      '(unpaired)',
      'wins',
      'loses',
      'P(higher)',
    ],
    t.probabilities.map((p) => {
      const d = t.differences.find((x) => x.variant === p.variant);
      if (d === undefined) return [`${p.variant} (reference)`, formatProbability(p.probability), formatInterval(p.interval), '—', '—', '—', '—', '—', '—', '—'];
      return [
        p.variant,
        formatProbability(p.probability),
        formatInterval(p.interval),
        points(d.difference),
        pointsInterval(d.interval),
        `${(d.standardError * 100).toFixed(2)} pp`,
        `${(d.unpairedStandardError * 100).toFixed(2)} pp`,
        formatProbability(d.bOnly),
        formatProbability(d.aOnly),
        formatProbability(d.probabilityBHigher),
      ];
    }),
  );
}

/** The comparison as text: the variants, then per target (and for all official targets) the probabilities side by side. */
export function comparisonText(result: ComparisonResult, title: string): string {
  const m = result.meta;
  const confidence = `${Math.round(m.confidence * 100)}%`;
  const variants = table(
    ['variant', 'label', 'changes'],
    result.variants.map((v) => [v.id, v.label, v.id === result.reference ? '(reference)' : v.changed.length > 0 ? v.changed.join(', ') : '(no assumption)']),
  );
  const sections = [...result.targets, ...(result.joint === null ? [] : [result.joint])].map(
    (t) => `${t.id}: ${t.label}\n\n${targetTable(t, result.reference, confidence)}`,
  );
  const legend =
    'Δ is paired trial by trial (the same draws in every variant). wins: trials where the variant hits and the reference misses; ' +
    "loses: the reverse; P(higher): how sure this run is that the variant's probability is the higher.";
  const header = `${title}\nComparison: ${m.trials.toLocaleString('en-US')} trials per variant, seed ${JSON.stringify(m.seed)}, common random numbers`;
  const warnings = result.warnings.length > 0 ? `\n\nWarnings:\n${result.warnings.map((w) => `- ${w}`).join('\n')}` : '';
  return [header, variants, ...sections, legend].join('\n\n') + warnings;
}

export interface CompareCommandOptions {
  /** With one file: the variants to compare with the scenario as stated (default: all). */
  variant?: string[];
  /** The id of the variant (or file) the others are compared with (default: the first). */
  reference?: string;
  trials?: number;
  seed?: string | number;
  confidence?: number;
  json?: boolean;
  /** Start a comparison estimated to take more than ten minutes. */
  yes?: boolean;
}

/** Ids for files: their names without extension, made unique. */
function fileIds(files: readonly string[]): string[] {
  const ids: string[] = [];
  for (const file of files) {
    const stem = basename(file, extname(file));
    let id = stem;
    for (let k = 2; ids.includes(id); k++) id = `${stem}-${k}`;
    ids.push(id);
  }
  return ids;
}

/**
 * `parkcast compare FILE [--variant ID...]` (a scenario and its variants) or
 * `parkcast compare FILE1 FILE2...` (several scenarios): probabilities side by side with
 * paired differences from the reference, or JSON with --json.
 */
export async function compareCommand(files: string[], options: CompareCommandOptions, io: Io): Promise<number> {
  if (files.length > 1 && options.variant !== undefined) {
    io.err('parkcast: compare: --variant picks variants of one scenario file; with several files each file is a variant');
    return EXIT.usage;
  }
  const scenarios = [];
  for (const file of files) {
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) return EXIT.invalidInput;
    scenarios.push(scenario);
  }
  let entries: CompareEntry[];
  let title: string;
  try {
    if (scenarios.length === 1) {
      const [scenario] = scenarios;
      if (scenario.variants.length === 0) {
        io.err(`${files[0]}: no variants to compare: add "variants" to the scenario, or give several files`);
        return EXIT.invalidInput;
      }
      entries = variantEntries(scenario, options.variant);
      title = `${scenario.park.name} (${files[0]})`;
    } else {
      const ids = fileIds(files);
      entries = scenarios.map((scenario, i) => ({ id: ids[i], label: scenario.park.name, scenario }));
      title = `Comparing ${files.join(', ')}`;
    }
    const trials = options.trials ?? DEFAULT_TRIALS;
    if (!trialsWithinLimit(trials, io)) return EXIT.usage;
    // A file's variants are each a run of the same scenario; several files are timed one by one.
    const sized =
      scenarios.length === 1
        ? confirmLongRun(scenarios, trials, 1, options.yes, io, { count: entries.length, what: 'one per variant' })
        : confirmLongRun(scenarios, trials, 1, options.yes, io);
    if (!(await sized)) return EXIT.usage;
    const result = await compare(entries, { trials: options.trials, seed: options.seed, confidence: options.confidence, reference: options.reference });
    if (options.json) printJson(io, result);
    else io.out(comparisonText(result, title));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    io.err(`parkcast: ${error.message}`);
    return EXIT.usage;
  }
}
