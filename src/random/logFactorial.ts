import { log } from '../math/elementary.js';

const TABLE_SIZE = 1024;
const table = new Float64Array(TABLE_SIZE);
for (let k = 2; k < TABLE_SIZE; k++) table[k] = table[k - 1] + log(k);

/** ln(k!) for a whole k >= 0: a table below 1024, Stirling's series above (error < 1e-15 relative). */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return table[k];
  const n = k + 1;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (n - 0.5) * log(n) - n + 0.9189385332046728 + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
