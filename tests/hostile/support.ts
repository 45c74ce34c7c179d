/** Shared helpers of the hostile-input tests: temporary folders, tree hashes, output scans. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/ingest/diagnostics.ts';
import { MAX_TITLE_LENGTH } from '../../src/ingest/parse-articles.ts';
import type { ReadContentResult } from '../../src/ingest/read-content.ts';
import type { Diagnostic } from '../../src/model.ts';
import { removeFolder } from '../remove-folder.ts';

export const SITE_JSON = JSON.stringify({
  title: 'Αρχείο <b>δοκιμών</b> & "εισαγωγών"',
  description: 'Περιγραφή </script> ]]>',
  url: 'https://example.org/archive/',
});

const temps: string[] = [];

/** A fresh temporary folder, removed by `removeTemps`. */
export function tempDir(prefix = 'ephemeris-hostile-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) {
    // A mode-000 file or folder is removable once its parent is writable; make sure of it.
    try {
      removeFolder(dir);
    } catch {
      fs.chmodSync(dir, 0o755);
      removeFolder(dir);
    }
  }
}

/** Every regular file under `root`, as sorted `/`-separated relative paths. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), r);
      else out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

/** A hash of a folder tree: every path, its kind and its bytes. */
export function treeHash(root: string): string {
  const hash = createHash('sha256');
  for (const rel of listFiles(root)) {
    hash.update(rel).update('\0');
    hash.update(fs.readFileSync(path.join(root, rel))).update('\0');
  }
  return hash.digest('hex');
}

/** The invariants every diagnostic must satisfy, whoever made it. */
export function expectWellFormed(d: Diagnostic): void {
  expect(typeof d.file).toBe('string');
  expect(d.file.length).toBeGreaterThan(0);
  expect(d.file).not.toMatch(/\\/);
  expect(Number.isInteger(d.line) && d.line >= 1, `line of ${JSON.stringify(d)}`).toBe(true);
  expect(Number.isInteger(d.column) && d.column >= 1, `column of ${JSON.stringify(d)}`).toBe(true);
  expect(d.code).toMatch(/^[EW]_[A-Z0-9_]+$/);
  expect(d.severity).toBe(d.code.startsWith('E_') ? 'error' : 'warning');
  if (d.code in DIAGNOSTIC_CODES) {
    expect(DIAGNOSTIC_CODES[d.code as keyof typeof DIAGNOSTIC_CODES].severity).toBe(d.severity);
  }
  // Plain words: says what is wrong and what to do, in at least two sentences.
  expect(d.message.length).toBeGreaterThan(30);
  expect(d.message).toMatch(/\.\s+\S.*[.)]$/s);
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/**
 * Elements that the hostile inputs try to add and that no layout uses: input text could only
 * have put them there by being read as markup. The layouts draw charts as `<svg>` of their own
 * classes (layouts/charts.ts), always directly inside a chart figure; any other is injected.
 */
const FORBIDDEN = [
  'iframe',
  'object',
  'embed',
  'img',
  'svg:not(.heatmap):not(.bar-chart)',
  'style',
  'base',
  'b',
  'div[onclick]',
];
const OWN_SVG = /<svg class="(?:heatmap|bar-chart)" viewBox="[\d .]+" role="group" aria-label="/g;

/**
 * A page carries no markup or script from the input: no scripts but JSON-LD (which parses), no
 * element the input tried to add, no event-handler attribute, no link or source with a scheme
 * that runs code, no meta refresh.
 */
