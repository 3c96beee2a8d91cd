/** The quick switcher's entries: sources, claims, quotes and tags matching what the user typed. */
import type { ClaimDetail, SourceSummary, TagSummary } from '../../shared/api/contract.ts';
import type { Quote } from '../../shared/model/records.ts';
import { claimFlags } from './claim-lists.ts';
import { plural } from './wording.ts';

export type SwitchTarget =
  | { kind: 'source'; id: string; label: string; detail: string }
  | { kind: 'quote'; id: string; label: string; detail: string }
  | { kind: 'claim'; id: string; label: string; detail: string; flags?: string[] }
  | { kind: 'tag'; id: string; label: string; detail: string };

/**
 * Quick-switcher matches: every whitespace-separated word must occur in the
 * label or detail (case-insensitive). Label matches rank first, then shorter
 * labels, because a short exact title is usually what the user is typing.
 */
export function switcherMatches(
  data: { sources: readonly SourceSummary[]; quotes: readonly Quote[]; claims: readonly ClaimDetail[]; tags: readonly TagSummary[] },
  query: string,
  limit = 30,
): SwitchTarget[] {
  const titleOf = new Map(data.sources.map((s) => [s.id, s.title]));
  const all: SwitchTarget[] = [
    ...data.sources.map((s) => ({ kind: 'source' as const, id: s.id, label: s.title, detail: s.authors.join(', ') })),
    ...data.claims.map((c) => ({ kind: 'claim' as const, id: c.claim.id, label: c.claim.statement, detail: c.claim.tags.join(', '), flags: claimFlags(c) })),
    ...data.quotes.map((q) => ({ kind: 'quote' as const, id: q.id, label: q.exact, detail: titleOf.get(q.sourceId) ?? '' })),
    ...data.tags.map((t) => ({ kind: 'tag' as const, id: t.tag.name, label: t.tag.name, detail: `${plural(t.quotes, 'quote')}, ${plural(t.claims, 'claim')}` })),
  ];
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return all.slice(0, limit);
  const scored: { t: SwitchTarget; score: number }[] = [];
  for (const t of all) {
    const label = t.label.toLocaleLowerCase();
    const hay = label + '\n' + t.detail.toLocaleLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const inLabel = words.every((w) => label.includes(w)) ? 0 : 1000;
    scored.push({ t, score: inLabel + Math.min(label.length, 999) });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, limit).map((s) => s.t);
}
