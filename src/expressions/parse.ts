import type { MathNode } from 'mathjs';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NESTING, messages } from '../problems/messages.js';
import { escapeUnsafe, firstNonAscii, quoteText } from '../problems/text.js';
import { ALLOWED_FUNCTIONS, type AllowedFunction, type BinaryOperator, type ExpressionNode, LAG_FUNCTIONS, type Lag, type UnaryOperator } from './ast.js';

type Parse = (text: string) => MathNode;

let parserPromise: Promise<Parse> | undefined;

/**
 * mathjs is loaded on the first expression only, from its single-file build: the same version
 * and parser as its ES modules, in 0.06 s against 0.45 s for their thousand files (most of what
 * `parkcast validate` took). The instance is a new one, used for parsing alone; the functions
 * that could run or define code are replaced by ones that throw, as a second wall behind the
 * whitelist below.
 */
function loadParser(): Promise<Parse> {
  parserPromise ??= import('mathjs/lib/browser/math.js').then((module) => {
    const math = module.default.create({ number: 'number' });
    const parse = math.parse.bind(math) as Parse;
    const refuse = (name: string) => () => {
      throw new Error(`${name} is disabled in parkcast`);
    };
    math.import(
      Object.fromEntries(['import', 'createUnit', 'reviver', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile'].map((n) => [n, refuse(n)])),
      { override: true },
    );
    return parse;
  });
  return parserPromise;
}

const BINARY: Record<string, BinaryOperator> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
};
const UNARY: Record<string, UnaryOperator> = { unaryMinus: '-', unaryPlus: '+', not: 'not' };
const ARITY: Record<AllowedFunction, [number, number]> = {
  min: [1, Infinity],
  max: [1, Infinity],
  exp: [1, 1],
  log: [1, 1],
  sqrt: [1, 1],
  abs: [1, 1],
  round: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
};

/** An expression that cannot run: the reason, worded for the scenario's author. */
export class ExpressionError extends Error {}

/**
 * Where an expression is computed. A derived metric's expression (`time` given) may read
 * `year`, `prev(x)` and `base(x)` for the metrics in `time.metrics`; a baseline expression
 * (no `time`) reads its names only.
 */
export interface ExpressionScope {
  readonly time?: { readonly metrics: ReadonlySet<string> };
}

function lagOf(fn: Lag, args: readonly MathNode[], knownNames: ReadonlySet<string>, scope: ExpressionScope): ExpressionNode {
  if (scope.time === undefined) throw new ExpressionError(messages.lagOutsideMetric(fn));
  const arg = args[0] as (MathNode & { name?: string }) | undefined;
  if (args.length !== 1 || arg?.type !== 'SymbolNode') throw new ExpressionError(messages.lagArgument(fn));
  const name = arg.name as string;
  if (scope.time.metrics.has(name)) return { kind: 'lag', lag: fn, name };
  if (knownNames.has(name)) throw new ExpressionError(messages.lagOfParameter(fn, name));
  throw new ExpressionError(messages.expressionUnknownName(name, [...scope.time.metrics]));
}

function convert(node: MathNode, knownNames: ReadonlySet<string>, scope: ExpressionScope = {}): ExpressionNode {
  const n = node as MathNode & Record<string, unknown>;
  const convertChild = (child: MathNode) => convert(child, knownNames, scope);
  switch (node.type) {
    case 'ConstantNode': {
      const value = n.value;
      // Quoted either way: the constant is a word of the expression (undefined, null, true, NaN), not a value of ours.
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new ExpressionError(messages.expressionForbidden(`the constant ${typeof value === 'string' ? quoteText(value) : `"${String(value)}"`}`));
      return { kind: 'number', value };
    }
    case 'SymbolNode': {
      const name = n.name as string;
      if (name === 'year' && !knownNames.has(name)) {
        if (scope.time === undefined) throw new ExpressionError(messages.yearOutsideMetric());
        return { kind: 'year' };
      }
      if (!knownNames.has(name)) throw new ExpressionError(messages.expressionUnknownName(name, [...knownNames]));
      return { kind: 'name', name };
    }
    case 'ParenthesisNode':
      return convertChild(n.content as MathNode);
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = n.args as MathNode[];
      if (args.length === 1 && fn in UNARY) return { kind: 'unary', operator: UNARY[fn], operand: convertChild(args[0]) };
      if (args.length === 2 && fn in BINARY) {
        return { kind: 'binary', operator: BINARY[fn], left: convertChild(args[0]), right: convertChild(args[1]) };
      }
      throw new ExpressionError(messages.expressionForbidden(`the operator "${String(n.op)}"`));
    }
    case 'ConditionalNode':
      return {
        kind: 'conditional',
        test: convertChild(n.condition as MathNode),
        whenTrue: convertChild(n.trueExpr as MathNode),
        whenFalse: convertChild(n.falseExpr as MathNode),
      };
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? (fnNode.name ?? '') : '';
      if ((LAG_FUNCTIONS as readonly string[]).includes(name)) return lagOf(name as Lag, n.args as MathNode[], knownNames, scope);
      if (!(ALLOWED_FUNCTIONS as readonly string[]).includes(name)) {
        throw new ExpressionError(name === '' ? messages.expressionForbidden('calling a computed function') : messages.expressionUnknownFunction(name));
      }
      const fn = name as AllowedFunction;
      const args = (n.args as MathNode[]).map(convertChild);
      const [least, most] = ARITY[fn];
      if (args.length < least || args.length > most) {
        throw new ExpressionError(`${fn} takes ${least === most ? least : `at least ${least}`} argument(s), got ${args.length}`);
      }
      return { kind: 'call', fn, args };
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new ExpressionError(messages.expressionForbidden('assignment'));
    case 'AccessorNode':
    case 'IndexNode':
      throw new ExpressionError(messages.expressionForbidden('property or index access'));
    case 'ArrayNode':
    case 'ObjectNode':
    case 'RangeNode':
      throw new ExpressionError(messages.expressionForbidden({ ArrayNode: 'an array', ObjectNode: 'an object', RangeNode: 'a range' }[node.type]));
    default:
      throw new ExpressionError(messages.expressionForbidden(`a ${node.type}`));
  }
}

