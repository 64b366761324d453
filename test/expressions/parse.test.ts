import { describe, expect, it } from 'vitest';
import { ALLOWED_FUNCTIONS } from '../../src/expressions/ast.js';
import { ExpressionError, parseExpression } from '../../src/expressions/parse.js';
import { ALLOWED_FUNCTION_NAMES, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NESTING } from '../../src/problems/messages.js';

const known = new Set(['output', 'rate', 'taxRate']);
const refusal = async (text: string): Promise<string> => {
  try {
    await parseExpression(text, known);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text.slice(0, 40)}`);
};

describe('parseExpression: limits checked before mathjs reads the text', () => {
  it('accepts an expression at each limit', async () => {
    await expect(parseExpression(`${'('.repeat(MAX_EXPRESSION_NESTING)}output${')'.repeat(MAX_EXPRESSION_NESTING)}`, known)).resolves.toBeDefined();
    await expect(parseExpression(`output${' '.repeat(MAX_EXPRESSION_LENGTH - 6)}`, known)).resolves.toBeDefined();
    await expect(parseExpression(Array.from({ length: MAX_EXPRESSION_DEPTH - 1 }, () => 'output').join(' + '), known)).resolves.toBeDefined();
  });

  it.each([
    ['a 1 MB expression', `output${' + output'.repeat(116_000)}`, 'characters long; at most 10,000'],
    ['10,000 nested parentheses', `${'('.repeat(10_000)}output${')'.repeat(10_000)}`, 'the expression is 20,006 characters long'],
    ['4,000 nested parentheses (within the length)', `${'('.repeat(4000)}output${')'.repeat(4000)}`, 'nests brackets 4000 levels deep; at most 100'],
    ['101 nested function calls', `${'abs('.repeat(101)}output${')'.repeat(101)}`, 'nests brackets 101 levels deep'],
    ['9,990 minus signs', `${'-'.repeat(9990)}output`, 'more than 500 operations deep'],
    ['a sum of 900 terms', Array.from({ length: 900 }, () => 'output').join('+'), 'more than 500 operations deep'],
    ['blank', '   ', 'expected an expression, got only spaces'],
  ])('%s', async (_, text, message) => {
    expect(await refusal(text)).toContain(message);
  });
});

describe('parseExpression: characters and names', () => {
  it.each([
    ['\u043eutput * 2', 'unexpected "\u043e" (U+043E, a Cyrillic letter) at character 1'],
    ['output\u00a0* 2', 'unexpected U+00A0 (a space character other than the ASCII space) at character 7'],
    ['output \u202e* 2', 'unexpected U+202E (an invisible formatting character) at character 8'],
    ['output * taxrate', 'unknown name "taxrate" in the expression; did you mean "taxRate"?'],
    ['output * zzz', 'unknown name "zzz" in the expression (known: output, rate, taxRate)'],
    ['sqr(output)', 'the function "sqr" is not allowed; did you mean "sqrt"?'],
    ['undefined', 'the constant "undefined" is not allowed'],
    ['output * 1e400', 'the number 1e400 is too large to represent'],
    ['output * Infinity', 'the constant "Infinity" is not allowed'],
  ])('%j', async (text, message) => {
    expect(await refusal(text)).toContain(message);
  });

  it('keeps the list of functions in messages the same as the one it runs', () => {
    expect([...ALLOWED_FUNCTION_NAMES]).toEqual([...ALLOWED_FUNCTIONS]);
  });
});
