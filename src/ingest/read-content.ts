/**
 * The content folder → every article and every problem. Walks `<contentDir>/articles/**\/*.txt`
 * in a fixed order, reads one file at a time (no EMFILE at 100k files), parses each, then
 * rejects duplicate article ids across the whole archive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, ParsedFile, SourceArticle, SourceLocation } from '../model.ts';
import { compareDiagnostics, diagnostic } from './diagnostics.ts';
import { parseFile } from './parse-file.ts';

export const ARTICLES_DIR = 'articles';

/** Files above this size are refused: no article file is that large, and V8 strings are bounded. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ContentCounts {
  /** `.txt` files found, readable or not. */
  files: number;
  /** published + rejected. */
  articles_read: number;
  published: number;
  rejected: number;
}

export interface ReadContentResult {
  /** One per `.txt` file, in sorted path order. */
  files: ParsedFile[];
  /** Published articles in file order, then line order. Ids (date, ordinal) are unique. */
  articles: SourceArticle[];
  /** Every diagnostic, ordered by file, line and column. */
  diagnostics: Diagnostic[];
  counts: ContentCounts;
}

export interface ArticleFile {
  /** Relative to the content folder, `/`-separated: `articles/2026/01/27.txt`. */
  file: string;
  absolute: string;
}

export function readContent(
  contentDir: string,
  onProgress?: (filesDone: number, filesTotal: number) => void,
): ReadContentResult {
  const listing = listArticleFiles(contentDir);
  const total = listing.files.length;
  onProgress?.(0, total);

  const files: ParsedFile[] = [];
  for (let i = 0; i < total; i++) {
    const { file, absolute } = listing.files[i] as ArticleFile;
    files.push(readOneFile(file, absolute));
    onProgress?.(i + 1, total);
  }

  rejectDuplicates(files);

  const articles: SourceArticle[] = [];
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  let rejected = 0;
  for (const f of files) {
    for (const a of f.articles) articles.push(a);
    for (const d of f.diagnostics) diagnostics.push(d);
    rejected += f.rejected;
  }
  diagnostics.sort(compareDiagnostics);
  return {
    files,
    articles,
    diagnostics,
    counts: {
      files: total,
      articles_read: articles.length + rejected,
      published: articles.length,
      rejected,
    },
  };
}

/** Reads and parses one file; a file that cannot be read becomes an error, not an exception. */
export function readOneFile(file: string, absolute: string, maxBytes = MAX_FILE_BYTES): ParsedFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (err) {
    return failed(file, diagnostic('E_UNREADABLE', file, 1, 1, unreadableMessage('file', err)));
  }
  if (bytes.length > maxBytes) {
    const mib = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
    return failed(
      file,
      diagnostic(
        'E_FILE_TOO_LARGE',
        file,
        1,
        1,
        `This file is ${mib(bytes.length)}, more than the ${mib(maxBytes)} an article file may have; it was not read. Split it into several files (for example one per day or month).`,
      ),
    );
  }
  return parseFile(bytes, file);
}

function failed(file: string, d: Diagnostic): ParsedFile {
  return { file, encoding: 'unknown', articles: [], diagnostics: [d], rejected: 0 };
}

function unreadableMessage(what: 'file' | 'folder', err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return `This ${what} could not be read: permission denied. Give the user running ephemeris read access to it, or move it out of the articles folder.`;
  }
  if (code === 'ENOENT' || code === 'ELOOP') {
    return `This ${what} could not be read: it is a link to something that does not exist (${code}). Fix or delete the link.`;
  }
  const reason = err instanceof Error ? err.message : String(err);
  return `This ${what} could not be read (${reason}). Check the disk and the ${what}'s permissions, then build again.`;
}

// ---------------------------------------------------------------------------------------------
// Walking the articles folder

/**
 * Every `*.txt` file under `<contentDir>/articles`, sorted by relative path (code-unit order,
 * so the same on every machine). Names starting with `.` are skipped (editor and system
 * files such as `._name.txt`). Linked folders are followed once: a link leading to a folder
 * already read (a loop, or a second name for the same folder) is skipped with a warning, and
 * real folders are always read before linked ones, so a link never takes a folder's place.
 */
