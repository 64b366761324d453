/**
 * Every word the charts show, in English and Chinese. Chart builders look text up here and never
 * spell it themselves, so a language is added in one place.
 */
import type { MeasureUnit } from '../scenario/schema/common.js';

/** The language of chart and report text. */
export type Lang = 'en' | 'zh';

/** What every chart builder accepts: the language of its text (default English). */
export interface ChartOptions {
  readonly lang?: Lang;
}

const en = {
  fanSubtitle: (trials: number) =>
    `Shaded: the middle 90% and 50% of ${trials.toLocaleString('en-US')} trials; solid line: their median; dashed orange: the nominal case (every assumption at its central value).`,
  band90: 'Middle 90% of trials',
  band50: 'Middle 50% of trials',
  median: 'Median',
  deterministic: 'Nominal case',
  baseline: 'Base year',
  target: 'Target',
  year: 'Year',
  p5: '5th percentile',
  p25: '25th percentile',
  p75: '75th percentile',
  p95: '95th percentile',
  value: 'Value',
  probabilitiesTitle: 'Chance of meeting each target',
  probabilitiesSubtitle: (trials: number, confidence: number) =>
    `Share of ${trials.toLocaleString('en-US')} trials that meet the target by its deadline; whiskers: ${Math.round(confidence * 100)}% Wilson interval; dashed lines at 50% and 80%; the probability of each target is written at the right.`,
  probability: 'Probability',
  probabilityAxis: 'Probability of meeting the target',
  interval: 'Interval',
  jointLabel: (n: number) => `All ${n} official targets together`,
  official: 'Official target',
  stretch: 'Stretch goal',
  joint: 'All official targets',
  group: 'Kind',
  evenOdds: '50%',
  likely: '80%',
  distributionSubtitle: (deadline: number, trials: number, inYear = false) =>
    `Chance that the measure is at least x ${inYear ? 'in' : 'by'} ${deadline}, from ${trials.toLocaleString('en-US')} trials. Shaded: values that meet the target.`,
  exceedanceAxis: 'Chance of at least this value',
  measureAxis: (measure: string, baseYear: number, deadline: number) =>
    ({
      value: `Value in ${deadline}`,
      sum: `Sum of the yearly values up to ${deadline}`,
      runningTotal: `Increase ${baseYear}–${deadline}`,
      reachedBy: `Best year ${baseYear + 1}–${deadline}`,
      ratioToBase: `${deadline} value over ${baseYear}'s`,
      averageGrowth: `Average yearly growth ${baseYear}–${deadline}`,
      yearOnYear: `Growth in ${deadline}`,
      changeInPoints: `Change ${baseYear}–${deadline}`,
      everyYear: `Worst year up to ${deadline}`,
    })[measure] ?? `Value in ${deadline}`,
  quantityIn: (quantity: string, year: number) => `${quantity} in ${year}`,
  metRegion: 'Meets the target',
  targetIs: (summary: string) => `Target: ${summary}`,
  chanceMet: (p: string) => `P(met) = ${p}`,
  deterministicValue: (v: string) => `Nominal case: ${v}`,
  firstYearTitle: 'When each target is first reached',
  firstYearSubtitle: (trials: number) =>
    `Share of ${trials.toLocaleString('en-US')} trials by the first year the target's measure reached its level (counted from the base year on); a first year after the deadline is late, not a success. Black tick: the share that meets the target at its deadline; a level reached early can be lost again by then.`,
  firstYearAxis: 'Share of trials',
  firstYearLegend: 'First reached in',
  metAtDeadline: 'Met at the deadline',
  never: (endYear: number) => `Not by ${endYear}`,
  afterDeadline: 'Late (only after the deadline)',
  share: 'Share',
  comparisonTitle: 'Chance of meeting each target, by scenario',
  comparisonSubtitle: (confidence: number) => `Whiskers: ${Math.round(confidence * 100)}% Wilson interval.`,
  scenario: 'Scenario',
  comparisons: { '>': 'more than', '>=': 'at least', '<': 'less than', '<=': 'at most' } as Record<string, string>,
  targetLabel: (comparison: string, value: string, deadline: number) => `${comparison} ${value} by ${deadline}`,
  betweenLabel: (low: string, high: string, deadline: number) => `${low} to ${high} by ${deadline}`,
  // A `value` target is about one year's figure: "in 2027", not "by 2027".
  targetLabelIn: (comparison: string, value: string, year: number) => `${comparison} ${value} in ${year}`,
  betweenLabelIn: (low: string, high: string, year: number) => `${low} to ${high} in ${year}`,
  parkSpreadTitle: (metric: string, year: number) => `${metric}: each park in ${year}`,
  parkSpreadSubtitle: (parks: number, trials: number) =>
    `${parks} parks, from the highest median down. Lines: 90% of ${trials.toLocaleString('en-US')} trials; bars: the middle 50%; dot: the median.`,
  park: 'Park',
  unitNames: {
    yuan: 'Yuan',
    count: 'Number',
    persons: 'Persons',
    area: 'Area',
    share: 'Share',
    ratio: 'Multiple of the base year',
    rate: 'Growth rate',
    points: 'Percentage points',
  } as Record<MeasureUnit, string>,
  reliabilityTitle: 'Backtest: the forecast probability against how often the target was met',
  reliabilitySubtitle: (targets: number, bins: number, series: 'official' | 'independent', fellBack: number) =>
    `${targets} past targets in ${bins} equal bins of the model's probability, met or missed by the ${series} figures${fellBack > 0 ? ` (the ${series === 'official' ? 'independent' : 'official'} ones for ${fellBack} that record no ${series} figure)` : ''}. Dot: a bin's mean forecast and the share of its targets met (size: how many); whiskers: 95% Wilson interval; diagonal: perfect calibration.`,
  forecastAxis: 'Forecast probability (mean of the bin)',
  observedAxis: 'Share of targets met',
  binTargets: 'Targets in the bin',
  binRange: 'Bin',
  brierTitle: 'Brier score by forecaster (lower is better)',
  brierAxis: 'Brier score',
  logScore: 'Log score',
  forecaster: 'Forecaster',
  forecasterNames: {
    model: 'Model (simulated probability)',
    deterministic: 'Deterministic verdict (0 or 1)',
    baseRate: 'Reference-class base rate',
    modelWhereBaseRate: "Model, on the base rate's targets",
  } as Record<'model' | 'deterministic' | 'baseRate' | 'modelWhereBaseRate', string>,
  forecastCount: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
};

