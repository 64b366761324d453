import { link, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputPathError, openAtomicFolder, outputProblems, writeFileAtomic } from '../../src/files/index.js';

describe('outputProblems', () => {
  it('sees an input behind another name (a hard link) and a clash of two outputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-files-'));
    await writeFile(join(dir, 'park.json'), '{}');
    await link(join(dir, 'park.json'), join(dir, 'alias.json'));
    expect(await outputProblems([{ kind: 'file', path: join(dir, 'alias.json'), option: '--output' }], [join(dir, 'park.json')])).toEqual([
      `--output ${join(dir, 'alias.json')}: is the input ${join(dir, 'park.json')}; writing it would overwrite the input`,
    ]);
    expect(await outputProblems([{ kind: 'file', path: join(dir, 'new.json') }], [join(dir, 'park.json')])).toEqual([]);
  });

  it('lets a folder be created under a writable one, however deep, and names the file that blocks it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-files-'));
    await writeFile(join(dir, 'notes'), 'x');
    expect(await outputProblems([{ kind: 'folder', path: join(dir, 'a', 'b', 'c'), entries: ['report.html'] }], [])).toEqual([]);
    const [problem] = await outputProblems([{ kind: 'folder', path: join(dir, 'notes', 'b'), entries: [] }], []);
    expect(problem).toMatch(/cannot create the folder: .*notes is a file, not a folder$/);
  });
});

describe('writers', () => {
  it('a failed write names the path and a reason, not a temporary file or an errno code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkcast-files-'));
    await writeFile(join(dir, 'notes'), 'x');
    const failure = writeFileAtomic(join(dir, 'notes', 'out.json'), '{}');
    await expect(failure).rejects.toThrow(OutputPathError);
    await expect(failure).rejects.toThrow(`${join(dir, 'notes', 'out.json')}: cannot write it: a file is where a folder would be`);
    expect(await readdir(dir)).toEqual(['notes']);
  });

  it('a report folder that exists is staged inside itself: its parent sees nothing, and other files stay', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'parkcast-files-'));
    const folder = join(parent, 'report');
    await mkdir(folder);
    await writeFile(join(folder, 'mine.txt'), 'mine');
    const atomic = await openAtomicFolder(folder);
    await atomic.write('charts/a.svg', '<svg/>');
    expect(await readdir(parent)).toEqual(['report']);
    await atomic.commit();
    expect((await readdir(folder)).sort()).toEqual(['charts', 'mine.txt']);
    expect(await readdir(join(folder, 'charts'))).toEqual(['a.svg']);
  });
});
