import { fromCanonical, INPUT_UNITS, type InputUnit, type MeasureUnit } from '../index.js';

/**
 * A number in the metric's (or measure's) unit, readable: 2.68 tn yuan, 15.7 bn yuan, 1.20 m yuan,
 * 105, 5.4%, 2.00×, 3.0 pts. An area the source wrote in 亩, 公顷 or km² is shown back in it (500
 * mu); money keeps this scale.
 */
export function formatValue(value: number | null | undefined, unit: MeasureUnit | string, displayUnit?: InputUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (displayUnit !== undefined && unit === 'area' && INPUT_UNITS[displayUnit].canonical === 'area') {
    const shown = fromCanonical(value, displayUnit);
    const size = Math.abs(shown);
    const digits = Number.isInteger(shown) || size >= 100 ? 0 : size >= 10 ? 1 : 2;
    return `${shown.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${INPUT_UNITS[displayUnit].english}`;
  }
  if (unit === 'share' || unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'points') return `${value.toFixed(1)} pts`;
  const abs = Math.abs(value);
  const scaled = (divisor: number, suffix: string) => `${(value / divisor).toFixed(abs / divisor >= 100 ? 0 : abs / divisor >= 10 ? 1 : 2)} ${suffix}`;
  const suffix = unit === 'yuan' ? ' yuan' : unit === 'area' ? ' m²' : '';
  if (abs >= 1e12) return `${scaled(1e12, 'tn')}${suffix}`;
  if (abs >= 1e9) return `${scaled(1e9, 'bn')}${suffix}`;
  if (abs >= 1e6) return `${scaled(1e6, 'm')}${suffix}`;
  if (abs >= 1e4) return `${scaled(1e3, 'k')}${suffix}`;
  const digits = Number.isInteger(value) ? 0 : abs >= 100 ? 0 : 1;
  return `${value.toFixed(digits)}${suffix}`;
}

/** An assumption's value, readable whatever its scale: 0.1523, 35.2, 2.50 bn. */
export function formatNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return Math.abs(x) >= 1e4 ? formatValue(x, '') : String(Number(x.toPrecision(4)));
}

/** A probability as a percentage with one decimal. */
export function formatProbability(p: number): string {
  if (p > 0 && p < 0.001) return '<0.1%';
  if (p < 1 && p > 0.999) return '>99.9%';
  return `${(p * 100).toFixed(1)}%`;
}

export function formatInterval([low, high]: readonly [number, number]): string {
  return `[${(low * 100).toFixed(1)}, ${(high * 100).toFixed(1)}]`;
}

export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${(rate * 100).toFixed(1)}%/yr`;
}

/** The threshold as the target states it: `>= 30.0 bn yuan`, `between 2 and 3`. */
export function formatThreshold(
  comparison: string,
  threshold: number | readonly [number, number],
  unit: MeasureUnit | string,
  displayUnit?: InputUnit,
): string {
  if (Array.isArray(threshold)) return `${formatValue(threshold[0], unit, displayUnit)} to ${formatValue(threshold[1], unit, displayUnit)}`;
  return `${comparison} ${formatValue(threshold as number, unit, displayUnit)}`;
}

/**
 * Metrics for the text tables: helpers (`helper: true`) are left out and named in a line after
 * the table; the parks' copies of a group's metrics are left out and counted (the group's
 * totals and counts stand for them).
 */
export function shownMetrics<M extends { readonly name: string; readonly helper?: true; readonly park?: string }>(
  metrics: readonly M[],
): { shown: M[]; note: string } {
  const helpers = metrics.filter((m) => m.helper === true).map((m) => m.name);
  const parkCopies = metrics.filter((m) => m.park !== undefined).length;
  const notes = [
    ...(helpers.length > 0 ? [`helper metrics not shown: ${helpers.join(', ')}`] : []),
    ...(parkCopies > 0 ? [`${parkCopies} metrics of single parks not shown`] : []),
  ];
  return {
    shown: metrics.filter((m) => m.helper !== true && m.park === undefined),
    note: notes.length > 0 ? `\n(${notes.join('; ')}; --json has them)` : '',
  };
}

/** Lays out rows as an aligned text table; numbers-looking columns are right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-<>\d.%[\]—, ]/.test(r[c] ?? '') && /\d|—/.test(r[c] ?? '')));
  const pad = (text: string, c: number) => {
    const gap = ' '.repeat(widths[c] - [...text].length);
    return numeric[c] ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => pad(cell ?? '', c))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What a target needs: a constant yearly growth rate, or (from a zero base) a yearly increase. */
export function formatNeeded(t: { requiredGrowthRate: number | null; requiredYearlyIncrease: number | null; unit: string; displayUnit?: InputUnit }): string {
  // A share's gain in points reads best as points a year, not as the share's own growth rate.
  if (t.unit === 'points' && t.requiredYearlyIncrease !== null) return `${formatValue(t.requiredYearlyIncrease, t.unit)}/yr`;
  if (t.requiredGrowthRate !== null) return formatRate(t.requiredGrowthRate);
  return t.requiredYearlyIncrease !== null ? `${formatValue(t.requiredYearlyIncrease, t.unit, t.displayUnit)}/yr` : '—';
}
