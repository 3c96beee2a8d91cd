/**
 * The app's open notebook relays every pushed change of whichever notebook is
 * open, and nothing of a notebook it has switched away from.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch.ts';
import type { NotebookEvent } from '../../shared/api/events.ts';
import { OpenNotebook } from '../../electron/main/open-notebook.ts';
import { tempDir } from '../support/notebook.ts';

describe('OpenNotebook events', () => {
  it("relays the open notebook's writes, and after a switch follows only the new notebook", async () => {
    const nb = new OpenNotebook();
    const events: NotebookEvent[] = [];
    nb.onEvent((e) => events.push(e));
    await nb.open(tempDir('nb-open-a-'));
    const first = nb.service;
    await dispatch(first, 'importText', { text: 'The pier is 240 metres long.', title: 'Pier' });
    expect(events.map((e) => e.type)).toEqual(['changes']);
    await nb.open(tempDir('nb-open-b-'));
    const before = events.length;
    // The first notebook is closed: nothing more of it arrives.
    await dispatch(first, 'importText', { text: 'The old pier is 120 metres long.', title: 'Old pier' }).catch(() => null);
    expect(events.slice(before).filter((e) => e.type === 'changes')).toEqual([]);
    await dispatch(nb.service, 'importText', { text: 'The quay is 90 metres long.', title: 'Quay' });
    const last = events.at(-1)!;
    expect(last.type === 'changes' && last.changes[0]!.kind === 'source' && last.changes[0]!.op === 'put' && last.changes[0]!.record.title).toBe('Quay');
    const writes = () => events.filter((e) => e.type === 'changes').length;
    const count = writes();
    await nb.close();
    expect(writes()).toBe(count);
  });
});
