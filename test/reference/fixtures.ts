import type { ReferenceClass } from '../../src/reference/schema.js';

/** A small valid reference-class document, for tests to copy and break. */
export function validClassDocument(): Record<string, unknown> {
  return {
    id: 'test-class',
    title: 'A test class',
    titleZh: '测试参照类',
    description: 'Constructed for tests.',
    appliesTo: { targetKinds: ['annualGrowth'], levels: ['provincial'], regions: ['CN'] },
    outcome: 'met',
    outcomeZh: '完成',
    headline: 'count',
    observations: [
      {
        id: 'count',
        label: 'test targets',
        labelZh: '测试目标',
        period: { from: 2018, to: 2018 },
        scope: 'Constructed.',
        counted: 'Constructed.',
        result: { kind: 'count', hits: 20, total: 31, bound: 'exact' },
        sources: ['paper'],
        confidence: 'medium',
      },
    ],
    sources: [{ id: 'paper', title: 'A paper', citation: 'Author (2020), Journal 1: 1–2' }],
    caveats: [],
    confidence: 'medium',
  };
}

/** A typed class with one observation of the given result, for base-rate and outside-view tests. */
export function classWith(result: ReferenceClass['observations'][number]['result'], confidence: 'high' | 'medium' | 'low' = 'medium'): ReferenceClass {
  const doc = validClassDocument() as unknown as ReferenceClass;
  return { ...doc, confidence, observations: [{ ...doc.observations[0], result }] };
}
