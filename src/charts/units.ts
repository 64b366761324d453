import { fromCanonical, INPUT_UNITS } from '../scenario/inputUnits.js';
import type { InputUnit, MeasureUnit, Unit } from '../scenario/schema/common.js';
import { chartMessages, type Lang } from './messages.js';

/** How values of a unit are shown: multiply by `factor`, then write `unit` after them. */
export interface DisplayUnit {
  readonly factor: number;
  /** The scaled unit as written after a number or in an axis title: `billion yuan`, `亿元`, `%`; empty for plain counts. */
  readonly unit: string;
}

interface Step {
  readonly atLeast: number;
  readonly factor: number;
  readonly unit: string;
}

// Largest first; the first step the magnitude reaches is used.
const STEPS: Record<Lang, Partial<Record<MeasureUnit, readonly Step[]>>> = {
  en: {
    yuan: [
      { atLeast: 1e9, factor: 1e-9, unit: 'billion yuan' },
      { atLeast: 1e6, factor: 1e-6, unit: 'million yuan' },
      { atLeast: 0, factor: 1, unit: 'yuan' },
    ],
    area: [
      { atLeast: 1e6, factor: 1e-6, unit: 'million m²' },
      { atLeast: 1e4, factor: 1e-3, unit: 'thousand m²' },
      { atLeast: 0, factor: 1, unit: 'm²' },
    ],
    persons: [{ atLeast: 0, factor: 1, unit: 'persons' }],
    share: [{ atLeast: 0, factor: 100, unit: '%' }],
    rate: [{ atLeast: 0, factor: 100, unit: '%' }],
    ratio: [{ atLeast: 0, factor: 1, unit: '×' }],
    points: [{ atLeast: 0, factor: 1, unit: 'points' }],
  },
  zh: {
    yuan: [
      { atLeast: 1e8, factor: 1e-8, unit: '亿元' },
      { atLeast: 1e4, factor: 1e-4, unit: '万元' },
      { atLeast: 0, factor: 1, unit: '元' },
    ],
    area: [
      { atLeast: 1e4, factor: 1e-4, unit: '万平方米' },
      { atLeast: 0, factor: 1, unit: '平方米' },
    ],
    persons: [
      { atLeast: 1e4, factor: 1e-4, unit: '万人' },
      { atLeast: 0, factor: 1, unit: '人' },
    ],
    share: [{ atLeast: 0, factor: 100, unit: '%' }],
    rate: [{ atLeast: 0, factor: 100, unit: '%' }],
    ratio: [{ atLeast: 0, factor: 1, unit: '倍' }],
    points: [{ atLeast: 0, factor: 1, unit: '个百分点' }],
  },
};

/** Units written with one decimal whatever the value (5.0%, 2.0 points), as fractions of a whole are. */
const ONE_DECIMAL: ReadonlySet<MeasureUnit> = new Set(['share', 'rate', 'points']);

/**
 * The readable scale for values of a unit around `magnitude`: yuan in billions (or 亿元 in
 * Chinese), shares and rates in percent, ratios as multiples (×), counts as they are.
 *
 * @example
 * ```ts
 * displayUnit('yuan', 'en', 3e10); // { factor: 1e-9, unit: 'billion yuan' }
 * displayUnit('yuan', 'zh', 3e10); // { factor: 1e-8, unit: '亿元' }
 * ```
 */
export function displayUnit(unit: MeasureUnit, lang: Lang, magnitude: number, sourceUnit?: InputUnit): DisplayUnit {
  const source = sourceDisplayUnit(unit as Unit, lang, sourceUnit);
  if (source !== undefined) return source;
  const steps = STEPS[lang][unit];
  if (steps === undefined) return { factor: 1, unit: '' };
  const size = Number.isFinite(magnitude) ? Math.abs(magnitude) : 0;
  const step = steps.find((s) => size >= s.atLeast) ?? steps[steps.length - 1];
  return { factor: step.factor, unit: step.unit };
}

/**
 * The unit the source wrote a metric's figures in, as a display unit: in Chinese always (亿元, 亩,
 * 公顷); in English for areas (mu, ha, km²), while money keeps its English scale (billion yuan).
 * Shares are shown in percent either way. Undefined where the usual scale applies.
 */
function sourceDisplayUnit(unit: Unit, lang: Lang, sourceUnit: InputUnit | undefined): DisplayUnit | undefined {
  if (sourceUnit === undefined) return undefined;
  const definition = INPUT_UNITS[sourceUnit];
  if (definition.canonical !== unit || unit === 'share' || (lang === 'en' && unit === 'yuan')) return undefined;
  return { factor: fromCanonical(1, sourceUnit), unit: lang === 'zh' ? sourceUnit : definition.english };
}

