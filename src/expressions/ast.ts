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
  | { readonly kind: 'conditional'; readonly test: ExpressionNode; readonly whenTrue: ExpressionNode; readonly whenFalse: ExpressionNode };

/** The names an expression reads, in first-seen order. */
export function namesIn(node: ExpressionNode, into: string[] = []): string[] {
  switch (node.kind) {
    case 'number':
      break;
    case 'name':
      if (!into.includes(node.name)) into.push(node.name);
      break;
    case 'unary':
      namesIn(node.operand, into);
      break;
    case 'binary':
      namesIn(node.left, into);
      namesIn(node.right, into);
      break;
    case 'call':
      for (const arg of node.args) namesIn(arg, into);
      break;
    case 'conditional':
      namesIn(node.test, into);
      namesIn(node.whenTrue, into);
      namesIn(node.whenFalse, into);
      break;
  }
  return into;
}
