/** A figure of a yearly history: its value, its growth on the year before (0.196 for +19.6%), or both. */
export interface GrowthPoint {
  readonly year: number;
  readonly value?: number;
  readonly growthRate?: number;
}

/** The log growth over a span of years, read from the history. */
export interface LogGrowthIncrement {
  /** The span: from the end of `fromYear` to the end of `toYear`. */
  readonly fromYear: number;
  readonly toYear: number;
  /** How many years of growth it covers (toYear − fromYear, less years stated by their own rate). */
  readonly years: number;
  /** ln(later / earlier). */
  readonly logGrowth: number;
  /** `values`: two values; `rate`: a stated year-on-year rate; `values less rates`: two values less the rates stated in between. */
  readonly basis: 'values' | 'rate' | 'values less rates';
}

/** Rates and values that say the same year's growth differently by more than this (in log growth) are noted. */
const DISAGREEMENT = 0.005;

/**
 * The history's log growth increments, each year of growth counted once. Two consecutive values
 * give the log growth between them; a stated year-on-year rate gives its own year. Where a rate
 * falls between two values further apart, the values' growth is split into the rate's year and
 * the rest; where a rate repeats what two consecutive values say, the values are used (and any
 * disagreement noted).
 *
 * @throws RangeError on a repeated year, a value that is not positive or a rate of −100% or less
 * @example
 * ```ts
 * logGrowthIncrements([{ year: 2020, value: 100 }, { year: 2021, value: 110 }, { year: 2022, growthRate: 0.2 }]).increments;
 * // [{ fromYear: 2020, toYear: 2021, years: 1, logGrowth: 0.0953, basis: 'values' },
 * //  { fromYear: 2021, toYear: 2022, years: 1, logGrowth: 0.1823, basis: 'rate' }]
 * ```
 */
export function logGrowthIncrements(points: readonly GrowthPoint[]): { increments: LogGrowthIncrement[]; notes: string[] } {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  sorted.forEach((p, i) => {
    if (i > 0 && sorted[i - 1].year === p.year) throw new RangeError(`the history gives the year ${p.year} twice`);
    if (p.value !== undefined && !(p.value > 0)) throw new RangeError(`${p.year}: expected a positive value to take growth from, got ${p.value}`);
    if (p.growthRate !== undefined && !(p.growthRate > -1)) throw new RangeError(`${p.year}: expected a growth rate above -100%, got ${p.growthRate}`);
  });
  const valued = sorted.filter((p) => p.value !== undefined);
  const rates = sorted.filter((p) => p.growthRate !== undefined).map((p) => ({ year: p.year, log: Math.log1p(p.growthRate as number), used: false }));
  const increments: LogGrowthIncrement[] = [];
  const notes: string[] = [];
  for (let i = 1; i < valued.length; i++) {
    const from = valued[i - 1].year;
    const to = valued[i].year;
    const logGrowth = Math.log((valued[i].value as number) / (valued[i - 1].value as number));
    const inside = rates.filter((r) => r.year - 1 >= from && r.year <= to);
    for (const r of inside) r.used = true;
    if (to - from === 1 && inside.length === 1) {
      if (Math.abs(inside[0].log - logGrowth) > DISAGREEMENT) {
        notes.push(
          `${to}: the stated rate ${percent(Math.expm1(inside[0].log))} and the values' ${percent(Math.expm1(logGrowth))} disagree; the values are used`,
        );
      }
      increments.push({ fromYear: from, toYear: to, years: 1, logGrowth, basis: 'values' });
      continue;
    }
    for (const r of inside) increments.push({ fromYear: r.year - 1, toYear: r.year, years: 1, logGrowth: r.log, basis: 'rate' });
    const rest = to - from - inside.length;
    const restGrowth = logGrowth - inside.reduce((sum, r) => sum + r.log, 0);
    if (rest > 0)
      increments.push({ fromYear: from, toYear: to, years: rest, logGrowth: restGrowth, basis: inside.length > 0 ? 'values less rates' : 'values' });
    else if (Math.abs(restGrowth) > DISAGREEMENT)
      notes.push(`${from}-${to}: the stated rates and the values disagree by ${percent(Math.expm1(restGrowth))}; both are used`);
  }
  for (const r of rates) if (!r.used) increments.push({ fromYear: r.year - 1, toYear: r.year, years: 1, logGrowth: r.log, basis: 'rate' });
  increments.sort((a, b) => a.toYear - b.toYear || a.fromYear - b.fromYear);
  return { increments, notes };
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
