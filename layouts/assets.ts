import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the stylesheet lives in this package. */
export const stylesheetUrl = new URL('./style.css', import.meta.url);

/** File-system path of the stylesheet, e.g. for a passthrough copy. */
export const stylesheetPath = fileURLToPath(stylesheetUrl);

/** The stylesheet's text; the site plugin writes it to `/assets/style.css` (`STYLESHEET_PATH`). */
export const stylesheet: string = readFileSync(stylesheetUrl, 'utf8');

/**
 * The site's icon (four shades of the heat-map), written to `FAVICON_PATH`: without one, every
 * first visit asks for `/favicon.ico` and logs a 404 in the console.
 */
export const favicon: string = readFileSync(new URL('./favicon.svg', import.meta.url), 'utf8');
