import { describe, expect, it } from 'vitest';
import { briefingArgs, initialBriefing, moveClaim, scopeIsEmpty, toggle } from '../../renderer/state/briefing.ts';

describe('briefing choices', () => {
  it('sends only the chosen scope, trimmed title, style and the unverified, quote-notes and provenance switches', () => {
    expect(briefingArgs({ ...initialBriefing, title: '  Coal outlook ', style: 'mla' }, 'md')).toEqual({
      format: 'md',
      style: 'mla',
      includeUnverified: false,
      quoteNotes: false,
      provenance: true,
      title: 'Coal outlook',
    });
    expect(briefingArgs({ ...initialBriefing, quoteNotes: true, provenance: false }, 'md')).toMatchObject({ quoteNotes: true, provenance: false });
    expect(briefingArgs({ ...initialBriefing, scope: 'tags', tags: ['energy/coal'], claimIds: ['c_x'] }, 'bibtex')).toMatchObject({ format: 'bibtex', tags: ['energy/coal'] });
    expect(briefingArgs({ ...initialBriefing, scope: 'claims', claimIds: ['c_b', 'c_a'], includeUnverified: true }, 'md')).toMatchObject({ claimIds: ['c_b', 'c_a'], includeUnverified: true });
    expect(briefingArgs({ ...initialBriefing, title: '   ' }, 'md')).not.toHaveProperty('title');
  });

  it('treats an empty tag or claim pick as nothing chosen, never as everything', () => {
    expect(scopeIsEmpty({ ...initialBriefing, scope: 'tags' })).toBe(true);
    expect(scopeIsEmpty({ ...initialBriefing, scope: 'claims' })).toBe(true);
    expect(scopeIsEmpty(initialBriefing)).toBe(false);
    expect(briefingArgs({ ...initialBriefing, scope: 'tags' }, 'md')).toMatchObject({ tags: [] });
  });

  it('moves a picked claim up or down and ignores moves past either end', () => {
    expect(moveClaim(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveClaim(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveClaim(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveClaim(['a', 'b', 'c'], 'z', 1)).toEqual(['a', 'b', 'c']);
  });

  it('toggles values in the order they were added', () => {
    expect(toggle(['x'], 'y')).toEqual(['x', 'y']);
    expect(toggle(['x', 'y'], 'x')).toEqual(['y']);
  });
});
