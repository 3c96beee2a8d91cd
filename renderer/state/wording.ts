/** Short texts views display: an excerpt, a count with its noun, a search snippet in marked parts, what a delete takes with it. */

/** A short single-line excerpt for lists. */
export function excerpt(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1).trimEnd() + '…';
}

/** A count with its noun: "1 quote", "2 quotes" (nouns here take a plain -s). */
export function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * A search snippet cut into plain and marked parts, so the view can build
 * `<mark>` elements as React nodes (never an HTML string). Overlapping or
 * out-of-range marks are clipped rather than trusted.
 */
export function snippetParts(snippet: { text: string; marks: readonly (readonly [number, number])[] }, lead?: number): { text: string; mark: boolean }[] {
  const marks = [...snippet.marks].sort((a, b) => a[0] - b[0]);
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  // With `lead`, text before the first match is cut to about that many characters
  // (at a space), so a one-line list still shows the match.
  const first = marks[0]?.[0] ?? 0;
  if (lead !== undefined && first > lead) {
    const space = snippet.text.indexOf(' ', first - lead);
    at = space >= 0 && space < first ? space + 1 : first - lead;
    out.push({ text: '…', mark: false });
  }
  for (const [s, e] of marks) {
    const start = Math.max(at, Math.min(s, snippet.text.length));
    const end = Math.min(e, snippet.text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: snippet.text.slice(at, start), mark: false });
    out.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) out.push({ text: snippet.text.slice(at), mark: false });
  return out;
}

/** What the delete confirmation of a quote says goes with it. */
export function quoteDeleteDetail(citingClaims: number): string {
  const claims = citingClaims ? ` ${citingClaims === 1 ? 'The claim citing it loses' : `The ${plural(citingClaims, 'claim')} citing it lose`} it as evidence.` : '';
  return `Its highlight, tags and note go with it.${claims} Undo (Ctrl+Z) brings it back.`;
}
