/**
 * Source texts are indexed one paragraph per document, so a hit can say "source
 * title, paragraph n" and be turned straight into a quote: each paragraph document
 * carries its start offset in the full (normalized) source text, and the index adds
 * it to match positions. Paragraphs are separated by blank lines (a line holding only
 * spaces or tabs counts as blank); whitespace-only paragraphs are skipped and do not
 * take a number.
 */

import type { SearchDoc } from './types.ts';

export interface ParagraphExtras {
  tags?: string[];
  status?: string;
}

/** One `source` document per paragraph, ids `${sourceId}#p${n}` with n counting from 1. */
export function sourceParagraphDocs(sourceId: string, title: string, text: string, extras: ParagraphExtras = {}): SearchDoc[] {
  const out: SearchDoc[] = [];
  const sep = /\n[ \t]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '') return;
    const n = out.length + 1;
    const doc: SearchDoc = { id: `${sourceId}#p${n}`, type: 'source', text: body, sourceId, sourceTitle: title, paragraph: n, offset: from + lead, refId: sourceId };
    if (extras.tags) doc.tags = extras.tags;
    if (extras.status !== undefined) doc.status = extras.status;
    out.push(doc);
  };
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}
