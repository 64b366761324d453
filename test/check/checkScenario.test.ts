import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, type Finding } from '../../src/check/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema/scenario.js';
import { parseScenario } from '../../src/scenario/validate.js';

// biome-ignore lint/suspicious/noExplicitAny: test documents are edited freely, then validated by parseScenario.
type Doc = Record<string, any>;

const ROOT = join(import.meta.dirname, '..', '..');
const seed = (name: string) => loadScenario(join(ROOT, 'seeds', name));
const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

/** A small scenario with nothing to report; each test spoils one thing (or adds a figure) and checks it. */
function base(): Doc {
  return {
    park: { id: 'test-park', name: 'Test Park (fictional)', location: 'Nowhere' },
    sources: [{ id: 'plan', headline: 'Test plan', outlet: 'Test', date: '2023-03-01' }],
    horizon: { baseYear: 2022, endYear: 2025 },
    parameters: {
      drift: { distribution: { dist: 'normal', mean: 0.1, sd: 0.03 }, basis: 'assumed', reason: 'a test value' },
    },
    metrics: {
      revenue: { unit: 'yuan', label: 'Revenue', baseline: 2e9, source: 'plan', process: { type: 'growth', drift: 'drift' } },
      enterprises: { unit: 'count', label: 'Enterprises in the park', baseline: 300, source: 'plan', process: { type: 'arrivals', rate: 20 } },
    },
    targets: [{ id: 'revenue-3bn', label: 'Revenue above 3 billion yuan', metric: 'revenue', comparison: '>', threshold: 3e9, deadline: 2025, source: 'plan' }],
  };
}

async function check(edit: (s: Doc) => void = () => {}): Promise<Finding[]> {
  const input = base();
  edit(input);
  return checkScenario(await parseScenario(input));
}

describe('checkScenario on the seeds', () => {
  it('finds the impossible dollar conversion in the Taiyuan article', async () => {
    const findings = checkScenario(await seed('taiyuan-intelligent-park.json'));
    expect(codes(findings)).toEqual(['currency_rate_implausible']);
    const [finding] = findings;
    expect(finding).toMatchObject({ severity: 'error', confidence: 'high', path: ['currencyConversions', 0] });
    expect(finding.figures).toEqual(['cumulative-revenue-usd', 'cumulative-revenue-since-2015']);
    expect(finding.message).toContain('0.0064 yuan per US dollar');
    expect(finding.message).toContain('5.5-8.5');
    expect(finding.message).toContain('$943.25 million would give 6.36');
  });

  it('finds the Liangjiang workforce too small for its enterprises and output', async () => {
    const findings = checkScenario(await seed('chongqing-liangjiang.json'));
    expect(codes(findings)).toEqual(['ratio_workers_per_enterprise', 'ratio_yuan_per_worker', 'target_met_by_context']);
    const [perEnterprise, perWorker, byContext] = findings;
    expect(perEnterprise.figures).toEqual(['industrial-park-workers', 'industrial-park-enterprises', 'digital-market-entities']);
    expect(perEnterprise.message).toContain('1.3 per enterprise');
    expect(perWorker.figures).toContain('industrial-park-production-value');
    expect(perWorker.message).toContain('26.1 million yuan per worker');
    expect(byContext).toMatchObject({ severity: 'info', confidence: 'low', figures: ['software-enterprises-4000', 'industrial-park-enterprises'] });
  });

  it.each(['jinyang-lake.json', 'shanxi-demo-zone-xiaodian.json', 'shanxi-digital-economy.json'])('finds nothing in %s', async (name) => {
    expect(checkScenario(await seed(name))).toEqual([]);
  });

  it('reports the plausible conversions of the other seeds as fine', async () => {
    for (const name of ['jinyang-lake.json', 'shanxi-demo-zone-xiaodian.json', 'shanxi-digital-economy.json']) {
      const scenario = await seed(name);
      expect(scenario.currencyConversions.length, name).toBe(1);
      expect(
        codes(checkScenario(scenario)).filter((c) => c.startsWith('currency')),
        name,
      ).toEqual([]);
    }
  });

  it('finds nothing in examples/clean-park.json', async () => {
    expect(checkScenario(await loadScenario(join(ROOT, 'examples', 'clean-park.json')))).toEqual([]);
  });

  it('finds nothing in the base scenario of these tests', async () => {
    expect(await check()).toEqual([]);
  });
});

