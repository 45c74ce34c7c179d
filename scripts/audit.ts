/**
 * `npm run audit [-- --site DIR | --content DIR]`: Lighthouse's four scores for an article page
 * and a year page. Serves a built site (default `_site/`, built by `npm run build`), or first
 * builds a content folder into a temporary one. Prints figures and fails only when Lighthouse
 * cannot run: performance is a timing, and timing targets are read, not asserted (the browser
 * tests assert the other three categories).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveSite } from '../tests/browser/helpers.ts';
import { auditPages, auditTargets, CATEGORIES } from './lighthouse.ts';

const { values } = parseArgs({
  options: { site: { type: 'string' }, content: { type: 'string' } },
});

let site = path.resolve(values.site ?? '_site');
if (values.content) {
  site = path.join(mkdtempSync(path.join(tmpdir(), 'ephemeris-audit-')), '_site');
  console.log(`Building ${values.content} into ${site} …`);
  execFileSync(
    process.execPath,
    ['bin/ephemeris.js', 'build', '--content', values.content, '--out', site, '--no-search'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
if (!existsSync(path.join(site, 'index.html'))) {
  console.error(`No site at ${site}: run \`npm run build\` first, or pass --content DIR.`);
  process.exit(1);
}

const server = await serveSite(site, '/');
try {
  const targets = auditTargets(site);
  const audits = await auditPages([targets.article, targets.year].map((p) => server.origin + p));
  const names = ['article', 'year'];
  console.log(`\n${['page', ...CATEGORIES].map((c) => c.padEnd(16)).join('')}`);
  audits.forEach((audit, i) => {
    const scores = CATEGORIES.map((c) => String(Math.round(audit.scores[c] * 100)).padEnd(16));
    console.log(`${names[i]!.padEnd(16)}${scores.join('')}`);
  });
  for (const audit of audits) {
    console.log(`\n${audit.url}`);
    for (const failure of audit.failures) console.log(`  lost points: ${failure}`);
  }
} finally {
  await server.close();
}
