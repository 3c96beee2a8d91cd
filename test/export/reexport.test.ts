/**
 * Re-export in place (shared/export/reexport.ts): the user's bytes outside the export's
 * parts survive, edited parts are kept and reported, removed claims leave a marker, and
 * an unchanged notebook over an unchanged file gives the same bytes. The property test
 * runs 200 seeded random sequences of user edits, notebook changes and re-exports.
 */
import { describe, expect, it } from 'vitest';
import { exportNotebook } from '../../electron/export/index.ts';
import { markParts, parseExport, reexport, stripMarks } from '../../shared/export/reexport.ts';
import type { ExportPart } from '../../shared/export/reexport.ts';
import { mulberry32 } from '../bench/stats.ts';
import { C, FIXTURE_DATE, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';

async function fixtureMd(claimIds?: string[]): Promise<string> {
  const fx = buildFixtureNotebook();
  const r = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format: 'md', style: 'apa', includeUnverified: false, date: FIXTURE_DATE, claimIds, groupBy: 'tag' });
  if (!r.ok) throw new Error('fixture export failed');
  return r.content;
}

describe('re-export of the fixture briefing', () => {
  it('marks every part with comments a reader does not see, and the marks stripped give the plain briefing', async () => {
    const md = await fixtureMd();
    const segments = parseExport(md);
    expect(segments.every((s) => s.kind === 'part' && !s.edited)).toBe(true);
    expect(segments.map((s) => (s.kind === 'part' ? s.id : '')).filter((id) => id.startsWith('claim-'))).toHaveLength(5);
    expect(stripMarks(md)).not.toContain('notebook-export');
    expect(stripMarks(md).replace(/\n+$/, '\n')).toBe(
      md
        .split('\n')
        .filter((l) => !l.startsWith('<!-- '))
        .join('\n')
        .replace(/\n+$/, '\n'),
    );
  });

  it('gives a byte-identical file for an unchanged notebook and an unchanged file, with or without the user’s own text', async () => {
    const md = await fixtureMd();
    expect(reexport(md, md)).toEqual({ content: md, events: [], wasExport: true });
    const edited = 'My notes before the briefing.\n\n' + md.replace('<!-- notebook-export part=conflicts', 'A paragraph of my own.\n\n<!-- notebook-export part=conflicts') + '\nSigned, me.\n';
    const again = reexport(edited, md);
    expect(again.content).toBe(edited);
    expect(again.events).toEqual([]);
    expect(reexport(again.content, md).content).toBe(edited);
  });

  it('leaves a one-line marker where a claim was removed, and puts the claim back there when it returns', async () => {
    const all = await fixtureMd();
    const fewer = await fixtureMd([C.c1, C.c2, C.c4, C.c5]);
    const user = all.replace('<!-- notebook-export part=bibliography', 'Kept text.\n<!-- notebook-export part=bibliography');
    const r = reexport(user, fewer);
    expect(r.events.map((e) => e.kind)).toEqual(['removed']);
    expect(r.events[0]!.id).toBe(`claim-${C.c3}`);
    const markerLines = r.content.split('\n').filter((l) => l.includes('notebook-export removed='));
    expect(markerLines).toHaveLength(1);
    expect(markerLines[0]).toMatch(/^\*Removed from the notebook since the last export: C\d\. .*\* <!-- notebook-export removed=claim-c_0000000003 -->$/);
    expect(r.content).toContain('Kept text.\n');
    expect(reexport(r.content, fewer).content).toBe(r.content);
    const back = reexport(r.content, await fixtureMd([C.c1, C.c2, C.c4, C.c5, C.c3]));
    expect(back.content).not.toContain('notebook-export removed=');
    expect(back.content).toContain('Kept text.\n');
  });

  it('keeps a part the user edited, reports it, and writes the new version right after it', async () => {
    const md = await fixtureMd();
    const edited = md.replace('- Status: ', '- My aside.\n- Status: ');
    const r = reexport(edited, md);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.kind).toBe('edited');
    expect(r.content).toContain('- My aside.\n');
    const copies = parseExport(r.content).filter((s) => s.kind === 'part' && s.id === r.events[0]!.id);
    expect(copies.map((s) => s.kind === 'part' && s.edited)).toEqual([true, false]);
    expect(r.content).toContain(`part=${r.events[0]!.id} hash=`);
    expect(r.content).toMatch(/ new-version -->/);
    // Exported again: still reported, nothing added, same bytes.
    const again = reexport(r.content, md);
    expect(again.content).toBe(r.content);
    expect(again.events).toEqual(r.events);
  });

  it('treats a file without marks as no earlier export', () => {
    const r = reexport('# My own notes\n', markParts([{ id: 'head', body: '# T\n\n' }]));
    expect(r.wasExport).toBe(false);
  });
});

interface Claim {
  id: number;
  version: number;
  quotes: string[];
}

/** A stand-in for the briefing: head, one part per claim (its quotes inside), bibliography, footnotes. */
function render(claims: readonly Claim[], rev: number): ExportPart[] {
  return [
    { id: 'head', body: `# Briefing\n\n- Revision: ${rev}\n\n` },
    ...claims.map((c, i) => ({ id: `claim-${c.id}`, body: `### C${i + 1}. Claim ${c.id} v${c.version}\n\n${c.quotes.map((q) => `> ${q}\n\n`).join('')}` })),
    { id: 'bibliography', body: `## Bibliography\n\n- ${claims.length} sources\n\n` },
    { id: 'footnotes', body: claims.length ? `[^1]: Note.\n\n` : '\n' },
  ];
}

