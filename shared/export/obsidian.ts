/**
 * The notebook as an Obsidian vault: one note per source (its citation data and tags as
 * YAML properties, each quote a block with its own id `^q-…` (the quote id)) and one per claim (status,
 * figure, tags as properties; its evidence as wiki links to the quotes' blocks, listed
 * and in `supports` / `contradicts` / `context` properties, so the graph shows them), and
 * an index note. Pure: paths → file text; the caller packs them (a .zip of the folder).
 */
import type { Claim, ClaimId, EvidenceRelation, Quote, QuoteId, SourceId, SourceMeta } from '../model/records.ts';
import { figureText } from './evidence.ts';

export interface VaultInput {
  title: string;
  claims: readonly Claim[];
  quotes: ReadonlyMap<QuoteId, Quote>;
  sources: ReadonlyMap<SourceId, SourceMeta>;
  /** Bibliography entry per source as plain text (from the CSL style), for the `citation` property. */
  citations?: ReadonlyMap<SourceId, string>;
  /** The paragraph each quote starts in. */
  paragraphs?: ReadonlyMap<QuoteId, number>;
}

const RELATIONS: { relation: EvidenceRelation; heading: string }[] = [
  { relation: 'supports', heading: 'Supports' },
  { relation: 'contradicts', heading: 'Contradicts' },
  { relation: 'context', heading: 'Context' },
];

/** A note name Obsidian and every file system accept: no path, link or heading syntax, at most 80 characters. */
export function noteName(text: string): string {
  const name = text
    .replace(/[\\/:*?"<>|#^[\]\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return name || 'Untitled';
}

/** A quote's block id: letters, digits and dashes only. */
export const blockId = (id: QuoteId): string => id.replace(/[^A-Za-z0-9-]/g, '-');
/** A tag as Obsidian takes it: no spaces or `#`. */
const obsidianTag = (tag: string): string => tag.replace(/[\s#,]+/g, '-');
const yaml = (value: unknown): string => JSON.stringify(value);
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function properties(entries: [string, unknown][]): string {
  return ['---', ...entries.filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => `${k}: ${yaml(v)}`), '---', ''].join('\n');
}

/** The vault's files, by path inside the vault folder. */
export function buildVault(input: VaultInput): Map<string, string> {
  const files = new Map<string, string>();
  const sourcePath = new Map<SourceId, string>();
  const usedPaths = new Set<string>();
  const unique = (folder: string, name: string, id: string): string => {
    let path = `${folder}/${name}`;
    if (usedPaths.has(path.toLowerCase())) path = `${folder}/${name} (${id})`;
    usedPaths.add(path.toLowerCase());
    return path;
  };
  const quotesBySource = new Map<SourceId, Quote[]>();
  for (const q of input.quotes.values()) {
    const list = quotesBySource.get(q.sourceId) ?? [];
    list.push(q);
    quotesBySource.set(q.sourceId, list);
  }
  const sourceIds = [...input.sources.keys()].sort();
  for (const id of sourceIds) sourcePath.set(id, unique('Sources', noteName(input.sources.get(id)!.title), id));

  for (const id of sourceIds) {
    const s = input.sources.get(id)!;
    const quotes = (quotesBySource.get(id) ?? []).sort((a, b) => a.selectors[0].start - b.selectors[0].start || (a.id < b.id ? -1 : 1));
    const out = [
      properties([
        ['title', s.title],
        ['authors', s.authors],
        ['publisher', s.publisher],
        ['published', s.published],
        ['url', s.url],
        ['accessed', s.accessed],
        ['citation', input.citations?.get(id)],
        ['tags', [...new Set(quotes.flatMap((q) => q.tags).map(obsidianTag))]],
        ['notebook-id', s.id],
        ['sha256', s.sha256],
      ]),
      `# ${oneLine(s.title)}`,
      '',
    ];
    for (const q of quotes) {
      const para = input.paragraphs?.get(q.id);
      const lines = q.exact.split('\n').map((l) => `> ${l}`);
      lines[lines.length - 1] += ` ^${blockId(q.id)}`;
      out.push(...lines, '');
      const meta = [para !== undefined ? `para. ${para}` : null, q.tags.length ? q.tags.map((t) => `#${obsidianTag(t)}`).join(' ') : null].filter(Boolean);
      if (meta.length) out.push(meta.join(' · '), '');
      if (q.note.trim()) out.push(oneLine(q.note), '');
    }
    files.set(`${sourcePath.get(id)!}.md`, out.join('\n'));
  }

  const claimPath = new Map<ClaimId, string>();
  input.claims.forEach((c, i) => claimPath.set(c.id, unique('Claims', noteName(`C${i + 1} ${c.statement}`), c.id)));
  const link = (q: Quote): string => `[[${sourcePath.get(q.sourceId)}#^${blockId(q.id)}|${noteName(oneLine(q.exact).slice(0, 60))}]]`;
  for (const c of input.claims) {
    const evidence = (relation: EvidenceRelation) =>
      c.evidence
        .filter((e) => e.relation === relation)
        .map((e) => input.quotes.get(e.quoteId))
        .filter((q): q is Quote => q !== undefined && sourcePath.has(q.sourceId));
    const out = [
      properties([
        ['statement', c.statement],
        ['status', c.status],
        ['figure', c.quantity ? figureText(c.quantity) : null],
        ['tags', c.tags.map(obsidianTag)],
        ...RELATIONS.map(({ relation }) => [relation, evidence(relation).map(link)] as [string, unknown]),
        ['notebook-id', c.id],
      ]),
      `# ${oneLine(c.statement)}`,
      '',
    ];
    if (c.note.trim()) out.push(c.note.trim(), '');
    for (const { relation, heading } of RELATIONS) {
      const quotes = evidence(relation);
      if (quotes.length === 0) continue;
      out.push(`## ${heading}`, '', ...quotes.map((q) => `- ${link(q)}`), '');
    }
    files.set(`${claimPath.get(c.id)!}.md`, out.join('\n'));
  }

  const index = [
    `# ${oneLine(input.title)}`,
    '',
    '## Claims',
    '',
    ...input.claims.map((c) => `- [[${claimPath.get(c.id)}|${noteName(c.statement)}]] (${c.status})`),
    '',
    '## Sources',
    '',
    ...sourceIds.map((id) => `- [[${sourcePath.get(id)}]]`),
    '',
  ];
  files.set('Index.md', index.join('\n'));
  return files;
}
