/**
 * Human-readable output for the CLI: short, aligned, one record per line.
 * (`--json` output bypasses this entirely and prints the API's own records.)
 */
import type { ClaimDetail, SourceSummary, TagSummary } from '../../shared/api/contract.ts';
import type { Quote, Source } from '../../shared/model/records.ts';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function sourceLine(s: SourceSummary): string {
  const by = s.authors.length ? ` — ${s.authors.join(', ')}` : '';
  const date = s.published ? ` (${s.published})` : '';
  return `${s.id}  ${clip(s.title, 70)}${by}${date}  [${plural(s.quoteCount, 'quote')}, ${plural(s.claimCount, 'claim')}]`;
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
    ['sha256', s.sha256],
    ['imported', s.importedAt],
  ];
  const head = rows.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n');
  return `${head}\n\n${s.text}`;
}

export function quoteLine(q: Quote): string {
  const tags = q.tags.length ? `  #${q.tags.join(' #')}` : '';
  const pos = q.selectors[0];
  return `${q.id}  ${q.sourceId} @${pos.start}-${pos.end}  “${clip(q.exact.replace(/\s+/g, ' '), 80)}”${tags}${q.note ? `  — ${clip(q.note, 40)}` : ''}`;
}

export function tagLine(t: TagSummary): string {
  const depth = t.tag.name.split('/').length - 1;
  return `${'  '.repeat(depth)}${t.tag.name}  ${t.tag.color}  [${plural(t.quotes, 'quote')}, ${plural(t.claims, 'claim')}]`;
}

export function claimLines(d: ClaimDetail): string {
  const c = d.claim;
  const q = c.quantity ? `  (${c.quantity.raw})` : '';
  const tags = c.tags.length ? `  #${c.tags.join(' #')}` : '';
  const lines = [`${c.id}  [${c.status}] ${c.statement}${q}${tags}`];
  for (const e of d.evidence) lines.push(`    ${e.relation.padEnd(11)} ${e.quote.id}  “${clip(e.quote.exact.replace(/\s+/g, ' '), 70)}” — ${clip(e.sourceTitle, 40)}`);
  for (const l of c.links) lines.push(`    ${l.relation.padEnd(11)} ${l.claimId}`);
  for (const b of d.citedBy) lines.push(`    cited by    ${b.claimId} (${b.relation})`);
  return lines.join('\n');
}