export function expectNoInjectedMarkup(html: string, where: string): void {
  const doc = parseDocument(html);
  for (const script of doc.querySelectorAll('script')) {
    expect(script.children.length).toBe(0);
    if (script.getAttribute('type') === 'application/ld+json') {
      expect(() => JSON.parse(script.textContent ?? ''), `${where}: JSON-LD`).not.toThrow();
      continue;
    }
    // The site's own scripts (the search page): from the site itself, with no input in them.
    const src = script.getAttribute('src');
    if (src !== null) {
      expect(new URL(src, 'https://example.org/archive/').host, `${where}: ${src}`).toBe(
        'example.org',
      );
    }
    expect(`${src ?? ''} ${script.textContent ?? ''}`, `${where}: a script`).not.toMatch(
      /alert\(|msgbox|evil\.example|javascript:|onerror/,
    );
  }
  for (const selector of FORBIDDEN) {
    expect(doc.querySelectorAll(selector).length, `${where}: <${selector}>`).toBe(0);
  }
  for (const svg of doc.querySelectorAll('svg')) {
    expect(svg.parentElement?.closest('figure.chart'), `${where}: <svg> outside a chart`).not.toBe(
      null,
    );
  }
  expect(doc.querySelectorAll('meta[http-equiv]').length, `${where}: meta http-equiv`).toBe(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${where}: ${attr.name} on <${el.tagName}>`).toBe(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(attr.name)) {
        const url = new URL(attr.value, 'https://example.org/archive/');
        expect(SAFE_SCHEMES.has(url.protocol), `${where}: ${attr.name}="${attr.value}"`).toBe(true);
      }
    }
  }
  // And the raw text, in case a parser would have been kinder than a browser.
  expect(html.replace(OWN_SVG, ''), where).not.toMatch(
    /<(script>|img\s|iframe|svg|style|b>|div\s+onclick)/i,
  );
}

/** An XML file has no element or processing instruction that the input put there. */
export function expectNoInjectedXml(xml: string, where: string): void {
  expect(xml, where).not.toMatch(/<(script|img|iframe|svg|style|b|div|a)[\s>/]/i);
  expect(xml.indexOf('<![CDATA['), where).toBe(-1);
  expect(xml.indexOf('<!--'), where).toBe(-1);
  // Only the XML declaration is a processing instruction.
  expect((xml.match(/<\?/g) ?? []).length, where).toBeLessThanOrEqual(1);
  // Characters that XML 1.0 cannot hold make the whole feed unreadable.
  // eslint-disable-next-line no-control-regex
  expect(xml, where).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
}

/** Errors that concern a whole file or folder, not an article: no article is counted. */
const FILE_LEVEL = new Set([
  'E_NOT_TEXT',
  'E_UNREADABLE',
  'E_ENCODING_UNSUPPORTED',
  'E_FILE_TOO_LARGE',
  'E_ARTICLES_DIR_MISSING',
]);

/** The accounting every result must satisfy, whatever the input. */
export function expectAccounted(r: ReadContentResult): void {
  const { counts } = r;
  expect(counts.published).toBe(r.articles.length);
  expect(counts.articles_read).toBe(counts.published + counts.rejected);
  expect(r.rejectedArticles).toHaveLength(counts.rejected);
  const all = new Set(r.diagnostics);
  const explained = new Set<unknown>();
  for (const rejected of r.rejectedArticles) {
    expect(rejected.reasons.length, `reasons of ${rejected.file}:${rejected.line}`).toBeGreaterThan(
      0,
    );
    for (const reason of rejected.reasons) {
      expect(reason.severity).toBe('error');
      expect(reason.file).toBe(rejected.file);
      expect(all.has(reason), `${reason.code} is reported`).toBe(true);
      explained.add(reason);
    }
  }
  // Every error either left out an article (and is listed with it) or concerns a whole file.
  for (const d of r.diagnostics) {
    if (d.severity === 'error' && !FILE_LEVEL.has(d.code)) {
      expect(
        explained.has(d),
        `${d.code} at ${d.file}:${d.line} belongs to a rejected article`,
      ).toBe(true);
    }
  }
  const ids = r.articles.map((a) => `${a.date}-${a.ordinal}`);
  expect(new Set(ids).size).toBe(ids.length);
  // Collected, not asserted one by one: a case has 50,000 articles.
  const problems: string[] = [];
  for (const a of r.articles) {
    const id = `${a.date}-${a.ordinal}`;
    if (a.title.trim() === '') problems.push(`${id}: empty title`);
    if ([...a.title].length > MAX_TITLE_LENGTH) problems.push(`${id}: title too long`);
    if (a.paragraphs.length === 0) problems.push(`${id}: no paragraph`);
    if (a.paragraphs.some((p) => p.trim() === '')) problems.push(`${id}: an empty paragraph`);
  }
  expect(problems).toEqual([]);
}
