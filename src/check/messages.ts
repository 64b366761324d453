/**
 * Every text the data check shows a person, in one place: the findings' messages and the lines
 * of `parkcast check`. Each finding's message names its figures and says how sure it is.
 */

import type { UnitClass } from './figures.js';
import type { Confidence, Severity } from './finding.js';

/** The language of the data check's text: English (the default) or Chinese. */
export type CheckLang = 'en' | 'zh';

const trim = (x: number, digits = 4) => String(Number(x.toPrecision(digits)));
const grouped = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Chinese money and head counts: 亿 from 10⁸, 万 from 10⁴ (the scale a Chinese reader writes). */
function scaledZh(value: number, suffix: string, digits: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8, digits)} 亿${suffix}`;
  if (abs >= 1e4) return `${trim(value / 1e4, digits)} 万${suffix}`;
  return `${grouped(Number(value.toPrecision(digits)))} ${suffix}`;
}

/**
 * A number with its unit, as a reader writes it: `208.981 billion yuan`, `5.4%`, `8,000 persons`;
 * in Chinese `2089.81 亿元`, `5.4%`, `8,000 人` (one system per language: 亿元/万元, never billions).
 *
 * @example
 * ```ts
 * amount(2.5e8, 'yuan'); // '250 million yuan'
 * amount(2.5e8, 'yuan', 6, 'zh'); // '2.5 亿元'
 * ```
 */
export function amount(value: number, unit: UnitClass | string, digits = 6, lang: CheckLang = 'en'): string {
  if (lang === 'zh') return amountZh(value, unit, digits);
  const scaled = (suffix: string) => {
    const abs = Math.abs(value);
    if (abs >= 1e12) return `${trim(value / 1e12, digits)} trillion ${suffix}`;
    if (abs >= 1e9) return `${trim(value / 1e9, digits)} billion ${suffix}`;
    if (abs >= 1e6) return `${trim(value / 1e6, digits)} million ${suffix}`;
    return `${grouped(Number(value.toPrecision(digits)))} ${suffix}`;
  };
  switch (unit) {
    case 'yuan':
      return scaled('yuan');
    case 'usd':
      return `$${scaled('').trim()}`;
    case 'share':
    case 'rate':
      return `${trim(value * 100, 4)}%`;
    case 'ratio':
      return `${trim(value, 4)}×`;
    case 'points':
      return `${trim(value, 4)} percentage points`;
    case 'persons':
      return `${grouped(value)} persons`;
    case 'area':
      return `${grouped(value)} m²`;
    case 'year':
      return String(value);
    case 'count':
      return grouped(value);
    default:
      return `${grouped(value)} ${unit}`;
  }
}

function amountZh(value: number, unit: UnitClass | string, digits: number): string {
  switch (unit) {
    case 'yuan':
      return scaledZh(value, '元', digits);
    case 'usd':
      return scaledZh(value, '美元', digits);
    case 'share':
    case 'rate':
      return `${trim(value * 100, 4)}%`;
    case 'ratio':
      return `${trim(value, 4)} 倍`;
    case 'points':
      return `${trim(value, 4)} 个百分点`;
    case 'persons':
      return scaledZh(value, '人', digits);
    case 'area':
      return Math.abs(value) >= 1e4 ? `${trim(value / 1e4, digits)} 万平方米` : `${grouped(value)} 平方米`;
    case 'year':
      return `${value} 年`;
    case 'count':
      return grouped(value);
    default:
      return `${grouped(value)} ${unit}`;
  }
}

const rate = (x: number) => (x >= 0.1 ? trim(x, 3) : trim(x, 2));
const percent = (x: number) => `${trim(x * 100, 3)}%`;
const points = (x: number) => `${trim(Math.abs(x) * 100, 2)} points`;
const pointsZh = (x: number) => `${trim(Math.abs(x) * 100, 2)} 个百分点`;
const list = (items: readonly string[]) => items.join(', ');
const listZh = (items: readonly string[]) => items.join('、');
const scaleWord = (factor: number) => ({ 10: '10 times', 100: '100 times', 1000: '1,000 times', 10000: '10,000 times' })[factor] ?? `${factor} times`;
const zhAmount = (value: number, unit: UnitClass | string, digits = 6) => amount(value, unit, digits, 'zh');
const comparisonZh = (c: string) => ({ '>': '高于', '>=': '不低于', '<': '低于', '<=': '不高于', between: '介于' })[c] ?? c;
const severityZh: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const confidenceZh: Record<Confidence, string> = { high: '高', medium: '中', low: '低' };
const kindZh = (kind: string) => ({ target: '目标', 'context figure': '背景数据', series: '数据序列', 'currency conversion': '货币换算' })[kind] ?? kind;

const en = {
  currencyImplausible: (
    id: string,
    yuan: number,
    usd: number,
    implied: number,
    low: number,
    high: number,
    fix?: { factor: number; usd: number; rate: number; tooLarge: boolean },
  ) =>
    `The conversion ${id} gives ${amount(yuan, 'yuan')} as ${amount(usd, 'usd')}: ${rate(implied)} yuan per US dollar, ` +
    `far outside the plausible ${low}-${high} yuan per dollar of 2015-2025.` +
    (fix
      ? ` The dollar figure looks ${scaleWord(fix.factor)} too ${fix.tooLarge ? 'large' : 'small'}: ${amount(fix.usd, 'usd')} would give ${rate(fix.rate)} yuan per dollar` +
        `${fix.factor === 1000 ? (fix.tooLarge ? ' ("billion" written for "million"?)' : ' ("million" written for "billion"?)') : ''}.`
      : '') +
    ' High confidence: no exchange rate of the period comes near.',
  currencyOdd: (id: string, yuan: number, usd: number, implied: number, low: number, high: number) =>
    `The conversion ${id} gives ${amount(yuan, 'yuan')} as ${amount(usd, 'usd')}: ${rate(implied)} yuan per US dollar, ` +
    `outside the plausible ${low}-${high} of 2015-2025. Medium confidence: it may be a rate of another period or a rounding of one of the figures.`,
  currencyOutlier: (id: string, implied: number, typical: number, others: readonly string[]) =>
    `The conversion ${id} implies ${rate(implied)} yuan per US dollar, ${percent(Math.abs(implied / typical - 1))} away from the ${rate(typical)} ` +
    `implied by the scenario's other conversions (${list(others)}). ` +
    (others.length >= 2
      ? 'Medium confidence: conversions made in different years can differ by up to 15%.'
      : 'Low confidence: with only two conversions either may be the odd one, and rates of different years differ by up to 15%.'),
  currencyFigureMismatch: (id: string, figure: string, yuan: number, value: number) =>
    `The conversion ${id} converts ${amount(yuan, 'yuan')}, but the figure it belongs to, ${figure}, is ${amount(value, 'yuan')}. ` +
    'High confidence: one of the two was copied wrongly.',
  currencyFigureUnknown: (id: string, figure: string) =>
    `The conversion ${id} belongs to "${figure}", which is no context figure, series, target or metric of the scenario. ` +
    'High confidence: the reference is wrong or the figure is missing.',

  fewWorkers: (workers: string, count: number, pairs: ReadonlyArray<{ ref: string; value: number; ratio: number }>, min: number, sure: boolean) =>
    `${amount(count, 'persons')} (${workers}) ` +
    pairs.map((p) => `for ${amount(p.value, 'count')} (${p.ref}) is ${trim(p.ratio, 2)} per enterprise`).join(', and ') +
    `; a park's enterprises average at least ${min} workers. One of the figures is probably mistyped or covers another scope. ` +
    (sure ? 'High confidence: fewer workers than enterprises.' : 'Medium confidence: the figures may not describe exactly the same group or year.'),
  yuanPerWorker: (
    workers: string,
    count: number,
    pairs: ReadonlyArray<{ ref: string; value: number; year?: number; ratio: number }>,
    low: number,
    high: number,
    tooHigh: boolean,
  ) =>
    `${amount(count, 'persons')} (${workers}) ` +
    pairs
      .map(
        (p) => `against ${amount(p.value, 'yuan')} (${p.ref}${p.year === undefined ? '' : `, ${p.year}`}) is ${amount(p.ratio, 'yuan', 3)} per worker a year`,
      )
      .join(', and ') +
    `; plausible is ${amount(low, 'yuan')} to ${amount(high, 'yuan')}. ` +
    (tooHigh ? 'The worker count looks too low or the money figure too high. ' : 'The worker count looks too high or the money figure too low. ') +
    'Medium confidence: the figures may not describe exactly the same group or year.',

  growthMismatch: (
    series: string,
    previousYear: number,
    previous: number,
    year: number,
    value: number,
    unit: UnitClass | string,
    stated: number,
    implied: number,
    sure: boolean,
  ) =>
    `Series ${series}: ${amount(previous, unit)} in ${previousYear} and ${amount(value, unit)} in ${year} mean ${percent(implied)} growth, ` +
    `but ${percent(stated)} is stated for ${year}, a gap of ${points(implied - stated)}. ` +
    (sure ? 'High confidence: rounding cannot explain the gap.' : 'Medium confidence: part of the gap may be rounding or revised figures.'),
  seriesBaselineMismatch: (series: string, metric: string, year: number, value: number, baseline: number, unit: UnitClass | string) =>
    `Series ${series} states ${amount(value, unit)} for ${year}, the base year, but metric ${metric} starts from ${amount(baseline, unit)}. ` +
    'High confidence: the baseline should match the stated figure, or its note should say why not.',

  targetMetAtBaseline: (target: string, comparison: string, threshold: string, metric: string, baseline: number, unit: UnitClass | string, baseYear: number) =>
    `Target ${target} (${comparison} ${threshold}) is already met by metric ${metric}'s baseline of ${amount(baseline, unit)} in ${baseYear}, ` +
    'so it says nothing about the years ahead. High confidence: the baseline is a stated number.',
  targetMetAtAssumedBaseline: (
    target: string,
    comparison: string,
    threshold: string,
    metric: string,
    central: number,
    unit: UnitClass | string,
    baseYear: number,
  ) =>
    `Target ${target} (${comparison} ${threshold}) is met by the central value (${amount(central, unit)}) of metric ${metric}'s assumed ${baseYear} baseline, ` +
    'so most trials meet it before they start. Medium confidence: the baseline is an assumption; check it against the target.',
  targetMetByContext: (
    target: string,
    comparison: string,
    threshold: string,
    context: string,
    value: number,
    unit: UnitClass | string,
    year: number | undefined,
  ) =>
    `Target ${target} (${comparison} ${threshold}) is already met by context figure ${context} (${amount(value, unit)}${year === undefined ? '' : ` in ${year}`}) ` +
    'if both count the same thing. Low confidence: matched by unit and shared words of their labels only; if they differ, say so in a note.',

  baseYearAfterSource: (baseYear: number, source: string, year: number) =>
    `The base year ${baseYear} is after the year of source ${source} (${year}): baselines for ${baseYear} cannot come from it. ` +
    'High confidence: check the base year or the source date.',
  baseYearStale: (baseYear: number, source: string, year: number) =>
    `The base year ${baseYear} is ${year - baseYear} years before source ${source} (${year}): the simulation re-plays years that are already known. ` +
    'Medium confidence: intended if the plan was set in the base year.',
  figureAfterSource: (figure: string, figureYear: number, source: string, year: number) =>
    `Figure ${figure} is dated ${figureYear}, after its source ${source} (${year}): a stated fact cannot come from the future. ` +
    'Medium confidence: it may be a plan figure (then make it a target) or a wrong year.',
  deadlineBeforeSource: (target: string, deadline: number, source: string, year: number) =>
    `Target ${target} has the deadline ${deadline}, before its source ${source} (${year}) was written. ` +
    'High confidence: the deadline was probably misread.',
  deadlineNotAfterBase: (target: string, deadline: number, baseYear: number) =>
    `Target ${target} has the deadline ${deadline}, not after the base year ${baseYear}. High confidence: it cannot be simulated.`,
  seriesAfterBaseYear: (series: string, metric: string, years: readonly number[], baseYear: number) =>
    `Series ${series} (metric ${metric}) states values for ${list(years.map(String))}, after the base year ${baseYear}: ` +
    'compare them with the simulated years, or move the base year forward. High confidence.',

  assumedWithoutReason: (name: string) => `Parameter ${name} is an assumption without a reason: say in one line what it rests on. High confidence.`,
  sourcedWithoutSource: (name: string) => `Parameter ${name} is marked as sourced but names no source. High confidence.`,
  figureWithoutSource: (kind: string, id: string) => `The ${kind} ${id} names no source. High confidence.`,
  noSources: (count: number) => `The scenario lists no sources, so none of its ${count} stated figures and targets can be traced. High confidence.`,
  statedBaselineWithoutSource: (metric: string, value: number, unit: UnitClass | string) =>
    `Metric ${metric} starts from the exact figure ${amount(value, unit)} with neither a source nor a note. ` +
    'Medium confidence: if it is stated somewhere, name the source; if it is assumed, say why.',
  assumedBaselineUnexplained: (metric: string) =>
    `Metric ${metric} has an assumed (distribution) baseline without a note saying what it rests on. High confidence.`,

  shareOutOfRange: (figure: string, value: number) =>
    `Figure ${figure} is a share of ${value}, outside 0-1: shares are fractions (5.4% is 0.054)` +
    `${value > 1 && value <= 100 ? `; ${value} reads like a percentage (${value / 100})` : ''}. High confidence.`,
  rateReadsLikePercent: (figure: string, value: number) =>
    `Figure ${figure} is a rate of ${value}, i.e. ${trim(value * 100, 4)}% a year: rates are fractions (15% is 0.15)` +
    `${Math.abs(value) <= 100 ? `; ${value} reads like a percentage (${value / 100})` : ''}. Medium confidence: a tiny base can grow this fast.`,
  pointsOutOfRange: (figure: string, value: number) =>
    `Figure ${figure} is a change of ${value} percentage points: a share cannot move by more than 100 points. High confidence.`,
  pointsReadLikeFraction: (figure: string, value: number) =>
    `Figure ${figure} is a change of only ${value} percentage points: points are written as points (2 for "up 2 points"), so ${value} reads like a fraction (${trim(value * 100, 4)} points). Medium confidence: small changes do occur.`,
  yuanTooSmall: (figure: string, value: number) =>
    `Figure ${figure} is only ${amount(value, 'yuan')}: money is in yuan, so this looks written in billions or in 10,000s of yuan. ` +
    'Medium confidence: small amounts do occur.',

  // Lines of `parkcast check`.
  summary: (file: string, total: number, counts: Readonly<Record<Severity, number>>) =>
    total === 0
      ? `${file}: no findings`
      : `${file}: ${total} finding${total === 1 ? '' : 's'} (${(['error', 'warning', 'info'] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
          .join(', ')})`,
  findingHead: (severity: Severity, confidence: Confidence, code: string, where: string | undefined) =>
    `${severity} (${confidence} confidence) ${code}${where ? ` at ${where}` : ''}`,
  findingFigures: (figures: readonly string[]) => `figures: ${list(figures)}`,
  // Words of the findings built outside the messages.
  range: (low: string, high: string) => `${low} to ${high}`,
};