const zh: typeof en = {
  fanSubtitle: (trials: number) => `阴影：${trials} 次模拟中间 90% 与 50% 的范围；实线：中位数；橙色虚线：名义情景（各项假设取中心值）。`,
  band90: '中间 90% 的模拟',
  band50: '中间 50% 的模拟',
  median: '中位数',
  deterministic: '名义情景',
  baseline: '基准年',
  target: '目标',
  year: '年份',
  p5: '第 5 百分位',
  p25: '第 25 百分位',
  p75: '第 75 百分位',
  p95: '第 95 百分位',
  value: '数值',
  probabilitiesTitle: '各项目标的实现概率',
  probabilitiesSubtitle: (trials: number, confidence: number) =>
    `${trials} 次模拟中在期限内实现目标的比例；误差线：${Math.round(confidence * 100)}% Wilson 区间；虚线：50% 与 80%；各目标的概率列于右侧。`,
  probability: '概率',
  probabilityAxis: '实现目标的概率',
  interval: '区间',
  jointLabel: (n: number) => `全部 ${n} 项官方目标同时实现`,
  official: '官方目标',
  stretch: '挑战目标',
  joint: '全部官方目标',
  group: '类别',
  evenOdds: '50%',
  likely: '80%',
  distributionSubtitle: (deadline: number, trials: number, inYear = false) =>
    `${inYear ? `${deadline} 年` : `截至 ${deadline} 年`}至少达到 x 的概率（${trials} 次模拟）。阴影：达标的数值范围。`,
  exceedanceAxis: '至少达到该数值的概率',
  measureAxis: (measure: string, baseYear: number, deadline: number) =>
    ({
      value: `${deadline} 年数值`,
      sum: `截至 ${deadline} 年的逐年合计`,
      runningTotal: `${baseYear}–${deadline} 年增量`,
      reachedBy: `${baseYear + 1}–${deadline} 年最高值`,
      ratioToBase: `${deadline} 年为 ${baseYear} 年的倍数`,
      averageGrowth: `${baseYear}–${deadline} 年年均增速`,
      yearOnYear: `${deadline} 年增速`,
      changeInPoints: `${baseYear}–${deadline} 年变化`,
      everyYear: `截至 ${deadline} 年最差一年`,
    })[measure] ?? `${deadline} 年数值`,
  quantityIn: (quantity: string, year: number) => `${year} 年${quantity}`,
  metRegion: '达标',
  targetIs: (summary: string) => `目标：${summary}`,
  chanceMet: (p: string) => `达标概率 ${p}`,
  deterministicValue: (v: string) => `名义情景：${v}`,
  firstYearTitle: '各项目标首次达到的年份',
  firstYearSubtitle: (trials: number) =>
    `${trials} 次模拟按目标指标首次达到门槛的年份分布（自基准年起计）；期限之后才达到的属逾期，不算达标。黑色竖线：在期限时达标的比例；提前达到的水平到期限时可能又回落。`,
  firstYearAxis: '模拟占比',
  firstYearLegend: '首次达到',
  metAtDeadline: '期限时达标',
  never: (endYear: number) => `至 ${endYear} 年未达到`,
  afterDeadline: '逾期（期限之后才达到）',
  share: '占比',
  comparisonTitle: '各情景下目标的实现概率',
  comparisonSubtitle: (confidence: number) => `误差线：${Math.round(confidence * 100)}% Wilson 区间。`,
  scenario: '情景',
  comparisons: { '>': '超过', '>=': '不低于', '<': '低于', '<=': '不高于' },
  targetLabel: (comparison: string, value: string, deadline: number) => `${deadline} 年${comparison} ${value}`,
  betweenLabel: (low: string, high: string, deadline: number) => `${deadline} 年 ${low} 至 ${high}`,
  // “2025 年” already reads as the year itself.
  targetLabelIn: (comparison: string, value: string, year: number) => `${year} 年${comparison} ${value}`,
  betweenLabelIn: (low: string, high: string, year: number) => `${year} 年 ${low} 至 ${high}`,
  parkSpreadTitle: (metric: string, year: number) => `${metric}：${year} 年各园区`,
  parkSpreadSubtitle: (parks: number, trials: number) => `${parks} 个园区，按中位数从高到低。线：${trials} 次模拟的 90% 区间；条：中间 50%；点：中位数。`,
  park: '园区',
  unitNames: { yuan: '金额', count: '数量', persons: '人数', area: '面积', share: '比例', ratio: '为基准年的倍数', rate: '增速', points: '百分点' },
  reliabilityTitle: '回测：预测概率与目标实际实现的频率',
  reliabilitySubtitle: (targets: number, bins: number, series: 'official' | 'independent', fellBack: number) =>
    `${targets} 个历史目标，按模型概率分为 ${bins} 个等宽区间，以${series === 'official' ? '官方' : '独立'}数据判定是否实现${fellBack > 0 ? `（其中 ${fellBack} 个无${series === 'official' ? '官方' : '独立'}数据，改用${series === 'official' ? '独立' : '官方'}数据）` : ''}。点：区间的平均预测概率与其中目标实现的比例（大小：目标个数）；误差线：95% Wilson 区间；对角线：完全校准。`,
  forecastAxis: '预测概率（区间平均）',
  observedAxis: '目标实现的比例',
  binTargets: '区间内目标数',
  binRange: '区间',
  brierTitle: '各预测方法的 Brier 分数（越低越好）',
  brierAxis: 'Brier 分数',
  logScore: '对数分数',
  forecaster: '预测方法',
  forecasterNames: {
    model: '模型（模拟概率）',
    deterministic: '确定性判断（0 或 1）',
    baseRate: '参照类基础比率',
    modelWhereBaseRate: '模型（仅基础比率覆盖的目标）',
  },
  forecastCount: (n: number) => `${n} 个目标`,
};

/** The chart text of a language. */
export function chartMessages(lang: Lang): typeof en {
  return lang === 'zh' ? zh : en;
}

export type ChartMessages = typeof en;
