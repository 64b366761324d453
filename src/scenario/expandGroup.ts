import { ALLOWED_FUNCTIONS } from '../expressions/ast.js';
import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { metricBaseline, nonPositiveBaseline } from './baseline.js';
import { quantitiesOf } from './dependencies.js';
import { toCanonical } from './inputUnits.js';
import type { Distribution } from './schema/distribution.js';
import type { Group, GroupPark, GroupTarget, ResolvedScenarioFile } from './schema/group.js';
import type { GroupLayout } from './schema/groupLayout.js';
import type { Metric, Parameter, Scenario } from './schema/scenario.js';
import { RELATIVE_MEASURES, type Target } from './schema/target.js';

type Path = ReadonlyArray<string | number>;

/** A group expanded into plain metrics, assumptions and targets, or the problems that prevented it. */
export interface Expansion {
  readonly scenario: Scenario;
  readonly problems: ReadonlyArray<Omit<Problem, 'file'>>;
  /**
   * Where a path of the expanded scenario was written: a park's copy `metrics.output__p01.process`
   * was written as `group.metrics.output.process` (for park p01). Paths of the scenario's own
   * fields are returned as they are.
   */
  readonly writtenAt: (path: Path) => { path: Path; park?: string };
}

/**
 * The name of a park's copy of a group metric or assumption.
 *
 * @example
 * ```ts
 * parkCopyName('output', 'park-01'); // 'output__park_01'
 * ```
 */
export function parkCopyName(name: string, parkId: string): string {
  return `${name}__${parkId.replace(/-/g, '_')}`;
}

/**
 * The name of the group's total of a metric.
 *
 * @example
 * ```ts
 * groupTotalName('output'); // 'output__total'
 * ```
 */
export function groupTotalName(name: string): string {
  return `${name}__total`;
}

/** The name of the metric counting the parks that meet a group target's level: `above_10bn__parks`. */
function parkCountName(targetId: string): string {
  return `${targetId.replace(/-/g, '_')}__parks`;
}

/** Units whose values add up across parks (a total of shares or rates means nothing). */
const ADDITIVE_UNITS = new Set(['yuan', 'count', 'persons', 'area']);

/** A number or a distribution, as the distribution an assumption draws from. */
function asDistribution(value: number | Distribution): Distribution {
  return typeof value === 'number' ? { dist: 'fixed', value } : value;
}

/**
 * Renames the names of an expression (letters, digits and underscores, not after a digit) by
 * `rename`; numbers such as `1e10` are read whole first, so their exponent is never a name.
 */
export function renameInExpression(expression: string, rename: (name: string) => string): string {
  return expression.replace(/(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)/g, (match, number, name) =>
    number !== undefined ? match : rename(name),
  );
}

/** Words of an expression that are functions or constants, not names of metrics or assumptions. */
const NOT_NAMES = new Set<string>([...ALLOWED_FUNCTIONS, 'and', 'or', 'not', 'true', 'false', 'pi', 'e']);

/** The names an expression mentions (functions and constants included). */
function namesInExpression(expression: string): Set<string> {
  const names = new Set<string>();
  renameInExpression(expression, (name) => {
    names.add(name);
    return name;
  });
  return names;
}

/** A group metric's copy for one park: its own baseline, and names of the group read as this park's copies. */
function parkMetric(name: string, template: Metric, park: GroupPark, baseline: number | Distribution | undefined, rename: (name: string) => string): Metric {
  const copy = structuredClone(template) as Metric;
  copy.baseline = baseline;
  copy.label = `${template.label ?? name}: ${park.name}`;
  // In Chinese, where the metric or the park has a Chinese name: "北区：工业产值".
  if (template.labelZh !== undefined || park.nameZh !== undefined) copy.labelZh = `${park.nameZh ?? park.name}：${template.labelZh ?? template.label ?? name}`;
  for (const { path, value } of quantitiesOf(template)) {
    if (typeof value !== 'string') continue;
    let node: Record<string | number, unknown> = copy as unknown as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]] = rename(value);
  }
  if (copy.process.type === 'derived') copy.process.expression = renameInExpression(copy.process.expression, rename);
  return copy;
}

/** `a + b + c`, or `0` for no terms. */
const sumOf = (terms: readonly string[]) => (terms.length === 0 ? '0' : terms.join(' + '));

