import { exp, log, pow } from '../math/elementary.js';
import { type ExpressionNode, readingKey, readingsIn } from './ast.js';

/**
 * Computes an expression for a whole block of trials: `out[i] = f(inputs[0][i], inputs[1][i], ...)`.
 * `inputs` are in the order of the keys given to `compileExpression`; `year` is the calendar
 * year computed, read by `year` in the expression.
 */
export type BlockKernel = (out: Float64Array, length: number, inputs: readonly Float64Array[], year?: number) => void;

const OPERATORS: Record<string, (a: string, b: string) => string> = {
  '+': (a, b) => `(${a} + ${b})`,
  '-': (a, b) => `(${a} - ${b})`,
  '*': (a, b) => `(${a} * ${b})`,
  '/': (a, b) => `(${a} / ${b})`,
  '^': (a, b) => `Math.pow(${a}, ${b})`,
  '<': (a, b) => `(${a} < ${b} ? 1 : 0)`,
  '<=': (a, b) => `(${a} <= ${b} ? 1 : 0)`,
  '>': (a, b) => `(${a} > ${b} ? 1 : 0)`,
  '>=': (a, b) => `(${a} >= ${b} ? 1 : 0)`,
  '==': (a, b) => `(${a} === ${b} ? 1 : 0)`,
  '!=': (a, b) => `(${a} !== ${b} ? 1 : 0)`,
  and: (a, b) => `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`,
  or: (a, b) => `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`,
};

const FUNCTIONS: Record<string, (args: string[]) => string> = {
  min: (args) => `Math.min(${args.join(', ')})`,
  max: (args) => `Math.max(${args.join(', ')})`,
  exp: ([a]) => `Math.exp(${a})`,
  log: ([a]) => `Math.log(${a})`,
  sqrt: ([a]) => `Math.sqrt(${a})`,
  abs: ([a]) => `Math.abs(${a})`,
  // mathjs rounds halves away from zero; Math.round rounds them up.
  round: ([a]) => `(${a} < 0 ? -Math.round(-(${a})) : Math.round(${a}))`,
  floor: ([a]) => `Math.floor(${a})`,
  ceil: ([a]) => `Math.ceil(${a})`,
};

/**
 * What a kernel calls as `Math`: the built-ins that are exact or correctly rounded (sqrt), and
 * src/math's exp, log and pow, which give the same bits in Node and in every browser.
 */
const KERNEL_MATH = {
  min: Math.min,
  max: Math.max,
  exp,
  log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  round: Math.round,
  floor: Math.floor,
  ceil: Math.ceil,
  pow,
};

function emit(node: ExpressionNode, slot: ReadonlyMap<string, number>): string {
  switch (node.kind) {
    case 'number':
      // Only finite numbers reach here (checked at parse); String() of a number is a number literal.
      return `(${String(node.value)})`;
    case 'name':
      return `v${slot.get(node.name)}[i]`;
    case 'lag':
      return `v${slot.get(readingKey({ name: node.name, when: node.lag }))}[i]`;
    case 'year':
      // One number for the whole block, passed in: the loop stays a plain loop.
      return 'year';
    case 'unary': {
      const operand = emit(node.operand, slot);
      return node.operator === 'not' ? `(${operand} === 0 ? 1 : 0)` : `(${node.operator}${operand})`;
    }
    case 'binary':
      return OPERATORS[node.operator](emit(node.left, slot), emit(node.right, slot));
    case 'call':
      return FUNCTIONS[node.fn](node.args.map((arg) => emit(arg, slot)));
    case 'conditional':
      return `(${emit(node.test, slot)} !== 0 ? ${emit(node.whenTrue, slot)} : ${emit(node.whenFalse, slot)})`;
  }
}

/**
 * The keys of an expression's inputs (see `readingKey`), in the order `compileExpression` wants
 * them: `["output", "prev(output)", "base(output)"]`.
 */
export function inputKeysOf(node: ExpressionNode): string[] {
  return readingsIn(node).map(readingKey);
}

/**
 * Turns a checked expression tree into a plain loop over typed arrays. Generating the loop's
 * source (from the whitelisted tree only: number literals, array slots, fixed operators) runs
 * at ~1.4 ns per value against 60-134 ns for mathjs's `evaluate` (notes/performance.md).
 */
export function compileExpression(node: ExpressionNode, keys: readonly string[]): BlockKernel {
  const slot = new Map(keys.map((key, index) => [key, index]));
  const unpack = keys.map((_, index) => `const v${index} = inputs[${index}];`).join('\n');
  const body = `${unpack}\nfor (let i = 0; i < length; i++) out[i] = ${emit(node, slot)};`;
  return new Function('Math', `return function kernel(out, length, inputs, year) {\n${body}\n};`)(KERNEL_MATH) as BlockKernel;
}
