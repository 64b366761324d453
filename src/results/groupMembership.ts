import type { Scenario } from '../scenario/schema/scenario.js';

/** For a park's copy of a group metric: the park and the group metric it is a copy of. */
export interface GroupMembership {
  readonly park: string;
  readonly groupMetric: string;
}

/**
 * Which metrics of an expanded group are parks' copies (`output__p01` → park p01, metric
 * output), so results can mark them and charts and tables show the group's totals and a spread
 * across parks instead of a line per park. Empty for a scenario without a group.
 */
export function groupMemberships(scenario: Scenario): ReadonlyMap<string, GroupMembership> {
  const memberships = new Map<string, GroupMembership>();
  for (const [groupMetric, { parks }] of Object.entries(scenario.groupLayout?.metrics ?? {})) {
    for (const [park, name] of Object.entries(parks)) memberships.set(name, { park, groupMetric });
  }
  return memberships;
}
