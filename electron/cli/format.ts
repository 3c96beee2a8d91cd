/**
 * Human-readable output for the CLI: short, aligned, one record per line.
 * (`--json` output bypasses this entirely and prints the API's own records.)
 */
import type { SearchHit } from '../../shared/search/types.ts';
import type { ClaimDetail, ConflictItem, ReviewItem, SourceSummary, SuggestionItem, TagSummary } from '../../shared/api/contract.ts';
import type { Quantity, Quote, Source } from '../../shared/model/records.ts';
import { bandText, formatPeriod } from '../../shared/claims/quantity.ts';
import { describePages } from '../../shared/model/pages.ts';

/**
 * Everything the CLI prints passes through here: control characters from user data
 * (a claim statement carrying terminal escape sequences, a carriage return that would
 * overwrite a line) are shown as \uHHHH instead of reaching the terminal.
 * Newlines and tabs are the CLI's own layout and stay.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
export function escapeControls(text: string): string {
  // \uHHHH: readable in a terminal, and in --json output the same escape JSON itself uses (it parses back to the same text).
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function sourceLine(s: SourceSummary): string {
  const by = s.authors.length ? ` — ${s.authors.join(', ')}` : '';
  const date = s.published ? ` (${s.published})` : '';
  const review = s.reviewCount ? `, ${s.reviewCount} to review` : '';
  const versions = s.versions.length ? `, version ${s.versions.length + 1}` : '';
  return `${s.id}  ${clip(s.title, 70)}${by}${date}  [${plural(s.quoteCount, 'quote')}, ${plural(s.claimCount, 'claim')}${review}${versions}]`;
}

export function sourceDetail(s: Source): string {
  const rows: [string, string | null][] = [
    ['id', s.id],
    ['title', s.title],
    ['authors', s.authors.join('; ') || null],
    ['publisher', s.publisher],
    ['published', s.published],
    ['url', s.url],
    ['accessed', s.accessed],
    ['file', s.fileName ? `${s.fileName} (${s.format}, ${s.encoding})` : s.format],
    ['pages', describePages(s.pages)],
    ['sha256', s.sha256],
    ['imported', s.importedAt],
  ];
  const head = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `${k.padEnd(10)} ${v}`)
    .join('\n');
  return `${head}\n\n${s.text}`;
}

export function quoteLine(q: Quote): string {
  const tags = q.tags.length ? `  #${q.tags.join(' #')}` : '';
  const pos = q.selectors[0];
  const status = q.anchor.status === 'exact' ? '' : `  [${q.anchor.status}${q.anchor.review ? `, ${q.anchor.review}` : ''}]`;
  return `${q.id}  ${q.sourceId} @${pos.start}-${pos.end}  “${clip(q.exact.replace(/\s+/g, ' '), 80)}”${status}${tags}${q.note ? `  — ${clip(q.note, 40)}` : ''}`;
}

export function tagLine(t: TagSummary): string {
  const depth = t.tag.name.split('/').length - 1;
  return `${'  '.repeat(depth)}${t.tag.name}  ${t.tag.color}  [${plural(t.quotes, 'quote')}, ${plural(t.claims, 'claim')}]`;
}

/** "  (almost 70% → 63–70%)": a claim's figure with its band, or "" when it has none. */
export function quantityNote(q: Quantity | null): string {
  if (!q) return '';
  const band = bandText(q);
  return `  (${q.raw.replace(/\s+/g, ' ')}${band ? ` → ${band}` : ''}${q.asOf ? `, as of ${formatPeriod(q.asOf)}` : ''})`;
}

