import { binomial } from './binomial.js';
import type { DiscreteTable } from './discreteTable.js';
import { gamma } from './gamma.js';
import { standardNormal } from './normal.js';
import { poisson } from './poisson.js';
import type { RandomStream } from './stream.js';

/**
 * The year-to-year randomness a process uses. The Monte Carlo run draws it from a stream; the
 * deterministic projection uses `NominalNoise`, which gives each draw's central value, so the
 * projection is the nominal case of the same model rather than a second code path.
 */
export interface Noise {
  /** A standard normal shock. */
  normal(): number;
  /** A count with the given mean (Poisson). */
  poisson(mean: number): number;
  /** A count with the given mean and overdispersion k: variance mean + mean²/k (negative binomial). */
  negativeBinomial(mean: number, dispersion: number): number;
  /** Successes among `trials` candidates, each with probability p. */
  binomial(trials: number, p: number): number;
  /** A count from a precomputed table (for counts whose parameters are fixed numbers). */
  fromTable(table: DiscreteTable): number;
}

/** Noise drawn from a seeded stream. */
export class RandomNoise implements Noise {
  constructor(private readonly stream: RandomStream) {}

  normal(): number {
    return standardNormal(this.stream);
  }

  poisson(mean: number): number {
    return poisson(this.stream, mean);
  }

  negativeBinomial(mean: number, dispersion: number): number {
    // A gamma-mixed Poisson: the rate itself varies from trial to trial.
    if (!(mean > 0)) return 0;
    return poisson(this.stream, (gamma(this.stream, dispersion) * mean) / dispersion);
  }

  binomial(trials: number, p: number): number {
    return binomial(this.stream, trials, p);
  }

  fromTable(table: DiscreteTable): number {
    return table.draw(this.stream);
  }
}

/** The expected value of every draw: no shocks, mean arrivals, mean graduations. */
export class NominalNoise implements Noise {
  normal(): number {
    return 0;
  }

  poisson(mean: number): number {
    return Math.max(mean, 0);
  }

  negativeBinomial(mean: number): number {
    return Math.max(mean, 0);
  }

  binomial(trials: number, p: number): number {
    return Math.max(Math.floor(trials), 0) * Math.min(Math.max(p, 0), 1);
  }

  fromTable(table: DiscreteTable): number {
    return table.mean;
  }
}
