import { describe, expect, it } from 'vitest';
import { chartMessages } from '../../src/charts/messages.js';
import { CHECK_MESSAGES } from '../../src/check/messages.js';
import { referenceMessages } from '../../src/reference/messages.js';
import { REPORT_MESSAGE_TABLES } from '../../src/report/messages.js';
import { whatIfMessages } from '../../src/report/whatIf/whatIfMessages.js';

/** Every table of words a report (or the index page) shows, in both languages. */
const TABLES: ReadonlyArray<[string, unknown, unknown]> = [
  ['report', REPORT_MESSAGE_TABLES.report.en, REPORT_MESSAGE_TABLES.report.zh],
  ['grounding', REPORT_MESSAGE_TABLES.grounding.en, REPORT_MESSAGE_TABLES.grounding.zh],
  ['index', REPORT_MESSAGE_TABLES.index.en, REPORT_MESSAGE_TABLES.index.zh],
  ['whatIf', whatIfMessages('en'), whatIfMessages('zh')],
  ['check', CHECK_MESSAGES.en, CHECK_MESSAGES.zh],
  ['outsideView', referenceMessages.outsideView.en, referenceMessages.outsideView.zh],
  ['charts', chartMessages('en'), chartMessages('zh')],
];

/** Names a Chinese text may keep in Latin letters: the tool, statistical proper names, commands, paths, code words, language tags. */
const NEUTRAL =
  /parkcast( simulate| compare| backtest backtests\/)?|Wilson|PERT|Beta|Brier|JavaScript|"variants"|docs\/[\w./-]+|zh-CN|en-US|\b[xy]\b|\{\w+\}/gu;
const english = (text: string) => text.replace(NEUTRAL, ' ').match(/[A-Za-z]{3,}/gu) ?? [];
const chinese = (text: string) => /[\u2e80-\u{10ffff}]/u.test(text);

/** Arguments to try a message function with: every parameter a number, a string or a list, in turn. */
function* argumentSets(arity: number): Generator<unknown[]> {
  const kinds: unknown[] = [3, 'x', ['x', 'y']];
  const total = kinds.length ** arity;
  for (let n = 0; n < total; n++) {
    const args: unknown[] = [];
    for (let i = 0, rest = n; i < arity; i++, rest = Math.floor(rest / kinds.length)) args.push(kinds[rest % kinds.length]);
    yield args;
  }
}

/** What is wrong with a pair of message entries at `path`: a key missing in one language, a type that differs, an English text left in Chinese. */
function problems(path: string, en: unknown, zh: unknown): string[] {
  if (typeof en !== typeof zh) return [`${path}: ${typeof en} in English, ${typeof zh} in Chinese`];
  if (typeof en === 'string') {
    if (english(en).length === 0) return [];
    if (en === zh) return [`${path}: the same text in both languages: ${JSON.stringify(en)}`];
    return english(zh as string).length > 0 || !chinese(zh as string) ? [`${path}: English in the Chinese text: ${JSON.stringify(zh)}`] : [];
  }
  if (typeof en === 'function') {
    const f = en as (...args: unknown[]) => unknown;
    const g = zh as (...args: unknown[]) => unknown;
    for (const args of argumentSets(f.length)) {
      let out: unknown;
      try {
        out = f(...args);
      } catch {
        continue;
      }
      let outZh: unknown;
      try {
        outZh = g(...args);
      } catch (error) {
        return [`${path}: the Chinese message throws where the English one does not (${String(error)})`];
      }
      // Arguments of the wrong kind (a number where a severity is looked up): try the next set.
      if (/undefined|NaN/u.test(JSON.stringify([out, outZh]))) continue;
      return problems(`${path}(${args.map((a) => JSON.stringify(a)).join(', ')})`, out, outZh);
    }
    return en.toString() === g.toString() ? [`${path}: the same function in both languages`] : [];
  }
  if (en !== null && typeof en === 'object') {
    const a = en as Record<string, unknown>;
    const b = zh as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      !(key in b) ? [`${path}.${key}: missing in Chinese`] : !(key in a) ? [`${path}.${key}: missing in English`] : problems(`${path}.${key}`, a[key], b[key]),
    );
  }
  return [];
}

describe('every word a report shows exists in English and in Chinese', () => {
  it.each(TABLES)('%s: the same keys in both languages, each Chinese text in Chinese', (name, en, zh) => {
    expect(problems(name, en, zh)).toEqual([]);
  });

  it('the check catches a missing key, an untranslated text and English left in a Chinese one', () => {
    expect(problems('t', { a: 'Target', b: (n: number) => `${n} trials` }, { b: (n: number) => `${n} 次` })).toEqual(['t.a: missing in Chinese']);
    expect(problems('t', { a: 'Target' }, { a: 'Target' })).toEqual(['t.a: the same text in both languages: "Target"']);
    expect(problems('t', { a: (n: number) => `${n} trials` }, { a: (n: number) => `${n} 次 trials` })).toEqual([
      't.a(3): English in the Chinese text: "3 次 trials"',
    ]);
    expect(problems('t', { a: '50%' }, { a: '50%' })).toEqual([]);
  });
});
