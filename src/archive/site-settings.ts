import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SiteSettings } from '../model.ts';

export const SITE_SETTINGS_FILE = 'site.json';

const DEFAULTS: SiteSettings = {
  title: 'Αρχείο ειδήσεων',
  description: 'Αρχείο ειδήσεων στα ελληνικά.',
};

function settingsError(message: string): Diagnostic {
  return {
    code: 'E_SITE_SETTINGS',
    severity: 'error',
    file: SITE_SETTINGS_FILE,
    line: 1,
    column: 1,
    message,
  };
}

const URL_MISSING: Diagnostic = {
  code: 'W_SITE_URL_MISSING',
  severity: 'warning',
  file: SITE_SETTINGS_FILE,
  line: 1,
  column: 1,
  message: `${SITE_SETTINGS_FILE} has no "url", so feeds, sitemaps, canonical links and Open Graph URLs are left out. Set "url" to the address the site is published at, e.g. "https://example.org/archive/".`,
};

/**
 * Parses `site.json`. A broken file must not stop the archive from building: the defaults are
 * used and the problem is reported.
 */
export function parseSiteSettings(text: string): { site: SiteSettings; diagnostics: Diagnostic[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      site: DEFAULTS,
      diagnostics: [
        settingsError(
          `${SITE_SETTINGS_FILE} is not valid JSON (${(error as Error).message}). Fix the syntax; the defaults are used meanwhile.`,
        ),
      ],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      site: DEFAULTS,
      diagnostics: [
        settingsError(
          `${SITE_SETTINGS_FILE} must hold one JSON object with "title", "description" and "url".`,
        ),
      ],
    };
  }
  const record = raw as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const text_ = (key: 'title' | 'description'): string => {
    const value = record[key];
    if (value === undefined) return DEFAULTS[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    diagnostics.push(
      settingsError(`"${key}" in ${SITE_SETTINGS_FILE} must be a non-empty string.`),
    );
    return DEFAULTS[key];
  };
  const minimum = record.namePageMinArticles;
  let namePageMinArticles: number | undefined;
  if (Number.isInteger(minimum) && (minimum as number) >= 1)
    namePageMinArticles = minimum as number;
  else if (minimum !== undefined) {
    diagnostics.push(
      settingsError(
        `"namePageMinArticles" in ${SITE_SETTINGS_FILE} must be a whole number of at least 1 (how many articles must mention a name for it to get a page).`,
      ),
    );
  }
  const site: SiteSettings = { title: text_('title'), description: text_('description') };
  if (namePageMinArticles !== undefined) site.namePageMinArticles = namePageMinArticles;
  const url = record.url;
  if (typeof url === 'string' && url.trim() !== '') {
    if (/^https?:\/\/[^/\s]+/i.test(url.trim()) && URL.canParse(url.trim()))
      site.url = url.trim().replace(/\/?$/, '/');
    else
      diagnostics.push(
        settingsError(
          `"url" in ${SITE_SETTINGS_FILE} must be an absolute http(s) address such as https://example.org/archive/.`,
        ),
      );
  } else diagnostics.push(URL_MISSING);
  return { site, diagnostics };
}

export function loadSiteSettings(contentDir: string): {
  site: SiteSettings;
  diagnostics: Diagnostic[];
} {
  const file = path.join(contentDir, SITE_SETTINGS_FILE);
  if (!existsSync(file)) return { site: DEFAULTS, diagnostics: [URL_MISSING] };
  return parseSiteSettings(readFileSync(file, 'utf8'));
}