describe('currency conversions', () => {
  const withConversion =
    (yuan: number, usd: number, more: Array<[number, number]> = []) =>
    (s: Doc) => {
      s.currencyConversions = [[yuan, usd], ...more].map(([y, u], i) => ({ id: `c${i}`, yuan: y, usd: u, source: 'plan' }));
    };

  it('flags a rate no exchange rate comes near, with the likely slip', async () => {
    const findings = await check(withConversion(6e9, 943.25e9));
    expect(findings).toMatchObject([{ code: 'currency_rate_implausible', severity: 'error', confidence: 'high', figures: ['c0'] }]);
    expect(findings[0].message).toMatch(/1,000 times too large/);
    expect(await check(withConversion(6e9, 943.25e6))).toEqual([]);
  });

  it('flags a dollar figure too small as well', async () => {
    const findings = await check(withConversion(6e9, 0.9e6));
    expect(findings[0].message).toMatch(/1,000 times too small/);
  });

  it('calls a rate just outside the band odd, not impossible', async () => {
    expect(await check(withConversion(9e9, 1e9))).toMatchObject([{ code: 'currency_rate_implausible', severity: 'warning', confidence: 'medium' }]);
  });

  it("flags a rate far from the scenario's other conversions", async () => {
    const findings = await check(
      withConversion(7.9e9, 1e9, [
        [6.8e9, 1e9],
        [6.9e9, 1e9],
      ]),
    );
    expect(findings).toMatchObject([{ code: 'currency_rate_outlier', severity: 'warning', confidence: 'medium', figures: ['c0', 'c1', 'c2'] }]);
    expect(
      await check(
        withConversion(7.0e9, 1e9, [
          [6.8e9, 1e9],
          [6.9e9, 1e9],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports a disagreeing pair once, with low confidence', async () => {
    expect(await check(withConversion(6.2e9, 1e9, [[7.3e9, 1e9]]))).toMatchObject([
      { code: 'currency_rate_outlier', confidence: 'low', figures: ['c1', 'c0'] },
    ]);
  });

  it('compares the yuan amount with the figure it belongs to', async () => {
    const spoil = (yuan: number, figure: string) => (s: Doc) => {
      s.context = [{ id: 'size-line', label: 'Size line', value: 2e7, unit: 'yuan', source: 'plan' }];
      s.currencyConversions = [{ id: 'c0', yuan, usd: yuan / 7, figure, source: 'plan' }];
    };
    expect(codes(await check(spoil(2e8, 'size-line')))).toEqual(['currency_figure_mismatch']);
    expect(codes(await check(spoil(2e7, 'no-such-figure')))).toEqual(['currency_figure_unknown']);
    expect(await check(spoil(2e7, 'size-line'))).toEqual([]);
  });
});

describe('ratios between related figures', () => {
  const workforce =
    (workers: number, enterprises: number, extra: object[] = []) =>
    (s: Doc) => {
      s.context = [
        { id: 'workers', label: 'Workers employed in the park', value: workers, unit: 'persons', year: 2022, source: 'plan' },
        { id: 'firms', label: 'Enterprises in the park', value: enterprises, unit: 'count', year: 2022, source: 'plan' },
        ...extra,
      ];
    };

  it('flags too few workers per enterprise', async () => {
    const findings = await check(workforce(8000, 6000));
    expect(findings).toMatchObject([{ code: 'ratio_workers_per_enterprise', confidence: 'medium', figures: ['workers', 'firms'] }]);
    expect(await check(workforce(60000, 6000))).toEqual([]);
  });

  it('is sure when there are fewer workers than enterprises', async () => {
    expect(await check(workforce(500, 6000))).toMatchObject([{ code: 'ratio_workers_per_enterprise', confidence: 'high' }]);
  });

  it('compares workers with the metrics baselines too', async () => {
    // The metric `enterprises` (300 in 2022, same source) is an enterprise count too.
    const findings = await check(workforce(600, 400));
    expect(findings).toMatchObject([{ code: 'ratio_workers_per_enterprise', figures: ['workers', 'metrics.enterprises', 'firms'] }]);
  });

  it('flags implausible revenue per worker', async () => {
    const output = { id: 'output', label: 'Output value of the park', value: 3e11, unit: 'yuan', year: 2022, source: 'plan' };
    const findings = await check(workforce(20000, 1000, [output]));
    expect(findings).toMatchObject([{ code: 'ratio_yuan_per_worker', figures: ['workers', 'output'] }]);
    expect(findings[0].message).toContain('15 million yuan per worker');
    expect(await check(workforce(80000, 1000, [output]))).toEqual([]);
    // Too little: 2 billion yuan of revenue (the metric) for 200,000 workers.
    expect(await check(workforce(200000, 1000))).toMatchObject([{ code: 'ratio_yuan_per_worker', figures: ['workers', 'metrics.revenue'] }]);
  });

  it('annualises half-year flows', async () => {
    const half = (value: number) => (s: Doc) => {
      workforce(10000, 500)(s);
      s.series = [{ id: 'h1', label: 'Output value', unit: 'yuan', period: 'half-year', points: [{ year: 2022, value }], source: 'plan' }];
    };
    expect(await check(half(4e10))).toEqual([]);
    expect(codes(await check(half(6e10)))).toEqual(['ratio_yuan_per_worker']);
  });

  it('leaves out figures of other sources, distant years and totals over many years', async () => {
    const other = (s: Doc) => {
      s.sources.push({ id: 'other', headline: 'Other', outlet: 'Other', date: '2023' });
    };
    expect(
      await check((s) => {
        workforce(8000, 6000)(s);
        other(s);
        s.context[1].source = 'other';
      }),
    ).toEqual([]);
    expect(
      await check((s) => {
        workforce(8000, 6000)(s);
        s.context[1].year = 2019;
      }),
    ).toEqual([]);
    expect(
      await check((s) => {
        workforce(8000, 6000)(s);
        s.context[1].label = 'Enterprises incubated (cumulative)';
      }),
    ).toEqual([]);
  });

  it('ignores people who are not a workforce', async () => {
    expect(
      await check((s) => {
        workforce(8000, 6000)(s);
        s.context[0].label = 'Talents introduced';
        s.context[0].id = 'talents';
      }),
    ).toEqual([]);
  });
});

describe('stated growth rates', () => {
  const series =
    (rate: number, metric?: string, values: [number, number] = [1e9, 1.3e9]) =>
    (s: Doc) => {
      s.series = [
        {
          id: 'sales',
          label: 'Sales',
          unit: 'yuan',
          metric,
          points: [
            { year: 2020, value: values[0] },
            { year: 2021, value: values[1], growthRate: rate },
          ],
          source: 'plan',
        },
      ];
    };

  it('flags a rate that the two values contradict', async () => {
    const findings = await check(series(0.2));
    expect(findings).toMatchObject([
      { code: 'series_growth_mismatch', confidence: 'high', figures: ['sales'], path: ['series', 0, 'points', 1, 'growthRate'] },
    ]);
    expect(findings[0].message).toContain('30% growth');
    expect(await check(series(0.3))).toEqual([]);
  });

  it('allows rounding and is less sure of small gaps', async () => {
    expect(await check(series(0.295))).toEqual([]);
    expect(await check(series(0.28))).toMatchObject([{ code: 'series_growth_mismatch', confidence: 'medium' }]);
  });

  it('compares a series tied to a metric with its baseline', async () => {
    const tied = (value: number) => (s: Doc) => {
      s.series = [
        {
          id: 'sales',
          label: 'Revenue',
          unit: 'yuan',
          metric: 'revenue',
          points: [
            { year: 2021, value: 1.8e9 },
            { year: 2022, value, growthRate: value / 1.8e9 - 1 },
          ],
          source: 'plan',
        },
      ];
    };
    expect(codes(await check(tied(2.5e9)))).toEqual(['series_baseline_mismatch']);
    expect(await check(tied(2e9))).toEqual([]);
  });
});

describe('targets met at the baseline', () => {
  it("flags a target its metric's stated baseline already meets", async () => {
    const target =
      (threshold: number, comparison = '>') =>
      (s: Doc) => {
        s.targets.push({ id: 'firms', label: 'Enterprises', metric: 'enterprises', comparison, threshold, deadline: 2025, source: 'plan' });
      };
    expect(await check(target(250))).toMatchObject([{ code: 'target_met_at_baseline', confidence: 'high', figures: ['firms', 'metrics.enterprises'] }]);
    expect(await check(target(400))).toEqual([]);
    expect(codes(await check(target(400, '<')))).toEqual(['target_met_at_baseline']);
  });

  it('leaves running totals and sums alone', async () => {
    expect(
      await check((s) => {
        s.targets.push({
          id: 'new-firms',
          label: 'New enterprises',
          metric: 'enterprises',
          comparison: '>',
          threshold: 200,
          deadline: 2025,
          measure: 'runningTotal',
          source: 'plan',
        });
      }),
    ).toEqual([]);
  });

  it('uses the central value of an assumed baseline, with less confidence', async () => {
    const assumed = (low: number, high: number) => (s: Doc) => {
      s.metrics.revenue.baseline = { dist: 'range90', low, high, shape: 'lognormal' };
      s.metrics.revenue.note = 'assumed for the test';
      delete s.metrics.revenue.source;
    };
    expect(await check(assumed(3e9, 4e9))).toMatchObject([{ code: 'target_met_at_baseline', confidence: 'medium' }]);
    expect(await check(assumed(1.5e9, 2.5e9))).toEqual([]);
  });

  it('hints at a context figure that already meets a target', async () => {
    const context = (value: number, label: string) => (s: Doc) => {
      s.targets.push({
        id: 'software-firms',
        label: 'Software enterprises in the new area',
        metric: 'softwareFirms',
        comparison: '>',
        threshold: 4000,
        deadline: 2025,
        source: 'plan',
      });
      s.metrics.softwareFirms = { unit: 'count', label: 'Software enterprises', baseline: 3000, source: 'plan', process: { type: 'arrivals', rate: 300 } };
      s.context = [{ id: 'firms-now', label, value, unit: 'count', year: 2022, source: 'plan' }];
    };
    expect(await check(context(6000, 'Software enterprises housed in the old park'))).toMatchObject([
      { code: 'target_met_by_context', severity: 'info', confidence: 'low', figures: ['software-firms', 'firms-now'] },
    ]);
    expect(await check(context(3000, 'Software enterprises housed in the old park'))).toEqual([]);
    expect(await check(context(6000, 'Patents granted'))).toEqual([]);
  });
});

describe('dates and years', () => {
  it('flags a base year after the source of a stated baseline', async () => {
    const findings = await check((s) => {
      s.sources[0].date = '2021-05-01';
      s.targets[0].deadline = 2025;
    });
    expect(findings).toMatchObject([
      { code: 'base_year_after_source', severity: 'warning', confidence: 'high', figures: ['metrics.revenue', 'metrics.enterprises', 'sources.plan'] },
    ]);
  });

  it('flags a base year long before the newest source', async () => {
    expect(
      await check((s) => {
        s.sources[0].date = '2026';
        s.horizon.endYear = 2027;
        s.targets[0].deadline = 2027;
      }),
    ).toMatchObject([{ code: 'base_year_stale', severity: 'info' }]);
  });

  it('flags a figure dated after its source', async () => {
    const figure = (year: number) => (s: Doc) => {
      s.context = [{ id: 'land', label: 'Land (square metres)', value: 1e6, unit: 'area', year, source: 'plan' }];
    };
    expect(await check(figure(2024))).toMatchObject([{ code: 'figure_after_source', figures: ['land'], path: ['context', 0, 'year'] }]);
    expect(await check(figure(2023))).toEqual([]);
  });

  it('flags a deadline before the source that announced it', async () => {
    const findings = await check((s) => {
      s.sources[0].date = '2024-06-01';
      s.targets[0].deadline = 2023;
    });
    expect(codes(findings)).toEqual(['deadline_before_source']);
  });

  it('flags a deadline not after the base year in an unvalidated scenario', async () => {
    const scenario = await parseScenario(base());
    const spoiled: Scenario = { ...scenario, targets: [{ ...scenario.targets[0], deadline: 2021 }] };
    expect(codes(checkScenario(spoiled))).toEqual(['deadline_not_after_base']);
  });

  it('points at series values after the base year', async () => {
    const findings = await check((s) => {
      s.series = [
        {
          id: 'revenue-stated',
          label: 'Revenue',
          unit: 'yuan',
          metric: 'revenue',
          points: [
            { year: 2022, value: 2e9 },
            { year: 2023, value: 2.2e9, growthRate: 0.1 },
          ],
          source: 'plan',
        },
      ];
    });
    expect(findings).toMatchObject([{ code: 'series_after_base_year', severity: 'info', figures: ['revenue-stated', 'metrics.revenue'] }]);
  });
});

describe('units', () => {
  it('flags a share written as a percentage', async () => {
    const findings = await check((s) => {
      s.metrics.share = { unit: 'share', label: 'Share of GDP', process: { type: 'derived', expression: 'revenue / 1e12' } };
      s.targets.push({ id: 'share-5-4', label: 'Share of GDP 5.4%', metric: 'share', comparison: '>=', threshold: 5.4, deadline: 2025, source: 'plan' });
    });
    expect(findings).toMatchObject([{ code: 'share_out_of_range', severity: 'error', figures: ['share-5-4'] }]);
    expect(findings[0].message).toContain('0.054');
  });

  it("checks a target threshold in its measure's unit: a ratio of 2 is not a share above 1, a rate of 15 reads like 15%", async () => {
    const withTarget = (target: Doc) => (s: Doc) => {
      s.metrics.share = { unit: 'share', label: 'Share of GDP', process: { type: 'derived', expression: 'revenue / 1e11' } };
      s.targets.push({ id: 'x', label: 'X', deadline: 2025, source: 'plan', comparison: '>=', ...target });
    };
    expect(await check(withTarget({ metric: 'share', threshold: 2, measure: 'ratioToBase' }))).toEqual([]);
    expect(await check(withTarget({ metric: 'revenue', threshold: 0.15, measure: 'averageGrowth' }))).toEqual([]);
    const percent = await check(withTarget({ metric: 'revenue', threshold: 15, measure: 'averageGrowth' }));
    expect(percent).toMatchObject([{ code: 'rate_reads_like_percent', severity: 'warning', figures: ['x'], path: ['targets', 1, 'threshold'] }]);
    expect(percent[0].message).toContain('0.15');
    expect(await check(withTarget({ metric: 'share', threshold: 2, measure: 'changeInPoints' }))).toEqual([]);
    expect(codes(await check(withTarget({ metric: 'share', threshold: 0.02, measure: 'changeInPoints' })))).toEqual(['points_read_like_fraction']);
    expect(codes(await check(withTarget({ metric: 'share', threshold: 150, measure: 'changeInPoints' })))).toEqual(['points_out_of_range']);
    // everyYear keeps the metric's unit: a share above 1 is still flagged.
    expect(codes(await check(withTarget({ metric: 'share', threshold: 5.4, measure: 'everyYear' })))).toEqual(['share_out_of_range']);
  });

  it('flags money too small to be in yuan', async () => {
    const money = (value: number) => (s: Doc) => {
      s.context = [{ id: 'fund', label: 'Industry fund', value, unit: 'yuan', source: 'plan' }];
    };
    expect(codes(await check(money(10)))).toEqual(['yuan_too_small']);
    expect(await check(money(1e10))).toEqual([]);
  });
});

describe('provenance', () => {
  it('flags an assumed parameter without a reason', async () => {
    const findings = await check((s) => {
      delete s.parameters.drift.reason;
    });
    expect(findings).toMatchObject([{ code: 'assumed_without_reason', figures: ['parameters.drift'], path: ['parameters', 'drift', 'reason'] }]);
  });

  it('flags a sourced parameter without a source', async () => {
    expect(
      codes(
        await check((s) => {
          s.parameters.drift.basis = 'sourced';
        }),
      ),
    ).toEqual(['sourced_without_source']);
  });

  it('flags figures and targets without a source', async () => {
    const findings = await check((s) => {
      delete s.targets[0].source;
      s.context = [{ id: 'land', label: 'Land', value: 1e6, unit: 'area' }];
    });
    expect(findings).toMatchObject([
      { code: 'figure_without_source', figures: ['revenue-3bn'] },
      { code: 'figure_without_source', figures: ['land'] },
    ]);
  });

  it('reports a scenario without any sources once', async () => {
    const findings = await check((s) => {
      s.sources = [];
      delete s.targets[0].source;
      delete s.metrics.revenue.source;
      delete s.metrics.enterprises.source;
    });
    expect(codes(findings)).toEqual(['no_sources', 'stated_baseline_without_source', 'stated_baseline_without_source']);
  });

  it('asks for a note on an assumed baseline', async () => {
    const findings = await check((s) => {
      s.metrics.revenue.baseline = { dist: 'range90', low: 1e9, high: 2e9 };
      delete s.metrics.revenue.source;
    });
    expect(codes(findings)).toEqual(['assumed_baseline_unexplained']);
  });
});
