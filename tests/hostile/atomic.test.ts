import { createHash } from 'node:crypto';
/**
 * A failed or interrupted build never destroys a good site: `--strict` with errors, Ctrl-C
 * (SIGINT) during a full build and a crash (SIGKILL) during an incremental one each leave the
 * previous output folder complete and untouched (the same hash of its whole tree), and the next
 * build still produces the right site.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT, runCli } from '../build/helpers.ts';
import { CASES, materialise, prose } from './catalogue.ts';
import { listFiles, removeTemps, SITE_JSON, tempDir, treeHash } from './support.ts';
import { removeFolder } from '../remove-folder.ts';

/** Articles in the content of the interrupted builds: enough to take a few seconds. */
const BIG = 300;

let work: string;
let content: string;
let out: string;
let cache: string;
let before: string;

const caseById = (id: string) => CASES.find((c) => c.id === id)!;

function build(extra: string[] = [], dir = out, cacheDir = cache) {
  return runCli([
    'build',
    '--content',
    content,
    '--out',
    dir,
    '--cache',
    cacheDir,
    '--no-search',
    ...extra,
  ]);
}

/** Siblings of the output folder that a build made (staging or retired folders). */
function siblings(): string[] {
  return fs.readdirSync(work).filter((n) => n.startsWith('_site.'));
}

/**
 * Starts a build and kills it with `signal` as soon as it has started writing pages into its
 * staging folder. Resolves when the process has ended.
 */
function interruptedBuild(
  signal: NodeJS.Signals,
  extra: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawStaging: boolean }> {
  const child = spawn(
    process.execPath,
    [CLI, 'build', '--content', content, '--out', out, '--cache', cache, '--no-search', ...extra],
    { cwd: PROJECT_ROOT, stdio: 'ignore' },
  );
  const existing = new Set(siblings());
  let sawStaging = false;
  const timer = setInterval(() => {
    const staging = siblings().find((n) => n.includes('.building') && !existing.has(n));
    if (staging && fs.readdirSync(path.join(work, staging)).length > 0) {
      sawStaging = true;
      clearInterval(timer);
      child.kill(signal);
    }
  }, 5);
  return new Promise((resolve) => {
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      resolve({ code, signal: sig, sawStaging });
    });
  });
}

function writeBigContent(): void {
  const parts: string[] = [];
  const day0 = Date.UTC(2020, 0, 1);
  for (let i = 0; i < BIG; i++) {
    const date = new Date(day0 + i * 86_400_000).toISOString().slice(0, 10);
    parts.push(
      `date ${date} 0\n\nΆρθρο ${i}: ${prose(i, 40)}\n\n${prose(i + 1, 400)}\n\n${prose(i + 2, 300)}\n`,
    );
  }
  fs.writeFileSync(path.join(content, 'articles', 'big.txt'), parts.join('\n'));
}

beforeAll(async () => {
  work = tempDir();
  content = path.join(work, 'content');
  out = path.join(work, '_site');
  cache = path.join(work, 'cache');
  for (const id of ['enc-01-utf8-bom', 'con-11-emoji', 'str-02-date-capitalised']) {
    materialise(caseById(id), path.join(content, 'articles', id));
  }
  fs.writeFileSync(path.join(content, 'site.json'), SITE_JSON);
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
  before = treeHash(out);
  expect(listFiles(out).length).toBeGreaterThan(10);
});
afterAll(removeTemps);

describe('a build that fails or is interrupted leaves the previous site untouched', () => {
  it('--strict with an error: exit 1, the error listed, nothing written', async () => {
    materialise(caseById('str-07-february-30'), path.join(content, 'articles', 'bad'));
    const run = await build(['--strict']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'articles/bad/a.txt:1:6: error E_HEADER_DATE_INVALID: Date 2026-02-30 does not exist',
    );
    expect(treeHash(out)).toBe(before);
    expect(siblings()).toEqual([]);
    fs.rmSync(path.join(content, 'articles', 'bad'), { recursive: true });
  });

  it('with warnings only, check exits 0 and --strict builds (exit 0)', async () => {
    const elsewhere = path.join(work, 'strict-warnings');
    const [checked, run] = await Promise.all([
      runCli(['check', '--content', content]),
      build(['--strict'], elsewhere, path.join(work, 'cache-2')),
    ]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain('warning W_HEADER_FORM');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning W_HEADER_FORM');
    expect(fs.existsSync(path.join(elsewhere, 'index.html'))).toBe(true);
    removeFolder(elsewhere);
  });

  it('Ctrl-C (SIGINT) during a full build', async () => {
    writeBigContent();
    const run = await interruptedBuild('SIGINT', ['--full']);
    expect(run.sawStaging, 'the build was writing pages when it was interrupted').toBe(true);
    expect(run.code === 0 && run.signal === null).toBe(false);
    expect(treeHash(out)).toBe(before);
    // Nor the next state, which was being written while the pages rendered.
    expect(fs.readdirSync(cache).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  // An incremental build renders elsewhere too, but then moves its changed pages into the
  // site one rename each (swapping a whole copy of a 100,000-page site would cost more than
  // the build): killed in that last moment, the site holds old and new pages, each complete,
  // and the next build finishes the change (the test below).
  it('a crash (SIGKILL) during an incremental build leaves every page whole, old or new', async () => {
    const oldFiles = fileHashes(out);
    const reference = path.join(work, 'reference');
    const built = await build(['--full'], reference, path.join(work, 'cache-reference'));
    expect(built.code, built.stderr).toBe(0);
    const newFiles = fileHashes(reference);
    const run = await interruptedBuild('SIGKILL', []);
    expect(run.sawStaging, 'the build was writing pages when it was killed').toBe(true);
    expect(run.signal).toBe('SIGKILL');
    for (const [file, hash] of fileHashes(out)) {
      expect([oldFiles.get(file), newFiles.get(file)], file).toContain(hash);
    }
    removeFolder(reference);
  });

  it('the next build completes the site, the same as a clean build', async () => {
    const clean = path.join(work, 'clean');
    const [next, reference] = await Promise.all([
      build(),
      build(['--full'], clean, path.join(work, 'cache-3')),
    ]);
    expect(next.code, next.stderr).toBe(0);
    expect(reference.code, reference.stderr).toBe(0);
    expect(treeHash(out)).not.toBe(before);
    expect(listFiles(out)).toEqual(listFiles(clean));
    expect(treeHash(out)).toBe(treeHash(clean));
    if (siblings().length > 0) {
      console.warn(`interrupted builds left ${siblings().join(', ')} beside the output folder`);
    }
  });
});

/** Every file of a site with a hash of its bytes. */
function fileHashes(root: string): Map<string, string> {
  return new Map(
    listFiles(root).map((rel) => [
      rel,
      createHash('sha256')
        .update(fs.readFileSync(path.join(root, rel)))
        .digest('hex'),
    ]),
  );
}
