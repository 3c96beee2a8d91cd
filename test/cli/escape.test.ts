/**
 * Everything the CLI prints from user data has its control characters escaped: a
 * claim statement carrying terminal escape sequences is shown as \u001B…, never
 * sent raw to the terminal; --json output still parses back to the exact text.
 */
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../electron/cli/format.ts';
import { cli, tempDir } from '../support/notebook.ts';

const HOSTILE = 'Output fell\u001b]0;owned\u0007 \u001b[2J\rby 12%\u009b31m \u202eevil';

describe('control characters in what the CLI prints', () => {
  it('are escaped in `claims`, and --json keeps the exact text', async () => {
    const dir = tempDir();
    const added = await cli(dir, ['claim', 'add', HOSTILE, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json.claim.statement).toBe(HOSTILE);
    const listed = await cli(dir, ['claims']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(listed.stdout).toContain('Output fell\\u001B]0;owned\\u0007 \\u001B[2J\\u000Dby 12%\\u009B31m \\u202Eevil');
    expect((await cli(dir, ['claims', '--json'])).json.claims[0].claim.statement).toBe(HOSTILE);
  });

  it("keeps newlines and tabs, the CLI's own layout", () => {
    expect(escapeControls('a\tb\nc')).toBe('a\tb\nc');
    expect(escapeControls('\u0000\u007f')).toBe('\\u0000\\u007F');
  });
});
