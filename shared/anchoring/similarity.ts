/**
 * Small comparisons used to score anchoring candidates: how well stored context
 * agrees with the text around a candidate, and whether a candidate keeps the
 * quote's figures.
 */
import { foldCodes } from './fold.ts';
import { MyersPattern } from './myers.ts';

/**
 * Similarity (0..1) of `context` to the text just before `at` (side 'before') or
 * just after it ('after'). The context must touch `at`, but its far end may float
 * by a few characters: an inserted or deleted word in the context should cost
 * that word, not shift every later character out of line. 1 − distance/length,
 * with the distance computed on folded text (see fold.ts).
 */
export function contextSimilarity(text: string, at: number, context: string, side: 'before' | 'after'): number {
  const m = context.length;
  if (m === 0) return 1;
  const slack = slackFor(m);
  const from = side === 'before' ? Math.max(0, at - m - slack) : at;
  const to = side === 'before' ? at : Math.min(text.length, at + m + slack);
  let p = foldCodes(context);
  let t = foldCodes(text, from, to);
  // Align from the touching end: reverse both for the 'before' side.
  if (side === 'before') {
    p = p.slice().reverse();
    t = t.slice().reverse();
  }
  // D[i][j]: distance between p[0,i) and t[0,j); the answer is min over j of D[m][j].
  let prev = new Int32Array(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  let cur = new Int32Array(t.length + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = p[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1]! + (pc === t[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= t.length; j++) best = Math.min(best, prev[j]!);
  return 1 - best / m;
}

/** Extra text compared beyond a context's length, so its far end may float. */
function slackFor(length: number): number {
  return Math.ceil(length / 4) + 2;
}

/**
 * A stored context (prefix or suffix) prepared once per quote, to be compared at
 * many candidate positions of one folded text: the same measure as
 * contextSimilarity, computed bit-parallel.
 */
export class ContextMatcher {
  readonly context: string;
  private readonly matcher: MyersPattern | null;

  constructor(context: string) {
    this.context = context;
    this.matcher = context.length > 0 ? new MyersPattern(foldCodes(context)) : null;
  }

  similarity(folded: Uint16Array, at: number, side: 'before' | 'after'): number {
    const m = this.context.length;
    if (!this.matcher) return 1;
    const slack = slackFor(m);
    const scores = side === 'before' ? this.matcher.anchoredBackward(folded, at, Math.max(0, at - m - slack)) : this.matcher.anchoredForward(folded, at, Math.min(folded.length, at + m + slack));
    let best = m;
    for (const d of scores) if (d < best) best = d;
    return 1 - best / m;
  }
}

/**
 * Characters of `context` that agree exactly, running outward from `at`. Exact,
 * not folded: it ranks occurrences of an exact quote, and an occurrence whose
 * stored context is present verbatim must win over one that is merely similar.
 */
export function contextAgreement(text: string, at: number, context: string, side: 'before' | 'after'): number {
  const n = context.length;
  let k = 0;
  if (side === 'before') {
    while (k < n && at - 1 - k >= 0 && context.charCodeAt(n - 1 - k) === text.charCodeAt(at - 1 - k)) k++;
  } else {
    while (k < n && at + k < text.length && context.charCodeAt(k) === text.charCodeAt(at + k)) k++;
  }
  return k;
}

/** The digit runs of `s`, in order: "rose 4.2% to 1,300" → "4|2|1|300". */
export function digitRuns(s: string): string {
  return (s.match(/\p{Nd}+/gu) ?? []).join('|');
}

/**
 * Number words: copy desks spell out small figures ("four more aircraft"), and
 * "four" becoming "five" changes the claim as surely as "4" becoming "5".
 */
const FIGURE =
  /\p{Nd}+|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b/giu;

/**
 * The figures of `s`, in order: digit runs and number words, so "four" → "five"
 * and "4" → "5" both show, and so does "four" → "4" (a changed figure is for a
 * person to judge).
 */
export function figures(s: string): string {
  return (s.match(FIGURE) ?? []).map((f) => f.toLowerCase()).join('|');
}
