import { describe, expect, it } from 'vitest';
import { outsideView } from '../../src/reference/baseRate.js';
import { getReferenceClass } from '../../src/reference/load.js';
import { classWith } from './fixtures.js';

// 20 of 31: 64.5%, Wilson 95% interval 46.9–78.9%.
const cls = classWith({ kind: 'count', hits: 20, total: 31, bound: 'exact' });

describe('outsideView', () => {
  it('inside the interval', () => {
    const view = outsideView(0.6, cls);
    expect(view).toMatchObject({ verdict: 'inside', flagged: false, gap: 0, margin: 0.05 });
    expect(view.message.en).toBe(
      'the model gives 60 %; of 31 test targets, 20 were met (65 %, 95 % interval 47–79 %): the model lies within the outside view.',
    );
    expect(view.message.zh).toBe('模型给出60%；测试目标共31个，20个完成（65%，95%区间47%–79%）：模型结果在外部视角范围之内。');
  });

  it('clearly above: the brief’s example, 92 % against 47–79 %', () => {
    const view = outsideView(0.92, cls);
    expect(view.verdict).toBe('above');
    expect(view.flagged).toBe(true);
    expect(view.gap).toBeCloseTo(0.92 - view.base.high, 12);
    expect(view.message.en).toMatch(/^the model gives 92 %; of 31 test targets, 20 were met \(65 %, 95 % interval 47–79 %\): the model is clearly above/);
    expect(view.message.zh).toMatch(/^模型给出92%；测试目标共31个，20个完成（65%，95%区间47%–79%）：模型结果明显高于/);
  });

  it('clearly below', () => {
    const view = outsideView(0.3, cls);
    expect(view).toMatchObject({ verdict: 'below', flagged: true });
    expect(view.gap).toBeLessThan(-0.05);
    expect(view.message.en).toMatch(/clearly below/);
  });

  it('just outside, within the margin: noted, not flagged', () => {
    expect(outsideView(0.82, cls)).toMatchObject({ verdict: 'slightlyAbove', flagged: false });
    expect(outsideView(0.44, cls)).toMatchObject({ verdict: 'slightlyBelow', flagged: false });
    expect(outsideView(0.82, cls, { margin: 0.01 })).toMatchObject({ verdict: 'above', flagged: true });
  });

  it('an "at most" count never calls a low model too low, and says "at most"', () => {
    const bounded = classWith({ kind: 'count', hits: 20, total: 31, bound: 'atMost' });
    expect(outsideView(0.1, bounded)).toMatchObject({ verdict: 'inside', flagged: false });
    const view = outsideView(0.92, bounded);
    expect(view.verdict).toBe('above');
    expect(view.message.en).toContain('at most 20 were met');
    expect(view.message.zh).toContain('至多20个完成');
  });

  it('a reported range is named as such', () => {
    const view = outsideView(0.8, classWith({ kind: 'rate', value: 0.31, low: 0.138, high: 0.5513, rangeKind: 'reported' }));
    expect(view.verdict).toBe('above');
    expect(view.message.en).toBe(
      'the model gives 80 %; test targets: 31 % met (reported figures 14–55 %): the model is clearly above the outside view: check what makes this target unlike its class.',
    );
  });

  it('a low-confidence class says so', () => {
    const view = outsideView(0.6, classWith({ kind: 'count', hits: 20, total: 31, bound: 'exact' }, 'low'));
    expect(view.lowConfidence).toBe(true);
    expect(view.message.en).toContain('low-confidence');
    expect(view.message.zh).toContain('可信度较低');
  });

  it('refuses a probability outside 0–1', () => {
    expect(() => outsideView(1.2, cls)).toThrow(/from 0 to 1/);
    expect(() => outsideView(Number.NaN, cls)).toThrow(RangeError);
  });

  it('on a shipped class: a 92 % provincial GDP target against 2019', () => {
    const view = outsideView(0.92, getReferenceClass('cn-provincial-gdp-growth-target'), { observation: '2019-reuters' });
    expect(view.flagged).toBe(true);
    expect(view.message.en).toMatch(
      /^the model gives 92 %; of 31 provincial-level GDP growth targets for 2019, at most 20 were met \(65 %, 95 % interval 47–79 %\)/,
    );
  });
});
