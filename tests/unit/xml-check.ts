import { DOMParser } from 'linkedom';
import { expect } from 'vitest';

// A strict well-formedness check (linkedom's XML parser forgives almost anything), then the
// parsed document for structural assertions.

const ALL_XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/;
const ATTRIBUTE = String.raw`\s+[A-Za-z_][\w.:-]*="[^"<]*"`;
const TAG = new RegExp(String.raw`<(\/?)([A-Za-z_][\w.:-]*)((?:${ATTRIBUTE})*)\s*(\/?)>`, 'g');

function assertWellFormed(xml: string): void {
  expect(ALL_XML_CHARS.test(xml), 'only XML 1.0 characters').toBe(true);
  expect(xml, 'every & starts a reference').not.toMatch(BAD_REFERENCE);
  expect(xml).not.toContain(']]>');
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="(utf|UTF)-8"\?>\n/);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let last = 0;
  for (const match of body.matchAll(TAG)) {
    const text = body.slice(last, match.index);
    if (/[<>]/.test(text)) problems.push(`raw < or > in text: ${text}`);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root: ${text}`);
    last = match.index + match[0].length;
    const [tag, closing, name, attributes, selfClosing] = match;
    if (closing) {
      if (attributes !== '') problems.push(`attributes on ${tag}`);
      const open = stack.pop();
      if (open !== name) problems.push(`${tag} closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  const rest = body.slice(last);
  if (rest.trim() !== '') problems.push(`not markup: ${rest.slice(0, 80)}`);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  expect(problems).toEqual([]);
}

export function parseXml(xml: string) {
  assertWellFormed(xml);
  return new DOMParser().parseFromString(xml, 'text/xml');
}
