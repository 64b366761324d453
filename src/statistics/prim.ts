/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), for a 0/1 outcome: find a box
 * (a range on a few inputs) where the outcome is much more common than overall. Peeling shrinks
 * the box a small share of its points at a time, always along the input and side whose removal
 * raises the outcome's rate most per point removed (the "lenient" objective of the EMA Workbench);
 * pasting then widens the chosen box again while that raises the rate.
 *
 * Inputs are columns of numbers (one per input, one value per point); `rows` says which points
 * take part, so a holdout half or the points left after a first box can be studied alone.
 */

/** A box: inclusive limits per input; −Infinity and Infinity where the input is not restricted. */
export interface PrimBox {
  readonly low: readonly number[];
  readonly high: readonly number[];
}

/** How much of the outcome a box catches and how pure it is. */
export interface PrimBoxStatistics {
  /** Points in the box. */
  readonly points: number;
  /** Points in the box with the outcome. */
  readonly outcomePoints: number;
  /** outcomePoints / all points with the outcome (of the rows given as the whole). */
  readonly coverage: number;
  /** outcomePoints / points: the outcome's rate inside the box. */
  readonly density: number;
  /** points / all points (of the rows given as the whole). */
  readonly mass: number;
}

/** One box on the peeling trajectory. */
export interface PrimStep extends PrimBoxStatistics {
  readonly box: PrimBox;
  /** Inputs the box restricts. */
  readonly restricted: number;
}

export interface PrimOptions {
  /** Share of the box's points each peel removes. Default 0.05. */
  readonly peelAlpha?: number;
  /** Share of the box's points each paste adds. Default 0.05. */
  readonly pasteAlpha?: number;
  /** Peeling stops before the box holds less than this share of the points. Default 0.05. */
  readonly minimumMass?: number;
  /** At most this many inputs restricted: once reached, peels only tighten inputs already restricted. Default 3. */
  readonly maxDimensions?: number;
}

/** Points sorted by each input once, so each peel walks them in order instead of sorting again. */
export interface PrimData {
  readonly columns: readonly ArrayLike<number>[];
  readonly outcome: ArrayLike<number>;
  /** Per input, every point's index, ascending by that input's value (ties by index). */
  readonly order: readonly Uint32Array[];
}

/** Sorts the points by each input, for `primPeel`, `primPaste` and `primStatistics`. */
export function primData(columns: readonly ArrayLike<number>[], outcome: ArrayLike<number>): PrimData {
  for (const [d, column] of columns.entries())
    if (column.length !== outcome.length) throw new RangeError(`columns[${d}]: expected ${outcome.length} values (one per point), got ${column.length}`);
  const order = columns.map((column) => Uint32Array.from({ length: outcome.length }, (_, i) => i).sort((a, b) => column[a] - column[b] || a - b));
  return { columns, outcome, order };
}

/** The unrestricted box over `inputs` inputs. */
export function fullBox(inputs: number): PrimBox {
  return { low: new Array(inputs).fill(Number.NEGATIVE_INFINITY), high: new Array(inputs).fill(Number.POSITIVE_INFINITY) };
}

/** Whether point i lies in the box (ignoring input `except`, when given). */
export function insideBox(data: PrimData, box: PrimBox, i: number, except = -1): boolean {
  for (let d = 0; d < data.columns.length; d++) {
    if (d === except) continue;
    const x = data.columns[d][i];
    if (x < box.low[d] || x > box.high[d]) return false;
  }
  return true;
}

/** Inputs a box restricts. */
export function restrictedInputs(box: PrimBox): number[] {
  const out: number[] = [];
  for (let d = 0; d < box.low.length; d++) if (box.low[d] > Number.NEGATIVE_INFINITY || box.high[d] < Number.POSITIVE_INFINITY) out.push(d);
  return out;
}

/**
 * A box's statistics over the points marked in `rows` (1: take part), coverage and mass relative
 * to `whole` (the points and outcome points they count against; default: the rows themselves).
 */
