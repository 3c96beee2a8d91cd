/**
 * The Obsidian vault export: one note per source and per claim, citation data and tags
 * as properties, a block id per quote, evidence as wiki links — and no broken link:
 * every link's note exists and every `#^block` is in it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import { VAULT_FOLDER } from '../../electron/export/vault.ts';
import { blockId, buildVault, noteName } from '../../shared/export/obsidian.ts';
import { FIXTURE_DATE, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

async function vault(): Promise<Map<string, string>> {
  const fx = buildFixtureNotebook();
  const r = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format: 'obsidian', style: 'apa', includeUnverified: false, date: FIXTURE_DATE });
  if (!r.ok) throw new Error('fixture export failed');
  const files = unzipSync(new Uint8Array(Buffer.from(r.content, 'base64')));
  return new Map(Object.entries(files).map(([p, b]) => [p.slice(VAULT_FOLDER.length + 1), strFromU8(b)]));
}

/** The note's YAML properties: each line `key: <JSON>`, as the exporter writes them. */
function props(note: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(note);
  if (!m) throw new Error('no properties');
  return Object.fromEntries(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 1))]));
}

describe('Obsidian vault', () => {
  it('has one note per source and per claim, with properties, a block per quote, and no broken link', async () => {
    const files = await vault();
    const fx = buildFixtureNotebook();
    const sources = [...fx.notebook.sources()];
    const claims = [...fx.notebook.claims()];
    expect([...files.keys()].filter((p) => p.startsWith('Sources/'))).toHaveLength(sources.length);
    expect([...files.keys()].filter((p) => p.startsWith('Claims/'))).toHaveLength(claims.length);

    for (const s of sources) {
      const note = [...files.values()].find((n) => n.includes(`notebook-id: "${s.id}"`))!;
      const p = props(note);
      expect(p.title).toBe(s.title);
      expect(p.authors).toEqual(s.authors);
      expect(String(p.citation)).toContain(s.authors[0]!.split(' ').pop()!);
    }
    for (const q of fx.notebook.quotes()) {
      const owner = [...files.values()].filter((n) => n.includes(`^${blockId(q.id)}\n`));
      expect(owner, q.id).toHaveLength(1);
      expect(owner[0]).toContain(q.exact.split('\n').pop()!);
    }

    let links = 0;
    for (const [path, text] of files) {
      for (const m of text.matchAll(/\[\[([^\]|#]+)(?:#\^([A-Za-z0-9-]+))?(?:\|[^\]]*)?\]\]/g)) {
        links++;
        const target = files.get(`${m[1]}.md`);
        expect(target, `${path} → ${m[1]}`).toBeDefined();
        if (m[2]) expect(target!, `${path} → ${m[1]}#^${m[2]}`).toMatch(new RegExp(` \\^${m[2]}$`, 'm'));
      }
    }
    expect(links).toBeGreaterThan(claims.reduce((n, c) => n + c.evidence.length, 0));

    // Evidence in the claim's properties too, by relation, so the graph shows supports / contradicts.
    for (const c of claims) {
      const note = [...files.values()].find((n) => n.includes(`notebook-id: "${c.id}"`))!;
      const p = props(note);
      expect(p.status).toBe(c.status);
      for (const relation of ['supports', 'contradicts'] as const) {
        const n = c.evidence.filter((e) => e.relation === relation).length;
        expect(((p[relation] as string[] | undefined) ?? []).length, `${c.id} ${relation}`).toBe(n);
      }
    }
  });

  it('gives the same vault for the same notebook, and safe, distinct note names', async () => {
    const a = await vault();
    const b = await vault();
    expect([...a]).toEqual([...b]);
    expect(noteName('a/b\\c:*?"<>|#^[x]')).toBe('a b c x');
    expect(noteName('...')).toBe('Untitled');
    const fx = buildFixtureNotebook();
    const one = [...fx.notebook.sources()][0]!;
    const twins = buildVault({
      title: 'T',
      claims: [],
      quotes: new Map(),
      sources: new Map([
        [one.id, one],
        ['s_twin' as never, { ...one, id: 's_twin' as never }],
      ]),
    });
    expect(new Set(twins.keys()).size).toBe(3);
  });
});
