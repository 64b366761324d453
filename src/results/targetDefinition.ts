import { scenarioHash } from '../scenario/hash.js';
import type { Metric, Scenario } from '../scenario/schema/scenario.js';
import { measureUnit, type Target } from '../scenario/schema/target.js';
import { VERSION } from '../version.js';
import type { MetricPresentation, ResultMeta, TargetDefinition } from './types.js';

/** A target's definition as repeated in results. */
export function targetDefinition(scenario: Scenario, target: Target): TargetDefinition {
  return {
    id: target.id,
    label: target.label,
    kind: target.kind,
    metric: target.metric,
    unit: measureUnit(target.measure, scenario.metrics[target.metric].unit),
    measure: target.measure,
    comparison: target.comparison,
    threshold: target.threshold,
    deadline: target.deadline,
    ...(target.labelZh === undefined ? {} : { labelZh: target.labelZh }),
    ...(target.strive === undefined ? {} : { striveThreshold: target.strive }),
    ...(scenario.metrics[target.metric].displayUnit === undefined ? {} : { displayUnit: scenario.metrics[target.metric].displayUnit }),
    ...(target.referenceClass === undefined ? {} : { referenceClass: target.referenceClass }),
  };
}

/** A metric's presentation fields as repeated in results: only those the scenario sets, so results of scenarios without them keep their bytes. */
export function metricPresentation(metric: Metric): MetricPresentation {
  return {
    ...(metric.labelZh === undefined ? {} : { labelZh: metric.labelZh }),
    ...(metric.displayUnit === undefined ? {} : { displayUnit: metric.displayUnit }),
    ...(metric.helper === true ? { helper: true as const } : {}),
  };
}

/** What every result records so it can be reproduced and audited. */
export function resultMeta(scenario: Scenario): ResultMeta {
  return {
    parkcastVersion: VERSION,
    scenarioHash: scenarioHash(scenario),
    parkId: scenario.park.id,
    baseYear: scenario.horizon.baseYear,
    endYear: scenario.horizon.endYear,
  };
}
