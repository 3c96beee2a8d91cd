import { describe, expect, it } from 'vitest';
import type { Token, Tokens } from 'marked';
import { buildBriefing } from '../../shared/export/briefing.ts';
import type { BriefingInput } from '../../shared/export/briefing.ts';
import { briefingMarked } from '../../electron/export/html.ts';
import type { FootnotesToken } from '../../shared/export/markdown.ts';
import { paragraphNumberAt } from '../../shared/export/paragraphs.ts';
import { exportNotebook } from '../../electron/export/index.ts';
import type { Claim, Quote, QuoteId, SourceId, SourceMeta } from '../../shared/model/records.ts';
import { C, FIXTURE_DATE, Q, S, buildFixtureNotebook, sha256 } from '../fixtures/export/notebook.ts';
import { blockquoteTexts } from './helpers.ts';

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const nested = (t as { tokens?: Token[] }).tokens;
    if (nested) walk(nested, visit);
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens, visit);
  }
}

/** Briefing input for the fixture notebook, with simple hand-made citations (no CSL processor needed). */
function fixtureInput(overrides: Partial<BriefingInput> = {}): BriefingInput {
  const fx = buildFixtureNotebook();
  const sources = new Map<SourceId, SourceMeta>([...fx.notebook.sources()].map((s) => [s.id, s]));
  return {
    title: 'Test briefing',
    date: FIXTURE_DATE,
    scope: 'all claims',
    groupBy: 'tag',
    claims: [...fx.notebook.claims()],
    quotes: new Map<QuoteId, Quote>([...fx.notebook.quotes()].map((q) => [q.id, q])),
    sources,
    texts: fx.texts,
    citations: new Map([...sources.values()].map((s) => [s.id, { inline: `(${s.authors[0]})`, bibliography: s.title }])),
    ...overrides,
  };
}

