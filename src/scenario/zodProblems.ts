import type { z } from 'zod';
import { describeValue, messages, nonAsciiNote } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';
import { quoteText } from '../problems/text.js';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Reads the value at `path` inside `input`, to show the reader what was actually found. */
function valueAt(input: unknown, path: Path): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** zod's internal definition of a schema: enough of it to walk from a path to the object expected there. */
interface SchemaDefinition {
  type: string;
  innerType?: SchemaNode;
  in?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  valueType?: SchemaNode;
  element?: SchemaNode;
  items?: SchemaNode[];
  options?: SchemaNode[];
  discriminator?: string;
  values?: unknown[];
}
interface SchemaNode {
  _zod: { def: SchemaDefinition };
}

/** Looks through wrappers (optional, default, pipe) and picks the union member the value is meant for. */
function unwrap(schema: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  for (let hops = 0; schema !== undefined && hops < 50; hops++) {
    const def = schema._zod.def;
    if (def.innerType !== undefined) schema = def.innerType;
    else if (def.type === 'pipe') schema = def.in;
    else if (def.type === 'union') {
      const objects = (def.options ?? []).map((option) => unwrap(option, value)).filter((option) => option?._zod.def.type === 'object');
      const tag =
        def.discriminator !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[def.discriminator] : undefined;
      const tagged = objects.find((option) => option?._zod.def.shape?.[def.discriminator ?? '']?._zod.def.values?.includes(tag));
      return tagged ?? (objects.length === 1 ? objects[0] : undefined);
    } else return schema;
  }
  return schema;
}

/** The fields the schema allows at `path`, for "did you mean" on an unknown field. */
function allowedFieldsAt(root: SchemaNode | undefined, input: unknown, path: Path): string[] {
  let schema = root;
  let value = input;
  for (const key of path) {
    const def = unwrap(schema, value)?._zod.def;
    if (def === undefined) return [];
    if (def.type === 'object') schema = Object.hasOwn(def.shape ?? {}, key) ? def.shape?.[key] : undefined;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'tuple') schema = def.items?.[Number(key)];
    else return [];
    value = valueAt(value, [key]);
  }
  const def = unwrap(schema, value)?._zod.def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, side: 'min' | 'max'): string {
  const value = Number(side === 'min' ? issue.minimum : issue.maximum);
  if (side === 'min' && value === 0) return issue.inclusive ? 'a number of zero or more' : 'a positive number';
  const op = side === 'min' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `a number ${op} ${value}`;
}

/** A check's own wording (from `expectations`, always "expected ..."), rather than zod's default. */
const isWorded = (message: string) => message.startsWith('expected ');

/** `expected X, got Y`, with a note on look-alike characters when Y is a text. */
function withGot(expected: string, got: unknown): string {
  if (got === undefined || expected.includes(', got ')) return expected;
  return `${expected}, got ${describeValue(got)}${typeof got === 'string' ? nonAsciiNote(got) : ''}`;
}

