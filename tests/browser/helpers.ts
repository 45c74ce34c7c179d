/**
 * What the browser tests share: a static server for a built site under a path prefix, as a
 * static host would serve it, and Debian's Chromium through playwright-core.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