/**
 * Expands a scenario's group of parks into the plain scenario the engine runs: one metric per
 * park and group metric (`output__p01`), one assumption per park and per-park assumption, a
 * total per additive metric (`output__total`), a count of parks per `count`/`share`/`every`
 * target, and the group targets as targets on those metrics. A scenario without a group is
 * returned as it is. The expansion is a pure function of the file, so a result's scenario hash
 * and every trial are the same whenever the file is. `parseScenario` calls it; call it yourself to
 * see what a group becomes.
 *
 * @example
 * ```ts
 * const { scenario, problems } = expandGroup(resolveReferenceClassParameters(ScenarioFileSchema.parse(JSON.parse(text))).file);
 * console.log(Object.keys(scenario.metrics)); // ['output__park_01', …, 'output__total', 'six_above__parks']
 * ```
 */
export function expandGroup(file: ResolvedScenarioFile): Expansion {
  const { group, ...rest } = file;
  const scenario: Scenario = rest;
  if (group === undefined) return { scenario, problems: [], writtenAt: (path) => ({ path }) };
  const problems: Array<Omit<Problem, 'file'>> = [];
  const add = (path: Path, message: string, code: string) => problems.push({ code, path: ['group', ...path], message });
  const origin = new Map<string, { path: Path; park?: string }>();

  if (scenario.groupLayout !== undefined) add([], messages.groupLayoutByHand(), 'group_layout');
  const seenParks = new Set<string>();
  group.parks.forEach((park, index) => {
    const key = park.id.replace(/-/g, '_');
    if (seenParks.has(key)) add(['parks', index, 'id'], messages.duplicateId(park.id), 'duplicate_id');
    seenParks.add(key);
  });

  const groupMetricNames = new Set(Object.keys(group.metrics));
  const groupParameterNames = new Set(Object.keys(group.parameters));
  for (const name of groupParameterNames) {
    if (groupMetricNames.has(name)) add(['parameters', name], messages.duplicateName(name, 'group metric'), 'duplicate_name');
  }
  const taken = new Set([...Object.keys(scenario.metrics), ...Object.keys(scenario.parameters)]);
  const claim = (name: string, path: Path, park?: string) => {
    if (taken.has(name)) add(path, messages.groupNameTaken(name), 'duplicate_name');
    taken.add(name);
    origin.set(name, { path: ['group', ...path], park });
  };

  const metrics: Record<string, Metric> = { ...scenario.metrics };
  const parameters: Record<string, Parameter> = { ...scenario.parameters };
  const layout: GroupLayout = {
    id: group.id,
    name: group.name,
    ...(group.nameZh === undefined ? {} : { nameZh: group.nameZh }),
    parks: group.parks.map((park) => ({ id: park.id, name: park.name, ...(park.nameZh === undefined ? {} : { nameZh: park.nameZh }) })),
    metrics: {},
    parameters: {},
    counts: [],
  };

  for (const [index, park] of group.parks.entries()) {
    for (const name of Object.keys(park.baselines)) {
      if (!groupMetricNames.has(name))
        add(['parks', index, 'baselines', name], messages.unknownReference(name, 'group metric', [...groupMetricNames]), 'unknown_reference');
    }
    for (const name of Object.keys(park.parameters)) {
      if (!groupParameterNames.has(name))
        add(['parks', index, 'parameters', name], messages.unknownReference(name, 'per-park assumption', [...groupParameterNames]), 'unknown_reference');
    }
  }

  for (const [name, template] of Object.entries(group.parameters)) {
    layout.parameters[name] = { parks: {} };
    for (const [index, park] of group.parks.entries()) {
      const own = park.parameters[name];
      const distribution = own === undefined ? template.distribution : asDistribution(own);
      if (distribution === undefined) {
        add(['parks', index, 'parameters', name], messages.groupParameterMissing(name, park.id), 'missing');
        continue;
      }
      const copy = parkCopyName(name, park.id);
      claim(copy, own === undefined ? ['parameters', name] : ['parks', index, 'parameters', name], park.id);
      parameters[copy] = { ...structuredClone(template), distribution };
      layout.parameters[name].parks[park.id] = copy;
    }
  }

  // Names in the group's metrics are checked once, where written, not once per park's copy.
  const known = [...groupMetricNames, ...groupParameterNames, ...Object.keys(scenario.metrics), ...Object.keys(scenario.parameters)];
  for (const [name, template] of Object.entries(group.metrics)) {
    for (const { path, value } of quantitiesOf(template)) {
      if (typeof value === 'string' && !known.includes(value))
        add(['metrics', name, ...path], messages.unknownReference(value, 'parameter or metric', known), 'unknown_reference');
    }
    if (template.process.type === 'derived') {
      for (const reference of namesInExpression(template.process.expression)) {
        if (!known.includes(reference) && !NOT_NAMES.has(reference))
          add(['metrics', name, 'process', 'expression'], messages.unknownReference(reference, 'parameter or metric', known), 'unknown_reference');
      }
    }
  }
  for (const [name, template] of Object.entries(group.metrics)) {
    layout.metrics[name] = { parks: {} };
    for (const [index, park] of group.parks.entries()) {
      const rename = (reference: string) =>
        groupMetricNames.has(reference) || groupParameterNames.has(reference) ? parkCopyName(reference, park.id) : reference;
      const own = park.baselines[name];
      const copy = parkCopyName(name, park.id);
      claim(copy, ['metrics', name], park.id);
      if (own !== undefined) origin.set(`${copy}.baseline`, { path: ['group', 'parks', index, 'baselines', name], park: park.id });
      metrics[copy] = parkMetric(name, template, park, own ?? template.baseline, rename);
      layout.metrics[name].parks[park.id] = copy;
    }
    if (ADDITIVE_UNITS.has(template.unit)) {
      const total = groupTotalName(name);
      claim(total, ['metrics', name]);
      metrics[total] = {
        unit: template.unit,
        // The total is written in its parks' unit: a sum target's threshold in 亿元 is converted with them.
        ...(template.inputUnit === undefined ? {} : { inputUnit: template.inputUnit }),
        label: `${group.name}: ${template.label ?? name} (all parks)`,
        ...(template.labelZh === undefined ? {} : { labelZh: `${group.nameZh ?? group.name}：${template.labelZh}（全部园区）` }),
        process: { type: 'derived', expression: sumOf(group.parks.map((park) => parkCopyName(name, park.id))) },
      } as Metric;
      layout.metrics[name].total = total;
    }
  }

  const targets: Target[] = [...scenario.targets];
  group.targets.forEach((target, index) => {
    const expanded = groupTarget(target, group, scenario.horizon.baseYear, index, add, (name, park) => claim(name, ['targets', index], park), metrics, layout);
    if (expanded !== undefined) {
      origin.set(`target:${targets.length}`, { path: ['group', 'targets', index] });
      targets.push(expanded);
    }
  });

  const expandedScenario: Scenario = { ...scenario, metrics, parameters, targets, groupLayout: layout };
  const writtenAt = (path: Path): { path: Path; park?: string } => {
    if ((path[0] === 'metrics' || path[0] === 'parameters') && typeof path[1] === 'string') {
      const baseline = path[0] === 'metrics' && path[2] === 'baseline' ? origin.get(`${path[1]}.baseline`) : undefined;
      if (baseline !== undefined) return { path: [...baseline.path, ...path.slice(3)], park: baseline.park };
      const found = origin.get(path[1]);
      if (found !== undefined) return { path: [...found.path, ...path.slice(2)], park: found.park };
    }
    if (path[0] === 'targets' && typeof path[1] === 'number') {
      const found = origin.get(`target:${path[1]}`);
      if (found !== undefined) return { path: [...found.path, ...path.slice(2)] };
    }
    return { path };
  };
  return { scenario: expandedScenario, problems, writtenAt };
}

