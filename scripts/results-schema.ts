// The JSON Schema of results.json, generated from its TypeScript type (src/report/resultsFile.ts)
// with typescript-json-schema (it reads the type checker, so zod-inferred types resolve too), and
// the field-by-field Markdown made from that schema. Written by `npm run schema`; a test checks
// the committed files are what this gives.
import * as TJS from 'typescript-json-schema';

type JsonSchema = {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

const ROOT_TYPE = 'ReportResultsFile';
const DEFINITION_PREFIX = '#/definitions/';

/** The JSON Schema (draft-07) of results.json; anonymous object types are written in place. */
export function resultsJsonSchema(): JsonSchema {
  // The module declarations the sources rely on (mathjs's single-file build) come with the type.
  const sources = ['src/report/resultsFile.ts', 'src/expressions/mathjsBundle.d.ts'];
  const program = TJS.programFromConfig(
    new URL('../tsconfig.json', import.meta.url).pathname,
    sources.map((path) => new URL(`../${path}`, import.meta.url).pathname),
  );
  const generated = TJS.generateSchema(program, ROOT_TYPE, {
    required: true,
    noExtraProps: true,
    strictNullChecks: true,
    ref: true,
    topRef: false,
    ignoreErrors: false,
  }) as JsonSchema | null;
  if (generated === null) throw new Error(`typescript-json-schema found no type ${ROOT_TYPE}`);
  const definitions = generated.definitions ?? {};
  // A definition named after its literal shape ("{id:string;…}") is an anonymous type: inline it.
  const anonymous = (name: string) => name.startsWith('{');
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (node === null || typeof node !== 'object') return node;
    const schema = node as JsonSchema;
    if (schema.$ref !== undefined) {
      const name = decodeURIComponent(schema.$ref.slice(DEFINITION_PREFIX.length));
      if (anonymous(name)) {
        const { $ref: _ref, ...rest } = schema;
        return { ...(inline(definitions[name]) as JsonSchema), ...rest };
      }
    }
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, inline(value)]));
  };
  const { definitions: _all, ...root } = generated;
  const kept = Object.fromEntries(
    Object.entries(definitions)
      .filter(([name]) => !anonymous(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, definition]) => [name, inline(definition)]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'parkcast results.json',
    ...(inline(root) as JsonSchema),
    definitions: kept as Record<string, JsonSchema>,
  };
}

/** A short name for a schema's type: `number`, `string | null`, `Quantiles`, `array of SimulatedTarget`. */
function typeName(schema: JsonSchema): string {
  if (schema.$ref !== undefined) return `[${schema.$ref.slice(DEFINITION_PREFIX.length)}](#${schema.$ref.slice(DEFINITION_PREFIX.length).toLowerCase()})`;
  if (schema.enum !== undefined) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.anyOf !== undefined) return schema.anyOf.map(typeName).join(' \\| ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  return types
    .map((type) => {
      if (type !== 'array') return type;
      if (Array.isArray(schema.items)) return `[${schema.items.map(typeName).join(', ')}]`;
      if (schema.items !== undefined) return `array of ${typeName(schema.items)}`;
      return 'array';
    })
    .join(' \\| ');
}

const oneLine = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** Every field of an object schema as table rows, nested objects written in place as `a.b`. */
function fieldRows(schema: JsonSchema, prefix: string): string[] {
  const rows: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${typeName(field)} | ${required.has(name) ? 'yes' : 'no'} | ${oneLine(field.description)} |`);
    const element = field.type === 'array' && field.items !== undefined && !Array.isArray(field.items) ? field.items : undefined;
    if (field.properties !== undefined) rows.push(...fieldRows(field, `${path}.`));
    else if (element?.properties !== undefined) rows.push(...fieldRows(element, `${path}[].`));
  }
  return rows;
}

/** The fields a schema leaves without a description, as `Definition.path` (for the test that each is documented). */
export function undocumentedFields(schema: JsonSchema): string[] {
  const missing: string[] = [];
  const visit = (node: JsonSchema, where: string) => {
    for (const [name, field] of Object.entries(node.properties ?? {})) {
      if (field.description === undefined || field.description.trim() === '') missing.push(`${where}.${name}`);
      if (field.properties !== undefined) visit(field, `${where}.${name}`);
      const element = field.items !== undefined && !Array.isArray(field.items) ? field.items : undefined;
      if (element?.properties !== undefined) visit(element, `${where}.${name}[]`);
    }
    for (const branch of node.anyOf ?? []) visit(branch, where);
  };
  visit(schema, ROOT_TYPE);
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) visit(definition, name);
  return missing;
}

/** docs/results-format.md: the file's fields, then each named type's, a table each. */
export function resultsFormatMarkdown(schema: JsonSchema): string {
  const table = (rows: string[]) => ['| field | type | always there | meaning |', '|---|---|---|---|', ...rows].join('\n');
  const sections = Object.entries(schema.definitions ?? {}).map(([name, definition]) => {
    const body = definition.properties !== undefined ? table(fieldRows(definition, '')) : `One of: ${typeName(definition)}.`;
    return `### ${name}\n\n${oneLine(definition.description)}\n\n${body}\n`;
  });
  return [
    '# results.json, field by field',
    '',
    '<!-- Generated by `npm run schema` from src/report/resultsFile.ts; edit the TSDoc there, not this file. -->',
    '',
    '`parkcast report` writes `results.json` beside each report: the run in full, for your own analysis.',
    'Its JSON Schema is [`results.schema.json`](results.schema.json). Numbers are in canonical units: yuan',
    "(not 亿元), fractions (0.12, not 12 %), counts; a target's `displayUnit` says how its source wrote them.",
    'Probabilities are fractions of the trials; every interval is `[low, high]`.',
    '',
    '## The file',
    '',
    oneLine(schema.description),
    '',
    table(fieldRows(schema, '')),
    '',
    '## Types',
    '',
    ...sections,
  ].join('\n');
}
