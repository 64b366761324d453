/**
 * Writes dist/workbench.html: the workbench page (src/browser/workbench/workbench.html) with its
 * script, its worker's script (the engine inside), vega, vega-lite and vega-embed, and one seed
 * park as the example, all inlined, so the file opens from disk with no server and no request.
 * tsup.config.ts calls it after building the two scripts; `npx tsx scripts/workbench.ts` does it
 * again from the built scripts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inlineScript, vegaBundles } from '../src/render/bundles.js';
import { VERSION } from '../src/version.js';

const root = fileURLToPath(new URL('../', import.meta.url));

export function writeWorkbench(): string {
  const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
  const { vega, vegaLite, vegaEmbed } = vegaBundles();
  const pieces: Record<string, string> = {
    '/*EXAMPLE*/': inlineScript(read('seeds/jinyang-lake.json')),
    '/*WORKER*/': inlineScript(read('dist/browser/workbench-worker.global.js')),
    '/*VEGA*/': [vega, vegaLite, vegaEmbed].map((code) => `<script>${code}</script>`).join('\n'),
    '/*PAGE*/': inlineScript(read('dist/browser/workbench-page.global.js')),
    '{{VERSION}}': VERSION,
  };
  let html = read('src/browser/workbench/workbench.html');
  // A function as replacement, so `$` in the inlined code is never read as a pattern.
  for (const [marker, code] of Object.entries(pieces)) html = html.replace(marker, () => code);
  const out = `${root}dist/workbench.html`;
  writeFileSync(out, html);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(writeWorkbench());
