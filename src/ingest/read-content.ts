/**
 * The content folder → every article and every problem. Walks `<contentDir>/articles/**\/*.txt`
 * in a fixed order, reads one file at a time (no EMFILE at 100k files), parses each, then
 * rejects duplicate article ids across the whole archive.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArticleHeader, Diagnostic, SourceArticle, SourceLocation } from '../model.ts';
import { compareDiagnostics, diagnostic } from './diagnostics.ts';
import type { RejectedArticle } from './parse-articles.ts';
import { parseFile, type IngestedFile } from './parse-file.ts';

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
  files: IngestedFile[];
  /** Published articles in file order, then line order. Ids (date, ordinal) are unique. */
  articles: SourceArticle[];
  /** Every diagnostic, ordered by file, line and column. */
  diagnostics: Diagnostic[];
  /** Every article read but left out, with its reasons, by file then line; `counts.rejected` long. */
  rejectedArticles: RejectedArticle[];
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

  const files: IngestedFile[] = [];
  for (let i = 0; i < total; i++) {
    const { file, absolute } = listing.files[i] as ArticleFile;
    files.push(readOneFile(file, absolute));
    onProgress?.(i + 1, total);
  }

  rejectDuplicates(files);
  warnDuplicateTexts(files);

  const articles: SourceArticle[] = [];
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  const rejectedArticles: RejectedArticle[] = [];
  let rejected = 0;
  for (const f of files) {
    for (const a of f.articles) articles.push(a);
    for (const d of f.diagnostics) diagnostics.push(d);
    for (const r of f.rejectedArticles) rejectedArticles.push(r);
    rejected += f.rejected;
  }
  diagnostics.sort(compareDiagnostics);
  rejectedArticles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    files,
    articles,
    diagnostics,
    rejectedArticles,
    counts: {
      files: total,
      articles_read: articles.length + rejected,
      published: articles.length,
      rejected,
    },
  };
}

/** Reads and parses one file; a file that cannot be read becomes an error, not an exception. */
export function readOneFile(
  file: string,
  absolute: string,
  maxBytes = MAX_FILE_BYTES,
): IngestedFile {
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

function failed(file: string, d: Diagnostic): IngestedFile {
  return {
    file,
    encoding: 'unknown',
    articles: [],
    diagnostics: [d],
    rejected: 0,
    rejectedArticles: [],
  };
}

function unreadableMessage(what: 'file' | 'folder', err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') {
    return `This ${what} could not be read: permission denied. Give the user running ephemeris read access to it, or move it out of the articles folder.`;
  }
  if (code === 'ENOENT') {
    return `This ${what} could not be read: it is a link to something that does not exist (${code}). Fix or delete the link.`;
  }
  if (code === 'ELOOP') {
    return `This ${what} could not be read: it is a link that leads back to itself, directly or through other links (${code}). Fix or delete the link.`;
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
/** A file's articles as far as duplicate ids go: with or without their bodies. */
export interface FileOfArticles<A extends ArticleHeader> {
  file: string;
  articles: A[];
  diagnostics: Diagnostic[];
  rejected: number;
  rejectedArticles?: RejectedArticle[];
}

export function rejectDuplicates<A extends ArticleHeader>(
  files: FileOfArticles<A>[],
): Diagnostic[] {
  const first = new Map<string, SourceLocation>();
  const losers: {
    file: FileOfArticles<A>;
    article: A;
    winner: SourceLocation;
  }[] = [];
  for (const f of files) {
    let kept: A[] | undefined;
    for (let i = 0; i < f.articles.length; i++) {
      const a = f.articles[i] as A;
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
  const touched = new Set<FileOfArticles<A>>();
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
    if (file.rejectedArticles) {
      // A new array, not a push: callers may pass shallow copies of cached files.
      file.rejectedArticles = [
        ...file.rejectedArticles,
        {
          file: file.file,
          line: article.source.line,
          label: `"date ${article.date} ${article.ordinal}"`,
          reasons: [d],
        },
      ].sort((a, b) => a.line - b.line);
    }
    touched.add(file);
    added.push(d);
  }
  for (const f of touched) f.diagnostics.sort(compareDiagnostics);
  return added;
}

// ---------------------------------------------------------------------------------------------
// The same text under two headers

/** Identical articles shorter than this (title and text, in UTF-16 units) are not reported. */
export const MIN_DUPLICATE_TEXT_LENGTH = 200;

/**
 * The key under which `warnDuplicateTexts` compares an article: a hash of its title and
 * paragraphs, or undefined for a text shorter than `MIN_DUPLICATE_TEXT_LENGTH` (a short notice
 * can legitimately repeat). A cache can store it beside the article instead of the body.
 */
export function duplicateTextKey(article: Pick<SourceArticle, 'title' | 'paragraphs'>) {
  let length = article.title.length;
  for (const p of article.paragraphs) length += p.length;
  if (length < MIN_DUPLICATE_TEXT_LENGTH) return undefined;
  const hash = createHash('sha1').update(article.title).update('\n');
  for (const p of article.paragraphs) hash.update(p).update('\n');
  return hash.digest('base64');
}

type Located = Pick<SourceArticle, 'date' | 'ordinal' | 'source'>;

/**
 * Warns about each published article whose title and paragraphs are exactly those of an
 * earlier one (in file, then line order): a copy pasted under a second header. Both stay
 * published. Keys are hashes (`duplicateTextKey`, or `key` for articles kept without their
 * body), so this holds no second copy of the corpus. Call it after `rejectDuplicates`.
 * Adds to each file's `diagnostics` (a new array); returns the warnings added.
 */
export function warnDuplicateTexts<A extends Located>(
  files: { file: string; articles: readonly A[]; diagnostics: Diagnostic[] }[],
  key: (article: A) => string | undefined = (a) => duplicateTextKey(a as unknown as SourceArticle),
): Diagnostic[] {
  const first = new Map<string, Located>();
  const added: Diagnostic[] = [];
  for (const f of files) {
    const mine: Diagnostic[] = [];
    for (const a of f.articles) {
      const k = key(a);
      if (k === undefined) continue;
      const original = first.get(k);
      if (!original) {
        first.set(k, a);
        continue;
      }
      const where =
        original.source.file === f.file
          ? `line ${original.source.line} of this file`
          : `${original.source.file} line ${original.source.line}`;
      mine.push(
        diagnostic(
          'W_DUPLICATE_TEXT',
          f.file,
          a.source.line,
          1,
          `Article "date ${a.date} ${a.ordinal}" has exactly the same title and text as article "date ${original.date} ${original.ordinal}" at ${where}; both were published. If one is a copy, delete it.`,
        ),
      );
    }
    if (mine.length > 0) {
      f.diagnostics = [...f.diagnostics, ...mine].sort(compareDiagnostics);
      added.push(...mine);
    }
  }
  return added;
}
