import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedBacktestFolder, shippedTrackRecord } from '../../src/questions/trackRecord.js';
import { trackRecordText } from '../../src/report/grounding.js';
import { parkcastBuilt } from '../cli/builtCli.js';

describe("the method's track record on the shipped past targets", () => {
  it('is what `parkcast backtest backtests/` scores, in a few figures', async () => {
    const folder = shippedBacktestFolder();
    expect(folder).toBeDefined();
    const [record, cli] = await Promise.all([shippedTrackRecord(), parkcastBuilt(['backtest', folder as string, '--json'])]);
    expect(cli.code).toBe(0);
    const result = JSON.parse(cli.stdout);
    expect(record).toBeDefined();
    if (record === undefined) return;
    expect(record.targets).toBe(result.events.length);
    expect(record.met).toBe(result.events.filter((e: { outcome: number }) => e.outcome === 1).length);
    expect(record.brier.model).toBe(result.scores.model.brier.brier);
    expect(record.brier.deterministic).toBe(result.scores.deterministic.brier.brier);
    expect(record.coverage90).toBe(result.continuous.coverage90.rate);
    // The kinds add up to the whole, and every file is counted once.
    expect(record.national.reduce((sum, k) => sum + k.targets, 0) + record.provincial).toBe(record.targets);
    expect(readdirSync(folder as string).filter((n) => n.endsWith('.json')).length).toBeLessThanOrEqual(record.targets);
    // Always forecasting the share met: its Brier score is p(1 − p).
    const share = record.met / record.targets;
    expect(record.brier.climatology).toBeCloseTo(share * (1 - share), 12);

    // The report states it in both languages, with the figures and the warning that no park target is in the set.
    const en = trackRecordText(record, 'en');
    expect(en).toContain(`${record.targets} past government targets`);
    expect(en).toContain(`Brier score is ${record.brier.model.toFixed(3)}`);
    expect(en).toContain('No park target is in that set');
    const zh = trackRecordText(record, 'zh');
    expect(zh).toContain(`${record.targets} 个结果已知的历史政府目标`);
    expect(zh).toContain(`Brier 分数为 ${record.brier.model.toFixed(3)}`);
  }, 120_000);
});
