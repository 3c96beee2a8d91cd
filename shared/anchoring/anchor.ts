/**
 * Re-finding a stored quote in a (possibly edited) source text.
 *
 * Three ways, cheapest first, and a refusal to guess:
 *  (a) exact: the stored position still holds the quote, with its context;
 *  (b) moved: the quote's exact text occurs elsewhere (or at the stored position
 *      with changed context); among several occurrences the one whose context
 *      agrees best wins, then the one nearest the expected position;
 *  (c) fuzzy: an approximate match, tolerating small edits inside and around the
 *      quote, scored from quote, context and position similarity (thresholds.ts);
 *      a long, little-edited quote whose context was all edited away is found on
 *      its own words when the old version is known and no other place matches
 *      nearly as well;
 *  (d) orphaned: nothing scored at least FUZZY_THRESHOLD, or what did broke a rule
 *      (changed figures, no agreeing context, words rewritten or reordered, or the
 *      place is an unchanged sentence of the old version that did not hold the
 *      quote: units.ts).
 *
 * createAnchorer(text) shares the expensive part (folded text, q-gram index) among
 * many quotes of one text; anchor(text, selectors) is the one-off form. Results
 * always land on grapheme boundaries, and 'exact'/'moved' always mean that
 * text.slice(start, end) === exact.
 */
import { onBoundary, snap } from './boundaries.ts';
import { ANCHOR_CHARS, approximateMatches, endAnchored, startAnchored } from './candidates.ts';
import { ContextFinder } from './context-finder.ts';
import { bestOccurrence } from './occurrences.ts';
import { foldCodes } from './fold.ts';
import { MyersPattern } from './myers.ts';
import { BIN, QGramIndex } from './qgram.ts';
import { ContextMatcher, contextSimilarity, digitRuns, figures } from './similarity.ts';
import type { AnchorOptions, AnchorResult, Selectors } from './types.ts';
import { type PreviousVersion, widenToSentences } from './units.ts';
import { AMBIGUITY_MARGIN, FUZZY_THRESHOLD, MIN_QUOTE_SIMILARITY, MIN_WORDS_KEPT, SELF_EVIDENT_LENGTH, SELF_EVIDENT_SIMILARITY, STRONG_CONTEXT, WEIGHTS } from './thresholds.ts';
import { wordDiff } from './word-diff.ts';
import { compareWording, insideWord } from './wording.ts';

/**
 * The same for the approximate search, which costs a bit-parallel scan per
 * character: a narrower window, since the q-gram index covers whatever moved farther.
 */
const FUZZY_WINDOW = 1024;
/** Global candidates (from the q-gram index) verified per quote. */
const GLOBAL_CANDIDATES = 6;

export { FUZZY_THRESHOLD, MIN_QUOTE_SIMILARITY, MIN_WORDS_KEPT, SELF_EVIDENT_LENGTH, SELF_EVIDENT_SIMILARITY, STRONG_CONTEXT, WEIGHTS };

export interface Anchorer {
  readonly text: string;
  anchor(selectors: Selectors, options?: AnchorOptions): AnchorResult;
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Built on first approximate use: compare prefix/suffix at candidate positions. */
  prefixMatcher?: ContextMatcher;
  suffixMatcher?: ContextMatcher;
  /** Stored start, when it is a usable offset. */
  stored: number | null;
  expected: number;
  /** The old version, when it holds the quote at its stored offset (reanchorAll). */
  previous: PreviousVersion | null;
  /** Whether the stored prefix/suffix is still found somewhere in the text; computed on first need. */
  found: { before?: boolean; after?: boolean };
  /** figures(exact) and digitRuns(exact), once. */
  figures: string;
  digits: string;
  /** Whether the quote began (ended) inside a word of the old text. */
  startsInWord: boolean;
  endsInWord: boolean;
}

