import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../scenario/load.js';
import { type BacktestResult, backtest } from './backtest.js';

/** The folder of past targets that ships with the package, beside `src/` or `dist/`. */
const FOLDER = 'backtests';

/** The shipped backtest folder (`backtests/` beside `src/` or `dist/`), found from this module upward; undefined in an install without it. */
export function shippedBacktestFolder(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, FOLDER);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The method's track record on the shipped past targets, as a report states it beside a park's odds. */
export interface TrackRecord {
  /** Past targets scored. */
  readonly targets: number;
  /** How many of them were met (by the official outcome). */
  readonly met: number;
  /**
   * What they are, so no reader takes them for park targets: the national targets by kind (the
   * shipped files' `cn-national-<kind>-<year>` names: `gdp`, `cpi`, `urban-jobs`, `rd-share`),
   * the number of provincial ones, and the years of their deadlines.
   */
  readonly national: ReadonlyArray<{ readonly kind: string; readonly targets: number }>;
  readonly provincial: number;
  readonly years: readonly [number, number];
  /** Brier scores (0 is perfect; lower is better) of the model, of the deterministic verdict (0/1), and of always forecasting the share met. */
  readonly brier: { readonly model: number; readonly deterministic: number; readonly climatology: number };
  /** The share of outcomes inside the model's central 90% and 50% intervals. */
  readonly coverage90: number | null;
  readonly coverage50: number | null;
  /** Trials per past scenario and the seed, as `parkcast backtest` takes them. */
  readonly trials: number;
  readonly seed: number;
}

/** Trials per past scenario: `parkcast backtest`'s default, so the report and the command give the same scores. */
const TRACK_RECORD_TRIALS = 20_000;

/** The national kind of a shipped case from its file name (`cn-national-cpi-2019.json` → `cpi`); undefined for a province's. */
const nationalKind = (name: string) => /^cn-national-(.+)-\d{4}\.json$/.exec(name)?.[1];

let cached: Promise<TrackRecord | undefined> | undefined;

/**
 * The method scored on the past targets that ship with parkcast (`backtests/`: national and
 * provincial targets with their outcomes, each written with only what was known at its base
 * year): what `parkcast backtest backtests/` prints, in a few figures. Computed once a process
 * (about 2 s). Undefined when the folder is not installed.
 *
 * @example
 * ```ts
 * const record = await shippedTrackRecord();
 * record?.brier.model; // 0.205 on the 43 shipped targets
 * ```
 */
export function shippedTrackRecord(): Promise<TrackRecord | undefined> {
  cached ??= (async () => {
    const folder = shippedBacktestFolder();
    if (folder === undefined) return undefined;
    const names = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
    const scenarios = await Promise.all(names.map(async (name) => ({ name, scenario: await loadScenario(join(folder, name)) })));
    const result: BacktestResult = await backtest(scenarios, { trials: TRACK_RECORD_TRIALS, seed: 1 });
    const met = result.events.filter((event) => event.outcome === 1).length;
    const share = met / result.events.length;
    const climatology = result.events.reduce((sum, event) => sum + (event.outcome - share) ** 2, 0) / result.events.length;
    return {
      targets: result.events.length,
      met,
      national: [...new Set(names.map(nationalKind).filter((kind) => kind !== undefined))].map((kind) => ({
        kind,
        targets: result.events.filter((event) => nationalKind(event.scenario) === kind).length,
      })),
      provincial: result.events.filter((event) => nationalKind(event.scenario) === undefined).length,
      years: [Math.min(...result.events.map((e) => e.deadline)), Math.max(...result.events.map((e) => e.deadline))],
      brier: { model: result.scores.model.brier?.brier ?? Number.NaN, deterministic: result.scores.deterministic.brier?.brier ?? Number.NaN, climatology },
      coverage90: result.continuous.coverage90?.rate ?? null,
      coverage50: result.continuous.coverage50?.rate ?? null,
      trials: TRACK_RECORD_TRIALS,
      seed: 1,
    };
  })();
  return cached;
}
