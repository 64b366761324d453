import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amount, checkScenario, findingsIn, formatFinding, formatSummary } from '../../src/check/index.js';
import { loadScenario } from '../../src/scenario/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = [
  ...(await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.json') && !f.includes('rollup')).map((f) => join('seeds', f)),
  ...(await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.json')).map((f) => join('examples', f)),
];

describe('the data check in Chinese', () => {
  it.each(FILES)('%s: the same findings (codes, severities, paths, figures) in both languages, each message in Chinese', async (file) => {
    const scenario = await loadScenario(join(ROOT, file));
    const en = checkScenario(scenario);
    const zh = checkScenario(scenario, { lang: 'zh' });
    const strip = (f: (typeof en)[number]) => ({ ...f, message: '' });
    expect(zh.map(strip)).toEqual(en.map(strip));
    for (const f of zh) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/u);
      // No English word beyond the figures' ids the message names.
      const withoutIds = f.figures.reduce((text, id) => text.split(id.replace(/^metrics\./u, '')).join(' '), f.message);
      expect(withoutIds.replace(/\b[\w-]*[-_][\w-]*\b/gu, ' ')).not.toMatch(/\b(?:the|is|of|and|yuan|billion|million|confidence)\b/iu);
    }
    expect(findingsIn(scenario, en, 'zh')).toEqual(zh);
    expect(findingsIn(scenario, en, 'en')).toEqual(en);
  });

  it('keeps a finding the check does not make as it is', async () => {
    const scenario = await loadScenario(join(ROOT, 'seeds', 'taiyuan-intelligent-park.json'));
    const own = { code: 'my_check', severity: 'info' as const, confidence: 'low' as const, message: 'my own words', figures: [] };
    expect(findingsIn(scenario, [own], 'zh')).toEqual([own]);
  });

  it('writes amounts in one system per language', () => {
    expect(amount(2.5e8, 'yuan')).toBe('250 million yuan');
    expect(amount(2.5e8, 'yuan', 6, 'zh')).toBe('2.5 亿元');
    expect(amount(2e7, 'yuan', 6, 'zh')).toBe('2000 万元');
    expect(amount(9.4325e11, 'usd', 6, 'zh')).toBe('9432.5 亿美元');
    expect(amount(8000, 'persons', 6, 'zh')).toBe('8,000 人');
    expect(amount(0.054, 'share', 6, 'zh')).toBe('5.4%');
  });

  it('formats the lines of parkcast check in Chinese', async () => {
    const scenario = await loadScenario(join(ROOT, 'seeds', 'taiyuan-intelligent-park.json'));
    const zh = checkScenario(scenario, { lang: 'zh' });
    expect(formatSummary('x.json', zh, 'zh')).toBe('x.json：1 项发现（错误 1 项）');
    expect(formatFinding(zh[0], 'zh')[0]).toBe('错误（置信度高）currency_rate_implausible 位于 currencyConversions[0]');
  });
});
