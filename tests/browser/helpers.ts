/**
 * What the browser tests share: a static server for a built site under a path prefix, as a
 * static host would serve it, Debian's Chromium through playwright-core, html-validate and
 * axe-core.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/archive/` */
  root: string;
  /** Every path requested, with its status, in order. */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * Serves `dir` at `prefix` (e.g. `/archive/`): `/archive/x/` serves `x/index.html`, a folder
 * without its slash redirects, anything missing gets the site's `404.html` with status 404,
 * and nothing outside the prefix exists.
 */
export async function serveSite(dir: string, prefix = '/'): Promise<StaticServer> {
  const requests: StaticServer['requests'] = [];
  const root = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: Buffer | string, type: string, headers = {}) => {
      requests.push({ path: url.pathname, status });
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (existsSync(page)) send(404, readFileSync(page), TYPES['.html']!);
      else send(404, 'Not found', TYPES['.txt']!);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (!pathname.startsWith(prefix)) return notFound();
    const file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return notFound();
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/'))
        return send(301, '', TYPES['.txt']!, { location: `${url.pathname}/` });
      target = path.join(target, 'index.html');
    }
    if (!existsSync(target) || !statSync(target).isFile()) return notFound();
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    send(200, readFileSync(target), type);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Debian's Chromium, headless. Fails (never skips) when it is missing: these tests are part of
 * the suite, and CI installs it (`apt-get install -y chromium`).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with ` +
        '`apt-get install -y chromium` (Debian), or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * html-validate's recommended rules, with three turned off or relaxed, each for a reason:
 * - `doctype-style`: it wants `<!DOCTYPE html>` upper-case; HTML is case-insensitive there and
 *   the layouts write `<!doctype html>`. Style, not validity.
 * - `long-title`: it wants `<title>` under 70 characters, a search-engine display heuristic.
 *   An article's title is its headline and the site's name; news headlines are often longer,
 *   and cutting them would hide what the page is.
 * - `aria-label-misuse`: the layouts name their lists (`<ul aria-label="Θέματα">`), which ARIA
 *   allows for role `list`; by default the rule reports any `aria-label` outside a short list
 *   of elements as "not recommended". `allowAnyNamable` keeps it an error where ARIA forbids a
 *   name (e.g. on a `<p>` or `<span>`).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'doctype-style': 'off',
    'long-title': 'off',
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
});

/**
 * For a document as Chromium serializes it (`page.content()`): the serializer writes a boolean
 * attribute set by script as `hidden=""`, which `attribute-empty-style` (a style rule: both
 * forms are valid) would report though no layout writes it.
 */
const serializedValidator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'doctype-style': 'off',
    'long-title': 'off',
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    'attribute-empty-style': 'off',
  },
});

/**
 * html-validate's findings on a document, as `name:line:column rule: message`. `serialized`:
 * the document comes from the browser's DOM rather than from the build.
 */
export async function htmlProblems(
  html: string,
  name: string,
  serialized = false,
): Promise<string[]> {
  const report = await (serialized ? serializedValidator : validator).validateString(html, name);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

/** axe-core's violations on the page as it is now (it adds its own script to the page). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => String(n.target)).join(', ')})`,
    );
  });
  return violations.map((v) => `${page.url()} ${v}`);
}
