/**
 * Re-export in place: a Markdown export is a run of parts, each wrapped in HTML comments
 * naming the part and a hash of what the export wrote, so a Markdown renderer hides the
 * marks. Exporting onto a file an earlier export wrote replaces only its own untouched
 * parts, keeps every byte outside them, never overwrites a part the user edited (it is
 * reported and the new version is written right after it), and leaves a one-line marker
 * where a claim was removed. Pure: old text + new export in, merged text + report out.
 */

export interface ExportPart {
  /** Stable across exports: `head`, `claim-<id>`, `bibliography`, … */
  id: string;
  /** The part's Markdown, ending with a newline. */
  body: string;
}

export type ReexportEvent = { kind: 'edited'; id: string; label: string } | { kind: 'edited-removed'; id: string; label: string } | { kind: 'removed'; id: string; label: string };

export interface ReexportResult {
  content: string;
  /** What the user should know: parts they edited (kept) and claims removed. Empty when only untouched parts changed. */
  events: ReexportEvent[];
  /** Whether `old` was an earlier export (it held at least one intact part). */
  wasExport: boolean;
}

const BEGIN = /^<!-- notebook-export part=(\S+) hash=([0-9a-f]{12})( new-version)? -->$/;
const REMOVED = /<!-- notebook-export removed=(\S+) -->$/;
const endMark = (id: string): string => `<!-- /notebook-export part=${id} -->`;

/** A 48-bit hash of a part's text (two 32-bit FNV-1a lanes): detects edits, not tampering. */
export function partHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193 + 0x2f);
  }
  return ((a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')).slice(0, 12);
}

function markPart(id: string, body: string, newVersion = false): string {
  return `<!-- notebook-export part=${id} hash=${partHash(body)}${newVersion ? ' new-version' : ''} -->\n${body}${endMark(id)}\n`;
}

/** The export's text: every part wrapped in its marks. */
export function markParts(parts: readonly ExportPart[]): string {
  return parts.map((p) => markPart(p.id, p.body)).join('');
}

/** What a reader sees: the marked export with its marks (whole mark lines, removal marks) taken out. */
export function stripMarks(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !BEGIN.test(line.replace(/\n$/, '')) && !/^<!-- \/notebook-export part=\S+ -->$/.test(line.replace(/\n$/, '')))
    .map((line) => line.replace(/ ?<!-- notebook-export removed=\S+ -->(?=\n?$)/, ''))
    .join('');
}

type Segment = { kind: 'text'; text: string } | { kind: 'part'; id: string; body: string; edited: boolean; raw: string } | { kind: 'removed'; id: string; raw: string };

/** Splits a file into user text, intact parts and removal markers. A part whose end mark is missing is user text. */
export function parseExport(text: string): Segment[] {
  const lines = text.split(/(?<=\n)/);
  const out: Segment[] = [];
  let pending = '';
  const flush = () => {
    if (pending) out.push({ kind: 'text', text: pending });
    pending = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = line.replace(/\n$/, '');
    const m = BEGIN.exec(bare);
    if (m && line.endsWith('\n')) {
      const end = endMark(m[1]!);
      let j = i + 1;
      while (j < lines.length && lines[j]!.replace(/\n$/, '') !== end && !BEGIN.test(lines[j]!.replace(/\n$/, ''))) j++;
      if (j < lines.length && lines[j]!.replace(/\n$/, '') === end) {
        flush();
        const body = lines.slice(i + 1, j).join('');
        out.push({ kind: 'part', id: m[1]!, body, edited: partHash(body) !== m[2], raw: lines.slice(i, j + 1).join('') });
        i = j;
        continue;
      }
    }
    const r = REMOVED.exec(bare);
    if (r && !m) {
      flush();
      out.push({ kind: 'removed', id: r[1]!, raw: line });
      continue;
    }
    pending += line;
  }
  flush();
  return out;
}

