/**
 * The search page's engine (search-engine.ts, with the Greek folding and stemmer it shares with
 * the index) bundled for browsers by esbuild, into the index folder beside the shards it reads:
 * the page's own script (layouts/search-client.js) imports it from there.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const SEARCH_ENGINE_FILE = 'engine.js';

let bundled: Promise<string> | undefined;

/** The bundle's text; made once per process (about 40 kB minified, 12 kB gzipped). */
export function searchEngineScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./search-engine.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // The stemmer's licence asks for its notice in copies; its file's header is not a legal
    // comment to esbuild.
    banner: {
      js:
        '/*! Greek stemmer from nlp.js (@nlpjs/lang-el, @nlpjs/core): ' +
        'Copyright (c) AXA Group Operations Spain S.A., MIT License. */',
    },
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}
