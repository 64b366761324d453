/**
 * The plausible ranges the data check compares figures with, in one place. Each says what it is
 * based on; they are deliberately wide, so that a finding means "look again", not "a bit unusual".
 */
export const bands = {
  /** Yuan per US dollar, 2015-2025: the rate moved between about 6.1 and 7.3; widened on both sides. */
  yuanPerUsd: { low: 5.5, high: 8.5 },
  /** A rate within this factor of the band's edge is merely odd (another era, a typo), beyond it impossible. */
  yuanPerUsdNearFactor: 1.25,
  /** Relative gap between conversions of one scenario above which one of them stands out. */
  conversionSpread: 0.08,
  /** Workers per enterprise: micro firms have one to a few, a park's average is higher. */
  minWorkersPerEnterprise: 3,
  /**
   * Yearly revenue or output per worker, in yuan. Industry in China averages about 1-2 million;
   * even capital-heavy sectors rarely exceed 10 million. Below 20,000 a worker's wage is not covered.
   */
  yuanPerWorker: { low: 20_000, high: 10_000_000 },
  /** Figures more than this many years apart are not compared in a ratio. */
  ratioYearGap: 1,
  /** Absolute gap (in growth-rate points) between a stated and an implied growth rate that rounding explains. */
  growthTolerance: 0.01,
  /** Above this gap a growth mismatch is surely not rounding. */
  growthSureGap: 0.03,
  /** Relative gap between a series value and a metric's baseline for the same year that rounding explains. */
  baselineTolerance: 0.02,
  /** A base year this many years before the newest source is stale. */
  staleBaseYears: 2,
  /** A money figure below this many yuan is more likely written in billions or in 10,000s of yuan. */
  minYuanFigure: 10_000,
  /**
   * A growth rate (a fraction a year) at or above this is more likely a percentage (15 for 15%):
   * doubling every year is rare even for parks, whose plans ask for 5-30% a year.
   */
  maxPlausibleRate: 1,
  /** A change in percentage points below this is more likely a fraction (0.02 for 2 points): plans move shares by 0.5-10 points. */
  minPlausiblePoints: 0.1,
} as const;
