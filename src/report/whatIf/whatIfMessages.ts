/** The texts of the report's what-if section (src/report/whatIf/whatIf.ts) and its page script, in English and Chinese. */
import type { Lang } from '../../charts/messages.js';

const en = {
  heading: 'What if?',
  intro: (trials: number, seed: string) =>
    `Move the assumptions that drive the targets most, each within its plausible range (its 5th to 95th percentile): every probability is recomputed in this page by the same engine, with the report's ${trials.toLocaleString('en-US')} trials and seed ${seed}, so the numbers equal those of parkcast simulate with the same change as a variant. A moved assumption is fixed at its value; the others are drawn as written.`,
  noScript: 'The what-if section needs JavaScript.',
  nothingToMove: 'No uncertain assumption moves a target: there is nothing to try.',
  reset: 'Back to the scenario as written',
  variantHeading: 'The change as a variant',
  variantIntro: 'Paste it into the scenario file’s "variants" list to keep it, and compare it with parkcast compare.',
  copy: 'Copy the variant',
  baselineLabel: (metric: string, year: number) => `${metric} in ${year} (baseline)`,
  range: (low: string, high: string) => `plausible range ${low} to ${high}`,
  drawn: (point: string) => `as written: drawn from its distribution (central value ${point})`,
  joint: 'All official targets together',
  striveJoint: 'All strive levels together',
  page: {
    colTarget: 'Target',
    colWritten: 'As written',
    colWhatIf: 'What if',
    colInterval: 'Interval',
    colChange: 'Change',
    asWritten: 'as written (drawn)',
    fixedAt: 'fixed at',
    running: 'Recomputing…',
    precision: 'Recomputed in {ms} ms: {trials} trials, seed {seed}; each probability within ±{pp} percentage points ({confidence}% interval).',
    written: 'The scenario as written: the report’s own results.',
    failed: 'The recomputation failed:',
    variantLabel: 'What if',
    copied: 'Copied.',
    copyFailed: 'Select the text and copy it.',
    noChange: '(no assumption moved)',
    chartLabel: 'Probability of each target with the moved assumptions',
    chartsHeading: 'The charts with the moved assumptions (same seed and trials)',
  },
};

const zh: typeof en = {
  heading: '假如……',
  intro: (trials: number, seed: string) =>
    `调整对目标影响最大的假设（各在其合理区间内，即第5至第95百分位）：本页用同一引擎、按本报告的 ${trials.toLocaleString('zh-CN')} 次试验和种子 ${seed} 重新计算全部概率，结果与把同一改动写成变体后 parkcast simulate 的结果相同。被调整的假设固定在所选数值，其余假设仍按原设定抽样。`,
  noScript: '“假如”一节需要 JavaScript。',
  nothingToMove: '没有会影响目标的不确定假设，无可调整。',
  reset: '恢复情景原设定',
  variantHeading: '改动写成变体',
  variantIntro: '粘贴到情景文件的 "variants" 列表中保存，并可用 parkcast compare 比较。',
  copy: '复制变体',
  baselineLabel: (metric: string, year: number) => `${metric}（${year}年基数）`,
  range: (low: string, high: string) => `合理区间 ${low} 至 ${high}`,
  drawn: (point: string) => `原设定：按其分布抽样（中心值 ${point}）`,
  joint: '全部官方目标同时实现',
  striveJoint: '全部力争目标同时实现',
  page: {
    colTarget: '目标',
    colWritten: '原设定',
    colWhatIf: '假如',
    colInterval: '区间',
    colChange: '变化',
    asWritten: '原设定（抽样）',
    fixedAt: '固定为',
    running: '正在重新计算……',
    precision: '用时 {ms} 毫秒重新计算：{trials} 次试验，种子 {seed}；各概率误差在 ±{pp} 个百分点以内（{confidence}% 区间）。',
    written: '情景原设定：即本报告的结果。',
    failed: '重新计算失败：',
    variantLabel: '假如',
    copied: '已复制。',
    copyFailed: '请选中文本后复制。',
    noChange: '（未调整任何假设）',
    chartLabel: '调整假设后各目标的实现概率',
    chartsHeading: '调整假设后的图表（相同的种子和试验次数）',
  },
};

/** The what-if section's texts in a language. */
export function whatIfMessages(lang: Lang): typeof en {
  return lang === 'zh' ? zh : en;
}
