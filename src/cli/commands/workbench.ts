import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../files/index.js';
import { EXIT, type Io } from '../io.js';
import { loadOrReport } from '../loadOrReport.js';
import { outputsWritable } from '../outputs.js';

/**
 * The empty slot in dist/workbench.html (src/browser/workbench/workbench.html) where a preloaded
 * scenario goes: `{ fileName, text }` as JSON, which the page opens as if the file were dropped.
 */
export const PRELOAD_SLOT = '<script id="preloaded-scenario" type="application/json">null</script>';

/**
 * The built page: next to the built CLI (dist/cli.js and dist/workbench.html), or, run from the
 * sources, in dist/ at the repository's root.
 */
function workbenchPage(): string | undefined {
  const candidates = [new URL('./workbench.html', import.meta.url), new URL('../../../dist/workbench.html', import.meta.url)];
  return candidates.map((url) => fileURLToPath(url)).find((path) => existsSync(path));
}

/** The default output, in the current folder: workbench.html, or <scenario's name>.workbench.html with a scenario. */
function defaultOutput(file: string | undefined): string {
  return file === undefined ? 'workbench.html' : `${basename(file, extname(file))}.workbench.html`;
}

/** The scenario as the page's preloaded file: its own text (JSON or YAML as written) and name, with `<` escaped so no `</script>` can end the element. */
export function preloadScript(fileName: string, text: string): string {
  const json = JSON.stringify({ fileName, text }).replace(/</g, '\\u003c');
  return PRELOAD_SLOT.replace('>null<', () => `>${json}<`);
}

/**
 * `parkcast workbench [scenario] [--out FILE]`: writes the self-contained workbench page (no
 * server, no request), with the scenario preloaded when one is given, checked first.
 */
export async function workbenchCommand(file: string | undefined, options: { out?: string }, io: Io): Promise<number> {
  const output = options.out ?? defaultOutput(file);
  const writable = await outputsWritable(
    [{ kind: 'file', path: output, ...(options.out === undefined ? {} : { option: '--out' }) }],
    file === undefined ? [] : [file],
    io,
  );
  if (!writable) return EXIT.invalidInput;
  const page = workbenchPage();
  if (page === undefined) {
    io.err('parkcast: the workbench page is not built (dist/workbench.html is missing): run `npm run build` first');
    return EXIT.invalidInput;
  }
  let html = await readFile(page, 'utf8');
  if (file !== undefined) {
    // Checked as the CLI checks it, so a file the page would refuse is refused here, with its problems.
    const scenario = await loadOrReport(file, io);
    if (scenario === undefined) return EXIT.invalidInput;
    if (!html.includes(PRELOAD_SLOT)) {
      io.err(`parkcast: ${page} has no slot for a preloaded scenario: rebuild it with \`npm run build\``);
      return EXIT.invalidInput;
    }
    const text = await readFile(file, 'utf8');
    html = html.replace(PRELOAD_SLOT, () => preloadScript(basename(file), text));
  }
  await writeFileAtomic(output, html);
  const size = (await stat(output)).size;
  const shown = relative(process.cwd(), resolve(output)) || output;
  io.out(`Workbench written to ${shown} (${(size / 1e6).toFixed(1)} MB)${file === undefined ? '' : `, with ${file} loaded`}.`);
  io.out(`Open it in a browser: ${pathToFileURL(resolve(output)).href}`);
  io.out('It needs no server and makes no request: open or drop a scenario (JSON or YAML), edit it, see its problems and results, and save it.');
  return EXIT.ok;
}
