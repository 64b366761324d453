import type { BlockSamples } from '../index.js';

/** The columns of a samples file: trial, then assumptions, metrics by year, and targets. */
function header(block: BlockSamples): string[] {
  const years = block.years;
  return [
    'trial',
    ...block.parameters.flatMap((p) => (p.perYear ? years.map((y) => `${p.name}_${y}`) : [p.name])),
    ...block.metrics.flatMap((m) => years.map((y) => `${m.name}_${y}`)),
    ...block.targets.flatMap((t) => [`${t.id}_measured`, `${t.id}_hit`]),
  ];
}

function row(block: BlockSamples, i: number): number[] {
  return [
    block.firstTrial + i,
    ...block.parameters.flatMap((p) => p.values.map((byYear) => byYear[i])),
    ...block.metrics.flatMap((m) => m.values.map((byYear) => byYear[i])),
    ...block.targets.flatMap((t) => [t.measured[i], t.hit[i]]),
  ];
}

/**
 * Formats blocks of trials as CSV (a header, then a row per trial) or JSONL (an object per
 * trial), for audit. Numbers are written in full (shortest round-trip form).
 */
export function samplesFormatter(format: 'csv' | 'jsonl'): (block: BlockSamples) => string {
  let columns: string[] | undefined;
  return (block) => {
    const lines: string[] = [];
    if (columns === undefined) {
      columns = header(block);
      if (format === 'csv') lines.push(columns.join(','));
    }
    for (let i = 0; i < block.length; i++) {
      const values = row(block, i);
      if (format === 'csv') lines.push(values.map((v) => (Number.isFinite(v) ? String(v) : '')).join(','));
      else {
        const names = columns;
        lines.push(JSON.stringify(Object.fromEntries(values.map((v, c) => [names[c], Number.isFinite(v) ? v : null]))));
      }
    }
    return `${lines.join('\n')}\n`;
  };
}