/** The deepest bracket nesting in a text, counted without parsing (so without recursion). */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const character of text) {
    if (character === '(' || character === '[' || character === '{') deepest = Math.max(deepest, ++depth);
    else if (character === ')' || character === ']' || character === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Whether a parsed tree is deeper than `limit`, walked with a stack of its own. */
function deeperThan(tree: MathNode, limit: number): boolean {
  const pending: Array<[MathNode, number]> = [[tree, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > limit) return true;
    node.forEach((child) => pending.push([child, depth + 1]));
  }
  return false;
}

/**
 * What the text cannot be, checked before mathjs reads it: too long, nested too deep for its
 * recursive parser, or holding a character no expression uses (a Cyrillic "а" that looks like a
 * Latin one would otherwise be a bare "syntax error").
 */
function checkText(text: string): void {
  if (text.trim() === '') throw new ExpressionError(messages.expressionBlank());
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(messages.expressionTooLong(text.length));
  const depth = bracketDepth(text);
  if (depth > MAX_EXPRESSION_NESTING) throw new ExpressionError(messages.expressionTooNested(depth));
  const outside = firstNonAscii(text.replace(/[\t\n\r]/g, ' '));
  if (outside !== undefined) throw new ExpressionError(messages.expressionCharacter(outside.character, outside.index));
  // mathjs keeps only the value of a number: 1e400 would reach the reader as "Infinity".
  for (const [literal] of text.matchAll(/(?<![\w.])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g)) {
    if (!Number.isFinite(Number(literal))) throw new ExpressionError(messages.numberOutOfRange(literal));
  }
}

/**
 * Parses an expression with mathjs and checks it against the whitelist: numbers, known names,
 * arithmetic, comparisons, and/or/not, `?:` and a few functions, and, in a derived metric's
 * expression (`scope.time`), `year`, `prev(metric)` and `base(metric)`. Throws
 * `ExpressionError` otherwise; nothing in the text is ever evaluated by mathjs.
 */
export async function parseExpression(text: string, knownNames: ReadonlySet<string>, scope: ExpressionScope = {}): Promise<ExpressionNode> {
  checkText(text);
  const parse = await loadParser();
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (error) {
    // A long chain of prefix operators can still exhaust the stack inside mathjs's parser.
    if (error instanceof RangeError) throw new ExpressionError(messages.expressionTooDeep());
    throw new ExpressionError(messages.expressionSyntax(escapeUnsafe(error instanceof Error ? error.message : String(error))));
  }
  if (deeperThan(tree, MAX_EXPRESSION_DEPTH)) throw new ExpressionError(messages.expressionTooDeep());
  return convert(tree, knownNames, scope);
}