/**
 * One park's measure as of each year, as an expression over its copy of the metric: what a count
 * of parks compares with the park level. Computed as of every year, like a target's measure, so
 * the count's first year met means the same; the base year's average growth is taken over one year
 * (it is 0 there), never 0⁰.
 */
function perParkMeasure(measure: NonNullable<GroupTarget['park']>['measure'], metric: string, baseYear: number): string {
  switch (measure) {
    case 'value':
      return metric;
    case 'ratioToBase':
      return `(${metric} / base(${metric}))`;
    case 'averageGrowth':
      return `((${metric} / base(${metric})) ^ (1 / max(year - ${baseYear}, 1)) - 1)`;
    case 'yearOnYear':
      return `(${metric} / prev(${metric}) - 1)`;
    case 'changeInPoints':
      return `((${metric} - base(${metric})) * 100)`;
  }
}

/** A metric's baseline when it is a number or a distribution (an expression's value is known only per trial). */
function baselineValueOrDistribution(metric: Metric | undefined): number | Distribution | undefined {
  const baseline = metric === undefined ? undefined : metricBaseline(metric);
  return baseline?.kind === 'value' ? baseline.value : baseline?.kind === 'distribution' ? baseline.distribution : undefined;
}

/** A group target as a target on the group total, or on a count of parks that meet its level. */
function groupTarget(
  target: GroupTarget,
  group: Group,
  baseYear: number,
  index: number,
  add: (path: Path, message: string, code: string) => void,
  claim: (name: string, park?: string) => void,
  metrics: Record<string, Metric>,
  layout: GroupLayout,
): Target | undefined {
  const template = group.metrics[target.metric];
  if (template === undefined) {
    add(['targets', index, 'metric'], messages.unknownReference(target.metric, 'group metric', Object.keys(group.metrics)), 'unknown_metric');
    return undefined;
  }
  const common = {
    id: target.id,
    label: target.label,
    ...(target.labelZh === undefined ? {} : { labelZh: target.labelZh }),
    deadline: target.deadline,
    kind: target.kind,
    ...(target.source === undefined ? {} : { source: target.source }),
    ...(target.note === undefined ? {} : { note: target.note }),
  };
  if (target.aggregate === 'sum') {
    if (target.park !== undefined) add(['targets', index, 'park'], messages.groupFieldNotUsed('park', 'sum'), 'unused_field');
    const total = layout.metrics[target.metric]?.total;
    if (total === undefined) {
      add(['targets', index, 'metric'], messages.groupTotalOfUnit(target.metric, template.unit), 'not_additive');
      return undefined;
    }
    if (target.comparison === undefined || target.threshold === undefined) {
      add(['targets', index, target.comparison === undefined ? 'comparison' : 'threshold'], messages.groupTargetNeeds('sum'), 'missing');
      return undefined;
    }
    return {
      ...common,
      metric: total,
      comparison: target.comparison,
      threshold: target.threshold,
      measure: target.measure,
      ...(target.fromYear === undefined ? {} : { fromYear: target.fromYear }),
    } as Target;
  }

  if (target.park === undefined) {
    add(['targets', index, 'park'], messages.groupParkLevelNeeded(target.aggregate), 'missing');
    return undefined;
  }
  if (target.measure !== 'value') add(['targets', index, 'measure'], messages.groupFieldNotUsed('measure', target.aggregate), 'unused_field');
  if (target.fromYear !== undefined) add(['targets', index, 'fromYear'], messages.groupFieldNotUsed('fromYear', target.aggregate), 'unused_field');
  const { comparison, measure } = target.park;
  // A level is written in the metric's unit, as its parks' figures are (亿元, 亩): converted the same
  // way. A relative measure's threshold is a ratio, a rate or points, as for any target.
  const threshold = template.inputUnit === undefined || measure !== 'value' ? target.park.threshold : toCanonical(target.park.threshold, template.inputUnit);
  if (measure === 'changeInPoints' && template.unit !== 'share') {
    add(['targets', index, 'park', 'measure'], messages.pointsNeedShare(target.metric, template.unit), 'measure_unit');
    return undefined;
  }
  if (RELATIVE_MEASURES.includes(measure)) {
    // As for a target: a ratio or growth needs a base above zero in every park.
    for (const park of group.parks) {
      const why = nonPositiveBaseline(baselineValueOrDistribution(metrics[parkCopyName(target.metric, park.id)]));
      if (why !== undefined) {
        add(['targets', index, 'park', 'measure'], messages.groupParkMeasureBase(measure, target.metric, park.name, why), 'measure_base');
        return undefined;
      }
    }
  }
  if (comparison === 'between') {
    add(['targets', index, 'park', 'comparison'], messages.groupParkBetween(), 'threshold');
    return undefined;
  }
  const name = parkCountName(target.id);
  claim(name);
  const parks = group.parks.length;
  const meets = group.parks.map((park) => `(${perParkMeasure(measure, parkCopyName(target.metric, park.id), baseYear)} ${comparison} ${threshold})`);
  const share = target.aggregate === 'share';
  metrics[name] = {
    unit: share ? 'share' : 'count',
    label: `${target.label} (${share ? 'share' : 'number'} of parks at the level)`,
    ...(target.labelZh === undefined ? {} : { labelZh: `${target.labelZh}（${share ? '达到该水平的园区占比' : '达到该水平的园区数'}）` }),
    process: { type: 'derived', expression: share ? `(${sumOf(meets)}) / ${parks}` : sumOf(meets) },
  } as Metric;
  layout.counts.push(name);
  if (target.aggregate === 'every') {
    if (target.comparison !== undefined) add(['targets', index, 'comparison'], messages.groupFieldNotUsed('comparison', 'every'), 'unused_field');
    if (target.threshold !== undefined) add(['targets', index, 'threshold'], messages.groupFieldNotUsed('threshold', 'every'), 'unused_field');
    return { ...common, metric: name, comparison: '>=', threshold: parks, measure: 'value' } as Target;
  }
  if (target.comparison === undefined || target.threshold === undefined) {
    add(['targets', index, target.comparison === undefined ? 'comparison' : 'threshold'], messages.groupTargetNeeds(target.aggregate), 'missing');
    return undefined;
  }
  return { ...common, metric: name, comparison: target.comparison, threshold: target.threshold, measure: 'value' } as Target;
}
