/**
 * Tag names: hierarchical paths such as `energy/hash-rate`.
 *
 * A tag's identity is its normalized name. Segments are trimmed, inner whitespace
 * collapsed, and case kept as typed (researchers write proper nouns: `China/Xinjiang`).
 * Names are validated strictly because they travel into file-free places only
 * (records and Markdown), but also appear in CLI arguments and URLs.
 */
import { z } from 'zod';

export const TAG_MAX_DEPTH = 8;
export const TAG_SEGMENT_MAX = 64;

/** Normalizes a user-typed tag name, or returns an error message. */
export function normalizeTagName(raw: string): { ok: true; name: string } | { ok: false; error: string } {
  const segments = raw
    .normalize('NFC')
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '));
  if (segments.some((s) => s.length === 0)) return { ok: false, error: `tag "${raw}" has an empty part (check the slashes)` };
  if (segments.length > TAG_MAX_DEPTH) return { ok: false, error: `tag "${raw}" is nested deeper than ${TAG_MAX_DEPTH} levels` };
  for (const s of segments) {
    if (s.length > TAG_SEGMENT_MAX) return { ok: false, error: `tag part "${s.slice(0, 20)}…" is longer than ${TAG_SEGMENT_MAX} characters` };
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff#:,"`<>[\]{}\\]/.test(s))
      return { ok: false, error: `tag "${raw}" contains a character tags cannot hold (# : , " \` < > [ ] { } \\, a control character, or an invisible or direction-changing mark)` };
    if (s.startsWith('-')) return { ok: false, error: `tag "${raw}" may not start a part with "-"` };
  }
  return { ok: true, name: segments.join('/') };
}

/**
 * A tag name an edit may use: a new name must pass normalizeTagName, while a tag
 * the notebook already holds is taken as it is written — a tag made before a rule
 * was tightened can still be kept on a record, renamed or merged, never trapped.
 */
export function tagNameFor(view: { getTag(name: string): unknown }, raw: string): { ok: true; name: string } | { ok: false; error: string } {
  return view.getTag(raw) ? { ok: true, name: raw } : normalizeTagName(raw);
}

export const TagNameSchema = z
  .string()
  .max(600)
  .transform((raw, ctx) => {
    const r = normalizeTagName(raw);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.name;
  });

/** True when `name` is `ancestor` itself or nested below it. */
export function isTagWithin(name: string, ancestor: string): boolean {
  return name === ancestor || name.startsWith(ancestor + '/');
}

/** Rewrites `name` when it is within `from`, moving it under `to` (for rename and merge). */
export function retag(name: string, from: string, to: string): string {
  if (name === from) return to;
  if (name.startsWith(from + '/')) return to + name.slice(from.length);
  return name;
}

/** Every ancestor path of a tag, nearest last: `a/b/c` → [`a`, `a/b`]. */
export function tagAncestors(name: string): string[] {
  const parts = name.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
