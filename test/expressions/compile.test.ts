import { describe, expect, it } from 'vitest';
import { namesIn } from '../../src/expressions/ast.js';
import { compileExpression } from '../../src/expressions/compile.js';
import { parseExpression } from '../../src/expressions/parse.js';

async function evaluateBlock(expression: string, inputs: Record<string, number[]>): Promise<number[]> {
  const tree = await parseExpression(expression, new Set(Object.keys(inputs)));
  const names = namesIn(tree);
  const length = Object.values(inputs)[0].length;
  const out = new Float64Array(length);
  compileExpression(tree, names)(
    out,
    length,
    names.map((n) => Float64Array.from(inputs[n])),
  );
  return [...out];
}

describe('compiled expressions compute what mathjs would', () => {
  it.each([
    ['a * b + 2', { a: [1, 3], b: [2, 4] }, [4, 14]],
    ['a ^ 2 - b / 4', { a: [3, -1], b: [2, 8] }, [8.5, -1]],
    ['-a + +b', { a: [1, 2], b: [5, 5] }, [4, 3]],
    ['a > 1 ? max(a, b) : -b', { a: [1, 3], b: [2, 4] }, [-2, 4]],
    ['min(a, b, 0.5)', { a: [1, 0.1], b: [2, 4] }, [0.5, 0.1]],
    ['round(a)', { a: [2.5, -2.5, 0.4] }, [3, -3, 0]],
    ['floor(a) + ceil(a)', { a: [1.5, -1.5] }, [3, -3]],
    ['exp(log(a)) + sqrt(a) + abs(-a)', { a: [4, 9] }, [10, 21]],
    ['a >= 2 and not (b == 3) or a != a', { a: [1, 2, 2], b: [3, 3, 4] }, [0, 0, 1]],
    ['2a', { a: [1, 5] }, [2, 10]],
  ] as Array<[string, Record<string, number[]>, number[]]>)('%s', async (expression, inputs, expected) => {
    const result = await evaluateBlock(expression, inputs);
    result.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
  });
});