describe('the Markdown briefing parsed back with marked', () => {
  it('has exactly one footnote definition per reference, one blockquote per quote, and quotes equal to the source at their anchors', async () => {
    const fx = buildFixtureNotebook();
    const result = await exportNotebook({ view: fx.notebook, getText: fx.getText, sha256, format: 'md', style: 'chicago', includeUnverified: false, date: FIXTURE_DATE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tokens = briefingMarked().lexer(result.content);

    const refs: string[] = [];
    const defs: string[] = [];
    let blockquotes = 0;
    walk(tokens, (t) => {
      if (t.type === 'footnoteRef') refs.push((t as unknown as { label: string }).label);
      if (t.type === 'footnotes') defs.push(...(t as FootnotesToken).items.map((i) => i.label));
      if (t.type === 'blockquote') blockquotes++;
    });
    const evidence = [...fx.notebook.claims()].flatMap((c) => c.evidence);
    expect(refs).toHaveLength(evidence.length);
    expect(new Set(refs).size).toBe(refs.length);
    expect([...defs].sort()).toEqual([...refs].sort());
    expect(blockquotes).toBe(evidence.length);

    const anchored = evidence.map((e) => {
      const q = fx.notebook.getQuote(e.quoteId)!;
      return fx.texts.get(q.sourceId)!.slice(q.selectors[0].start, q.selectors[0].end);
    });
    expect(blockquoteTexts(result.content).sort()).toEqual(anchored.sort());
  });

  it('keeps a multi-line quote as one blockquote with one "> " line per source line', () => {
    const md = buildBriefing(fixtureInput());
    const q5 = fixtureInput().quotes.get(Q.q5)!;
    const lines = q5.exact.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const block = lines.map((l) => `> ${l}`).join('\n');
    expect(md).toContain(block.slice(0, -1)); // the last line also carries its footnote reference
  });
});

describe('buildBriefing', () => {
  it('is deterministic: the same input gives byte-identical output', () => {
    expect(buildBriefing(fixtureInput())).toBe(buildBriefing(fixtureInput()));
  });

  it('groups claims by first tag in name order with untagged claims last', () => {
    const md = buildBriefing(fixtureInput());
    const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Tag: energy/wind', 'Tag: mining', 'Tag: mining/copper', 'Tag: shipping', 'Untagged claims', 'Conflicting evidence', 'Bibliography', 'Provenance']);
  });

  it('keeps the given order when grouping by order', () => {
    const input = fixtureInput({ groupBy: 'order' });
    const reversed = [...input.claims].reverse();
    const md = buildBriefing({ ...input, claims: reversed });
    const statements = [...md.matchAll(/^### C\d+\. (.*)$/gm)].map((m) => m[1]);
    expect(statements[0]).toBe('Late pick-up fees rise 15% in January');
    expect(statements).toHaveLength(reversed.length);
  });

  it('prints the figure with its hedge, the status, and separates supporting, contradicting and context evidence', () => {
    const md = buildBriefing(fixtureInput());
    const c3 = md.slice(md.indexOf('Wind curtailment reached'), md.indexOf('## Tag: mining'));
    expect(c3).toContain('- Figure: nearly 1.8 TWh');
    expect(c3).toContain('- Status: disputed');
    const order = ['**Supporting evidence**', '**Contradicting evidence**', '**Context**'].map((s) => c3.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(c3.slice(order[1]!, order[2]!)).toContain('> They estimate that curtailment fell');
  });

  it('lists claims with evidence on both sides, and given claim conflicts, under "Conflicting evidence"', () => {
    const md = buildBriefing(fixtureInput({ conflicts: [{ a: C.c1, b: C.c4, reason: 'different *units*' }] }));
    const section = md.slice(md.indexOf('## Conflicting evidence'), md.indexOf('## Bibliography'));
    expect(section).toContain('Wind curtailment reached a record of nearly 1.8 TWh): evidence on both sides (1 supporting, 1 contradicting)');
    expect(section).toContain('Ship waiting times at Port Calder');
    expect(section).not.toContain('Flooding closed shaft');
    expect(section).toContain('different \\*units\\*');
  });

  it("adds each quote's tags and note when asked, escaped, and leaves the provenance appendix out when asked", () => {
    const plain = buildBriefing(fixtureInput());
    expect(plain).not.toContain('Quote note:');
    expect(plain).toContain('## Provenance');
    const full = buildBriefing(fixtureInput({ quoteNotes: true, provenance: false }));
    expect(full).toContain('- Quote tags: mining/copper');
    expect(full).toContain('- Quote note: Check the \\*exact\\* closure dates \\[ask the operator\\].');
    expect(full).not.toContain('## Provenance');
    expect(full).not.toMatch(/SHA-256|[0-9a-f]{64}/);
    // Switching them does not touch the quotes or their footnotes.
    expect(blockquoteTexts(full)).toEqual(blockquoteTexts(plain));
    expect(full.match(/^\[\^\d+\]: /gm)).toEqual(plain.match(/^\[\^\d+\]: /gm));
  });

  it('cites each quote with its paragraph number and lists sources in a sorted bibliography and a provenance appendix', () => {
    const input = fixtureInput();
    const md = buildBriefing(input);
    const q2 = input.quotes.get(Q.q2)!;
    const para = paragraphNumberAt(input.texts.get(S.kestrel)!, q2.selectors[0].start);
    expect(para).toBe(4);
    expect(md).toMatch(/^\[\^\d+\]: \(Dana Okafor\), para\. 4\.$/m);
    const bib = md
      .slice(md.indexOf('## Bibliography'), md.indexOf('## Provenance'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(bib).toEqual([...bib].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(bib).toHaveLength(3);
    const kestrel = input.sources.get(S.kestrel)!;
    expect(md).toContain(`file kestrel-mine.txt; accessed 2025-10-20; SHA-256 of text ${kestrel.sha256}`);
  });

  it('marks unverified quotes visibly next to the quote and in its footnote', () => {
    const md = buildBriefing(fixtureInput({ unverified: new Set([Q.q7]) }));
    expect(md).toContain(`**Unverified quote** (${Q.q7})`);
    expect(md.match(/\*\*Unverified:\*\*/g)).toHaveLength(1);
  });

  it('escapes hostile statements, notes, quotes and titles so they stay literal', () => {
    const input = fixtureInput();
    const claim: Claim = { ...input.claims[0]!, statement: '# <script>alert(1)</script> [x](y)', note: '<img src=x onerror=alert(1)>\n- item', tags: [] };
    const md = buildBriefing({ ...input, claims: [claim] });
    const tokens = briefingMarked().lexer(md);
    let html = false;
    walk(tokens, (t) => {
      if (t.type === 'html' || t.type === 'link' || t.type === 'image') html = true;
    });
    expect(html).toBe(false);
    expect(md).toContain('### C1. \\# \\<script\\>alert(1)\\</script\\> \\[x\\](y)');
  });

  it('says so when no claims are in scope', () => {
    const md = buildBriefing(fixtureInput({ claims: [] }));
    expect(md).toContain('*No claims in scope.*');
    expect(md).not.toContain('[^');
  });
});