export function primStatistics(data: PrimData, rows: ArrayLike<number>, box: PrimBox, whole?: { points: number; outcomePoints: number }): PrimBoxStatistics {
  let points = 0;
  let outcomePoints = 0;
  let allPoints = 0;
  let allOutcome = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i]) continue;
    allPoints++;
    allOutcome += data.outcome[i];
    if (insideBox(data, box, i)) {
      points++;
      outcomePoints += data.outcome[i];
    }
  }
  const total = whole ?? { points: allPoints, outcomePoints: allOutcome };
  return {
    points,
    outcomePoints,
    coverage: total.outcomePoints > 0 ? outcomePoints / total.outcomePoints : 0,
    density: points > 0 ? outcomePoints / points : 0,
    mass: total.points > 0 ? points / total.points : 0,
  };
}

interface Candidate {
  input: number;
  side: 'low' | 'high';
  bound: number;
  points: number;
  outcomePoints: number;
}

/**
 * One side's peel along one input: the bound that leaves out about alpha of the box's points
 * (all points tied at the bound stay or go together), and what would remain.
 */
function peelCandidate(
  data: PrimData,
  rows: ArrayLike<number>,
  inBox: Uint8Array,
  d: number,
  side: 'low' | 'high',
  points: number,
  outcomePoints: number,
  alpha: number,
): Candidate | null {
  const order = data.order[d];
  const column = data.columns[d];
  const want = Math.max(1, Math.floor(alpha * points));
  const n = order.length;
  let seen = 0;
  let removedPoints = 0;
  let removedOutcome = 0;
  let bound = Number.NaN;
  for (let k = 0; k < n; k++) {
    const i = order[side === 'low' ? k : n - 1 - k];
    if (!rows[i] || !inBox[i]) continue;
    const x = column[i];
    if (seen >= want && x !== bound) {
      // The first point past the peel: it and everything beyond stay.
      bound = x;
      break;
    }
    bound = x;
    seen++;
    removedPoints++;
    removedOutcome += data.outcome[i];
  }
  if (removedPoints >= points) return null; // the input takes one value in the box (or ties swallow it): nothing to peel
  return { input: d, side, bound, points: points - removedPoints, outcomePoints: outcomePoints - removedOutcome };
}

/**
 * The peeling trajectory: from the unrestricted box, peel by peel, every box PRIM passes through,
 * until the next peel would leave less than `minimumMass` of the points, the box holds only
 * outcome points, or no peel raises the rate. Each peel removes `peelAlpha` of the box's points
 * from one side of one input, chosen to raise the rate most per point removed.
 *
 * @example
 * ```ts
 * const data = primData([a, b], outcome);
 * const steps = primPeel(data, new Uint8Array(outcome.length).fill(1));
 * steps.at(-1)?.box; // the last (smallest, purest) box
 * ```
 */
export function primPeel(data: PrimData, rows: ArrayLike<number>, options: PrimOptions = {}): PrimStep[] {
  const alpha = options.peelAlpha ?? 0.05;
  const minimumMass = options.minimumMass ?? 0.05;
  const maxDimensions = options.maxDimensions ?? 3;
  checkShare('peelAlpha', alpha);
  checkShare('minimumMass', minimumMass);
  if (!(Number.isInteger(maxDimensions) && maxDimensions >= 1))
    throw new RangeError(`maxDimensions: expected a whole number of at least 1, got ${maxDimensions}`);
  const inputs = data.columns.length;
  const inBox = new Uint8Array(data.outcome.length).fill(1);
  const low = new Array<number>(inputs).fill(Number.NEGATIVE_INFINITY);
  const high = new Array<number>(inputs).fill(Number.POSITIVE_INFINITY);
  const whole = primStatistics(data, rows, fullBox(inputs));
  const steps: PrimStep[] = [{ ...whole, box: { low: [...low], high: [...high] }, restricted: 0 }];
  let points = whole.points;
  let outcomePoints = whole.outcomePoints;
  while (points > 0 && outcomePoints < points) {
    const restricted = restrictedInputs({ low, high });
    const allowed = restricted.length >= maxDimensions ? restricted : Array.from({ length: inputs }, (_, d) => d);
    const density = outcomePoints / points;
    let best: Candidate | null = null;
    let bestObjective = 0;
    for (const d of allowed) {
      for (const side of ['low', 'high'] as const) {
        const c = peelCandidate(data, rows, inBox, d, side, points, outcomePoints, alpha);
        if (c === null || c.points < minimumMass * whole.points) continue;
        // Gain in rate per share of points removed ("lenient 1" of the EMA Workbench).
        const objective = (c.outcomePoints / c.points - density) / ((points - c.points) / whole.points);
        if (objective > bestObjective) {
          best = c;
          bestObjective = objective;
        }
      }
    }
    if (best === null) break;
    if (best.side === 'low') low[best.input] = best.bound;
    else high[best.input] = best.bound;
    const column = data.columns[best.input];
    for (let i = 0; i < inBox.length; i++) if (inBox[i] && (column[i] < low[best.input] || column[i] > high[best.input])) inBox[i] = 0;
    points = best.points;
    outcomePoints = best.outcomePoints;
    const box = { low: [...low], high: [...high] };
    steps.push({ ...primStatistics(data, rows, box, whole), box, restricted: restrictedInputs(box).length });
  }
  return steps;
}

