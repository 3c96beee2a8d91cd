import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookStore } from '../../electron/storage/store.ts';
import { tempDir } from '../support/notebook.ts';
import { writeThenKill } from './support/kill-writer.ts';
import { expectAtMostACutTail } from './support/only-cut-tail.ts';

const ROUNDS = 6;

describe('a kill -9 in the middle of a burst of writes', () => {
  it(`loses no acknowledged write and leaves every file readable (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tempDir('nb-crash-');
      const acks = await writeThenKill('test/support/crash-writer.ts', dir, 4 + Math.floor(Math.random() * 120));
      expect(acks.length).toBeGreaterThan(3);

      // Opening validates every file; a torn or half-written file would be quarantined and refused.
      const store = await NotebookStore.open(dir, { write: 'required' });
      try {
        const m = store.memory;
        const deleted = new Set(acks.filter((a) => a.startsWith('ack delete ')).map((a) => a.slice(11)));
        // A delete that was announced but not acknowledged may or may not have happened.
        const inFlight = new Set(
          acks
            .filter((a) => a.startsWith('try delete '))
            .map((a) => a.slice(11))
            .filter((id) => !deleted.has(id)),
        );
        expect(inFlight.size).toBeLessThanOrEqual(1);
        for (const a of acks) {
          const [verb, kind, id] = a.split(' ');
          if (verb !== 'ack') continue;
          if (kind === 'quote' && !deleted.has(id!) && !inFlight.has(id!)) expect(m.getQuote(id as never), `round ${round}: acknowledged quote ${id}`).toBeDefined();
          if (kind === 'claim') expect(m.getClaim(id as never), `round ${round}: acknowledged claim ${id}`).toBeDefined();
          if (kind === 'delete') expect(m.getQuote(id as never), `round ${round}: acknowledged delete ${id}`).toBeUndefined();
        }
        for (const c of m.claims()) for (const e of c.evidence) expect(m.getQuote(e.quoteId), `round ${round}: dangling evidence`).toBeDefined();
        expectAtMostACutTail(dir, store, round);
        // Stray temps are removed when a writer opens the notebook.
        for (const d of ['.', 'sources', 'claims']) if (existsSync(join(dir, d))) expect(readdirSync(join(dir, d)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
