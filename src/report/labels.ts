/**
 * How the report names the scenario's things in a language: its Chinese labels where it gives
 * them, and a group's park copies by the park's name ("北区：自身趋势", "North park: own trend"),
 * never by their internal names (`ownTrend__north`).
 */
import type { Lang } from '../charts/messages.js';
import type { Scenario } from '../scenario/schema/scenario.js';
import { reportMessages } from './messages.js';

/** A metric's label in the language: its labelZh in Chinese where given, else its label, else its name. */
export function metricLabel(name: string, metric: Scenario['metrics'][string], lang: Lang): string {
  return lang === 'zh' && metric.labelZh !== undefined ? metric.labelZh : (metric.label ?? name);
}

/** An assumption's own label: in Chinese its labelZh (or descriptionZh) where given; else its description, else its name. */
function ownLabel(name: string, p: Scenario['parameters'][string], lang: Lang): string {
  if (lang === 'zh' && (p.labelZh ?? p.descriptionZh) !== undefined) return (p.labelZh ?? p.descriptionZh) as string;
  return p.description ?? name;
}

/** The group assumption and park a park copy belongs to (`ownTrend__north` → ownTrend, north). */
function parkCopy(scenario: Scenario, name: string): { park: { name: string; nameZh?: string } } | undefined {
  for (const { parks } of Object.values(scenario.groupLayout?.parameters ?? {})) {
    for (const [parkId, copy] of Object.entries(parks)) {
      if (copy !== name) continue;
      const park = scenario.groupLayout?.parks.find((p) => p.id === parkId);
      return park === undefined ? undefined : { park };
    }
  }
  return undefined;
}

/**
 * An assumption's label: its own (see `ownLabel`), and for a group's park copy the park's name
 * before it. `alone` leaves the park out (a copy listed once for every park).
 *
 * @example
 * ```ts
 * parameterLabel(scenario, 'ownTrend__north', 'zh'); // '北区：自身趋势'
 * ```
 */
export function parameterLabel(scenario: Scenario, name: string, lang: Lang, alone = false): string {
  const p = scenario.parameters[name];
  if (p === undefined) return name;
  const label = ownLabel(name, p, lang);
  const copy = alone ? undefined : parkCopy(scenario, name);
  if (copy === undefined) return label;
  return reportMessages(lang).parkCopy(lang === 'zh' ? (copy.park.nameZh ?? copy.park.name) : copy.park.name, label);
}
