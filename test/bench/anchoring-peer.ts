/**
 * Re-anchoring against the method peers use, side by side in one run: Hypothesis
 * anchors a quote with ONE approximate search of the whole text (approx-string-match,
 * Myers' bit-parallel algorithm, up to quote.length / 2 errors) and picks the best
 * candidate by its score — quote 50, prefix 20, suffix 20, position 2 (client
 * src/annotator/anchoring/match-quote.ts). Ours is shared/anchoring (position first,
 * then exact text with context, then the q-gram-filtered approximate path).
 * Both anchor 1,000 quotes on the edited ~1 MB sources of test/bench/anchoring.ts,
 * and both are scored on the labelled fixture pairs (test/fixtures/anchoring): the
 * peer's answer is read as exact (same place, same words), moved (same words
 * elsewhere), fuzzy (other words) or orphaned (no candidate). Target (issue 13):
 * ours at least 5× faster with equal or better accuracy.
 *
 * Run: npx tsx test/bench/anchoring-peer.ts
 */
import search from 'approx-string-match';
import { anchor, createAnchorer } from '../../shared/anchoring/index.ts';
import type { AnchorStatus, Selectors } from '../../shared/anchoring/index.ts';
import { loadAnchoringCases } from '../fixtures/anchoring/index.ts';
import { scenario } from './anchoring.ts';
import { table } from './stats.ts';

interface PeerResult {
  status: AnchorStatus;
  start: number;
  end: number;
}

/** How well `text` matches `str`: 1 − the fewest errors of `str` anywhere in `text`, per character (Hypothesis' textMatchScore). */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - Math.min(...matches.map((m) => m.errors)) / str.length;
}

/** Hypothesis' matchQuote: one approximate search, then the candidate with the best weighted score. */
function peerAnchor(text: string, selectors: Selectors): PeerResult {
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string };
  const maxErrors = Math.min(256, quote.exact.length / 2);
  const matches = search(text, quote.exact, maxErrors);
  if (matches.length === 0) return { status: 'orphaned', start: -1, end: -1 };
  let best = matches[0]!;
  let bestScore = -1;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.exact.length;
    const prefixScore = quote.prefix ? textMatchScore(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix) : 1;
    const suffixScore = quote.suffix ? textMatchScore(text.slice(m.end, m.end + quote.suffix.length), quote.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - position.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  const words = text.slice(best.start, best.end);
  const status: AnchorStatus = words !== quote.exact ? 'fuzzy' : best.start === position.start ? 'exact' : 'moved';
  return { status, start: best.start, end: best.end };
}

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

export async function main(): Promise<void> {
  console.log("\n## Re-anchoring vs the peers' method (Hypothesis: one approx-string-match search per quote, scored quote 50 / prefix 20 / suffix 20 / position 2)");
  const rows: (string | number)[][] = [];
  for (const sc of [scenario('realistic mix', 7, { edit: 0.1, delete: 0.03, moveParagraph: 0.05 }), scenario('worst case (all edited)', 11, { edit: 1, delete: 0, moveParagraph: 0.2 })]) {
    // The peer is slow on 1 MB: time it on the first 100 quotes and scale, saying so.
    const sample = sc.quotes.slice(0, 100);
    const ours = cpuMs(() => {
      const a = createAnchorer(sc.newText);
      for (const q of sc.quotes) a.anchor(q.selectors);
    });
    const peer =
      (cpuMs(() => {
        for (const q of sample) peerAnchor(sc.newText, q.selectors);
      }) *
        sc.quotes.length) /
      sample.length;
    rows.push([sc.name, ours, peer, peer / ours]);
  }
  console.log(table(['1,000 quotes on ~1 MB', 'ours CPU ms', 'peer CPU ms (100 timed, ×10)', 'peer ÷ ours'], rows));

  const cases = loadAnchoringCases();
  let total = 0;
  const right = { ours: 0, peer: 0 };
  const wrongWords = { ours: 0, peer: 0 };
  for (const c of cases) {
    for (const q of c.quotes) {
      total++;
      const o = anchor(c.new, q.selectors);
      const p = peerAnchor(c.new, q.selectors);
      const ok = (status: AnchorStatus, start: number | null, end: number | null, text: string | null) =>
        status === q.expected && (!q.expectedRange || (start === q.expectedRange.start && end === q.expectedRange.end)) && (!q.expectedText || text === q.expectedText);
      if (ok(o.status, o.start, o.end, o.text)) right.ours++;
      if (ok(p.status, p.start, p.end, p.start >= 0 ? c.new.slice(p.start, p.end) : '')) right.peer++;
      // A quote that should be orphaned (its words are gone) but is put on other words: the silent mis-anchor.
      if (q.expected === 'orphaned' && o.status !== 'orphaned') wrongWords.ours++;
      if (q.expected === 'orphaned' && p.status !== 'orphaned') wrongWords.peer++;
    }
  }
  console.log(
    table(
      [`labelled fixture pairs (${cases.length} cases, ${total} quotes)`, 'ours', 'peer'],
      [
        ['status (and place/text where pinned) as labelled', `${right.ours}/${total}`, `${right.peer}/${total}`],
        ['quotes whose words are gone put on other words', String(wrongWords.ours), String(wrongWords.peer)],
      ],
    ),
  );
  console.log('Target: ours ≥ 5× faster with equal or better accuracy.');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
