import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands/run.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('parkcast run --lang zh', () => {
  it('writes each report and the index page in Chinese, with the glyphs they show embedded', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'parkcast-run-zh-'));
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const code = await runCommand([join(ROOT, 'test', 'fixtures', 'zh', 'riverside-group-zh.json')], { trials: 500, reports, lang: 'zh' }, io);
    expect(code, lines.join('\n')).toBe(0);
    const index = await readFile(join(reports, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).toContain('各园区的目标及其实现概率');
    expect(index).toContain('>滨江市重点园区（虚构）</a>');
    expect(index).toMatch(/@font-face \{ font-family: "Parkcast Sans";[^}]*data:font\/woff2;base64,/u);
    expect(index).toContain('font-src data:');
    const report = await readFile(join(reports, 'riverside-zh', 'report.html'), 'utf8');
    expect(report).toContain('<html lang="zh-CN"');
    expect(report).toContain('北区：自身趋势');
    // results.json keeps the data check's English, whatever the report's language.
    const results = JSON.parse(await readFile(join(reports, 'riverside-zh', 'results.json'), 'utf8')) as { findings: Array<{ message: string }> };
    expect(results.findings.every((f) => !/[\u4e00-\u9fff]/u.test(f.message))).toBe(true);
  }, 120_000);
});