interface Scored {
  start: number;
  end: number;
  score: number;
  /** Characters kept (1 − distance / quote length). */
  q: number;
  accepted: boolean;
  /** How many of its edges meet the stored context (or the text's edge), 0..2. */
  edges: number;
  /**
   * Passes every rule but agreeing context, and every stored context is gone from
   * the text: acceptable on its own words if no other place matches nearly as well.
   */
  alone: boolean;
}

/** A sentence end with more text after it. */
const SENTENCE_BREAK = /[.!?\u2026]["'\u201d\u2019)\]]*\s+\S/u;

function orphan(score: number): AnchorResult {
  return { status: 'orphaned', start: null, end: null, score, text: null };
}

class TextAnchorer implements Anchorer {
  readonly text: string;
  private foldedText: Uint16Array | null = null;
  private qgrams: QGramIndex | null = null;

  constructor(text: string) {
    this.text = text;
  }

  private get folded(): Uint16Array {
    this.foldedText ??= foldCodes(this.text);
    return this.foldedText;
  }

  private get index(): QGramIndex {
    this.qgrams ??= new QGramIndex(this.folded);
    return this.qgrams;
  }

  private finder: ContextFinder | null = null;

  anchor(selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
    const quote = this.prepare(selectors, options);
    if (!quote) return orphan(0);
    const threshold = options.threshold ?? FUZZY_THRESHOLD;
    const { text } = this;
    const { exact, prefix, suffix, stored } = quote;

    // (a) The stored position, verified against the quote and its context.
    if (
      stored !== null &&
      text.startsWith(exact, stored) &&
      text.startsWith(suffix, stored + exact.length) &&
      text.slice(Math.max(0, stored - prefix.length), stored) === prefix &&
      onBoundary(text, stored) &&
      onBoundary(text, stored + exact.length)
    ) {
      return this.found(quote, stored);
    }

    // (b) The exact text elsewhere, or here with changed context.
    const occurrence = this.bestOccurrence(quote);
    if (occurrence && (occurrence.agreement > 0 || prefix.length + suffix.length === 0)) {
      return this.found(quote, occurrence.start);
    }

    // (c) Approximate. Also tried when the exact text exists only without any
    // agreeing context: a bare coincidence of a short phrase is weaker evidence
    // than an edited passage whose context still agrees.
    const fuzzy = this.fuzzy(quote, threshold);
    if (fuzzy.accepted) {
      const { start, end, score } = fuzzy.accepted;
      const now = text.slice(start, end);
      if (now === exact) return this.found(quote, start);
      return { status: 'fuzzy', start, end, score, text: now, diff: wordDiff(exact, now) };
    }
    if (occurrence) return this.found(quote, occurrence.start);
    // (d)
    return orphan(fuzzy.bestRejected);
  }

  private prepare(selectors: Selectors, options: AnchorOptions): Quote | null {
    const position = selectors[0];
    const quote = selectors[1];
    if (!quote || typeof quote.exact !== 'string' || quote.exact.length === 0) return null;
    const len = this.text.length;
    const storedOk = position && Number.isInteger(position.start) && position.start >= 0 && position.start <= len;
    const stored = storedOk ? position.start : null;
    const hint = options.hint !== undefined && Number.isFinite(options.hint) ? options.hint : null;
    const expected = Math.max(0, Math.min(len, Math.round(hint ?? stored ?? 0)));
    const previous = options.previous && stored !== null && options.previous.text.startsWith(quote.exact, stored) ? options.previous : null;
    return { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', stored, expected, previous, found: {}, ...this.wordsOf(quote) };
  }

  private wordsOf(quote: Selectors[1]): Pick<Quote, 'figures' | 'digits' | 'startsInWord' | 'endsInWord'> {
    const { exact } = quote;
    const prefix = quote.prefix ?? '';
    const suffix = quote.suffix ?? '';
    return {
      figures: figures(exact),
      digits: digitRuns(exact),
      startsInWord: prefix.length > 0 && insideWord(prefix.slice(-2) + exact.slice(0, 2), Math.min(2, prefix.length)),
      endsInWord: suffix.length > 0 && insideWord(exact.slice(-2) + suffix.slice(0, 2), Math.min(2, exact.length)),
    };
  }

  private found(quote: Quote, start: number): AnchorResult {
    const end = start + quote.exact.length;
    return { status: start === quote.stored ? 'exact' : 'moved', start, end, score: 1, text: quote.exact };
  }

  /** Step (b), skipping occurrences inside another passage's unchanged line or sentence (units.ts). */
  private bestOccurrence(quote: Quote): { start: number; agreement: number } | null {
    return bestOccurrence(this.text, this.index, quote, (start, end) => this.ownedElsewhere(quote, start, end));
  }

  private fuzzy(quote: Quote, threshold: number): { accepted: Scored | null; bestRejected: number } {
    const pattern = foldCodes(quote.exact);
    const m = pattern.length;
    const matcher = new MyersPattern(pattern);
    quote.prefixMatcher = new ContextMatcher(quote.prefix);
    quote.suffixMatcher = new ContextMatcher(quote.suffix);
    const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
    let bestRejected = 0;
    const pending: Scored[] = [];
    const alone: Scored[] = [];
    const verified: { start: number; end: number; q: number }[] = [];
    const seen = new Set<number>();
    const tryRegion = (from: number, to: number): void => {
      for (const c of approximateMatches(this.folded, matcher, quote.prefix, quote.suffix, from, to, maxErrors)) {
        const key = c.start * 4_294_967_296 + c.end;
        if (seen.has(key)) continue;
        seen.add(key);
        const scored = this.score(quote, c.start, c.end, c.distance, threshold);
        verified.push(scored);
        if (scored.accepted) pending.push(scored);
        else {
          bestRejected = Math.max(bestRejected, scored.score);
          if (scored.alone) alone.push(scored);
        }
      }
    };
    // Most edits are local: look around the expected position first.
    const localFrom = Math.max(0, quote.expected - FUZZY_WINDOW);
    const localTo = Math.min(this.text.length, quote.expected + m + FUZZY_WINDOW);
    // The preferred pending candidate that passes the costlier rules, if any.
    const settle = (from: Scored[], prefer: (x: Scored, y: Scored) => boolean): Scored | null => {
      while (from.length > 0) {
        let k = 0;
        for (let i = 1; i < from.length; i++) if (prefer(from[i]!, from[k]!)) k = i;
        const c = from.splice(k, 1)[0]!;
        if (this.confirmed(quote, c)) return c;
        bestRejected = Math.max(bestRejected, c.score);
      }
      return null;
    };
    const better = (x: Scored, y: Scored): boolean => this.better(x, y);
    tryRegion(localFrom, localTo);
    let accepted = settle(pending, better);
    if (accepted) return { accepted, bestRejected };
    // Then wherever the q-gram index says the quote's pieces went.
    const withContext = foldCodes(quote.prefix + quote.exact + quote.suffix);
    for (const c of this.index.candidates(withContext, quote.prefix.length, GLOBAL_CANDIDATES)) {
      const from = Math.max(0, c.diagonal - maxErrors - BIN);
      const to = Math.min(this.text.length, c.diagonal + m + maxErrors + 2 * BIN);
      if (from >= localFrom && to <= localTo) continue;
      tryRegion(from, to);
    }
    accepted = settle(pending, better);
    if (accepted || alone.length === 0) return { accepted, bestRejected };
    // No context anywhere: the quote's own words decide, if they single out one place.
    const best = settle(alone, (x, y) => x.q > y.q || (x.q === y.q && x.score > y.score));
    if (!best) return { accepted: null, bestRejected };
    const rival = verified.some((v) => (v.end <= best.start || v.start >= best.end) && v.q >= best.q - AMBIGUITY_MARGIN);
    return rival ? { accepted: null, bestRejected: Math.max(bestRejected, best.score) } : { accepted: best, bestRejected };
  }

  /**
   * Between two accepted candidates for the same place, distance has already
   * said the quote is there; the context says where its edges are. So the one
   * whose edges meet the stored context (or the text's edge, for a quote that
   * began or ended the old text) wins, unless reaching that edge takes in
   * another sentence; otherwise, and between places, the higher score wins.
   */
  private better(x: Scored, y: Scored): boolean {
    if (x.start < y.end && y.start < x.end && x.edges !== y.edges) {
      const [a, b] = x.edges > y.edges ? [x, y] : [y, x];
      const extra = this.text.slice(Math.min(a.start, b.start), Math.max(a.start, b.start)) + ' ' + this.text.slice(Math.min(a.end, b.end), Math.max(a.end, b.end));
      if (!SENTENCE_BREAK.test(extra)) return a === x;
    }
    return x.score > y.score;
  }

  /** Whether [start, end) lies in an unchanged line or sentence of the old version that did not hold the quote. */
  private ownedElsewhere(quote: Quote, start: number, end: number): boolean {
    if (!quote.previous || quote.stored === null) return false;
    return quote.previous.owner(this.text, start, end, { start: quote.stored, end: quote.stored + quote.exact.length }) === 'other';
  }

  /**
   * Whether the stored context still marks where the quote was, so that a
   * candidate elsewhere is not it. A quote that ended the old text (no suffix) was
   * where its prefix now ends the text; one that began it, where its suffix now
   * begins it; any other, next to its prefix or its suffix wherever either still
   * stands. A prefix that survives mid-text after the sentence it ended was
   * reworked marks nothing for a quote that ended the text.
   */
  private placeMarked(quote: Quote): boolean {
    const n = this.folded.length;
    const usable = (c: string): boolean => c.length >= ANCHOR_CHARS;
    if (quote.suffix.length === 0) return usable(quote.prefix) && quote.prefixMatcher!.similarity(this.folded, n, 'before') >= STRONG_CONTEXT;
    if (quote.prefix.length === 0) return usable(quote.suffix) && quote.suffixMatcher!.similarity(this.folded, 0, 'after') >= STRONG_CONTEXT;
    return (usable(quote.prefix) && this.contextFound(quote, 'before')) || (usable(quote.suffix) && this.contextFound(quote, 'after'));
  }

  /** Whether the stored context of one side still stands anywhere in the text (cached per quote). */
  private contextFound(quote: Quote, side: 'before' | 'after'): boolean {
    const cached = quote.found[side];
    if (cached !== undefined) return cached;
    const context = side === 'before' ? quote.prefix : quote.suffix;
    this.finder ??= new ContextFinder(this.folded, this.index);
    const found = context.length >= ANCHOR_CHARS && this.finder.found(context, quote.expected, STRONG_CONTEXT);
    quote.found[side] = found;
    return found;
  }

  /**
   * Similarity of the stored prefix ('before') or suffix ('after') at `at`, using
   * only the `usable` characters nearest the quote when the text is too short for
   * all of it (then through the plain table, as that case is rare).
   */
  private contextAt(quote: Quote, at: number, side: 'before' | 'after', usable: number): number {
    const context = side === 'before' ? quote.prefix : quote.suffix;
    if (usable <= 0) return 0;
    if (usable < context.length) {
      const part = side === 'before' ? context.slice(context.length - usable) : context.slice(0, usable);
      return contextSimilarity(this.text, at, part, side);
    }
    const matcher = side === 'before' ? quote.prefixMatcher : quote.suffixMatcher;
    return matcher ? matcher.similarity(this.folded, at, side) : contextSimilarity(this.text, at, context, side);
  }

  /** Whitespace at a candidate's edge where the quote has none is not part of it ("guidance.\n"). */
  private trimmed(quote: Quote, r: { start: number; end: number }): { start: number; end: number } {
    const space = (c: string | undefined): boolean => c !== undefined && (c === ' ' || c === '\n' || c === '\t' || (c > '\x7f' && /\s/u.test(c)));
    let { start, end } = r;
    if (!space(quote.exact[0])) while (start < end && space(this.text[start])) start++;
    if (!space(quote.exact[quote.exact.length - 1])) while (end > start && space(this.text[end - 1])) end--;
    return { start, end };
  }

  /**
   * The costlier rules, run only on the candidate about to be accepted (fuzzy()
   * goes down its preference order until one passes). Words, not just
   * characters: a rewrite that shares letters, or a reordering of the quote's
   * phrases, is no longer what the user quoted (wording.ts); a phrase moved just
   * outside the candidate is a reordering too ("Cedar Grid remains | our top
   * pick, where..."), so reordering is also judged over its whole sentences. And
   * the place must not be another passage's unchanged sentence (units.ts).
   */
  private confirmed(quote: Quote, c: Scored): boolean {
    const now = this.text.slice(c.start, c.end);
    if (figures(now) !== quote.figures) return false;
    const wording = compareWording(quote.exact, now);
    if (wording.kept < MIN_WORDS_KEPT || wording.reordered) return false;
    const whole = widenToSentences(this.text, c.start, c.end);
    if ((whole.start < c.start || whole.end > c.end) && compareWording(quote.exact, this.text.slice(whole.start, whole.end)).reordered) return false;
    return !this.ownedElsewhere(quote, c.start, c.end);
  }

  private score(quote: Quote, rawStart: number, rawEnd: number, distance: number, threshold: number): Scored {
    const { text } = this;
    const { start, end } = this.trimmed(quote, snap(text, rawStart, rawEnd));
    const now = text.slice(start, end);
    const m = quote.exact.length;
    const q = Math.max(0, 1 - distance / m);
    // Context that cannot be compared is no evidence either way, so its weight is
    // left out rather than guessed: an empty stored context (the quote was at the
    // very start or end of the old text), or a candidate at the very start or end
    // of the new text (a paragraph moved to the end). Where only part of the
    // stored context fits, that part is compared.
    const before = Math.min(quote.prefix.length, start);
    const after = Math.min(quote.suffix.length, text.length - end);
    let p = before >= Math.min(ANCHOR_CHARS, quote.prefix.length) && before > 0 ? this.contextAt(quote, start, 'before', before) : null;
    let s = after >= Math.min(ANCHOR_CHARS, quote.suffix.length) && after > 0 ? this.contextAt(quote, end, 'after', after) : null;
    const pos = 1 - Math.min(1, Math.abs(start - quote.expected) / Math.max(1, text.length));
    const scoreOf = (pp: number | null, ss: number | null): number => {
      let sum = WEIGHTS.quote * q + WEIGHTS.position * pos;
      let weight = WEIGHTS.quote + WEIGHTS.position;
      if (pp !== null) {
        sum += WEIGHTS.prefix * pp;
        weight += WEIGHTS.prefix;
      }
      if (ss !== null) {
        sum += WEIGHTS.suffix * ss;
        weight += WEIGHTS.suffix;
      }
      return sum / weight;
    };
    const rejected = (score: number): Scored => ({ start, end, score, q, edges: 0, accepted: false, alone: false });
    // Figures must survive verbatim: "output rose 4.2%" and "output rose 2.4%" are
    // one character-swap apart but say different things, and a quote is cited for
    // what it says. A changed figure (digits or number words) means the quoted
    // claim changed: orphan it so a person looks, rather than silently re-pointing
    // the citation.
    // (Digits here; number words, the costlier test, in confirmed().)
    if (!(end > start && q >= MIN_QUOTE_SIMILARITY) || digitRuns(now) !== quote.digits) return rejected(scoreOf(p, s));
    // A quote that began (ended) at a word boundary is never re-found starting
    // (ending) inside a word: the cheapest alignment may stop short of reworded
    // last words ("officials said." / "according to offi").
    if ((!quote.startsInWord && insideWord(text, start)) || (!quote.endsInWord && insideWord(text, end))) return rejected(scoreOf(p, s));
    // A long, little-edited quote is its own evidence: context that disagrees here
    // and stands nowhere else was edited away, and is left out like the above.
    // Searched for only when it could turn a rejection into an acceptance, after
    // the cheap rules above, and once per quote and side.
    const agreesAsIs = Math.max(p ?? 0, s ?? 0) >= STRONG_CONTEXT && scoreOf(p, s) >= threshold;
    const selfEvident = m >= SELF_EVIDENT_LENGTH && q >= SELF_EVIDENT_SIMILARITY;
    if (selfEvident && !agreesAsIs && p !== null && p < STRONG_CONTEXT && scoreOf(null, s) >= threshold && !this.contextFound(quote, 'before')) p = null;
    if (selfEvident && !agreesAsIs && s !== null && s < STRONG_CONTEXT && scoreOf(p, null) >= threshold && !this.contextFound(quote, 'after')) s = null;
    // Only a quote stored without any context (the whole text) may do without
    // agreeing context; one whose context merely cannot be compared here (the
    // candidate sits at an edge of the new text) has no evidence, not a pass...
    const contextless = quote.prefix.length === 0 && quote.suffix.length === 0;
    const contextAgrees = contextless || Math.max(p ?? 0, s ?? 0) >= STRONG_CONTEXT;
    // ...unless the quote is self-evident, no stored context marks where it was
    // (placeMarked), and the old version is known, to tell a near-identical
    // sentence that was there all along (ownedElsewhere, below). The quote's own
    // words then decide, and the score is theirs. Whether another place matches
    // nearly as well is decided by fuzzy(), which sees every candidate.
    const alone = !contextAgrees && selfEvident && quote.previous !== null && scoreOf(null, null) >= threshold && !this.placeMarked(quote);
    const score = alone ? scoreOf(null, null) : scoreOf(p, s);
    if ((!contextAgrees && !alone) || score < threshold) return rejected(score);
    // A candidate must sit between its context, not on it. When the quote was
    // deleted, its prefix now runs straight into its suffix, and a short quote can
    // look "similar" to the first words of that suffix (or the last of the prefix),
    // with perfect context on one side. If the suffix fits better where the
    // candidate starts than where it ends (or the prefix better where it ends than
    // where it starts), the candidate is made of context and the quote is gone.
    // Comparing the two places, not just testing one, keeps quotes whose own last
    // words resemble their prefix (templated reports: "...remained uncertain.").
    if (s !== null) {
      const misplaced = this.contextAt(quote, start, 'after', Math.min(quote.suffix.length, text.length - start));
      if (misplaced >= STRONG_CONTEXT && misplaced > s) return rejected(score);
    }
    if (p !== null) {
      const misplaced = this.contextAt(quote, end, 'before', Math.min(quote.prefix.length, end));
      if (misplaced >= STRONG_CONTEXT && misplaced > p) return rejected(score);
    }
    const edges = Number(startAnchored(this.folded, start, quote.prefix)) + Number(endAnchored(this.folded, end, quote.suffix));
    return { start, end, score, q, edges, accepted: !alone, alone };
  }
}

/** A reusable anchorer for one text: many quotes share its folded copy and q-gram index. */
export function createAnchorer(text: string): Anchorer {
  return new TextAnchorer(text);
}

/** Anchors one quote in `text`. For many quotes of one text, prefer createAnchorer. */
export function anchor(text: string, selectors: Selectors, options?: AnchorOptions): AnchorResult {
  return createAnchorer(text).anchor(selectors, options);
}
