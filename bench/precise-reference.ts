/**
 * Recomputes the `precise` values of bench/reference.ts: `tsx bench/precise-reference.ts [trials]`.
 * Exact for enterprises (Poisson(105) >= 100), graduates (Binomial(60, 0.15) >= 10) and output
 * (3·drift + 0.1·(Z1+Z2+Z3) is normal); by simulation for tax and the joint probability, with a
 * generator independent of the project's (Math.random, Box–Muller), so it also checks src/random.
 * 2e8 trials take about 40 s; bench/reference.ts pools four runs of 2e8.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';

/** Triangular(0.015, 0.02, 0.03) by inversion: the mode splits [0, 1] at (0.02 - 0.015) / 0.015 = 1/3. */
function triangular(u: number): number {
  return u < 1 / 3 ? 0.015 + Math.sqrt(u * 0.015 * 0.005) : 0.03 - Math.sqrt((1 - u) * 0.015 * 0.01);
}

let spare = Number.NaN;
function normal(): number {
  if (!Number.isNaN(spare)) {
    const z = spare;
    spare = Number.NaN;
    return z;
  }
  const radius = Math.sqrt(-2 * Math.log(1 - Math.random()));
  const angle = 2 * Math.PI * Math.random();
  spare = radius * Math.sin(angle);
  return radius * Math.cos(angle);
}

function main(trials: number): void {
  const enterprises = 1 - poissonCdf(99, 105);
  const graduates = 1 - binomialCdf(9, 60, 0.15);
  const output = 1 - normalCdf(Math.log(3), 0.45, Math.sqrt(9 * 0.05 ** 2 + 3 * 0.1 ** 2));
  let taxHits = 0;
  let outputAndTaxHits = 0;
  for (let i = 0; i < trials; i++) {
    const drift = 0.15 + 0.05 * normal();
    let value = 10e9;
    let tax = 0;
    for (let year = 0; year < 3; year++) {
      value *= Math.exp(drift + 0.1 * normal());
      tax += value * (0.3 + 0.1 * Math.random()) * triangular(Math.random());
    }
    if (tax >= 5e8) {
      taxHits++;
      if (value >= 30e9) outputAndTaxHits++;
    }
  }
  const tax = taxHits / trials;
  const outputAndTax = outputAndTaxHits / trials;
  // Enterprises and graduates are independent of each other and of output and tax.
  const joint = enterprises * graduates * outputAndTax;
  const se = (p: number) => Math.sqrt((p * (1 - p)) / trials);
  console.log({ trials, enterprises, graduates, output, tax, taxSE: se(tax), joint, jointSE: enterprises * graduates * se(outputAndTax) });
}

main(Number(process.argv[2] ?? 1e7));
