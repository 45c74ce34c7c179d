import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateFile, writePending } from '../../src/cli/build-state.ts';
import { DEFAULT_TAXONOMY_PATH } from '../../src/enrich/taxonomy.ts';
import { PROJECT_ROOT, runCli, SITE_PROPERTY_LIMITS } from './helpers.ts';
import { treeDifferences, treeHashes } from './tree.ts';
import { removeFolder } from '../remove-folder.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/site');

const WORDS = [
  'κυβέρνηση',
  'ποδόσφαιρο',
  'σεισμός',
  'μουσείο',
  'υπουργός',
  'οικονομία',
  'εκλογές',
  'ομάδα',
  'τέχνη',
];

function text(seed: number, words: number): string {
  return Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(
    ' ',
  );
}

function article(date: string, ordinal: number, seed: number): string {
  return `date ${date} ${ordinal}\n\n${text(seed, 6)}\n\n${text(seed + 1, 30)}.\n\n${text(seed + 2, 20)}.\n`;
}

type Operation =
  | { kind: 'add-file'; day: number; seed: number }
  | { kind: 'append'; seed: number }
  | { kind: 'edit'; seed: number }
  | { kind: 'delete-file'; seed: number }
  | { kind: 'touch'; seed: number }
  | { kind: 'same-size-edit'; seed: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('add-file' as const),
    day: fc.integer({ min: 1, max: 28 }),
    seed: fc.nat(1000),
  }),
  fc.record({ kind: fc.constant('append' as const), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('edit' as const), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('delete-file' as const), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('touch' as const), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constant('same-size-edit' as const), seed: fc.nat(1000) }),
);

