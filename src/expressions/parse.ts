import type { MathNode } from 'mathjs';
import { messages } from '../problems/messages.js';
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
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new ExpressionError(messages.expressionForbidden(`the constant ${JSON.stringify(value)}`));
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

/**
 * Parses an expression with mathjs and checks it against the whitelist: numbers, known names,
 * arithmetic, comparisons, and/or/not, `?:` and a few functions, and, in a derived metric's
 * expression (`scope.time`), `year`, `prev(metric)` and `base(metric)`. Throws
 * `ExpressionError` otherwise; nothing in the text is ever evaluated by mathjs.
 */
export async function parseExpression(text: string, knownNames: ReadonlySet<string>, scope: ExpressionScope = {}): Promise<ExpressionNode> {
  const parse = await loadParser();
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (error) {
    throw new ExpressionError(messages.expressionSyntax(error instanceof Error ? error.message : String(error)));
  }
  return convert(tree, knownNames, scope);
}