export function claimLines(d: ClaimDetail): string {
  const c = d.claim;
  const q = quantityNote(c.quantity);
  const tags = c.tags.length ? `  #${c.tags.join(' #')}` : '';
  const conflict = (d.conflicts.length ? `  ⚡ conflicts with ${d.conflicts.map((x) => x.claimId).join(', ')}` : '') + (d.outOfDate ? `  ⌛ possibly out of date: ${d.outOfDate}` : '');
  const flag = conflict + (d.unreviewedEvidence ? `  ⚠ ${d.unreviewedEvidence} evidence quote(s) drifted: review needed` : '');
  const lines = [`${c.id}  [${c.status}] ${c.statement}${q}${tags}${flag}`];
  for (const e of d.evidence) {
    const a = e.quote.anchor;
    const drift = a.status === 'fuzzy' || a.status === 'orphaned' ? `  [${a.status}${a.review ? `, ${a.review}` : ', unreviewed'}]` : '';
    lines.push(`    ${e.relation.padEnd(11)} ${e.quote.id}  “${clip(e.quote.exact.replace(/\s+/g, ' '), 70)}” — ${clip(e.sourceTitle, 40)}${drift}`);
  }
  for (const l of c.links) lines.push(`    ${l.relation.padEnd(11)} ${l.claimId}`);
  for (const b of d.citedBy) lines.push(`    cited by    ${b.claimId} (${b.relation})`);
  return lines.join('\n');
}

export function reviewLines(r: ReviewItem): string {
  const lines = [`${r.quote.id}  ${r.status} (score ${r.score.toFixed(2)})  ${clip(r.sourceTitle, 50)}`, `    was: “${clip(r.oldText.replace(/\s+/g, ' '), 100)}”`];
  if (r.newText !== null) lines.push(`    now: “${clip(r.newText.replace(/\s+/g, ' '), 100)}”`);
  else lines.push('    now: not found in the new version');
  return lines.join('\n');
}

export function suggestionLine(s: SuggestionItem): string {
  const f = s.figure;
  const status = (s.status === 'open' ? '' : `  [${s.status}]`) + (s.claimedBy ? `  [claimed by ${s.claimedBy}]` : '');
  const subject = f.subject ? `  — ${f.subject}` : '';
  const band = bandText(f);
  const when = f.asOf ? `, as of ${formatPeriod(f.asOf)}` : '';
  return `${s.key.padEnd(9)} ${f.raw}  (${f.bound}${band ? ` ${band}` : ''}${f.unit ? `, ${f.unit}` : ''}${f.hedge ? `, hedge “${f.hedge}”` : ''}${when})${subject}${status}\n          “${clip(s.sentence.text.replace(/\s+/g, ' '), 110)}”`;
}

export function conflictLines(c: ConflictItem): string {
  const side = (x: ConflictItem['a']) => `${x.claimId}  ${clip(x.statement, 80)}${x.sourceTitle ? `  — ${clip(x.sourceTitle, 40)}` : ''}${x.date ? ` (${x.date})` : ''}`;
  const mark = c.relation === 'conflict' ? '⚡' : c.relation === 'change' ? '↦' : '⌛';
  // the earlier figure first for a change, so the two lines read as a timeline
  const [first, second] = c.older === c.b.claimId ? [c.b, c.a] : [c.a, c.b];
  return `${mark} ${c.reason}\n    ${side(first)}\n    ${side(second)}`;
}

/** A hit with its matched words in [brackets] (terminals have no highlight we can rely on). */
export function hitLines(h: SearchHit): string {
  let shown = '';
  let at = 0;
  for (const [a, b] of h.snippet.marks) {
    shown += h.snippet.text.slice(at, a) + '[' + h.snippet.text.slice(a, b) + ']';
    at = b;
  }
  shown += h.snippet.text.slice(at);
  const where = h.sourceTitle ? `  — ${clip(h.sourceTitle, 50)}${h.page ? `, ${h.page.includes('–') ? 'pp.' : 'p.'} ${h.page}` : h.paragraph ? `, ¶${h.paragraph}` : ''}` : '';
  return `${h.type.padEnd(6)} ${h.refId}${where}\n       ${shown.replace(/\s+/g, ' ')}`;
}
