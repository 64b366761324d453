import type { TopLevelSpec } from 'vega-lite';
import { wrapText } from './labels.js';
import type { ChartOptions, Lang } from './messages.js';
import { CHART_CONFIG, COLORS, yearColors } from './theme.js';

/** One box's peeling trajectory, as a discovery reports it (`DiscoveredBox` has this shape). */
export interface DiscoveryTrajectory {
  readonly trajectory: ReadonlyArray<{ readonly coverage: number; readonly density: number; readonly mass: number; readonly restricted: number }>;
  readonly chosenStep: number;
}

/** What the chart draws of one target's discovery (`TargetDiscovery` has this shape). */
export interface DiscoveryChartInput {
  readonly label: string;
  readonly outcome: 'miss' | 'hit';
  readonly baseRate: number;
  readonly boxes: readonly DiscoveryTrajectory[];
  /** The box that failed its test, drawn when no box passed. */
  readonly rejected: DiscoveryTrajectory | null;
}

// The chart's own words; to move into messages.ts with the other charts' when the branches meet.
const words = {
  en: {
    title: (label: string) => `${label}: where it fails, the boxes PRIM peeled`,
    titleHit: (label: string) => `${label}: where it is met, the boxes PRIM peeled`,
    subtitle: (outcome: 'miss' | 'hit') =>
      `Each point is a box on the peeling trajectory (on the half of the trials that found it): coverage is the share of the ${outcome === 'miss' ? 'misses' : 'hits'} it holds, density the share of its trials that ${outcome === 'miss' ? 'miss' : 'hit'}; boxes after the first peel the trials the earlier ones leave. Ringed: the box chosen; dashed: the rate in all trials.`,
    coverage: 'Coverage',
    density: 'Density',
    mass: 'Share of trials',
    restricted: 'Assumptions restricted',
    box: 'Box',
    rejected: 'Box (not borne out)',
  },
  zh: {
    title: (label: string) => `${label}：未达成的区域（PRIM 剥离）`,
    titleHit: (label: string) => `${label}：达成的区域（PRIM 剥离）`,
    subtitle: (outcome: 'miss' | 'hit') =>
      `每个点是剥离路径上的一个区域（在用于寻找区域的一半试验上）：覆盖率为其包含的${outcome === 'miss' ? '未达成' : '达成'}试验占比，密度为其中${outcome === 'miss' ? '未达成' : '达成'}的试验占比；第一个之后的区域在此前区域之外的试验上剥离。圆圈：选定的区域；虚线：全部试验中的比率。`,
    coverage: '覆盖率',
    density: '密度',
    mass: '试验占比',
    restricted: '受限假设数',
    box: '区域',
    rejected: '区域（未通过检验）',
  },
} satisfies Record<Lang, unknown>;

/**
 * The peeling trajectories of a target's scenario discovery: coverage against density for every
 * box PRIM passed through while peeling, coloured by how many assumptions each restricts, the
 * chosen box of each trajectory ringed, and the outcome's overall rate as a dashed line (the
 * EMA Workbench's trade-off plot). When no box passed its test, the rejected one is drawn.
 *
 * @example
 * ```ts
 * const result = await discover(scenario, { target: 'output-30bn' });
 * const spec = discoveryBoxesChart(result.targets[0]);
 * ```
 */
export function discoveryBoxesChart(target: DiscoveryChartInput, options: ChartOptions = {}): TopLevelSpec {
  const m = words[options.lang ?? 'en'];
  const drawn =
    target.boxes.length > 0
      ? target.boxes.map((b, i) => ({ box: b, name: `${m.box} ${i + 1}` }))
      : target.rejected
        ? [{ box: target.rejected, name: m.rejected }]
        : [];
  const rows = drawn.flatMap(({ box, name }) =>
    box.trajectory.map((p, step) => ({
      box: name,
      step,
      coverage: p.coverage,
      density: p.density,
      mass: p.mass,
      restricted: p.restricted,
      chosen: step === box.chosenStep,
    })),
  );
  const maxRestricted = Math.max(0, ...rows.map((r) => r.restricted));
  const restrictedDomain = Array.from({ length: maxRestricted + 1 }, (_, i) => i);
  const tooltip = [
    { field: 'box', type: 'nominal' as const, title: m.box },
    { field: 'coverage', type: 'quantitative' as const, title: m.coverage, format: '.1%' },
    { field: 'density', type: 'quantitative' as const, title: m.density, format: '.1%' },
    { field: 'mass', type: 'quantitative' as const, title: m.mass, format: '.1%' },
    { field: 'restricted', type: 'ordinal' as const, title: m.restricted },
  ];
  const x = { field: 'coverage', type: 'quantitative' as const, title: m.coverage, scale: { domain: [0, 1] }, axis: { format: '%' } };
  const y = { field: 'density', type: 'quantitative' as const, title: m.density, scale: { domain: [0, 1] }, axis: { format: '%' } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Coverage against density of the boxes on the peeling trajectory of a scenario discovery',
    title: { text: target.outcome === 'miss' ? m.title(target.label) : m.titleHit(target.label), subtitle: wrapText(m.subtitle(target.outcome), 100) },
    width: 420,
    height: 320,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: [{ rate: target.baseRate }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: COLORS.reference, strokeWidth: 1.2 },
        encoding: { y: { field: 'rate', type: 'quantitative', title: m.density } },
      },
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: 'line', color: COLORS.never, strokeWidth: 1 },
            encoding: { x, y, detail: { field: 'box', type: 'nominal' }, order: { field: 'step', type: 'quantitative' } },
          },
          {
            mark: { type: 'point', filled: true, size: 40 },
            encoding: {
              x,
              y,
              color: {
                field: 'restricted',
                type: 'ordinal',
                title: m.restricted,
                scale: { domain: restrictedDomain, range: yearColors(restrictedDomain.length).reverse() },
              },
              tooltip,
            },
          },
          {
            transform: [{ filter: 'datum.chosen' }],
            mark: { type: 'point', filled: false, size: 220, strokeWidth: 2, color: COLORS.target },
            encoding: { x, y, tooltip },
          },
          {
            transform: [{ filter: 'datum.chosen' }],
            mark: { type: 'text', align: 'left', dx: 10, dy: -8, fontSize: 11, color: '#222222' },
            encoding: { x, y, text: { field: 'box', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