export function listArticleFiles(contentDir: string): {
  files: ArticleFile[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const files: ArticleFile[] = [];
  const root = path.join(contentDir, ARTICLES_DIR);

  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      diagnostics.push(
        diagnostic(
          'E_ARTICLES_DIR_MISSING',
          ARTICLES_DIR,
          1,
          1,
          `There is no "${ARTICLES_DIR}" folder in the content folder ${contentDir}, so no article was read. Create ${root} and put the article .txt files in it, or point ephemeris at the right content folder.`,
        ),
      );
    } else {
      diagnostics.push(
        diagnostic('E_UNREADABLE', ARTICLES_DIR, 1, 1, unreadableMessage('folder', err)),
      );
    }
    return { files, diagnostics };
  }
  if (!rootStat.isDirectory()) {
    diagnostics.push(
      diagnostic(
        'E_ARTICLES_DIR_MISSING',
        ARTICLES_DIR,
        1,
        1,
        `${root} is a file, not a folder, so no article was read. Make "${ARTICLES_DIR}" a folder holding the article .txt files.`,
      ),
    );
    return { files, diagnostics };
  }

  interface Dir {
    rel: string;
    abs: string;
    /** Reached through a symbolic link (its own or an ancestor's). */
    linked: boolean;
  }
  const visited = new Map<string, string>(); // real path → relative path that read it
  const real: Dir[] = [{ rel: ARTICLES_DIR, abs: root, linked: false }];
  const links: Dir[] = [];

  for (;;) {
    let dir = real.pop();
    if (!dir) {
      links.sort((a, b) => (a.rel < b.rel ? 1 : a.rel > b.rel ? -1 : 0));
      dir = links.pop();
    }
    if (!dir) break;

    let realPath: string;
    try {
      realPath = fs.realpathSync(dir.abs);
    } catch (err) {
      diagnostics.push(diagnostic('E_UNREADABLE', dir.rel, 1, 1, unreadableMessage('folder', err)));
      continue;
    }
    const readAs = visited.get(realPath);
    if (readAs !== undefined) {
      diagnostics.push(
        diagnostic(
          'W_SYMLINK_SKIPPED',
          dir.rel,
          1,
          1,
          `This linked folder leads to ${readAs}, which is already read (a link loop or a second name for the same folder), so it was skipped. Remove the link if it is not needed.`,
        ),
      );
      continue;
    }
    visited.set(realPath, dir.rel);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir.abs, { withFileTypes: true });
    } catch (err) {
      diagnostics.push(diagnostic('E_UNREADABLE', dir.rel, 1, 1, unreadableMessage('folder', err)));
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const rel = `${dir.rel}/${name}`;
      const abs = path.join(dir.abs, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        try {
          const target = fs.statSync(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          if (isTxt(name)) {
            diagnostics.push(diagnostic('E_UNREADABLE', rel, 1, 1, unreadableMessage('file', err)));
          }
          continue;
        }
      }
      if (isDir) {
        const sub = { rel, abs, linked: dir.linked || isLink };
        if (sub.linked) links.push(sub);
        else real.push(sub);
      } else if (isFile && isTxt(name)) {
        files.push({ file: rel, absolute: abs });
      }
    }
  }

  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (files.length === 0) {
    diagnostics.push(
      diagnostic(
        'W_NO_FILES',
        ARTICLES_DIR,
        1,
        1,
        `The "${ARTICLES_DIR}" folder (${root}) holds no .txt files, so the archive is empty. Put the article files there, named *.txt.`,
      ),
    );
  }
  return { files, diagnostics };
}

function isTxt(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
}

// ---------------------------------------------------------------------------------------------
// Duplicate ids

/**
 * Keeps the first article of each (date, ordinal) in file order, then line order, and rejects
 * the others: each is removed from its file's `articles`, counted in its `rejected`, and given
 * an `E_DUPLICATE_ID` error naming the file and line of the first. Mutates `files`.
 */
export function rejectDuplicates(files: ParsedFile[]): Diagnostic[] {
  const first = new Map<string, SourceLocation>();
  const losers: { file: ParsedFile; article: SourceArticle; winner: SourceLocation }[] = [];
  for (const f of files) {
    let kept: SourceArticle[] | undefined;
    for (let i = 0; i < f.articles.length; i++) {
      const a = f.articles[i] as SourceArticle;
      const key = `${a.date} ${a.ordinal}`;
      const winner = first.get(key);
      if (winner) {
        kept ??= f.articles.slice(0, i);
        losers.push({ file: f, article: a, winner });
      } else {
        first.set(key, a.source);
        kept?.push(a);
      }
    }
    if (kept) f.articles = kept;
  }
  if (losers.length === 0) return [];

  // Suggest, for each loser, a number still free on its day (each suggestion used once).
  const used = new Map<string, Set<number>>();
  for (const { article } of losers) used.set(article.date, new Set());
  for (const f of files) {
    for (const a of f.articles) used.get(a.date)?.add(a.ordinal);
  }

  const added: Diagnostic[] = [];
  const touched = new Set<ParsedFile>();
  for (const { file, article, winner } of losers) {
    const taken = used.get(article.date) as Set<number>;
    let free = 0;
    while (taken.has(free)) free++;
    taken.add(free);
    const where =
      winner.file === file.file
        ? `line ${winner.line} of this file`
        : `${winner.file} line ${winner.line}`;
    const d = diagnostic(
      'E_DUPLICATE_ID',
      file.file,
      article.source.line,
      1,
      `Article "date ${article.date} ${article.ordinal}" has the same date and number as the article at ${where}, which was read first, so this one was left out. Give it a number still free on that day, e.g. "date ${article.date} ${free}".`,
    );
    file.diagnostics.push(d);
    file.rejected++;
    touched.add(file);
    added.push(d);
  }
  for (const f of touched) f.diagnostics.sort(compareDiagnostics);
  return added;
}