const zh: typeof en = {
  currencyImplausible: (
    id: string,
    yuan: number,
    usd: number,
    implied: number,
    low: number,
    high: number,
    fix?: { factor: number; usd: number; rate: number; tooLarge: boolean },
  ) =>
    `货币换算 ${id} 把 ${zhAmount(yuan, 'yuan')} 折为 ${zhAmount(usd, 'usd')}：即 1 美元兑 ${rate(implied)} 元，` +
    `远超 2015–2025 年间 1 美元兑 ${low}–${high} 元的合理范围。` +
    (fix
      ? `美元数字似乎${fix.tooLarge ? '大' : '小'}了 ${fix.factor} 倍：${zhAmount(fix.usd, 'usd')} 才对应 1 美元兑 ${rate(fix.rate)} 元` +
        `${fix.factor === 1000 ? (fix.tooLarge ? '（把“百万”写成了“十亿”？）' : '（把“十亿”写成了“百万”？）') : ''}。`
      : '') +
    '置信度高：这一时期没有任何汇率与之接近。',
  currencyOdd: (id: string, yuan: number, usd: number, implied: number, low: number, high: number) =>
    `货币换算 ${id} 把 ${zhAmount(yuan, 'yuan')} 折为 ${zhAmount(usd, 'usd')}：即 1 美元兑 ${rate(implied)} 元，` +
    `超出 2015–2025 年间 ${low}–${high} 元的合理范围。置信度中：可能是其他时期的汇率，或其中一个数字经过取整。`,
  currencyOutlier: (id: string, implied: number, typical: number, others: readonly string[]) =>
    `货币换算 ${id} 意味着 1 美元兑 ${rate(implied)} 元，与情景中其他换算（${listZh(others)}）所得的 ${rate(typical)} 元相差 ${percent(Math.abs(implied / typical - 1))}。` +
    (others.length >= 2 ? '置信度中：不同年份的换算可能相差多达 15%。' : '置信度低：只有两个换算，无法判断哪一个有误，且不同年份的汇率可能相差多达 15%。'),
  currencyFigureMismatch: (id: string, figure: string, yuan: number, value: number) =>
    `货币换算 ${id} 换算的是 ${zhAmount(yuan, 'yuan')}，但它所属的数据 ${figure} 为 ${zhAmount(value, 'yuan')}。置信度高：两者之一抄错了。`,
  currencyFigureUnknown: (id: string, figure: string) =>
    `货币换算 ${id} 属于“${figure}”，但情景中没有这一背景数据、数据序列、目标或指标。置信度高：引用有误或数据缺失。`,

  fewWorkers: (workers: string, count: number, pairs: ReadonlyArray<{ ref: string; value: number; ratio: number }>, min: number, sure: boolean) =>
    `${zhAmount(count, 'persons')}（${workers}）` +
    pairs.map((p) => `对应 ${zhAmount(p.value, 'count')} 家企业（${p.ref}），即每家企业 ${trim(p.ratio, 2)} 人`).join('；') +
    `；园区企业平均至少有 ${min} 名员工。其中一个数字可能录错，或统计口径不同。` +
    (sure ? '置信度高：员工少于企业数。' : '置信度中：这些数字可能并非描述完全相同的对象或年份。'),
  yuanPerWorker: (
    workers: string,
    count: number,
    pairs: ReadonlyArray<{ ref: string; value: number; year?: number; ratio: number }>,
    low: number,
    high: number,
    tooHigh: boolean,
  ) =>
    `${zhAmount(count, 'persons')}（${workers}）` +
    pairs
      .map((p) => `对应 ${zhAmount(p.value, 'yuan')}（${p.ref}${p.year === undefined ? '' : `，${p.year} 年`}），即每人每年 ${zhAmount(p.ratio, 'yuan', 3)}`)
      .join('；') +
    `；合理范围为 ${zhAmount(low, 'yuan')} 至 ${zhAmount(high, 'yuan')}。` +
    (tooHigh ? '员工人数似乎偏少，或金额偏大。' : '员工人数似乎偏多，或金额偏小。') +
    '置信度中：这些数字可能并非描述完全相同的对象或年份。',

  growthMismatch: (
    series: string,
    previousYear: number,
    previous: number,
    year: number,
    value: number,
    unit: UnitClass | string,
    stated: number,
    implied: number,
    sure: boolean,
  ) =>
    `数据序列 ${series}：${previousYear} 年 ${zhAmount(previous, unit)}、${year} 年 ${zhAmount(value, unit)}，意味着增长 ${percent(implied)}，` +
    `但 ${year} 年标明的增长为 ${percent(stated)}，相差 ${pointsZh(implied - stated)}。` +
    (sure ? '置信度高：取整无法解释这一差距。' : '置信度中：差距可能部分来自取整或数据修订。'),
  seriesBaselineMismatch: (series: string, metric: string, year: number, value: number, baseline: number, unit: UnitClass | string) =>
    `数据序列 ${series} 给出基准年 ${year} 年的数值为 ${zhAmount(value, unit)}，但指标 ${metric} 的起点是 ${zhAmount(baseline, unit)}。` +
    '置信度高：基准值应与来源数字一致，否则应在备注中说明原因。',

  targetMetAtBaseline: (target: string, comparison: string, threshold: string, metric: string, baseline: number, unit: UnitClass | string, baseYear: number) =>
    `目标 ${target}（${comparisonZh(comparison)} ${threshold}）在 ${baseYear} 年已由指标 ${metric} 的基准值 ${zhAmount(baseline, unit)} 实现，` +
    '因此对未来几年没有意义。置信度高：基准值是来源给出的数字。',
  targetMetAtAssumedBaseline: (
    target: string,
    comparison: string,
    threshold: string,
    metric: string,
    central: number,
    unit: UnitClass | string,
    baseYear: number,
  ) =>
    `目标 ${target}（${comparisonZh(comparison)} ${threshold}）已由指标 ${metric} 假设的 ${baseYear} 年基准值的中心值（${zhAmount(central, unit)}）实现，` +
    '因此多数模拟在开始前就已实现。置信度中：基准值是假设，请对照目标核查。',
  targetMetByContext: (
    target: string,
    comparison: string,
    threshold: string,
    context: string,
    value: number,
    unit: UnitClass | string,
    year: number | undefined,
  ) =>
    `如果两者统计的是同一对象，目标 ${target}（${comparisonZh(comparison)} ${threshold}）已由背景数据 ${context}（${zhAmount(value, unit)}${year === undefined ? '' : `，${year} 年`}）实现。` +
    '置信度低：仅凭单位和标签中的共同词语匹配；如两者不同，请在备注中说明。',

  baseYearAfterSource: (baseYear: number, source: string, year: number) =>
    `基准年 ${baseYear} 晚于来源 ${source} 的年份（${year}）：${baseYear} 年的基准值不可能出自该来源。置信度高：请核查基准年或来源日期。`,
  baseYearStale: (baseYear: number, source: string, year: number) =>
    `基准年 ${baseYear} 比来源 ${source}（${year}）早 ${year - baseYear} 年：模拟会重演已知的年份。置信度中：如果规划定于基准年，这是有意为之。`,
  figureAfterSource: (figure: string, figureYear: number, source: string, year: number) =>
    `数据 ${figure} 标为 ${figureYear} 年，晚于其来源 ${source}（${year}）：来源给出的事实不可能来自未来。置信度中：它可能是规划数字（应写为目标），或年份有误。`,
  deadlineBeforeSource: (target: string, deadline: number, source: string, year: number) =>
    `目标 ${target} 的期限为 ${deadline} 年，早于其来源 ${source}（${year}）的成文年份。置信度高：期限可能读错了。`,
  deadlineNotAfterBase: (target: string, deadline: number, baseYear: number) =>
    `目标 ${target} 的期限为 ${deadline} 年，不晚于基准年 ${baseYear}。置信度高：无法模拟。`,
  seriesAfterBaseYear: (series: string, metric: string, years: readonly number[], baseYear: number) =>
    `数据序列 ${series}（指标 ${metric}）给出了 ${listZh(years.map(String))} 年的数值，晚于基准年 ${baseYear}：` +
    '请与模拟年份比较，或把基准年后移。置信度高。',

  assumedWithoutReason: (name: string) => `参数 ${name} 是没有理由的假设：请用一句话说明其依据。置信度高。`,
  sourcedWithoutSource: (name: string) => `参数 ${name} 标为有来源，但没有注明来源。置信度高。`,
  figureWithoutSource: (kind: string, id: string) => `${kindZh(kind)} ${id} 没有注明来源。置信度高。`,
  noSources: (count: number) => `情景没有列出任何来源，因此其 ${count} 项来源数据和目标都无从查证。置信度高。`,
  statedBaselineWithoutSource: (metric: string, value: number, unit: UnitClass | string) =>
    `指标 ${metric} 从确切数字 ${zhAmount(value, unit)} 起步，既无来源也无备注。置信度中：如果某处给出了它，请注明来源；如果是假设，请说明理由。`,
  assumedBaselineUnexplained: (metric: string) => `指标 ${metric} 的基准值是假设（分布），但没有备注说明其依据。置信度高。`,

  shareOutOfRange: (figure: string, value: number) =>
    `数据 ${figure} 是占比 ${value}，超出 0–1：占比写作小数（5.4% 写作 0.054）` +
    `${value > 1 && value <= 100 ? `；${value} 像是百分数（${value / 100}）` : ''}。置信度高。`,
  rateReadsLikePercent: (figure: string, value: number) =>
    `数据 ${figure} 是增长率 ${value}，即每年 ${trim(value * 100, 4)}%：增长率写作小数（15% 写作 0.15）` +
    `${Math.abs(value) <= 100 ? `；${value} 像是百分数（${value / 100}）` : ''}。置信度中：基数很小时确实可能增长这么快。`,
  pointsOutOfRange: (figure: string, value: number) => `数据 ${figure} 是 ${value} 个百分点的变化：占比的变化不可能超过 100 个百分点。置信度高。`,
  pointsReadLikeFraction: (figure: string, value: number) =>
    `数据 ${figure} 只变化 ${value} 个百分点：百分点按点数写（“提高 2 个百分点”写作 2），因此 ${value} 像是小数（${trim(value * 100, 4)} 个百分点）。置信度中：小幅变化确实存在。`,
  yuanTooSmall: (figure: string, value: number) =>
    `数据 ${figure} 只有 ${zhAmount(value, 'yuan')}：金额以元为单位，这个数字像是以十亿元或万元写的。置信度中：小额确实存在。`,

  summary: (file: string, total: number, counts: Readonly<Record<Severity, number>>) =>
    total === 0
      ? `${file}：没有发现问题`
      : `${file}：${total} 项发现（${(['error', 'warning', 'info'] as const)
          .filter((s) => counts[s] > 0)
          .map((s) => `${severityZh[s]} ${counts[s]} 项`)
          .join('，')}）`,
  findingHead: (severity: Severity, confidence: Confidence, code: string, where: string | undefined) =>
    `${severityZh[severity]}（置信度${confidenceZh[confidence]}）${code}${where ? ` 位于 ${where}` : ''}`,
  findingFigures: (figures: readonly string[]) => `涉及数据：${listZh(figures)}`,
  range: (low: string, high: string) => `${low} 至 ${high}`,
};

/** The data check's messages in English: what findings carry by default. */
export const checkMessages = en;

/** The data check's messages in a language. */
export function checkMessagesIn(lang: CheckLang = 'en'): typeof en {
  return lang === 'zh' ? zh : en;
}

/** Both languages' tables, for the test that every message exists in each. */
export const CHECK_MESSAGES: Readonly<Record<CheckLang, typeof en>> = { en, zh };