/** Turns one zod issue into problems worded for a person, each naming what was found. */
function convert(issue: Issue, prefix: Path, input: unknown, file: string | undefined, schema: SchemaNode | undefined): Problem[] {
  const path = [...prefix, ...(issue.path as Path)];
  const got = valueAt(input, path);
  const at = (problemPath: Path, message: string, code: string): Problem =>
    file === undefined ? { code, path: problemPath, message } : { code, path: problemPath, message, file };
  const make = (message: string, code: string = issue.code): Problem[] => [at(path, message, code)];
  switch (issue.code) {
    case 'invalid_type': {
      if (got === undefined) return make(`required: ${messages.expected(article(issue.expected), got).replace(', got nothing', '')}`, 'missing');
      if (issue.expected === 'int' && isWorded(issue.message)) return make(withGot(issue.message, got));
      const expected = issue.expected === 'number' ? 'a finite number' : issue.expected === 'int' ? 'a whole number' : article(issue.expected);
      return make(messages.expected(expected, got));
    }
    case 'too_small':
      if (isWorded(issue.message)) return make(withGot(issue.message, got));
      if (issue.origin === 'number' || issue.origin === 'int') return make(messages.expected(bound(issue, 'min'), got));
      if (issue.origin === 'string') return make(messages.expected('a non-empty text', got));
      return make(`expected at least ${String(issue.minimum)} item(s)`);
    case 'too_big':
      if (isWorded(issue.message)) return make(withGot(issue.message, got));
      if (issue.origin === 'number' || issue.origin === 'int') return make(messages.expected(bound(issue, 'max'), got));
      return make(`expected at most ${String(issue.maximum)} item(s)`);
    case 'not_multiple_of':
      if (isWorded(issue.message)) return make(withGot(issue.message, got));
      return make(messages.expected(Number(issue.divisor) === 1 ? 'a whole number' : `a multiple of ${String(issue.divisor)}`, got));
    case 'invalid_value':
      if (got === undefined) return make(`required: ${messages.oneOf(issue.values, got).replace(', got nothing', '')}`, 'missing');
      return make(messages.oneOf(issue.values, got));
    case 'unrecognized_keys': {
      const allowed = allowedFieldsAt(schema, input, path);
      return issue.keys.map((key) => at([...path, key], messages.unknownField(key, allowed), issue.code));
    }
    case 'invalid_key': {
      const name = String(path[path.length - 1]);
      const reasons = issue.issues.map((inner) => (isWorded(inner.message) ? withGot(inner.message, name) : inner.message));
      return make(`invalid name ${quoteText(name)}: ${reasons.join('; ')}`);
    }
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const options = (issue as unknown as { options: unknown[] }).options;
        if (got === undefined) return make(`required: ${messages.oneOf(options, got).replace(', got nothing', '')}`, 'missing');
        return make(messages.oneOf(options, got));
      }
      // When a branch matched the value's type and failed deeper inside, its problems are the useful ones.
      const reaching = issue.errors.filter((branch) => branch.some((inner) => inner.path.length > 0));
      // A branch whose fields the value does not have, or whose discriminator it lacks, is of another shape.
      const otherShape = (branch: readonly Issue[]) =>
        branch.some(
          (inner) => inner.code === 'unrecognized_keys' || (inner.code === 'invalid_union' && 'note' in inner && inner.note === 'No matching discriminator'),
        );
      const deeper = reaching.some((branch) => !otherShape(branch)) ? reaching.filter((branch) => !otherShape(branch)) : reaching;
      if (deeper.length > 0) {
        const best = deeper.reduce((a, b) => (Math.max(...b.map((i) => i.path.length)) > Math.max(...a.map((i) => i.path.length)) ? b : a));
        return best.flatMap((inner) => convert(inner, path, input, file, schema));
      }
      // A branch of the right type that failed a check (a range, a pattern) says more than "another kind".
      const checkFailed = (inner: Issue) => inner.code !== 'invalid_type' || inner.expected === 'int';
      const typed = issue.errors.find((branch) => branch.length > 0 && branch.every(checkFailed));
      if (typed !== undefined) return typed.flatMap((inner) => convert(inner, path, input, file, schema));
      const custom = issue.message.startsWith('expected') ? issue.message : 'expected a value of another kind';
      return make(got === undefined ? `required: ${custom}` : `${custom}, got ${describeValue(got)}`, got === undefined ? 'missing' : issue.code);
    }
    default:
      return make(isWorded(issue.message) ? withGot(issue.message, got) : issue.message);
  }
}

/**
 * Converts zod's issues into parkcast problems, with the offending values quoted. With the
 * schema, an unknown field gets the closest allowed one as a suggestion.
 */
export function problemsFromZod(error: z.ZodError, input: unknown, file?: string, schema?: z.ZodType): Problem[] {
  const problems = error.issues.flatMap((issue) => convert(issue, [], input, file, schema as unknown as SchemaNode | undefined));
  // "unknown field unti; did you mean unit?" already says what "unit: required" would.
  const suggested = new Set(
    problems.flatMap((problem) => {
      const suggestion = problem.code === 'unrecognized_keys' ? /; did you mean "([^"]+)"\?$/.exec(problem.message)?.[1] : undefined;
      return suggestion === undefined ? [] : [JSON.stringify([...problem.path.slice(0, -1), suggestion])];
    }),
  );
  return problems.filter((problem) => problem.code !== 'missing' || !suggested.has(JSON.stringify(problem.path)));
}
