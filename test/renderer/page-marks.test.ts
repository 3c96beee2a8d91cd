/**
 * Page marks in the Reader: one per page start, in the block holding it, labelled as
 * a citation prints the page; pages that start at the same place share one mark.
 */
import { describe, expect, it } from 'vitest';
import { pageMarksByBlock } from '../../renderer/reader/page-marks.ts';
import { splitBlocks } from '../../renderer/reader/blocks.ts';
import type { PageMap } from '../../shared/model/pages.ts';

const para = (i: number) => `Ledger line ${i} of the harbour office, copied fair. `.repeat(20).trim();
const TEXT = Array.from({ length: 40 }, (_, i) => para(i)).join('\n\n');

describe('page marks', () => {
  const blocks = splitBlocks(TEXT);
  const at = (n: number) => TEXT.indexOf(`Ledger line ${n} `);
  const map: PageMap = { starts: [0, at(10) + 17, at(25), at(25), at(33)], pages: [1, 2, 3, 4, 5], labels: ['ix', 'x', '1', '2', '3'], origin: 'labels' };

  it('puts each page start in the block holding it, with the label a citation prints', () => {
    const marks = pageMarksByBlock(map, blocks);
    const flat = [...marks.entries()].flatMap(([b, list]) => list.map((m) => ({ b, ...m })));
    expect(flat.map((m) => m.label)).toEqual(['p. ix', 'p. x', 'pp. 1, 2', 'p. 3']);
    for (const m of flat) {
      const b = m.b;
      expect(blocks.starts[b]!).toBeLessThanOrEqual(m.offset);
      expect(b + 1 >= blocks.starts.length || blocks.starts[b + 1]! > m.offset).toBe(true);
    }
    expect(flat[1]!.offset).toBe(at(10) + 17);
  });

  it('follows the researcher’s page offset, and gives nothing for a source without pages', () => {
    const marks = pageMarksByBlock({ ...map, offset: 1646 }, blocks);
    expect([...marks.values()].flat().map((m) => m.label)).toEqual(['p. 1647', 'p. 1648', 'pp. 1649, 1650', 'p. 1651']);
    expect(pageMarksByBlock(undefined, blocks).size).toBe(0);
  });
});