describe('re-export property: 200 random sequences of user edits, notebook changes and re-exports', () => {
  it('keeps 100% of the user’s bytes outside parts, duplicates no part, loses no quote and reports every edited part', () => {
    let checks = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = mulberry32(seed); // seeded: every run tries the same 200 sequences
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      let nextId = 1;
      let quoteNo = 1;
      let userNo = 1;
      const newClaim = (): Claim => ({ id: nextId++, version: 1, quotes: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `quote ${quoteNo++}`) });
      let claims: Claim[] = Array.from({ length: 2 + Math.floor(rand() * 4) }, newClaim);
      let rev = 0;
      let file = markParts(render(claims, rev));
      const userTokens: string[] = []; // the user's own text outside parts, in file order
      const editTokens = new Map<string, string>(); // token inside a part → the part's id

      for (let step = 0; step < 12; step++) {
        const action = rand();
        if (action < 0.45) {
          // The user edits the file.
          const kind = rand();
          const lines = file.split(/(?<=\n)/);
          const segments = parseExport(file);
          if (kind < 0.5) {
            // Insert own text outside parts: at a boundary between segments.
            const boundaries: number[] = [0];
            let at = 0;
            for (const s of segments) boundaries.push((at += (s.kind === 'text' ? s.text : s.raw).split(/(?<=\n)/).length));
            const where = pick(boundaries);
            const token = `«user ${seed}.${userNo++}»`;
            lines.splice(where, 0, `${token} my own words\n`);
            file = lines.join('');
            const before = lines.slice(0, where).join('');
            const index = userTokens.filter((t) => before.includes(t)).length;
            userTokens.splice(index, 0, token);
          } else if (kind < 0.65 && userTokens.length) {
            // Delete some of the user's own text.
            const token = pick(userTokens);
            file = file.replace(`${token} my own words\n`, '');
            userTokens.splice(userTokens.indexOf(token), 1);
          } else {
            // Edit inside a part: insert a line, delete a line, or change one.
            const parts = segments.filter((s): s is Extract<typeof s, { kind: 'part' }> => s.kind === 'part' && !s.edited);
            if (!parts.length) continue;
            const target = pick(parts);
            const bodyLines = target.body.split(/(?<=\n)/);
            const token = `«edit ${seed}.${userNo++}»`;
            const i = Math.floor(rand() * bodyLines.length);
            const how = rand();
            if (how < 0.4) bodyLines.splice(i, 0, `${token}\n`);
            else if (how < 0.7) bodyLines[i] = `${token} ${bodyLines[i]}`;
            else bodyLines.splice(i, 1, `${token}\n`);
            const raw = target.raw.replace(target.body, bodyLines.join(''));
            file = file.replace(target.raw, raw);
            editTokens.set(token, target.id);
          }
          continue;
        }
        // The notebook changes (sometimes not at all), then the briefing is re-exported onto the file.
        const change = rand();
        if (change < 0.25) claims.push(newClaim());
        else if (change < 0.4 && claims.length > 1) claims.splice(Math.floor(rand() * claims.length), 1);
        else if (change < 0.55 && claims.length > 1) claims = [...claims.slice(1), claims[0]!];
        else if (change < 0.75 && claims.length) {
          const c = pick(claims);
          c.version++;
          c.quotes = rand() < 0.5 ? [...c.quotes, `quote ${quoteNo++}`] : c.quotes.slice(0, Math.max(1, c.quotes.length - 1));
        }
        if (rand() < 0.3) rev++;
        const parts = render(claims, rev);
        const next = markParts(parts);
        const before = file;
        const r = reexport(file, next);
        file = r.content;
        const out = parseExport(file);

        // Every byte the user wrote outside parts is there, once, in order.
        let from = 0;
        for (const t of userTokens) {
          const at = file.indexOf(`${t} my own words\n`, from);
          expect(at, `seed ${seed}: ${t}`).toBeGreaterThanOrEqual(0);
          expect(file.indexOf(`${t} my own words\n`, at + 1)).toBe(-1);
          from = at;
        }
        // Every edit inside a part is kept, and reported when its part was edited.
        const reported = new Set(r.events.filter((e) => e.kind !== 'removed').map((e) => e.id));
        for (const [token, id] of editTokens) {
          if (!before.includes(token)) continue;
          expect(file, `seed ${seed}: ${token}`).toContain(token);
          expect(reported.has(id), `seed ${seed}: edited ${id} reported`).toBe(true);
        }
        // No part duplicated: each current part exactly once untouched and current; no stray untouched copies.
        for (const p of parts) {
          const copies = out.filter((s) => s.kind === 'part' && s.id === p.id && !s.edited);
          expect(copies, `seed ${seed}: ${p.id}`).toHaveLength(1);
          expect(copies[0]!.kind === 'part' && copies[0]!.body).toBe(p.body);
        }
        const current = new Set(parts.map((p) => p.id));
        expect(out.filter((s) => s.kind === 'part' && !s.edited && !current.has(s.id))).toEqual([]);
        // No quote lost.
        for (const c of claims) for (const q of c.quotes) expect(file).toContain(`> ${q}\n`);
        // Exported again with nothing changed: the same bytes.
        expect(reexport(file, next).content).toBe(file);
        checks++;
      }
    }
    expect(checks).toBeGreaterThan(200);
  });
});
