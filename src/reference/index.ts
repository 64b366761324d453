/**
 * Reference classes: a small, sourced library of base rates that ships with parkcast, so a
 * target's modelled probability can be put beside how often such targets are actually met.
 */
export {
  type BaseRate,
  baseRate,
  baseRateSentence,
  type IntervalMethod,
  type OutsideView,
  type OutsideViewOptions,
  type OutsideViewVerdict,
  outsideView,
  wilson,
} from './baseRate.js';
export {
  getReferenceClass,
  loadReferenceClasses,
  loadReferenceClassFile,
  loadReferenceLibrary,
  parseReferenceClass,
  ReferenceClassError,
  type ReferenceClassResult,
  type ReferenceLibrary,
  referenceClassFolder,
} from './load.js';
export { referenceMessages } from './messages.js';
export {
  AdminLevel,
  Confidence,
  type CountResult,
  type Observation,
  type Period,
  type RateResult,
  ReferenceClass,
  Source,
  TargetKind,
} from './schema.js';
export { shippedReferenceClass, shippedReferenceClasses } from './shipped.js';
