/**
 * Where the Reader marks page boundaries of a paged source (PDF, EPUB with page
 * markers): each page map entry becomes a mark at its start offset, by block, labelled
 * as a citation prints it ("p. 14"); pages that start at the same offset (pages with
 * no text) share one mark ("pp. 5, 6"). The marks never add characters to the text:
 * TextBlock cuts a segment at each mark and CSS shows the label (reader offsets stay
 * exact, selections never include it).
 */
import { labelAt } from '../../shared/model/pages.ts';
import type { PageMap } from '../../shared/model/pages.ts';
import { blockAt } from './blocks.ts';
import type { Blocks } from './blocks.ts';

export interface PageMark {
  offset: number;
  label: string;
}

const NO_MARKS = new Map<number, PageMark[]>();

export function pageMarksByBlock(map: PageMap | undefined, blocks: Blocks): Map<number, PageMark[]> {
  if (!map || map.starts.length === 0) return NO_MARKS;
  const out = new Map<number, PageMark[]>();
  for (let i = 0; i < map.starts.length; i++) {
    const offset = map.starts[i]!;
    const labels = [labelAt(map, i)];
    while (i + 1 < map.starts.length && map.starts[i + 1] === offset) labels.push(labelAt(map, ++i));
    if (offset > blocks.length || (offset === blocks.length && blocks.length > 0)) continue;
    const b = blockAt(blocks, offset);
    const mark = { offset, label: labels.length === 1 ? `p. ${labels[0]}` : `pp. ${labels.join(', ')}` };
    const list = out.get(b);
    if (list) list.push(mark);
    else out.set(b, [mark]);
  }
  return out;
}
