import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const sources = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
})(src);

describe('the public API is documented', () => {
  it('every exported function has a doc block with a purpose and an @example', () => {
    const undocumented: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue; // classes and schemas are documented on their types
      const declaration = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)?\\s*export (?:async )?function ${name}\\b`);
      const match = sources.map((text) => declaration.exec(text)).find((m) => m !== null);
      const doc = match?.[1] ?? '';
      if (!/\/\*\*\s*\n?\s*\*?\s*\S/.test(doc) || !doc.includes('@example')) undocumented.push(name);
    }
    expect(undocumented).toEqual([]);
  });
});