/** A part's name for the report: its first heading or line, e.g. "C3. Output fell". */
export function partLabel(id: string, body: string): string {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? id;
  const text = first.replace(/^#+\s*/, '').trim();
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

interface Node {
  text: string;
  next: Node | null;
}

/**
 * Merges a new export (`next`, as markParts wrote it) into the file an earlier export
 * wrote (`old`). Untouched parts are replaced (and moved when the notebook's order
 * changed), edited parts kept where they are with the new version right after them,
 * removed claims leave a one-line marker, new parts go after the part before them.
 */
export function reexport(old: string, next: string): ReexportResult {
  const nextParts = parseExport(next).filter((s): s is Extract<Segment, { kind: 'part' }> => s.kind === 'part');
  const order = new Map(nextParts.map((p, i) => [p.id, i]));
  const segments = parseExport(old);
  const events: ReexportEvent[] = [];
  const wasExport = segments.some((s) => s.kind === 'part');

  // A linked list of output pieces, so parts can be placed after a given piece.
  const head: Node = { text: '', next: null };
  let tail = head;
  const append = (text: string): Node => (tail = tail.next = { text, next: null });
  const insertAfter = (at: Node, text: string): Node => {
    const node = { text, next: at.next };
    at.next = node;
    if (tail === at) tail = node;
    return node;
  };

  const unedited = new Map<string, number>(); // id → index of its first untouched copy
  const lastEdited = new Map<string, number>();
  segments.forEach((s, i) => {
    if (s.kind !== 'part') return;
    if (!s.edited && !unedited.has(s.id)) unedited.set(s.id, i);
    if (s.edited) lastEdited.set(s.id, i);
  });
  // Untouched parts stay put when their order agrees with the new export's (the longest run that does); the rest
  // move. A new version written beside the user's edited copy stays beside it.
  const pinned = (id: string) => lastEdited.has(id);
  const movable = [...unedited.entries()].filter(([id]) => order.has(id) && !pinned(id)).sort((a, b) => a[1] - b[1]);
  const staying = longestIncreasing(
    movable.map(([id]) => id),
    order,
  );

  const placed = new Map<string, Node>();
  const firstMarker = new Map<string, number>();
  segments.forEach((s, i) => {
    if (s.kind === 'removed' && !firstMarker.has(s.id)) firstMarker.set(s.id, i);
  });
  const hasPart = (id: string) => unedited.has(id) || lastEdited.has(id);

  segments.forEach((s, i) => {
    if (s.kind === 'text') return void append(s.text);
    if (s.kind === 'removed') {
      // A removed claim that is back takes the marker's place; otherwise the marker stays.
      if (!order.has(s.id)) return void append(s.raw);
      if (!hasPart(s.id) && firstMarker.get(s.id) === i) placed.set(s.id, append(markPart(s.id, nextParts[order.get(s.id)!]!.body)));
      return;
    }
    const inNext = order.has(s.id);
    if (s.edited) {
      append(s.raw);
      events.push({ kind: inNext ? 'edited' : 'edited-removed', id: s.id, label: partLabel(s.id, s.body) });
      if (inNext && !unedited.has(s.id) && lastEdited.get(s.id) === i) placed.set(s.id, append(markPart(s.id, nextParts[order.get(s.id)!]!.body, true)));
      return;
    }
    if (unedited.get(s.id) !== i) return; // a second untouched copy: the export's own duplicate
    if (!inNext) {
      if (s.id.startsWith('claim-')) {
        const label = partLabel(s.id, s.body);
        events.push({ kind: 'removed', id: s.id, label });
        append(`*Removed from the notebook since the last export: ${label.replace(/\n/g, ' ')}* <!-- notebook-export removed=${s.id} -->\n`);
      }
      return;
    }
    if (staying.has(s.id) || pinned(s.id)) placed.set(s.id, append(markPart(s.id, nextParts[order.get(s.id)!]!.body, pinned(s.id))));
  });

  // Moved and new parts: after the nearest part before them in the new export (not one pinned beside an edited
  // copy, which may stand anywhere), else before the first such part, else at the end; so the next export finds
  // them all in order and moves nothing.
  const placedNodes = new Set([...placed].filter(([id]) => !pinned(id)).map(([, n]) => n));
  let firstPlaced: Node | null = null;
  for (let n = head.next; n && !firstPlaced; n = n.next) if (placedNodes.has(n)) firstPlaced = n;
  let before: Node | undefined;
  nextParts.forEach((p) => {
    const at = placed.get(p.id);
    if (at) {
      if (!pinned(p.id)) before = at;
      return;
    }
    const text = markPart(p.id, p.body, false);
    if (before) placed.set(p.id, (before = insertAfter(before, text)));
    else if (firstPlaced) {
      let prev = head;
      while (prev.next !== firstPlaced) prev = prev.next!;
      placed.set(p.id, (before = insertAfter(prev, text)));
    } else placed.set(p.id, (before = append(text)));
  });

  let content = '';
  for (let n = head.next; n; n = n.next) content += n.text;
  return { content, events, wasExport };
}

/** The ids whose new-export positions form the longest increasing run, in file order. */
function longestIncreasing(ids: string[], order: ReadonlyMap<string, number>): Set<string> {
  const keys = ids.map((id) => order.get(id)!);
  const tails: number[] = [];
  const prev: number[] = new Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < keys[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<string>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.add(ids[i]!);
  return out;
}

/** The report, one line per event, in the user's words. */
export function describeReexport(events: readonly ReexportEvent[]): string[] {
  return events.map((e) =>
    e.kind === 'edited'
      ? `you edited “${e.label}”: your version is kept and the new one is written right after it`
      : e.kind === 'edited-removed'
        ? `you edited “${e.label}”, which the notebook no longer has: your version is kept`
        : `“${e.label}” is no longer in the notebook: a one-line marker is left in its place`,
  );
}
