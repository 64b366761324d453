import { SHIPPED_REFERENCE_CLASS_DOCUMENTS } from '../scenario/referenceClasses.js';
import { referenceMessages as m } from './messages.js';
import { ReferenceClass } from './schema.js';

let parsed: ReadonlyMap<string, ReferenceClass> | undefined;

/**
 * The shipped reference classes, from the data bundled with the code (no file system: usable in a
 * browser), validated once against their schema.
 *
 * @throws {RangeError} if a shipped document is invalid (a bad edit; the loader's tests catch it first).
 *
 * @example
 * ```ts
 * [...shippedReferenceClasses().keys()]; // ['cn-fyp-midterm-indicators', …]
 * ```
 */
export function shippedReferenceClasses(): ReadonlyMap<string, ReferenceClass> {
  if (parsed !== undefined) return parsed;
  const classes = new Map<string, ReferenceClass>();
  for (const document of SHIPPED_REFERENCE_CLASS_DOCUMENTS) {
    const result = ReferenceClass.safeParse(document);
    if (!result.success) throw new RangeError(`a shipped reference class is invalid: ${result.error.message}`);
    classes.set(result.data.id, result.data);
  }
  parsed = classes;
  return classes;
}

/**
 * One shipped reference class by id, from the bundled data.
 *
 * @throws {RangeError} if no class has that id (a scenario's `referenceClass` is checked at load, so a loaded scenario never throws here).
 * @example
 * ```ts
 * shippedReferenceClass('megaproject-delivery').title;
 * ```
 */
export function shippedReferenceClass(id: string): ReferenceClass {
  const found = shippedReferenceClasses().get(id);
  if (found === undefined) throw new RangeError(m.unknownClass(id, [...shippedReferenceClasses().keys()]));
  return found;
}
