import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { describeCharacter, MAX_DOCUMENT_DEPTH, messages } from '../problems/messages.js';
import type { Problem } from '../problems/problem.js';

type Path = Array<string | number>;
type PathProblem = Omit<Problem, 'file'>;

/**
 * A scenario file's text read into a document: the value, and the problems reading found at
 * field paths (duplicate keys, numbers too large to represent) that would otherwise be silent.
 * A text that cannot be read at all gives one problem with no path instead.
 */
export type ReadResult = { ok: true; document: unknown; problems: PathProblem[] } | { ok: false; problem: PathProblem };

/** Sets a key as an own data property, so `__proto__` stays a key (for the schema to refuse) and never a prototype. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** Line and column (from 1) of an offset into a text, from its line starts. */
function lineColumnOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A strict JSON reader (RFC 8259) that keeps what `JSON.parse` throws away: where each key is
 * (to name both lines of a duplicate), how a number was written (1e400 is not "Infinity"), and
 * the line and column of a syntax error. Hand-written because JSON.parse gives none of these on
 * Node 20 and the `yaml` package reads JSON as YAML, accepting what JSON does not (comments,
 * unquoted words). Scenario files are small (5 MB at most), so speed is not a concern.
 */
function readJson(text: string): ReadResult {
  const lineStarts = lineStartsOf(text);
  const problems: PathProblem[] = [];
  const path: Path = [];
  let at = 0;

  const fail = (reason: string, offset = at): never => {
    throw new JsonSyntaxError(offset, reason);
  };
  const found = (): string => {
    if (at >= text.length) return 'the end of the file';
    const character = String.fromCodePoint(text.codePointAt(at) ?? 0);
    const word = /[A-Za-z_]\w*/y;
    word.lastIndex = at;
    const match = word.exec(text);
    if (character === '"') return 'a text in double quotes';
    if (match !== null) return `the word ${match[0].length > 20 ? `${match[0].slice(0, 20)}...` : match[0]}`;
    return describeCharacter(character);
  };
  const skipSpace = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else if (c === 0x2f && (text[at + 1] === '/' || text[at + 1] === '*')) fail('JSON has no comments (YAML does: save the scenario as .yaml to keep them)');
      else break;
    }
  };
  const expect = (what: string): never => fail(`expected ${what}, found ${found()}`);

  const readString = (): string => {
    const start = at;
    at++; // the opening quote
    let out = '';
    let chunkStart = at;
    for (;;) {
      if (at >= text.length) fail('a text that is never closed (a missing ")', start);
      const c = text.charCodeAt(at);
      if (c === 0x22) break;
      if (c < 0x20) fail(`${describeCharacter(text[at])} inside a text; write it as an escape such as \\n or \\u00${c.toString(16).padStart(2, '0')}`);
      if (c === 0x5c) {
        out += text.slice(chunkStart, at);
        const escaped = text[at + 1];
        if (escaped === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('expected four hexadecimal digits after \\u');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          at += 6;
        } else if (escaped !== undefined && escaped in ESCAPES) {
          out += ESCAPES[escaped];
          at += 2;
        } else {
          fail(`an unknown escape \\${escaped === undefined ? '' : describeCharacter(escaped)} (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        }
        chunkStart = at;
      } else at++;
    }
    out += text.slice(chunkStart, at);
    at++; // the closing quote
    return out;
  };

  const readValue = (depth: number): unknown => {
    if (depth > MAX_DOCUMENT_DEPTH) fail(messages.tooDeep(MAX_DOCUMENT_DEPTH));
    skipSpace();
    const c = text[at];
    if (c === '{') return readObject(depth);
    if (c === '[') return readArray(depth);
    if (c === '"') return readString();
    if (c === "'") fail('JSON texts are in double quotes ("..."), not single ones');
    if (c === '-' || (c >= '0' && c <= '9')) {
      JSON_NUMBER.lastIndex = at;
      const match = JSON_NUMBER.exec(text);
      if (match === null) return expect('a digit after "-"');
      const literal = match[0];
      if (/^\d/.test(text[at + literal.length] ?? '') || text[at + literal.length] === '.')
        expect('a number as JSON writes it (no leading zeros, digits after a point)');
      at += literal.length;
      const value = Number(literal);
      if (!Number.isFinite(value)) problems.push({ code: 'number_range', path: [...path], message: messages.numberOutOfRange(literal) });
      return value;
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at) && !/\w/.test(text[at + word.length] ?? '')) {
        at += word.length;
        return value;
      }
    }
    return expect('a value (a number, a text in double quotes, true, false, null, an object or a list)');
  };

  const readObject = (depth: number): Record<string, unknown> => {
    at++; // {
    const object: Record<string, unknown> = {};
    const keyLines = new Map<string, number>();
    skipSpace();
    if (text[at] === '}') {
      at++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') {
        if (text[at] === '}') fail('a comma before "}" with no field after it (JSON allows no trailing comma)');
        expect('a field name in double quotes');
      }
      const keyOffset = at;
      const key = readString();
      skipSpace();
      if (text[at] !== ':') expect(`":" after the field name`);
      at++;
      path.push(key);
      const value = readValue(depth + 1);
      path.pop();
      const line = lineColumnOf(lineStarts, keyOffset).line;
      const firstLine = keyLines.get(key);
      if (firstLine !== undefined) problems.push({ code: 'duplicate_key', path: [...path, key], message: messages.duplicateKey(key, firstLine, line) });
      else keyLines.set(key, line);
      setKey(object, key, value);
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === '}') {
        at++;
        return object;
      }
      expect('"," or "}" after a field');
    }
  };

  const readArray = (depth: number): unknown[] => {
    at++; // [
    const list: unknown[] = [];
    skipSpace();
    if (text[at] === ']') {
      at++;
      return list;
    }
    for (;;) {
      skipSpace();
      if (text[at] === ']') fail('a comma before "]" with no item after it (JSON allows no trailing comma)');
      path.push(list.length);
      list.push(readValue(depth + 1));
      path.pop();
      skipSpace();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        return list;
      }
      expect('"," or "]" after an item');
    }
  };

  try {
    const document = readValue(0);
    skipSpace();
    if (at < text.length) expect('the end of the file after the scenario');
    return { ok: true, document, problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineColumnOf(lineStarts, error.offset);
    return { ok: false, problem: { code: 'syntax', path: [], message: messages.jsonSyntax(line, column, error.message) } };
  }
}

/** The problems YAML's own reader misses: duplicate keys named with both lines, numbers that are not finite as written. */
function yamlPathProblems(root: Node | null, text: string, lines: LineCounter): PathProblem[] | 'too deep' {
  const problems: PathProblem[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range === undefined || node.range === null ? 0 : lines.linePos(node.range[0]).line);
  const pending: Array<{ node: unknown; path: Path; duplicate?: string }> = [{ node: root, path: [] }];
  while (pending.length > 0) {
    const { node, path, duplicate } = pending.pop()!;
    if (path.length > MAX_DOCUMENT_DEPTH) return 'too deep';
    // Children go on the stack last first, so problems come out in the file's order.
    if (isMap(node)) {
      const keyLines = new Map<string, number>();
      const children: typeof pending = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const line = lineOf(pair.key as Node);
        const firstLine = keyLines.get(key);
        if (firstLine !== undefined) children.push({ node: null, path: [...path, key], duplicate: messages.duplicateKey(key, firstLine, line) });
        else keyLines.set(key, line);
        children.push({ node: pair.value, path: [...path, key] });
      }
      pending.push(...children.reverse());
    } else if (isSeq(node)) {
      pending.push(...node.items.map((item, index) => ({ node: item, path: [...path, index] })).reverse());
    } else if (duplicate !== undefined) {
      problems.push({ code: 'duplicate_key', path, message: duplicate });
    } else if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value) && node.range) {
      const literal = text.slice(node.range[0], node.range[1]);
      const tooLarge = /^[-+]?(\d|\.\d)/.test(literal);
      problems.push({ code: 'number_range', path, message: tooLarge ? messages.numberOutOfRange(literal) : messages.notFiniteLiteral(literal) });
    } else if (isAlias(node)) {
      // An alias repeats a node already walked at its anchor.
    }
  }
  return problems;
}

/** Reads YAML 1.2 with positions: syntax errors and warnings (unknown tags) at line and column, never silently dropped. */
function readYaml(text: string): ReadResult {
  const lines = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (error) {
    // yaml composes nodes recursively: thousands of nested brackets exhaust the stack.
    if (error instanceof RangeError) return { ok: false, problem: { code: 'syntax', path: [], message: messages.tooDeep(MAX_DOCUMENT_DEPTH) } };
    throw error;
  }
  const first = document.errors[0] ?? document.warnings[0];
  if (first !== undefined) {
    // yaml reports its own stack overflow (composing thousands of nested blocks) as an error at a position.
    if (first.message.includes('Maximum call stack'))
      return { ok: false, problem: { code: 'syntax', path: [], message: messages.tooDeep(MAX_DOCUMENT_DEPTH) } };
    const { line, col } = lines.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, problem: { code: 'syntax', path: [], message: messages.yamlSyntax(line, col, reason) } };
  }
  if (document.contents === null) return { ok: false, problem: { code: 'empty', path: [], message: messages.noDocument() } };
  const problems = yamlPathProblems(document.contents, text, lines);
  if (problems === 'too deep') return { ok: false, problem: { code: 'syntax', path: [], message: messages.tooDeep(MAX_DOCUMENT_DEPTH) } };
  try {
    return { ok: true, document: document.toJS({ maxAliasCount: 100 }), problems };
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test((error as Error).message)) {
      return { ok: false, problem: { code: 'syntax', path: [], message: messages.yamlAliases() } };
    }
    if (error instanceof RangeError) return { ok: false, problem: { code: 'syntax', path: [], message: messages.tooDeep(MAX_DOCUMENT_DEPTH) } };
    throw error;
  }
}

/** Reads a scenario file's text (already decoded, BOM removed) as JSON or YAML. */
export function readDocument(text: string, format: 'json' | 'yaml'): ReadResult {
  return format === 'json' ? readJson(text) : readYaml(text);
}
