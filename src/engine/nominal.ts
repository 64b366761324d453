import { BlockRunner } from './blockRunner.js';
import type { Model } from './model.js';

/** The nominal case: every assumption at its point value, no noise, as a run of one trial. */
export function runNominal(model: Model): {
  values: number[][];
  targets: Array<{ measured: number; hit: boolean; firstYearIndex: number }>;
} {
  const outcome = new BlockRunner(model, 1).run(1, { kind: 'nominal' });
  const t = outcome.targets;
  return {
    values: outcome.values.map((byYear) => byYear.map((values) => values[0])),
    targets: model.targets.map((_, i) => ({ measured: t.measured[i][0], hit: t.hit[i][0] === 1, firstYearIndex: t.firstYearIndex[i][0] })),
  };
}
