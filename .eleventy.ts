import ephemeris, { type EleventyConfig } from './src/site/plugin.ts';

// The content and output folders come from `ephemeris build --content DIR --out DIR`, which runs
// Eleventy with this config; a `dir` set here would override them.
export default function (eleventyConfig: EleventyConfig & { addPlugin(plugin: unknown): void }) {
  eleventyConfig.addPlugin(ephemeris);
}

export const config = {
  // Pages come only from the plugin's virtual templates; no other file in content/ is a template.
  templateFormats: ['11ty.js'],
};
