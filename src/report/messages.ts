/**
 * Every text of the report (HTML and Markdown) in English and Chinese. Chart text lives in
 * `charts/messages.ts`; findings come from the data check in its own words.
 */
import type { Lang } from '../charts/messages.js';

/** How likely, in words, by the probability's band. */
export type Likelihood = 'veryLikely' | 'likely' | 'evenOdds' | 'unlikely' | 'veryUnlikely';

const en = {
  htmlLang: 'en',
  /** After a label: "Nominal case: 94.4". */
  colon: ':',
  labelled: (label: string, text: string) => `${label}: ${text}`,
  reportTitle: (park: string) => `${park}: how likely are its targets?`,
  generatedWith: (version: string, trials: number, seed: string, hash: string) =>
    `parkcast ${version} · ${trials.toLocaleString('en-US')} Monte Carlo trials · seed ${seed} · scenario ${hash}`,
  horizon: (base: number, end: number) => `Base year ${base}, projected to ${end}`,
  likelihood: { veryLikely: 'very likely', likely: 'likely', evenOdds: 'a toss-up', unlikely: 'unlikely', veryUnlikely: 'very unlikely' } as Record<
    Likelihood,
    string
  >,
  headlineAll: (n: number, p: string, low: string, high: string, confidence: number, word: string) =>
    n === 1
      ? `Its one official target is ${word}: met in ${p} of trials (${confidence}% interval ${low}–${high}).`
      : `Meeting all ${n} official targets together is ${word}: ${p} of trials (${confidence}% interval ${low}–${high}).`,
  headlineNoOfficial: 'The scenario has no official targets; its stretch goals are listed below.',
  headlineNoTargets: 'The scenario has no targets: only its metrics are projected.',
  headlineCounts: (likely: number, total: number) => `${likely} of ${total} targets are likely on their own (80% or more).`,
  headlineHardest: (label: string, p: string) => `The hardest is “${label}”, at ${p}.`,
  headlineDeterministic: (met: number, total: number) => `The nominal case (every assumption at its central value) meets ${met} of ${total}.`,
  targetsHeading: 'Targets',
  targetsIntro: (confidence: number) =>
    `“Nominal case” is the projected value with every assumption at its central value (a value, not a forecast); “Probability” is the share of trials that meet the target, with its ${confidence}% Wilson interval.`,
  colTarget: 'Target',
  colKind: 'Kind',
  colThreshold: 'Threshold',
  colDeterministic: 'Nominal case',
  colProbability: 'Probability',
  colInterval: 'Interval',
  colFirstYear: 'Typical first year',
  kind: { official: 'official', stretch: 'stretch', strive: 'strive' } as Record<string, string>,
  kindWithEnsure: (kind: string) => `${kind} (ensure)`,
  striveRow: (label: string) => `${label}: strive level`,
  ensureOnlyRow: (label: string) => `${label}: ensure met, strive missed`,
  ensureOnlyKind: 'ensure only',
  striveJointRow: (n: number) => (n === 1 ? 'Its one strive level' : `All ${n} strive levels together`),
  striveThreshold: (summary: string) => `strive: ${summary}`,
  met: (value: string) => `met (${value})`,
  missed: (value: string) => `missed (${value})`,
  jointRow: (n: number) => `All ${n} official targets together`,
  chartsHeading: 'Charts',
  chartsTargets: 'The targets',
  chartsMetrics: 'The metrics over time',
  chartsDeadline: 'Each target at its deadline',
  chartsComparison: 'Scenarios compared',
  chartFiles: 'Files',
  chartLoading: 'Drawing the chart…',
  chartFailed: 'This chart could not be drawn:',
  sourcesHeading: 'Sources and assumptions',
  sourcesIntro: 'What the sources state, beside what the scenario assumes where they are silent.',
  sourcedColumn: 'Stated by the sources',
  assumedColumn: 'Assumed by the scenario',
  noSourced: 'No sourced figures.',
  noAssumed: 'No assumptions.',
  source: 'Source',
  reason: 'Why',
  noReason: 'no reason given',
  /** An assumption's detail, then its reason; without a detail (`undefined`), the reason alone. */
  withReason: (detail: string | undefined, reason: string) => `${detail === undefined ? '' : `${detail}. `}Why: ${reason}`,
  eachPark: (label: string, parks: number) => `${label} (drawn for each of ${parks} parks)`,
  parkCopy: (park: string, label: string) => `${park}: ${label}`,
  pointValue: (v: string) => `central value ${v}`,
  baselineOf: (label: string, year: number) => `${label}, ${year} (baseline)`,
  baselineExpression: (expression: string) => `computed from the assumptions: ${expression}`,
  unsourcedBaselineDrives: (metric: string, year: number, targets: readonly string[]) =>
    `The strongest driver of ${targets
      .map((t) => `“${t}”`)
      .join(', ')
      .replace(
        /, (“[^”]*”)$/,
        ' and $1',
      )} is the ${year} value of ${metric}, which the scenario assumes and no source states: ${targets.length === 1 ? 'this probability rests' : 'these probabilities rest'} on that guess.`,
  targetFigure: (label: string) => `Target: ${label}`,
  sourcesList: 'Sources',
  findingsHeading: 'Data check',
  findingsIntro: 'Problems the data check found in the scenario’s figures. They do not stop the simulation but may change its answer.',
  noFindings: 'The data check found nothing to report.',
  findingsUnavailable: 'The data check was not run.',
  severity: { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>,
  confidence: (c: string) => `${c} confidence`,
  warningsHeading: 'Simulation warnings',
  files: 'Files of this report',
  interactiveNote: 'Hover over a chart for its numbers.',
  answer: {
    heading: 'The answer',
    below: (bound: string) => `below ${bound}`,
    above: (bound: string) => `above ${bound}`,
    nominal: 'Nominal case',
    takes: 'What it would take',
    drivers: 'What drives it',
    checkNotes: 'Data check',
    growthNeeded: (needed: string, base: number, deadline: number, nominal: string | undefined, recent: string | undefined) =>
      `It needs ${needed} growth a year from ${base} to ${deadline}${nominal === undefined ? '' : `; the nominal case grows ${nominal} a year`}${recent === undefined ? '' : `; ${recent}`}.`,
    increaseNeeded: (needed: string, base: number, deadline: number, recent: string | undefined) =>
      `It needs about ${needed} more each year from ${base} to ${deadline}${recent === undefined ? '' : `; ${recent}`}.`,
    recent: (r: string, from: number, to: number) => `the park grew ${r} a year in ${from}–${to}`,
    driver: (label: string, low: string, lowPct: number, lowValue: string, high: string, highPct: number, highValue: string) =>
      `${label}: ${low} if it is ${lowValue} (its ${lowPct}th percentile), ${high} if ${highValue} (its ${highPct}th)`,
    expected: (expected: string, n: number, half: number, atLeastHalf: string) =>
      `Expected number of official targets met: ${expected} of ${n}; at least ${half} of them in ${atLeastHalf} of trials.`,
    precision: (halfWidth: string, confidence: number, trials: number) =>
      `Simulation precision: each probability is within ±${halfWidth} percentage points (${confidence}% interval, ${trials.toLocaleString('en-US')} trials). That is noise of the simulation only, not the uncertainty of the forecast.`,
    spreadNote: (low: number, high: number, trials: number) =>
      `The uncertainty that matters: how the odds move when one key assumption is fixed at its ${low}th or ${high}th percentile, every other drawn (${trials.toLocaleString('en-US')} trials each).`,
    alert: 'The data check found a likely error in the figures:',
    meets: 'meets the target',
    short: 'short of the target',
  },
  distributions: {
    fixed: (v: string) => v,
    uniform: (a: string, b: string) => `uniform between ${a} and ${b}`,
    normal: (mean: string, sd: string) => `normal, mean ${mean}, sd ${sd}`,
    lognormal: (median: string, sigma: string) => `lognormal, median ${median}, σ ${sigma}`,
    triangular: (min: string, mode: string, max: string) => `triangular ${min} / ${mode} / ${max} (min / mode / max)`,
    pert: (min: string, mode: string, max: string) => `PERT ${min} / ${mode} / ${max} (min / mode / max)`,
    beta: (a: string, b: string, min: string, max: string) => `beta(${a}, ${b}) on ${min}–${max}`,
    poisson: (lambda: string) => `Poisson, mean ${lambda}`,
    binomial: (n: string, p: string) => `binomial, ${n} tries at ${p}`,
    range90: (low: string, high: string, shape: string) => `90% between ${low} and ${high} (${shape})`,
    varies: 'drawn afresh each year',
    /** An assumption in plain words: its median, and its middle 90% (5th to 95th percentile). */
    about: (phrase: 'around' | 'perYear' | 'growth' | 'per', median: string, low: string, high: string, words: string) =>
      ({
        around: `about ${median}, 90% between ${low} and ${high}`,
        perYear: `about ${median}${words === '' ? '' : ` ${words}`} a year, 90% between ${low} and ${high}`,
        growth: `about ${median} a year, 90% between ${low} and ${high}`,
        per: `about ${median} ${words}, 90% between ${low} and ${high}`,
      })[phrase],
    /** One value in the same words (a central value, a fixed assumption). */
    exactly: (phrase: 'around' | 'perYear' | 'growth' | 'per', value: string, words: string) =>
      ({ around: value, perYear: `${value}${words === '' ? '' : ` ${words}`} a year`, growth: `${value} a year`, per: `${value} ${words}` })[phrase],
    /** The modeller's notation, kept under the plain words. */
    modelled: (notation: string) => `modelled as ${notation}`,
    /** A free-text unit of the scenario as written in this language ("per enterprise"). */
    unitWords: (text: string) => text.trim(),
    /** What a yearly rate counts ("enterprises" of "enterprises per year"). */
    countWords: (things: string) => things.trim(),
  },
};

const zh: typeof en = {
  htmlLang: 'zh-CN',
  colon: '：',
  labelled: (label: string, text: string) => `${label}：${text}`,
  reportTitle: (park: string) => `${park}：目标实现的可能性`,
  generatedWith: (version: string, trials: number, seed: string, hash: string) =>
    `parkcast ${version} · ${trials.toLocaleString('zh-CN')} 次蒙特卡洛模拟 · 种子 ${seed} · 情景 ${hash}`,
  horizon: (base: number, end: number) => `基准年 ${base}，预测至 ${end} 年`,
  likelihood: { veryLikely: '极有可能', likely: '很可能', evenOdds: '成败参半', unlikely: '不太可能', veryUnlikely: '极不可能' },
  headlineAll: (n: number, p: string, low: string, high: string, confidence: number, word: string) =>
    n === 1
      ? `唯一的官方目标：${word}（${p} 的模拟实现，${confidence}% 区间 ${low}–${high}）。`
      : `同时实现全部 ${n} 项官方目标：${word}（${p} 的模拟，${confidence}% 区间 ${low}–${high}）。`,
  headlineNoOfficial: '该情景没有官方目标；挑战目标列于下文。',
  headlineNoTargets: '该情景没有目标，只预测各项指标。',
  headlineCounts: (likely: number, total: number) => `${total} 项目标中有 ${likely} 项单独实现的概率在 80% 以上。`,
  headlineHardest: (label: string, p: string) => `最难实现的是“${label}”，概率 ${p}。`,
  headlineDeterministic: (met: number, total: number) => `基准情形（各项假设取中心值）实现 ${total} 项中的 ${met} 项。`,
  targetsHeading: '目标',
  targetsIntro: (confidence: number) =>
    `“基准情形”为各项假设取中心值时的预测值（一个数值，而非预测结论）；“概率”为实现目标的模拟占比，附 ${confidence}% Wilson 区间。`,
  colTarget: '目标',
  colKind: '类别',
  colThreshold: '门槛',
  colDeterministic: '基准情形',
  colProbability: '概率',
  colInterval: '区间',
  colFirstYear: '典型首次实现年份',
  kind: { official: '官方', stretch: '挑战', strive: '力争' },
  kindWithEnsure: (kind: string) => `${kind}（确保）`,
  striveRow: (label: string) => `${label}（力争）`,
  ensureOnlyRow: (label: string) => `${label}：确保实现、力争未实现`,
  ensureOnlyKind: '仅确保',
  striveJointRow: (n: number) => (n === 1 ? '唯一的力争目标' : `全部 ${n} 项力争目标同时实现`),
  striveThreshold: (summary: string) => `力争：${summary}`,
  met: (value: string) => `实现（${value}）`,
  missed: (value: string) => `未实现（${value}）`,
  jointRow: (n: number) => `全部 ${n} 项官方目标同时实现`,
  chartsHeading: '图表',
  chartsTargets: '目标',
  chartsMetrics: '指标随时间的变化',
  chartsDeadline: '各目标在期限时的分布',
  chartsComparison: '情景比较',
  chartFiles: '文件',
  chartLoading: '正在绘制图表…',
  chartFailed: '图表无法绘制：',
  sourcesHeading: '来源与假设',
  sourcesIntro: '来源给出的数据，与情景在来源未提及之处所作的假设并列。',
  sourcedColumn: '来源给出',
  assumedColumn: '情景假设',
  noSourced: '没有来源数据。',
  noAssumed: '没有假设。',
  source: '来源',
  reason: '理由',
  noReason: '未说明理由',
  withReason: (detail: string | undefined, reason: string) => `${detail === undefined || detail === '' ? '' : `${detail}。`}理由：${reason}`,
  eachPark: (label: string, parks: number) => `${label}（${parks} 个园区各自抽取）`,
  parkCopy: (park: string, label: string) => `${park}：${label}`,
  pointValue: (v: string) => `中心值 ${v}`,
  baselineOf: (label: string, year: number) => `${label}，${year} 年（基准）`,
  baselineExpression: (expression: string) => `由假设计算：${expression}`,
  unsourcedBaselineDrives: (metric: string, year: number, targets: readonly string[]) =>
    `对${targets.map((t) => `“${t}”`).join('、')}影响最大的是${metric}的 ${year} 年基准值，而这一数值是情景假设的，没有来源说明：这些概率取决于这一估计。`,
  targetFigure: (label: string) => `目标：${label}`,
  sourcesList: '来源',
  findingsHeading: '数据检查',
  findingsIntro: '数据检查在情景数据中发现的问题。它们不会阻止模拟，但可能改变结果。',
  noFindings: '数据检查未发现问题。',
  findingsUnavailable: '未运行数据检查。',
  severity: { error: '错误', warning: '警告', info: '提示' },
  confidence: (c: string) => `置信度：${({ high: '高', medium: '中', low: '低' } as Record<string, string>)[c] ?? c}`,
  warningsHeading: '模拟警告',
  files: '本报告的文件',
  interactiveNote: '将鼠标悬停在图表上可查看数值。',
  answer: {
    heading: '结论',
    below: (bound: string) => `低于 ${bound}`,
    above: (bound: string) => `高于 ${bound}`,
    nominal: '基准情形',
    takes: '实现条件',
    drivers: '主要影响因素',
    checkNotes: '数据检查',
    growthNeeded: (needed: string, base: number, deadline: number, nominal: string | undefined, recent: string | undefined) =>
      `${base}–${deadline} 年需年均增长 ${needed}${nominal === undefined ? '' : `；基准情形年均增长 ${nominal}`}${recent === undefined ? '' : `；${recent}`}。`,
    increaseNeeded: (needed: string, base: number, deadline: number, recent: string | undefined) =>
      `${base}–${deadline} 年每年需增加约 ${needed}${recent === undefined ? '' : `；${recent}`}。`,
    recent: (r: string, from: number, to: number) => `${from}–${to} 年园区年均增长 ${r}`,
    driver: (label: string, low: string, lowPct: number, lowValue: string, high: string, highPct: number, highValue: string) =>
      `${label}：取 ${lowValue}（第 ${lowPct} 百分位）时为 ${low}，取 ${highValue}（第 ${highPct} 百分位）时为 ${high}`,
    expected: (expected: string, n: number, half: number, atLeastHalf: string) =>
      `${n} 项官方目标预计实现 ${expected} 项；至少实现 ${half} 项的模拟占 ${atLeastHalf}。`,
    precision: (halfWidth: string, confidence: number, trials: number) =>
      `模拟精度：各概率误差在 ±${halfWidth} 个百分点以内（${confidence}% 区间，${trials.toLocaleString('zh-CN')} 次模拟）。这只是模拟本身的误差，不是预测的不确定性。`,
    spreadNote: (low: number, high: number, trials: number) =>
      `真正的不确定性：某一关键假设固定在第 ${low} 或第 ${high} 百分位、其余假设照常抽取时，概率如何变化（每次 ${trials.toLocaleString('zh-CN')} 次模拟）。`,
    alert: '数据检查发现数据中可能有错误：',
    meets: '达到目标',
    short: '未达目标',
  },
  distributions: {
    fixed: (v: string) => v,
    uniform: (a: string, b: string) => `均匀分布，${a} 至 ${b}`,
    normal: (mean: string, sd: string) => `正态分布，均值 ${mean}，标准差 ${sd}`,
    lognormal: (median: string, sigma: string) => `对数正态分布，中位数 ${median}，σ ${sigma}`,
    triangular: (min: string, mode: string, max: string) => `三角分布 ${min} / ${mode} / ${max}（最小 / 众数 / 最大）`,
    pert: (min: string, mode: string, max: string) => `PERT 分布 ${min} / ${mode} / ${max}（最小 / 众数 / 最大）`,
    beta: (a: string, b: string, min: string, max: string) => `Beta(${a}, ${b})，区间 ${min}–${max}`,
    poisson: (lambda: string) => `泊松分布，均值 ${lambda}`,
    binomial: (n: string, p: string) => `二项分布，${n} 次，概率 ${p}`,
    range90: (low: string, high: string, shape: string) => `90% 落在 ${low} 至 ${high}（${shape === 'lognormal' ? '对数正态' : '正态'}）`,
    varies: '每年重新抽取',
    about: (phrase: 'around' | 'perYear' | 'growth' | 'per', median: string, low: string, high: string, words: string) =>
      ({
        around: `约 ${median}，90% 在 ${low} 至 ${high} 之间`,
        perYear: `约每年 ${median}${words === '' ? '' : ` ${words}`}，90% 在 ${low} 至 ${high} 之间`,
        growth: `约每年增长 ${median}，90% 在 ${low} 至 ${high} 之间`,
        per: `${words}约 ${median}，90% 在 ${low} 至 ${high} 之间`,
      })[phrase],
    exactly: (phrase: 'around' | 'perYear' | 'growth' | 'per', value: string, words: string) =>
      ({ around: value, perYear: `每年 ${value}${words === '' ? '' : ` ${words}`}`, growth: `每年增长 ${value}`, per: `${words} ${value}` })[phrase],
    modelled: (notation: string) => `模型设定：${notation}`,
    // "enterprises per year" as 家/年; others from the list, else as written.
    unitWords: (text: string): string =>
      /^(.+?)\s*per year$/iu.test(text.trim())
        ? `${zh.distributions.countWords(text.trim().replace(/\s*per year$/iu, ''))}/年`
        : ((
            {
              'per enterprise': '每家企业',
              'per company': '每家企业',
              'per project': '每个项目',
              enterprises: '家',
              companies: '家',
              projects: '个',
              persons: '人',
              people: '人',
              times: '倍',
              years: '年',
              year: '年',
              'km²': '平方公里',
              'log rate': '对数增长率',
              probability: '概率',
              'per year': '/年',
            } as Record<string, string>
          )[text.trim().toLowerCase()] ?? text),
    // The measure word after the number: 34 家.
    countWords: (things: string) =>
      (
        ({
          enterprises: '家',
          companies: '家',
          firms: '家',
          projects: '个',
          scenarios: '个',
          commitments: '笔',
          persons: '人',
          people: '人',
        }) as Record<string, string>
      )[things.trim().toLowerCase()] ?? things,
  },
};

/** The report text of a language. */
export function reportMessages(lang: Lang): typeof en {
  return lang === 'zh' ? zh : en;
}

export type ReportMessages = typeof en;

/** The text of the report's outside-view and outcomes section ("grounding"), in English and Chinese. */
const groundingEn = {
  heading: 'Outside view and outcomes',
  intro:
    'Each target’s probability beside how often targets of its kind were met (its reference class, docs/reference-classes.md). A probability far from its class is a question to answer, not an error.',
  colTarget: 'Target',
  colProbability: 'Model',
  colBaseRate: 'Base rate (95% interval)',
  colClass: 'Reference class',
  colVerdict: 'Against the class',
  noClass: 'no reference class applies',
  verdict: {
    inside: 'within its range',
    slightlyAbove: 'slightly above',
    slightlyBelow: 'slightly below',
    above: 'far above: check',
    below: 'far below: check',
  } as Record<string, string>,
  outcomesHeading: 'Predicted against actual',
  outcomesIntro: 'What happened, and where it fell in the predicted distribution (0: below every trial, 50: the median, 100: above every trial).',
  colWhat: 'What',
  colYear: 'Year',
  colActual: 'Actual',
  colPercentile: 'Percentile in the prediction',
  colMet: 'Target met?',
  colSource: 'Source',
  met: 'met',
  missed: 'missed',
  independent: ' (independent series)',
  below: (p: string) => `below p${p}`,
  above: (p: string) => `above p${p}`,
  predicted: (p: string) => `predicted ${p}`,
  labelled: (label: string, text: string) => `${label}: ${text}`,
  trackRecordHeading: 'How far to trust the method',
  nationalKinds: { gdp: 'GDP growth', cpi: 'consumer prices', 'urban-jobs': 'new urban jobs', 'rd-share': 'R&D spending' } as Record<string, string>,
  trackRecord: (r: {
    targets: number;
    met: number;
    national: string;
    nationalCount: number;
    provincial: number;
    from: number;
    to: number;
    model: string;
    deterministic: string;
    climatology: string;
    shareMet: string;
    coverage90: string | null;
  }) =>
    `The same method, written with only what was known at the time, was scored on ${r.targets} past government targets whose outcome is known (parkcast backtest backtests/, docs/methods.md): ${r.nationalCount} national (${r.national}) and ${r.provincial} provincial GDP-growth targets, due ${r.from}–${r.to}; ${r.met} were met. Its Brier score is ${r.model} (0 is perfect), against ${r.deterministic} for the nominal case's yes-or-no verdict and ${r.climatology} for saying ${r.shareMet} for every target.` +
    (r.coverage90 === null ? '' : ` Its 90% intervals held the outcome ${r.coverage90} of the time.`) +
    ' No park target is in that set yet: read the odds above as the model’s, not as a track record of parks.',
};

const groundingZh: typeof groundingEn = {
  heading: '外部视角与实际结果',
  intro: '每个目标的模型概率，与同类目标实际完成的频率（参照类，见 docs/reference-classes.md）并列。概率远离参照类需要说明理由，并不表示模型出错。',
  colTarget: '目标',
  colProbability: '模型',
  colBaseRate: '基础比率（95%区间）',
  colClass: '参照类',
  colVerdict: '与参照类相比',
  noClass: '无适用的参照类',
  verdict: { inside: '在其范围内', slightlyAbove: '略高', slightlyBelow: '略低', above: '明显偏高：请核查', below: '明显偏低：请核查' },
  outcomesHeading: '预测与实际',
  outcomesIntro: '实际发生的数值，及其在预测分布中的位置（0：低于所有试验，50：中位数，100：高于所有试验）。',
  colWhat: '项目',
  colYear: '年份',
  colActual: '实际',
  colPercentile: '在预测中的百分位',
  colMet: '目标完成？',
  colSource: '来源',
  met: '完成',
  missed: '未完成',
  independent: '（独立数据）',
  below: (p: string) => `低于 p${p}`,
  above: (p: string) => `高于 p${p}`,
  predicted: (p: string) => `预测 ${p}`,
  labelled: (label: string, text: string) => `${label}：${text}`,
  trackRecordHeading: '方法的可信程度',
  nationalKinds: { gdp: '经济增速', cpi: '居民消费价格', 'urban-jobs': '城镇新增就业', 'rd-share': '研发投入强度' } as Record<string, string>,
  trackRecord: (r) =>
    `同一方法只用当时已知的信息，对 ${r.targets} 个结果已知的历史政府目标做了回测（parkcast backtest backtests/，见 docs/methods.md）：全国目标 ${r.nationalCount} 个（${r.national}），省级经济增速目标 ${r.provincial} 个，期限 ${r.from}–${r.to} 年；其中 ${r.met} 个完成。其 Brier 分数为 ${r.model}（0 为完美），名义情景“完成/未完成”的判断为 ${r.deterministic}，对每个目标都给出 ${r.shareMet} 则为 ${r.climatology}。` +
    (r.coverage90 === null ? '' : `其 90% 区间覆盖实际结果的比例为 ${r.coverage90}。`) +
    '该回测中尚无园区目标：上文的概率是模型的判断，不是园区目标的历史记录。',
};

/** The grounding section's text of a language. */
export function groundingMessages(lang: Lang): typeof groundingEn {
  return lang === 'zh' ? groundingZh : groundingEn;
}

/** The text of the page across parks (`parkcast run` writes it as index.html), in English and Chinese. */
const indexEn = {
  htmlLang: 'en',
  title: "parkcast: every park's targets",
  heading: "Every park's targets, and the odds of meeting them",
  intro: (parks: number, trials: string) =>
    `${parks} park${parks === 1 ? '' : 's'} · ${trials} Monte Carlo trials each. “Growth needed”: the constant yearly growth from the base year that meets the target at its deadline. Each park's name opens its report.`,
  colTarget: 'Target',
  colKind: 'Kind',
  colGrowth: 'Growth needed',
  colProbability: 'Probability',
  allOfficial: (n: number) => `all ${n} official together`,
  perYear: (rate: string) => `${rate} a year`,
  kind: { official: 'official', stretch: 'stretch' } as Record<string, string>,
  locale: 'en-US',
};

const indexZh: typeof indexEn = {
  htmlLang: 'zh-CN',
  title: 'parkcast：各园区的目标',
  heading: '各园区的目标及其实现概率',
  intro: (parks: number, trials: string) =>
    `${parks} 个园区 · 每个园区 ${trials} 次蒙特卡洛模拟。“所需增长”：从基准年起每年保持不变、恰好在期限实现目标的增长率。点击园区名称打开其报告。`,
  colTarget: '目标',
  colKind: '类别',
  colGrowth: '所需增长',
  colProbability: '概率',
  allOfficial: (n: number) => `全部 ${n} 项官方目标同时实现`,
  perYear: (rate: string) => `每年 ${rate}`,
  kind: { official: '官方', stretch: '挑战' },
  locale: 'zh-CN',
};

/** The index page's text of a language. */
export function indexMessages(lang: Lang): typeof indexEn {
  return lang === 'zh' ? indexZh : indexEn;
}

/** Every messages table a report or the index page uses, by language: for the test that each key has both. */
export const REPORT_MESSAGE_TABLES = {
  report: { en, zh },
  grounding: { en: groundingEn, zh: groundingZh },
  index: { en: indexEn, zh: indexZh },
} as const;
