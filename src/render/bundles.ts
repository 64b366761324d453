import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The browser builds of vega, vega-lite and vega-embed, ready to inline in a page, in load order. */
export interface VegaBundles {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

const require = createRequire(import.meta.url);

/** A package's `build/` file: the packages' `exports` hide it, so go from the resolved entry up. */
function buildFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const candidate = join(dir, 'build', file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`parkcast: ${pkg}/build/${file} not found (is ${pkg} installed?)`);
    dir = parent;
  }
}

/** Makes a script safe inside `<script>…</script>`: no closing tag, no comment opener, no source-map fetch. */
export function inlineScript(code: string): string {
  return code
    .replace(/\n\/\/# sourceMappingURL=\S*\s*$/u, '\n')
    .replace(/<\/(script)/giu, '<\\/$1')
    .replace(/<!--/gu, '<\\!--');
}

let cached: VegaBundles | undefined;

/**
 * The minified UMD builds of vega, vega-lite and vega-embed, escaped for inlining, so a report
 * page draws its charts offline (about 0.8 MB together). Read once per process.
 *
 * @example
 * ```ts
 * const { vega, vegaLite, vegaEmbed } = vegaBundles();
 * ```
 */
export function vegaBundles(): VegaBundles {
  cached ??= {
    vega: inlineScript(readFileSync(buildFile('vega', 'vega.min.js'), 'utf8')),
    vegaLite: inlineScript(readFileSync(buildFile('vega-lite', 'vega-lite.min.js'), 'utf8')),
    vegaEmbed: inlineScript(readFileSync(buildFile('vega-embed', 'vega-embed.min.js'), 'utf8')),
  };
  return cached;
}
