/**
 * The free-text units a scenario writes beside its assumptions ("enterprises per year", the "per
 * enterprise" of "yuan per enterprise", "log rate") in the report's language: a Chinese report
 * writes 家企业/年, never an English unit after a 万元. A unit it does not know is the
 * scenario's own text and is shown as written.
 */
import type { Lang } from '../charts/messages.js';

const WORDS_ZH: Readonly<Record<string, string>> = {
  'log rate': '对数增长率',
  rate: '增长率',
  'growth rate': '增长率',
  probability: '概率',
  share: '占比',
  enterprises: '家企业',
  enterprise: '家企业',
  companies: '家企业',
  company: '家企业',
  firms: '家企业',
  firm: '家企业',
  projects: '个项目',
  project: '个项目',
  commitments: '项承诺',
  scenarios: '个情景',
  parks: '个园区',
  persons: '人',
  people: '人',
  workers: '名员工',
  worker: '名员工',
  year: '年',
  years: '年',
  times: '倍',
  rank: '名次',
  'm²': '平方米',
  'km²': '平方公里',
  count: '',
};

/**
 * A free-text unit in the language: as written in English; in Chinese the words it knows
 * ("per year" → "/年"), else as written.
 *
 * @example
 * ```ts
 * unitWordsIn('enterprises per year', 'zh'); // '家企业/年'
 * unitWordsIn('per enterprise', 'zh'); // '/家企业'
 * unitWordsIn('enterprises per year', 'en'); // 'enterprises per year'
 * ```
 */
export function unitWordsIn(text: string, lang: Lang): string {
  const words = text.trim();
  if (lang === 'en' || words === '') return words;
  const known = WORDS_ZH[words.toLowerCase()];
  if (known !== undefined) return known;
  const per = /^(.*?)\s*\bper\s+(.+)$/iu.exec(words);
  if (per !== null) {
    const [, what, unit] = per;
    const head = what === '' ? '' : WORDS_ZH[what.toLowerCase()];
    const tail = WORDS_ZH[unit.toLowerCase()];
    if (head !== undefined && tail !== undefined) return `${head}/${tail.replace(/^[家个项名]/u, '')}`;
  }
  return words;
}

/** A number followed by its free-text unit in the language: "34 家企业/年", "2,000 万元/家企业". */
export function withUnitWords(number: string, text: string, lang: Lang): string {
  const words = unitWordsIn(text, lang);
  if (words === '') return number;
  return lang === 'zh' && words.startsWith('/') ? `${number}${words}` : `${number} ${words}`;
}