/**
 * Pasting: widens a box, one side of one restricted input at a time, by about `pasteAlpha` of its
 * points, for as long as a widening keeps or raises the outcome's rate in the box; a side widened past the
 * last point is no longer restricted.
 *
 * @example
 * ```ts
 * const pasted = primPaste(data, rows, steps[7].box);
 * ```
 */
export function primPaste(data: PrimData, rows: ArrayLike<number>, box: PrimBox, options: PrimOptions = {}): PrimBox {
  const alpha = options.pasteAlpha ?? 0.05;
  checkShare('pasteAlpha', alpha);
  const low = [...box.low];
  const high = [...box.high];
  let current = primStatistics(data, rows, { low, high });
  for (;;) {
    let best: { input: number; side: 'low' | 'high'; bound: number; points: number; outcomePoints: number } | null = null;
    for (const d of restrictedInputs({ low, high })) {
      for (const side of ['low', 'high'] as const) {
        if (side === 'low' ? low[d] === Number.NEGATIVE_INFINITY : high[d] === Number.POSITIVE_INFINITY) continue;
        const order = data.order[d];
        const column = data.columns[d];
        const want = Math.max(1, Math.floor(alpha * current.points));
        // Walk outward from the box's edge once, noting the counts at the end of each run of tied values.
        const groups: Array<{ added: number; addedOutcome: number; bound: number }> = [];
        let added = 0;
        let addedOutcome = 0;
        let bound = Number.NaN;
        let exhausted = true;
        const n = order.length;
        for (let k = 0; k < n; k++) {
          const i = order[side === 'low' ? n - 1 - k : k];
          const x = column[i];
          // Skip what is on or inside the box's edge, and points outside its other limits.
          if (side === 'low' ? x >= low[d] : x <= high[d]) continue;
          if (!rows[i] || !insideBox(data, { low, high }, i, d)) continue;
          if (added > 0 && x !== bound) {
            groups.push({ added, addedOutcome, bound });
            if (added >= want) {
              exhausted = false;
              break;
            }
          }
          bound = x;
          added++;
          addedOutcome += data.outcome[i];
        }
        if (exhausted && added > 0) groups.push({ added, addedOutcome, bound: side === 'low' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY });
        // Patient pasting: a widening of alpha of the box's points, and of a half, a quarter, … of it
        // down to one point, so a pure box can grow to its edge without stepping over it.
        for (let size = want; size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
          const g = groups.find((candidate) => candidate.added >= size) ?? groups.at(-1);
          if (g === undefined) break;
          const points = current.points + g.added;
          const outcomePoints = current.outcomePoints + g.addedOutcome;
          const rate = outcomePoints / points;
          if (best === null || rate > best.outcomePoints / best.points || (rate === best.outcomePoints / best.points && points > best.points))
            best = { input: d, side, bound: g.bound, points, outcomePoints };
        }
      }
    }
    // Rate kept or raised: a pure box keeps growing over points as pure as it is.
    if (best === null || best.outcomePoints * current.points < current.outcomePoints * best.points) break;
    if (best.side === 'low') low[best.input] = best.bound;
    else high[best.input] = best.bound;
    current = primStatistics(data, rows, { low, high });
  }
  return { low, high };
}

/** The box with one input's restriction removed. */
export function withoutRestriction(box: PrimBox, input: number): PrimBox {
  const low = [...box.low];
  const high = [...box.high];
  low[input] = Number.NEGATIVE_INFINITY;
  high[input] = Number.POSITIVE_INFINITY;
  return { low, high };
}

function checkShare(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name}: expected a number between 0 and 1, got ${value}`);
}
