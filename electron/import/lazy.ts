/**
 * Heavy npm packages loaded at their first use, so a command that never reads an
 * HTML page or a Markdown file, or never exports, never pays for them (citation-js
 * and linkedom alone cost more CPU than starting Node). Import is synchronous
 * (readSourceFile checks every file before anything is written), so these load
 * through `require`, which on Node ≥ 20.19 also loads ES-only packages such as
 * marked and shares their instance with `import`. linkedom is the Node side's one
 * DOM: article extraction and the citation converter both get it from here.
 */
import { createRequire } from 'node:module';

/** Every package loaded this way (the packaging checks that each one ships). */
export const LAZY_PACKAGES = [
  '@mozilla/readability',
  'linkedom',
  'marked',
  'sanitize-html',
  '@citation-js/core',
  '@citation-js/plugin-csl',
  '@citation-js/plugin-bibtex',
  'iconv-lite',
  'pdfjs-dist',
  'mammoth',
  'mhtml-to-html',
  'warcio',
  '@citation-js/plugin-ris',
] as const;
export type LazyPackage = (typeof LAZY_PACKAGES)[number];

const load = createRequire(import.meta.url);

/** A getter that loads `name` on its first call and returns the same module ever after. */
export function lazy<T>(name: LazyPackage): () => T {
  let module: T | undefined;
  return () => (module ??= load(name) as T);
}

export const linkedom = lazy<typeof import('linkedom')>('linkedom');
