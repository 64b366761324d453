import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { Finding } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('checkCommand', () => {
  const run = async (file: string, json = false, lang?: 'en' | 'zh') => {
    const lines: string[] = [];
    const code = await checkCommand([file], { json, lang }, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    return { code, lines };
  };

  it('lists findings readably and returns 0', async () => {
    const { code, lines } = await run(join(ROOT, 'seeds', 'taiyuan-intelligent-park.json'));
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/taiyuan-intelligent-park\.json: 1 finding \(1 error\)$/);
    expect(lines[1]).toBe('error (high confidence) currency_rate_implausible at currencyConversions[0]');
    expect(lines[3]).toBe('  figures: cumulative-revenue-usd, cumulative-revenue-since-2015');
  });

  it('lists findings in Chinese with --lang zh (codes, places and figures as they are)', async () => {
    const { code, lines } = await run(join(ROOT, 'seeds', 'taiyuan-intelligent-park.json'), false, 'zh');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/taiyuan-intelligent-park\.json：1 项发现（错误 1 项）$/u);
    expect(lines[1]).toBe('错误（置信度高）currency_rate_implausible 位于 currencyConversions[0]');
    expect(lines[2]).toMatch(/^ {2}货币换算 cumulative-revenue-usd 把 60 亿元 折为 9432\.5 亿美元/u);
    expect(lines[3]).toBe('  涉及数据：cumulative-revenue-usd、cumulative-revenue-since-2015');
  });

  it('says when there is nothing to report', async () => {
    const { code, lines } = await run(join(ROOT, 'examples', 'clean-park.json'));
    expect(code).toBe(0);
    expect(lines).toEqual([`${join(ROOT, 'examples', 'clean-park.json')}: no findings`]);
  });

  it('prints JSON with --json', async () => {
    const { code, lines } = await run(join(ROOT, 'seeds', 'chongqing-liangjiang.json'), true);
    expect(code).toBe(0);
    const [parsed] = JSON.parse(lines.join('\n')) as Array<{ findings: Finding[] }>;
    expect(parsed.findings.map((f) => f.code)).toEqual(['ratio_workers_per_enterprise', 'ratio_yuan_per_worker', 'target_met_by_context']);
  });

  it('prints the problems of an invalid file and returns 1', async () => {
    const { code, lines } = await run(join(ROOT, 'no-such-file.json'));
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${join(ROOT, 'no-such-file.json')}: file not found: ${join(ROOT, 'no-such-file.json')}`,
      `${join(ROOT, 'no-such-file.json')}: 1 problem; nothing was run`,
    ]);
  });
});
