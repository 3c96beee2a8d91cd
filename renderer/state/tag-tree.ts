/** The tag hierarchy as the Tags view lists it (parents before children, with per-subtree totals), and tag input parsing. */
import type { TagSummary } from '../../shared/api/contract.ts';
import { isTagWithin } from '../../shared/model/tags.ts';

export interface TagNode {
  name: string;
  /** The last path segment, shown indented under its parent. */
  label: string;
  depth: number;
  color: string;
  quotes: number;
  claims: number;
  /** Uses of this tag and every tag nested below it. */
  totalQuotes: number;
  totalClaims: number;
}

/** Flattens tags into display order (parents before children) with per-subtree totals. */
export function tagTree(tags: readonly TagSummary[]): TagNode[] {
  const sorted = [...tags].sort((a, b) => (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0));
  return sorted.map((t) => {
    const parts = t.tag.name.split('/');
    let totalQuotes = 0;
    let totalClaims = 0;
    for (const u of tags) {
      if (isTagWithin(u.tag.name, t.tag.name)) {
        totalQuotes += u.quotes;
        totalClaims += u.claims;
      }
    }
    return {
      name: t.tag.name,
      label: parts[parts.length - 1] ?? t.tag.name,
      depth: parts.length - 1,
      color: t.tag.color,
      quotes: t.quotes,
      claims: t.claims,
      totalQuotes,
      totalClaims,
    };
  });
}

/** Splits what the user typed in a tag field ("energy/coal, Shipping") into names. */
export function parseTagInput(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim().replace(/\s*\/\s*/g, '/'))
        .filter(Boolean),
    ),
  ];
}
