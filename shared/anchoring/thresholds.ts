/**
 * The thresholds and weights of anchoring (see anchor.ts), each with the
 * measurement it rests on. The labelled edit pairs (test/fixtures/anchoring/
 * edit-pairs, scored by `npm run eval:anchoring`) are where the newer ones were
 * measured.
 */

/**
 * Minimum weighted score for a fuzzy match; below it the quote is orphaned rather
 * than attached to a guess. With the weights below, a quote that kept 90% of its
 * characters and both sides of its context scores about 0.95; one that kept 90%
 * and lost all context scores about 0.62 (unrelated prose agrees with a stored
 * 32-character context at about 0.25, and above 0.55 less than 1% of the time, as
 * measured on the fixture articles). 0.75 sits between the two and still accepts
 * a 90% quote with one side of its context destroyed (about 0.8).
 */
export const FUZZY_THRESHOLD = 0.75;

/**
 * Weights of the fuzzy score, after hypothesis' match-quote.ts (50/20/20/2).
 * The quote itself carries most of the weight: it is what the user cited. Prefix
 * and suffix together weigh almost as much, because context is what tells the
 * edited original apart from a similar sentence elsewhere (a repeated boilerplate
 * line, the same figure quoted in the summary). Position is a tie-breaker only:
 * sources get reorganized, and a moved paragraph is no less the same paragraph.
 */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * A fuzzy candidate must keep at least this share of the quote's characters
 * (1 − edit distance / quote length). Without it, a perfect context could carry a
 * passage that was largely rewritten: it would no longer be what the user quoted.
 */
export const MIN_QUOTE_SIMILARITY = 0.7;

/**
 * At least one side of the stored context must still agree this well, unless the
 * quote was stored without any context (it was the whole text). A similar sentence elsewhere (the deleted quote's
 * neighbour in a list, a figure restated in a summary) has context that agrees only
 * by chance, so this rule is what turns "sentence deleted" into 'orphaned'.
 */
export const STRONG_CONTEXT = 0.75;

/**
 * A quote this long (in code units: the two 32-character contexts together) that
 * kept at least SELF_EVIDENT_SIMILARITY of its characters is its own evidence.
 * Context it lost is then no evidence either way: when the stored prefix or
 * suffix disagrees here and is found nowhere else in the new text, a neighbouring
 * sentence was cut or rewritten, and its weight is left out of the score as for
 * context that cannot be compared. Without this, a whole sentence with three copy
 * edits whose previous sentence was cut scored 0.70 and was orphaned, while a
 * short phrase of it with one edit was found at 0.81.
 */
export const SELF_EVIDENT_LENGTH = 64;
/**
 * Light copy edits (a word or two reworded, punctuation, spacing) keep 0.85 to
 * 0.98 of a sentence's characters in the labelled edit pairs
 * (test/fixtures/anchoring/edit-pairs); three such edits in a 100-character
 * sentence keep about 0.86.
 */
export const SELF_EVIDENT_SIMILARITY = 0.85;
/**
 * When no stored context survives anywhere, a self-evident candidate is accepted
 * only if no other place keeps nearly as much of the quote (within this share):
 * between two near-copies, only context could have told, and it is gone.
 */
export const AMBIGUITY_MARGIN = 0.1;

/**
 * A fuzzy candidate must keep at least this share of the quote's words, in order
 * (see wording.ts). Light copy edits in the labelled edit pairs keep 0.75 or more
 * (one word of a short sentence reworded); sentences rewritten beyond copy edits
 * keep about 0.6 while still sharing 70% of their characters.
 */
export const MIN_WORDS_KEPT = 0.7;
