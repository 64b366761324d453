import { baseRate, baseRateSentence, outsideView } from '../reference/baseRate.js';
import { shippedReferenceClass } from '../reference/shipped.js';
import type { Target } from '../scenario/schema/target.js';
import type { TargetBaseRate, TargetOutsideView } from './types.js';

/** A target's reference-class base rate (for a projection), or nothing when it names no class. */
export function targetBaseRate(target: Target): { baseRate?: TargetBaseRate } {
  if (target.referenceClass === undefined) return {};
  const cls = shippedReferenceClass(target.referenceClass);
  const base = baseRate(cls, target.referenceObservation);
  return {
    baseRate: {
      classId: cls.id,
      observationId: base.observationId,
      rate: base.rate,
      interval: [base.low, base.high],
      sentence: baseRateSentence(cls, target.referenceObservation),
    },
  };
}

/** A target's modelled probability beside its class's base rate, or nothing when it names no class. */
export function targetOutsideView(target: Target, probability: number): { outsideView?: TargetOutsideView } {
  if (target.referenceClass === undefined) return {};
  const view = outsideView(probability, shippedReferenceClass(target.referenceClass), { observation: target.referenceObservation });
  return {
    outsideView: {
      classId: view.classId,
      observationId: view.base.observationId,
      rate: view.base.rate,
      interval: [view.base.low, view.base.high],
      verdict: view.verdict,
      flagged: view.flagged,
      lowConfidence: view.lowConfidence,
      sentence: view.message,
    },
  };
}
