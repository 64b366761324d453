/**
 * Every message about reference classes that a person reads: problems in a reference-class file
 * (in English, like the scenario problems) and the outside-view sentences (in English and Chinese).
 */

/** A share as a percentage: whole points (0.6452 → "65"), one decimal within a point of 0 or 100 (0.005 → "0.5", 0.9954 → "99.5"). */
export function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 1) return value.toFixed(1);
  if (value > 99 && value < 100) return Math.min(value, 99.9).toFixed(1);
  return String(Math.round(value));
}

/** A count as a reader writes it in English: 2204 → "2,204". */
const countEn = (n: number) => n.toLocaleString('en-US');

const list = (ids: readonly string[]) => (ids.length > 0 ? ` (known: ${ids.join(', ')})` : '');

export const referenceMessages = {
  // Problems in a reference-class file.
  sourceNeedsUrlOrCitation: () => 'expected a "url" or a bibliographic "citation" for the source',
  periodOrder: () => 'expected the period to end ("to") in or after the year it starts ("from")',
  hitsAboveTotal: () => 'expected hits <= total',
  rangeBothEnds: () => 'expected both "low" and "high" for a range, or neither',
  rangeAroundValue: () => 'expected low <= value <= high',
  rangeKindNeeded: () => 'expected "rangeKind" ("reported" or "interval") to say what the range is',
  duplicateId: (id: string) => `duplicate id "${id}"`,
  unknownSource: (id: string, known: readonly string[]) => `unknown source "${id}"${list(known)}`,
  unknownObservation: (id: string, known: readonly string[]) => `unknown observation "${id}"${list(known)}`,
  headlineNeedsSpread: () => 'the headline observation needs a count, or a rate with "n" or a range, so that an interval can be given',
  fileIdMismatch: (id: string, expected: string) => `the class id "${id}" does not match the file name (expected "${expected}")`,
  duplicateClass: (id: string, other: string) => `the class id "${id}" is already used in ${other}`,
  folderMissing: (dir: string) => `the reference-class folder was not found: ${dir}`,
  unknownClass: (id: string, known: readonly string[]) => `unknown reference class "${id}"${list(known)}`,
  modelledOutOfRange: (got: number) => `expected a modelled probability from 0 to 1, got ${String(got)}`,

  // The outside view.
  outsideView: {
    en: {
      modelGives: (p: number) => `the model gives ${percent(p)} %`,
      count: (label: string, hits: number, total: number, bound: 'exact' | 'atMost' | 'atLeast', outcome: string) =>
        `of ${countEn(total)} ${label}, ${bound === 'atMost' ? 'at most ' : bound === 'atLeast' ? 'at least ' : ''}${countEn(hits)} ${hits === 1 ? 'was' : 'were'} ${outcome}`,
      rate: (label: string, rate: number, outcome: string, n: number | undefined, approximate: boolean) =>
        `${label}${n !== undefined ? ` (n ${approximate ? '≈ ' : '= '}${countEn(n)})` : ''}: ${percent(rate)} % ${outcome}`,
      wilson: (rate: number, low: number, high: number) => `${percent(rate)} %, 95 % interval ${percent(low)}–${percent(high)} %`,
      interval: (low: number, high: number) => `95 % interval ${percent(low)}–${percent(high)} %`,
      reportedRange: (low: number, high: number) => `reported figures ${percent(low)}–${percent(high)} %`,
      sourceInterval: (low: number, high: number) => `source's interval ${percent(low)}–${percent(high)} %`,
      verdict: {
        inside: 'the model lies within the outside view',
        slightlyAbove: 'the model lies just above the outside view',
        slightlyBelow: 'the model lies just below the outside view',
        above: 'the model is clearly above the outside view: check what makes this target unlike its class',
        below: 'the model is clearly below the outside view: check what makes this target unlike its class',
      },
      lowConfidence: 'the class rests on low-confidence figures',
    },
    zh: {
      modelGives: (p: number) => `模型给出${percent(p)}%`,
      count: (label: string, hits: number, total: number, bound: 'exact' | 'atMost' | 'atLeast', outcome: string) =>
        `${label}共${total}个，${bound === 'atMost' ? '至多' : bound === 'atLeast' ? '至少' : ''}${hits}个${outcome}`,
      rate: (label: string, rate: number, outcome: string, n: number | undefined, approximate: boolean) =>
        `${label}${n !== undefined ? `（${approximate ? '约' : ''}${n}个）` : ''}：${percent(rate)}%${outcome}`,
      wilson: (rate: number, low: number, high: number) => `${percent(rate)}%，95%区间${percent(low)}%–${percent(high)}%`,
      interval: (low: number, high: number) => `95%区间${percent(low)}%–${percent(high)}%`,
      reportedRange: (low: number, high: number) => `各来源数字${percent(low)}%–${percent(high)}%`,
      sourceInterval: (low: number, high: number) => `来源给出的区间${percent(low)}%–${percent(high)}%`,
      verdict: {
        inside: '模型结果在外部视角范围之内',
        slightlyAbove: '模型结果略高于外部视角范围',
        slightlyBelow: '模型结果略低于外部视角范围',
        above: '模型结果明显高于外部视角范围：请核查该目标与同类目标有何不同',
        below: '模型结果明显低于外部视角范围：请核查该目标与同类目标有何不同',
      },
      lowConfidence: '该参照类依据的数字可信度较低',
    },
  },
} as const;
