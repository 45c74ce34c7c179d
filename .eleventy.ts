import ephemeris, { type EleventyConfig } from './src/site/plugin.ts';

export default function (eleventyConfig: EleventyConfig & { addPlugin(plugin: unknown): void }) {
  eleventyConfig.addPlugin(ephemeris);
}

export const config = {
  dir: { input: 'content', output: '_site' },
  // Pages come only from the plugin's virtual templates; no other file in content/ is a template.
  templateFormats: ['11ty.js'],
};
