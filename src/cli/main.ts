import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assertFullIcu } from '../greek/dates.ts';
import { DEFAULT_CACHE_DIR, readStateAhead, stateFile } from './build-state.ts';

const USAGE = `Usage:
  ephemeris build [--content DIR] [--out DIR] [--path-prefix /sub/] [--report FILE] [--strict]
                  [--no-search] [--full]
  ephemeris check [--content DIR] [--report FILE]
  ephemeris serve [--content DIR] [--out DIR] [--path-prefix /sub/] [--port N]
  ephemeris index [--out DIR]      (re)build the search index of a built site

  --content DIR       the content folder (articles/, topics.yaml, site.json); default: content
  --out DIR           where the site is written; default: _site
  --path-prefix /sub/ deploy under a sub-folder of the host; default: /
  --report FILE       write a JSON report of every article and diagnostic
  --strict            fail (exit 1, nothing written) when there are errors
  --no-search         skip the search index (the search page then says search is unavailable)
  --full              render every page, ignoring what the previous build left
  --cache DIR         where builds keep what the next build reuses; default: .cache/ephemeris
  --port N            serve on this port; default: 8080`;

async function main(argv: string[]): Promise<number> {
  // A Node built with small ICU would publish English month names without a word: refuse.
  assertFullIcu();
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: '_site' },
      'path-prefix': { type: 'string', default: '/' },
      report: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      full: { type: 'boolean', default: false },
      cache: { type: 'string', default: DEFAULT_CACHE_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || command === undefined || ['help', '--help', '-h'].includes(command)) {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const build = {
    contentDir: values.content,
    outDir: values.out,
    pathPrefix: values['path-prefix'],
    reportFile: values.report,
    strict: values.strict,
    full: values.full,
    cacheDir: values.cache,
    search: !values['no-search'],
  };
  // A build needs the folder itself to run Eleventy in; `check` reports a missing one as a
  // diagnostic, the folder's absence being all there is to check.
  if (
    (command === 'build' || command === 'serve') &&
    !statSync(build.contentDir, { throwIfNoEntry: false })?.isDirectory()
  ) {
    console.error(
      `The content folder "${build.contentDir}" does not exist. Run ephemeris in the folder that holds content/, or give --content DIR, the folder that holds articles/.`,
    );
    return 2;
  }
  // Each command loads only what it uses: Eleventy and its dev server take half a second to
  // load, which a build that finds nothing changed never needs.
  switch (command) {
    case 'build': {
      if (!build.full)
        void readStateAhead(stateFile(build.cacheDir, build.contentDir, build.outDir));
      const { runBuild } = await import('./build.ts');
      const outcome = await runBuild(build);
      return outcome.written ? 0 : 1;
    }
    case 'check': {
      const { runCheck } = await import('./check.ts');
      const errors = await runCheck({ contentDir: values.content, reportFile: values.report });
      return errors > 0 ? 1 : 0;
    }
    case 'index': {
      const { runIndex } = await import('./index-command.ts');
      return runIndex({ outDir: values.out });
    }
    case 'serve': {
      const { runServe } = await import('./serve.ts');
      await runServe({ ...build, port: Number(values.port) });
      return -1;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code < 0) return;
    // Exit as soon as the output is flushed: left to itself, Node first tears down a heap of a
    // gigabyte or more for a large archive, nearly a second after the work is done.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