function articleFiles(content: string): string[] {
  return readdirSync(path.join(content, 'articles'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

let counter = 0;
/** A time after every earlier one of this run, a second apart: no file system misses it. */
let clock = Date.now();
function later(): Date {
  clock += 1000;
  return new Date(Math.max(clock, Date.now()));
}

function apply(content: string, op: Operation): void {
  const files = articleFiles(content);
  const pick = (seed: number) => path.join(content, 'articles', files[seed % files.length]!);
  switch (op.kind) {
    case 'add-file': {
      const date = `2026-03-${String(op.day).padStart(2, '0')}`;
      writeFileSync(
        path.join(content, 'articles', `new-${counter++}.txt`),
        article(date, counter, op.seed),
      );
      break;
    }
    case 'append':
      if (files.length)
        writeFileSync(
          pick(op.seed),
          `${readFileSync(pick(op.seed), 'utf8')}\n\n${article('2025-11-05', counter++, op.seed)}`,
        );
      break;
    case 'edit':
      if (files.length)
        writeFileSync(
          pick(op.seed),
          readFileSync(pick(op.seed), 'utf8').replace(/\.\n/, ` ${text(op.seed, 3)}.\n`),
        );
      break;
    case 'delete-file':
      if (files.length > 1) rmSync(pick(op.seed));
      break;
    // A new time and the same bytes, as a checkout or a copy leaves a file.
    case 'touch':
      if (files.length) utimesSync(pick(op.seed), later(), later());
      break;
    // Other bytes of the same length under a new time: only the bytes tell the change.
    case 'same-size-edit':
      if (files.length) {
        const file = pick(op.seed);
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace(/[α-ω]/, (c) => (c === 'ο' ? 'ε' : 'ο')),
        );
        utimesSync(file, later(), later());
      }
      break;
  }
}

async function build(
  content: string,
  out: string,
  cache: string,
  extra: string[] = [],
): Promise<void> {
  const run = await runCli([
    'build',
    '--content',
    content,
    '--out',
    out,
    '--cache',
    cache,
    ...extra,
  ]);
  expect(run.code, run.stderr).toBe(0);
}

/** A copy of the fixture's content in a folder of its own, built once with its cache. */
async function builtCopy(prefix: string) {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const content = path.join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  const out = path.join(work, 'site');
  const cache = path.join(work, 'cache');
  await build(content, out, cache);
  return { work, content, out, cache };
}

describe('incremental builds', () => {
  it('produce exactly the output of a clean build after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 3 }), async (operations) => {
        const { work, content, out, cache } = await builtCopy('ephemeris-incremental-');
        for (const op of operations) {
          apply(content, op);
          await build(content, out, cache);
          const clean = path.join(work, 'clean');
          await build(content, clean, path.join(work, 'clean-cache'), ['--full']);
          expect(treeDifferences(treeHashes(out), treeHashes(clean)), JSON.stringify(op)).toEqual(
            [],
          );
          removeFolder(clean);
        }
        removeFolder(work);
      }),
      { numRuns: 3, ...SITE_PROPERTY_LIMITS },
    );
  });

  it('renders nothing when nothing changed, and only what an edit touches', async () => {
    const { work, content, out, cache } = await builtCopy('ephemeris-incremental-');
    const again = await runCli(['build', '--content', content, '--out', out, '--cache', cache]);
    expect(again.stderr).toMatch(/Nothing changed in \d+ files: .* is up to date/);
    const file = path.join(content, 'articles/2025/december.txt');
    // Saved again unchanged: found the same by its bytes, so nothing changed.
    const future = new Date(Date.now() + 60_000);
    utimesSync(file, future, future);
    const touched = await runCli(['build', '--content', content, '--out', out, '--cache', cache]);
    expect(touched.stderr).toMatch(/Nothing changed in \d+ files: .* is up to date/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('πέντε ημέρες', 'έξι ημέρες'));
    const edited = await runCli(['build', '--content', content, '--out', out, '--cache', cache]);
    const rendered = Number(/rendered (\d+) of/.exec(edited.stderr)?.[1]);
    // The article's own page, the feeds that carry its text, and the few later articles whose
    // related lists may change with its words: a handful, not the site.
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(8);
    removeFolder(work);
  });

  it('indexes the pages of a build killed after moving them in, though they read the same', async () => {
    const { work, content, out, cache } = await builtCopy('ephemeris-interrupted-');
    const file = path.join(content, 'articles/2025/december.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('πέντε ημέρες', 'έξι ημέρες'));
    const clean = path.join(work, 'clean');
    await build(content, clean, path.join(work, 'clean-cache'), ['--full']);
    // The killed build: its article pages are in the site, its index and state are not.
    const moved = treeDifferences(treeHashes(out), treeHashes(clean))
      .map((line) => line.replace(/^differs: /, ''))
      .filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    expect(moved.length).toBeGreaterThan(0);
    for (const page of moved) cpSync(path.join(clean, page), path.join(out, page));
    writePending(
      stateFile(cache, content, out),
      moved.map((page) => `/${page.replace(/index\.html$/, '')}`),
    );
    await build(content, out, cache);
    expect(treeDifferences(treeHashes(out), treeHashes(clean))).toEqual([]);
    removeFolder(work);
  });

  it('analyses nothing again for a comment in topics.yaml, and what a new term needs', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-taxonomy-'));
    const content = path.join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    const taxonomy = path.join(content, 'topics.yaml');
    cpSync(DEFAULT_TAXONOMY_PATH, taxonomy);
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    const rebuild = () =>
      runCli(['build', '--content', content, '--out', out, '--cache', cache, '--no-search']);
    await build(content, out, cache, ['--no-search']);
    writeFileSync(taxonomy, `# Σημειώσεις της σύνταξης.\n\n${readFileSync(taxonomy, 'utf8')}`);
    expect((await rebuild()).stderr).toMatch(/Nothing changed in \d+ files/);
    // A term that moves the earthquake article to another topic: analysed and rendered again.
    writeFileSync(
      taxonomy,
      readFileSync(taxonomy, 'utf8').replace(/^(\s+terms:)$/m, '$1\n      σεισμός: 50'),
    );
    const changed = await rebuild();
    expect(changed.stderr).not.toMatch(/Nothing changed/);
    expect(changed.stderr).toMatch(/^Built 5 articles/m);
    const clean = path.join(work, 'clean');
    await build(content, clean, path.join(work, 'clean-cache'), ['--full', '--no-search']);
    expect(treeDifferences(treeHashes(out), treeHashes(clean))).toEqual([]);
    removeFolder(work);
  });

  it('gives byte-identical output for two clean builds of the same content', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'ephemeris-repeat-'));
    await build(FIXTURE, path.join(work, 'a'), path.join(work, 'ca'), ['--full']);
    await build(FIXTURE, path.join(work, 'b'), path.join(work, 'cb'), ['--full']);
    expect(
      treeDifferences(treeHashes(path.join(work, 'a')), treeHashes(path.join(work, 'b'))),
    ).toEqual([]);
    removeFolder(work);
  });
});
