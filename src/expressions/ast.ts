/**
 * The expression tree parkcast runs: a small, checked subset of mathjs's syntax. Nothing outside
 * these node kinds can be represented, so nothing outside them can run.
 */
export const ALLOWED_FUNCTIONS = ['min', 'max', 'exp', 'log', 'sqrt', 'abs', 'round', 'floor', 'ceil'] as const;
export type AllowedFunction = (typeof ALLOWED_FUNCTIONS)[number];

export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type UnaryOperator = '-' | '+' | 'not';

export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'unary'; readonly operator: UnaryOperator; readonly operand: ExpressionNode }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: ExpressionNode; readonly right: ExpressionNode }
  | { readonly kind: 'call'; readonly fn: AllowedFunction; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'conditional'; readonly test: ExpressionNode; readonly whenTrue: ExpressionNode; readonly whenFalse: ExpressionNode }
  /** The calendar year being computed (2024), the same for every trial. */
  | { readonly kind: 'year' }
  /** A metric's value last year (`prev(x)`) or in the base year (`base(x)`). */
  | { readonly kind: 'lag'; readonly lag: Lag; readonly name: string };

/** Which year a `lag` node reads: `prev` the year before the one computed, `base` the base year. */
export type Lag = 'prev' | 'base';

/** The functions that read another year's value of a metric: their argument is a metric's name. */
export const LAG_FUNCTIONS: readonly Lag[] = ['prev', 'base'];

/** A value an expression reads: a name in the same year, or a metric's last-year or base-year value. */
export interface Reading {
  readonly name: string;
  readonly when: 'same' | Lag;
}

/** The key of a reading in a compiled expression's inputs: `x`, `prev(x)` or `base(x)`. */
export function readingKey(reading: Reading): string {
  return reading.when === 'same' ? reading.name : `${reading.when}(${reading.name})`;
}

/** The names an expression reads in the same year (not through prev() or base()), in first-seen order. */
export function namesIn(node: ExpressionNode): string[] {
  return readingsIn(node)
    .filter((r) => r.when === 'same')
    .map((r) => r.name);
}

/** Every value an expression reads (same-year names, prev() and base()), each once, in first-seen order. */
export function readingsIn(node: ExpressionNode, into: Reading[] = []): Reading[] {
  const add = (reading: Reading) => {
    if (!into.some((r) => r.name === reading.name && r.when === reading.when)) into.push(reading);
  };
  switch (node.kind) {
    case 'number':
    case 'year':
      break;
    case 'lag':
      add({ name: node.name, when: node.lag });
      break;
    case 'name':
      add({ name: node.name, when: 'same' });
      break;
    case 'unary':
      readingsIn(node.operand, into);
      break;
    case 'binary':
      readingsIn(node.left, into);
      readingsIn(node.right, into);
      break;
    case 'call':
      for (const arg of node.args) readingsIn(arg, into);
      break;
    case 'conditional':
      readingsIn(node.test, into);
      readingsIn(node.whenTrue, into);
      readingsIn(node.whenFalse, into);
      break;
  }
  return into;
}
