import { z } from 'zod';
import { messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { quantitiesOf } from './dependencies.js';
import { renameInExpression } from './expandGroup.js';
import { Id, Year } from './schema/common.js';
import type { Metric, Scenario, ScenarioInput } from './schema/scenario.js';
import { MEASURES_WITH_FROM_YEAR, type Target } from './schema/target.js';

/**
 * A target over the members of a roll-up: at least `atLeast` of the listed members (default:
 * every one listed) meet all of their own official targets.
 */
export const RollupTarget = z.strictObject({
  id: Id,
  label: z.string().min(1),
  labelZh: z.string().optional(),
  /** The members it counts (their ids); default: every member. */
  members: z.array(Id).min(1).optional(),
  /** How many of them must meet all their official targets; default: all of them. */
  atLeast: z.number().int().min(1).optional(),
  kind: z.enum(['official', 'stretch']).default('official'),
  note: z.string().optional(),
});
export type RollupTarget = z.infer<typeof RollupTarget>;

/**
 * A roll-up: existing scenario files run together as one scenario (the three Shanxi parks with the
 * province's plan), each member's names prefixed with its id, with targets over the members.
 * Members share nothing unless they share it in the files, so each keeps its own odds.
 */
export const Rollup = z.strictObject({
  id: Id,
  name: z.string().min(1),
  nameZh: z.string().optional(),
  location: z.string().min(1),
  members: z.array(z.strictObject({ id: Id, file: z.string().min(1), note: z.string().optional() })).min(1, 'expected at least one member'),
  /** The last year simulated (default: the latest of the members'). */
  endYear: Year.optional(),
  targets: z.array(RollupTarget).default([]),
  note: z.string().optional(),
});
export type Rollup = z.infer<typeof Rollup>;

/** A roll-up file: `{ "rollup": { ... } }`. */
export const RollupFileSchema = z.strictObject({ $schema: z.string().optional(), rollup: Rollup });

type Path = ReadonlyArray<string | number>;
type Problems = Array<Omit<Problem, 'file'>>;

/** A member's prefix in names (`shanxi_xiaodian__output`): its id, as a name. */
const prefixOf = (memberId: string) => memberId.replace(/-/g, '_');

/**
 * The expression of "target met as of this year" for a member's target, on its (renamed) metric
 * `m`, and the helper metrics it needs (running sums, records of every year). Year-dependent
 * measures are read at the deadline and held after it, so a target met by its deadline stays met.
 */
function metExpression(target: Target, m: string, name: string, baseYear: number, helpers: Record<string, Metric>): string | undefined {
  const [low, high] = Array.isArray(target.threshold) ? target.threshold : [target.threshold, target.threshold];
  const meets = (x: string) => (target.comparison === 'between' ? `((${x}) >= ${low}) * ((${x}) <= ${high})` : `((${x}) ${target.comparison} ${low})`);
  const from = target.fromYear ?? baseYear + 1;
  switch (target.measure) {
    case 'value':
      return meets(m);
    case 'runningTotal':
      return meets(`${m} - base(${m})`);
    case 'ratioToBase':
      return meets(`${m} / base(${m})`);
    case 'changeInPoints':
      return meets(`(${m} - base(${m})) * 100`);
    case 'yearOnYear':
      return meets(`${m} / prev(${m}) - 1`);
    case 'averageGrowth':
      return meets(`(${m} / base(${m})) ^ (1 / (year - ${baseYear})) - 1`);
    case 'sum': {
      const total = `${name}__sum`;
      helpers[total] = {
        unit: 'count',
        helper: true,
        baseline: 0,
        process: { type: 'derived', expression: `prev(${total}) + (year >= ${from}) * ${m}` },
      } as Metric;
      return meets(total);
    }
    case 'reachedBy': {
      const record = `${name}__reached`;
      helpers[record] = { unit: 'count', helper: true, baseline: 0, process: { type: 'derived', expression: `max(prev(${record}), ${meets(m)})` } } as Metric;
      return record;
    }
    case 'everyYear': {
      const record = `${name}__every`;
      helpers[record] = {
        unit: 'count',
        helper: true,
        baseline: 1,
        process: { type: 'derived', expression: `(year < ${from}) + (year >= ${from}) * prev(${record}) * ${meets(m)}` },
      } as Metric;
      return record;
    }
    default:
      return undefined;
  }
}

/**
 * Combines loaded member scenarios into one scenario input: every metric, assumption, target,
 * source and figure of a member is kept under a name prefixed with the member's id, a member whose
 * base year is later than the earliest holds its metrics at their baselines until its own base
 * year (`holdUntil`), and each roll-up target becomes a count of the members that meet all their
 * official targets (helper metrics per target, a whole number every year). The result is then
 * validated like any scenario.
 */
export function combineRollup(rollup: Rollup, members: readonly Scenario[]): { input: ScenarioInput; problems: Problems } {
  const problems: Problems = [];
  const add = (path: Path, message: string, code: string) => problems.push({ code, path: ['rollup', ...path], message });
  const baseYear = Math.min(...members.map((s) => s.horizon.baseYear));
  const endYear = rollup.endYear ?? Math.max(...members.map((s) => s.horizon.endYear));
  const metrics: Record<string, Metric> = {};
  const parameters: ScenarioInput['parameters'] = {};
  const input: ScenarioInput = {
    park: { id: rollup.id, name: rollup.name, ...(rollup.nameZh === undefined ? {} : { nameZh: rollup.nameZh }), location: rollup.location },
    horizon: { baseYear, endYear },
    sources: [],
    parameters,
    metrics,
    targets: [],
    context: [],
    series: [],
    currencyConversions: [],
    variants: [],
    correlations: [],
    ...(rollup.note === undefined ? {} : { notes: rollup.note }),
  };
  const officialMet = new Map<string, string>();
  /** Each member's official targets, by their ids in the roll-up: a roll-up target is derived from them. */
  const officialTargets = new Map<string, string[]>();
  const ids = new Set<string>();

  rollup.members.forEach((member, index) => {
    const s = members[index];
    if (ids.has(member.id)) add(['members', index, 'id'], messages.duplicateId(member.id), 'duplicate_id');
    ids.add(member.id);
    if (s.groupLayout !== undefined) {
      add(['members', index, 'file'], messages.rollupOfGroup(member.file), 'rollup_member');
      return;
    }
    const p = prefixOf(member.id);
    const names = new Set([...Object.keys(s.metrics), ...Object.keys(s.parameters)]);
    const rename = (name: string) => (names.has(name) ? `${p}__${name}` : name);
    const source = (id: string | undefined) => (id === undefined ? undefined : `${member.id}-${id}`);
    const held = s.horizon.baseYear > baseYear ? s.horizon.baseYear : undefined;

    for (const src of s.sources) input.sources?.push({ ...src, id: source(src.id) as string });
    for (const [name, parameter] of Object.entries(s.parameters)) {
      parameters[rename(name)] = { ...parameter, ...(parameter.source === undefined ? {} : { source: source(parameter.source) }) };
    }
    for (const [name, metric] of Object.entries(s.metrics)) {
      const copy = structuredClone(metric) as Metric;
      copy.label = `${s.park.name}: ${metric.label ?? name}`;
      if (copy.source !== undefined) copy.source = source(copy.source);
      for (const { path, value } of quantitiesOf(metric)) {
        if (typeof value !== 'string') continue;
        let node: Record<string | number, unknown> = copy as unknown as Record<string, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1]] = rename(value);
      }
      if (copy.process.type === 'derived') copy.process.expression = renameInExpression(copy.process.expression, rename);
      if (typeof copy.baseline === 'object' && !('dist' in copy.baseline)) {
        if (copy.baseline.expression !== undefined) copy.baseline = { ...copy.baseline, expression: renameInExpression(copy.baseline.expression, rename) };
        if (copy.baseline.source !== undefined) copy.baseline = { ...copy.baseline, source: source(copy.baseline.source) };
      }
      if (held !== undefined) copy.holdUntil = held;
      metrics[rename(name)] = copy;
    }
    const officialIndicators: string[] = [];
    s.targets.forEach((target, t) => {
      const renamed: Target = {
        ...target,
        id: `${member.id}-${target.id}`,
        label: `${s.park.name}: ${target.label}`,
        metric: rename(target.metric),
        ...(target.source === undefined ? {} : { source: source(target.source) }),
      };
      // A later member's sums and every-year records start in its own first year, not the roll-up's.
      if (held !== undefined && renamed.fromYear === undefined && MEASURES_WITH_FROM_YEAR.includes(target.measure)) renamed.fromYear = held + 1;
      if (held !== undefined && target.measure === 'averageGrowth')
        add(['members', index, 'file'], messages.rollupAverageGrowthLater(member.file, target.id), 'rollup_member');
      input.targets?.push(renamed);
      if (target.kind !== 'official') return;
      const indicator = `${p}__met_${t}`;
      const helpers: Record<string, Metric> = {};
      const met = metExpression(renamed, renamed.metric, indicator, held ?? baseYear, helpers);
      if (met === undefined) return;
      Object.assign(metrics, helpers);
      // Met as of each year up to the deadline, then held: a target's verdict is taken at its deadline.
      metrics[indicator] = {
        unit: 'count',
        helper: true,
        label: `${renamed.label}: met (1) or not (0)`,
        baseline: 0,
        process: { type: 'derived', expression: `(year <= ${target.deadline}) * (${met}) + (year > ${target.deadline}) * prev(${indicator})` },
      } as Metric;
      officialIndicators.push(indicator);
      officialTargets.set(member.id, [...(officialTargets.get(member.id) ?? []), renamed.id]);
    });
    if (officialIndicators.length > 0) {
      const allMet = `${p}__official_met`;
      metrics[allMet] = {
        unit: 'count',
        helper: true,
        label: `${s.park.name}: every official target met (1) or not (0)`,
        process: { type: 'derived', expression: officialIndicators.join(' * ') },
      } as Metric;
      officialMet.set(member.id, allMet);
    }
    for (const figure of s.context)
      input.context?.push({ ...figure, id: `${member.id}-${figure.id}`, ...(figure.source === undefined ? {} : { source: source(figure.source) }) });
    for (const series of s.series)
      input.series?.push({
        ...series,
        id: `${member.id}-${series.id}`,
        ...(series.metric === undefined ? {} : { metric: rename(series.metric) }),
        ...(series.source === undefined ? {} : { source: source(series.source) }),
      });
    // A conversion names the figure it belongs to: a context figure, series, target (ids prefixed) or metric (renamed).
    const figureIds = new Set([...s.context.map((f) => f.id), ...s.series.map((f) => f.id), ...s.targets.map((t) => t.id)]);
    const figure = (id: string | undefined) => (id === undefined ? undefined : figureIds.has(id) ? `${member.id}-${id}` : rename(id));
    for (const c of s.currencyConversions)
      input.currencyConversions?.push({
        ...c,
        id: `${member.id}-${c.id}`,
        ...(c.source === undefined ? {} : { source: source(c.source) }),
        ...(c.figure === undefined ? {} : { figure: figure(c.figure) }),
      });
    for (const c of s.correlations) input.correlations?.push({ ...c, between: [rename(c.between[0]), rename(c.between[1])] });
  });

  rollup.targets.forEach((target, index) => {
    const listed = target.members ?? rollup.members.map((m) => m.id);
    const counted: string[] = [];
    listed.forEach((id, i) => {
      const indicator = officialMet.get(id);
      if (!ids.has(id)) add(['targets', index, 'members', i], messages.unknownReference(id, 'member', [...ids]), 'unknown_reference');
      else if (indicator === undefined) add(['targets', index, 'members', i], messages.rollupMemberWithoutTargets(id), 'rollup_member');
      else counted.push(indicator);
    });
    const atLeast = target.atLeast ?? listed.length;
    if (atLeast > listed.length) add(['targets', index, 'atLeast'], messages.rollupAtLeast(atLeast, listed.length), 'threshold');
    if (counted.length !== listed.length) return;
    const count = `${target.id.replace(/-/g, '_')}__members`;
    metrics[count] = {
      unit: 'count',
      label: `${target.label} (members meeting all their official targets)`,
      process: { type: 'derived', expression: counted.join(' + ') },
    } as Metric;
    input.targets?.push({
      id: target.id,
      label: target.label,
      ...(target.labelZh === undefined ? {} : { labelZh: target.labelZh }),
      metric: count,
      comparison: '>=',
      threshold: atLeast,
      deadline: endYear,
      measure: 'value',
      kind: target.kind,
      derivedFrom: listed.flatMap((id) => officialTargets.get(id) ?? []),
      ...(target.note === undefined ? {} : { note: target.note }),
    });
  });
  return { input, problems };
}
