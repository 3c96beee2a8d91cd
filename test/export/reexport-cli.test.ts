/**
 * `notebook export --out FILE` onto a file an earlier export wrote: updated in place,
 * the user's own text and edited parts kept, what was kept reported on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempDir } from '../support/notebook.ts';

describe('notebook export onto an earlier export', () => {
  it('updates the file in place, keeping the user’s text and edited claim, and reports the edit', async () => {
    const dir = tempDir();
    const id = (await cli(dir, ['import', join(FIXTURES, 'lithium-output.txt'), '--json'])).json.results[0].source.id;
    const q1 = (await cli(dir, ['quote', id, '--exact', 'output fell by almost 12%', '--json'])).json.quote;
    const q2 = (await cli(dir, ['quote', id, '--exact', 'We may see a partial rebound of up to 5% by June', '--json'])).json.quote;
    await cli(dir, ['claim', 'add', 'Lithium output fell by almost 12%', '--evidence', `${q1.id}:supports`]);
    const out = join(tempDir(), 'briefing.md');
    expect((await cli(dir, ['export', '--out', out])).code).toBe(0);

    const first = readFileSync(out, 'utf8');
    const mine = 'Intro I wrote myself.\n\n' + first.replace('- Status: ', '- Said twice, check.\n- Status: ') + '\nMy closing line.\n';
    writeFileSync(out, mine);
    await cli(dir, ['claim', 'add', 'A rebound of up to 5% is expected by June', '--evidence', `${q2.id}:supports`]);

    const r = await cli(dir, ['export', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.updatedInPlace).toBe(true);
    expect(r.json.reexport.map((e: { kind: string }) => e.kind)).toEqual(['edited']);
    expect(r.stderr).toMatch(/you edited “C1\. Lithium output fell by almost 12%”: your version is kept and the new one is written right after it/);
    const second = readFileSync(out, 'utf8');
    expect(second.startsWith('Intro I wrote myself.\n\n')).toBe(true);
    expect(second.endsWith('\nMy closing line.\n')).toBe(true);
    expect(second).toContain('- Said twice, check.\n');
    expect(second).toContain('A rebound of up to 5% is expected by June');
    expect(second).toContain(`> ${q2.exact}`);

    // Nothing changed since: the same bytes again.
    expect((await cli(dir, ['export', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(second);
  });

  it('replaces a file no export wrote, as before', async () => {
    const dir = tempDir();
    const out = join(tempDir(), 'notes.md');
    writeFileSync(out, 'not an export\n');
    const r = await cli(dir, ['export', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.updatedInPlace).toBeUndefined();
    expect(readFileSync(out, 'utf8')).not.toContain('not an export');
  });
});