/** The largest absolute finite value of a list (0 when there is none), to choose a display unit by. */
export function magnitudeOf(values: Iterable<number | null | undefined>): number {
  let largest = 0;
  for (const value of values) if (value !== null && value !== undefined && Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * An axis title naming a quantity and its unit as displayed: `Billion yuan`, `亿元`, `Share (%)`,
 * `Growth rate (%)` (a rate is not a share), `Multiple of the base year (×)`, `Number`.
 *
 * @example
 * ```ts
 * axisUnitTitle('yuan', displayUnit('yuan', 'en', 3e10), 'en'); // 'Billion yuan'
 * axisUnitTitle('rate', displayUnit('rate', 'zh', 0.1), 'zh'); // '增速 (%)'
 * ```
 */
export function axisUnitTitle(unit: MeasureUnit, display: DisplayUnit, lang: Lang): string {
  const name = chartMessages(lang).unitNames[unit];
  if (unit === 'yuan') return display.unit.charAt(0).toUpperCase() + display.unit.slice(1);
  if (unit === 'points') return name;
  if (display.unit === '' || (unit === 'persons' && display.factor === 1)) return name;
  return `${name} (${display.unit})`;
}

/** Whether values of a unit, as displayed, are whole numbers of things (enterprises, persons): their ticks fall on whole numbers. */
export function isWholeCount(unit: MeasureUnit, display: DisplayUnit): boolean {
  return (unit === 'count' || unit === 'persons') && display.factor === 1;
}

/**
 * Axis properties of a unit: for whole counts, ticks at whole numbers only (no 0.5 enterprise on a
 * small range); nothing for other units.
 *
 * @example
 * ```ts
 * wholeNumberAxis('count', displayUnit('count', 'en', 5)); // { tickMinStep: 1, format: ',d' }
 * ```
 */
export function wholeNumberAxis(unit: MeasureUnit, display: DisplayUnit): { tickMinStep?: number; format?: string } {
  return isWholeCount(unit, display) ? { tickMinStep: 1, format: ',d' } : {};
}

/**
 * A tooltip's field title with the unit its values are shown in, as the value itself carries none:
 * `Median (billion yuan)`, `中位数 (亿元)`, `Median (%)`; a plain count keeps its title.
 */
export function tooltipTitle(title: string, display: DisplayUnit): string {
  return display.unit === '' ? title : `${title} (${display.unit})`;
}

/** Decimal places that show about three significant digits of a scaled value. */
export function decimalsFor(scaled: number, integral = false): number {
  if (integral) return 0;
  const size = Math.abs(scaled);
  return size >= 100 || size === 0 ? 0 : size >= 10 ? 1 : 2;
}

/** A d3 number format for scaled values around `scaledMagnitude` (for axes and tooltips). */
export function d3Format(scaledMagnitude: number, integral = false): string {
  return `,.${decimalsFor(scaledMagnitude, integral)}f`;
}

/**
 * A value in its readable unit, as text, to about three significant digits (`extraDigits` more
 * decimals where that is too coarse, e.g. beside a threshold it nearly equals).
 *
 * @example
 * ```ts
 * formatQuantity(16.87e9, 'yuan', 'en'); // '16.9 billion yuan'
 * formatQuantity(16.87e9, 'yuan', 'zh'); // '169 亿元'
 * formatQuantity(0.054, 'share', 'en');  // '5.4%'
 * formatQuantity(94.39, 'count', 'en');  // '94.4'
 * formatQuantity(0.15, 'rate', 'en');    // '15.0%'
 * formatQuantity(2, 'ratio', 'en');      // '2×'
 * formatQuantity(2, 'points', 'zh');     // '2.0 个百分点'
 * formatQuantity(9.9956e9, 'yuan', 'en', 2); // '9.9956 billion yuan' (two more decimals)
 * formatQuantity(333333.33, 'area', 'zh', 0, '亩'); // '500 亩' (the unit the source wrote)
 * ```
 */
export function formatQuantity(value: number | null | undefined, unit: MeasureUnit, lang: Lang, extraDigits = 0, sourceUnit?: InputUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const display = displayUnit(unit, lang, value, sourceUnit);
  // In the source's unit, the exact inverse of the conversion at load: 500 亩 reads 500, not 499.99….
  const scaled = sourceDisplayUnit(unit as Unit, lang, sourceUnit) !== undefined ? fromCanonical(value, sourceUnit as InputUnit) : value * display.factor;
  const oneDecimal = ONE_DECIMAL.has(unit);
  const integral = !oneDecimal && Number.isInteger(scaled);
  const digits = (oneDecimal ? 1 : decimalsFor(scaled, integral)) + (integral ? 0 : extraDigits);
  const number = scaled.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (display.unit === '') return number;
  if (display.unit === '%' || display.unit === '×') return `${number}${display.unit}`;
  return `${number} ${display.unit}`;
}

/** A probability as a percentage: `40.1%`, `<0.1%`, `>99.9%`. */
export function formatProbability(p: number): string {
  if (p > 0 && p < 0.001) return '<0.1%';
  if (p < 1 && p > 0.999) return '>99.9%';
  return `${(p * 100).toFixed(1)}%`;
}
