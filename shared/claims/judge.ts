/**
 * The judgement on two figures for the same thing that cannot both hold: a
 * conflict (the same time, or no time to tell them apart), a change (explicitly
 * different times: a timeline entry, never a conflict) or a supersession (a newer
 * source's figure, the times coming from the sources' published dates), with one
 * line in the user's words saying why.
 *
 * A figure's time is its own sentence's time (asOf, "stated"), else its source's
 * published date ("published"), else none. Rules, with their reasons:
 *  - Published times within SAME_TIME_DAYS count as the same time: writers repeat
 *    a figure for months after it was measured, so two articles a few months
 *    apart giving 70% and 46% disagree about the same present.
 *  - Stated times are explicit: two figures whose sentences give periods that do
 *    not overlap ("75% in September 2019", "46% in April 2021") are a change.
 *  - A stated time well before its writer's now (more than SAME_TIME_DAYS before
 *    the source's published date, else before when the source was added, the
 *    latest the writer can have written) marks an earlier value: against an
 *    undated present-tense figure it is a change, not a conflict. A stated time
 *    close to the writer's now ("46% in April" in a June article) is the writer's
 *    present and still conflicts with an undated figure.
 *  - Figures far apart in time only by their sources' dates: the newer supersedes
 *    the older, which may be out of date.
 */
import { bandText, type Quantity, type Period } from './quantity.ts';
import { periodLabel, periodOfDate } from './when.ts';
import { HEDGED_RANGE } from './intervals.ts';

export type Relation = 'conflict' | 'change' | 'superseded';

/**
 * Publication-derived times this close count as the same time, and a stated time
 * this far before its writer's now is an earlier value. A year, because official
 * figures are annual or updated a few times a year and are quoted for the year
 * after. Measured on the labelled pairs (test/bench/eval-conflicts.ts prints the
 * sweep): 91 or 183 days turned two articles six months apart into a supersession
 * (3 wrong); 366 days, 2 wrong (neither about time); 731 days took a September
 * 2019 figure in a June 2021 article for the present, a conflict (3 wrong); four
 * years also took sources four years apart for the same time (4 wrong).
 */
export const SAME_TIME_DAYS = 366;

export interface Timing {
  time: Period | null;
  origin: 'stated' | 'published' | null;
  /** A stated time well before the writer's now: an earlier value. */
  historical: boolean;
  /** time.from and time.to in ms (0 without a time), read once per figure rather than once per pair. */
  fromMs: number;
  toMs: number;
}

const DAY = 86_400_000;
const t = (iso: string): number => Date.parse(iso + 'T00:00:00Z');

/** Days from the end of the earlier period to the start of the later, 0 when they overlap (adjacent months are 1 apart). */
export function daysBetween(a: Period, b: Period): number {
  return Math.max(0, (t(a.from) - t(b.to)) / DAY, (t(b.from) - t(a.to)) / DAY);
}

export function timingOf(q: Pick<Quantity, 'asOf'>, published: string | null | undefined, addedAt: string | null | undefined, window = SAME_TIME_DAYS): Timing {
  const pub = periodOfDate(published);
  const of = (time: Period | null, origin: Timing['origin'], historical: boolean): Timing => ({ time, origin, historical, fromMs: time ? t(time.from) : 0, toMs: time ? t(time.to) : 0 });
  if (q.asOf) {
    const now = pub ?? periodOfDate(addedAt);
    const historical = now !== null && t(q.asOf.to) < t(now.from) && daysBetween(q.asOf, now) > window;
    return of(q.asOf, 'stated', historical);
  }
  return pub ? of(pub, 'published', false) : of(null, null, false);
}

/** How two incompatible figures relate; `older` says which one is earlier for a change or supersession. */
export function relationOf(a: Timing, b: Timing, window = SAME_TIME_DAYS): { relation: Relation; older?: 'a' | 'b' } {
  if (!a.time || !b.time) {
    const dated = a.time ? 'a' : b.time ? 'b' : null;
    if (dated && (dated === 'a' ? a : b).historical) return { relation: 'change', older: dated };
    return { relation: 'conflict' };
  }
  const gap = Math.max(0, (a.fromMs - b.toMs) / DAY, (b.fromMs - a.toMs) / DAY);
  const bothStated = a.origin === 'stated' && b.origin === 'stated';
  if (bothStated ? gap === 0 : gap <= window) return { relation: 'conflict' };
  const older = a.fromMs + a.toMs <= b.fromMs + b.toMs ? 'a' : 'b';
  return { relation: a.origin === 'published' && b.origin === 'published' ? 'superseded' : 'change', older };
}

/** A figure as the user wrote it, with the band it commits to when the words leave it implicit. */
export function describeFigure(q: Quantity, interval?: [number, number]): string {
  // "Between 20 and 30" opened a sentence; inside a reason it reads lower-case
  const text = q.raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  const direction = q.kind === 'rise' ? 'up ' : q.kind === 'fall' ? 'down ' : q.kind === 'change' ? 'a change of ' : '';
  let band = '';
  if (q.bound === 'approximate' || q.bound === 'near-below' || q.bound === 'near-above') band = bandText(q);
  else if (q.bound === 'range' && interval && q.hedge !== null && HEDGED_RANGE.test(q.hedge)) band = bandText({ ...q, lower: interval[0], upper: interval[1] });
  return `${direction}${text}${band ? ` (${band})` : ''}`;
}

/** When a figure holds, for a reason line: "in April 2021", "in a source of June 2021", "in an undated source". */
export function whenText(tm: Timing): string {
  if (!tm.time) return 'in an undated source';
  return tm.origin === 'stated' ? `in ${periodLabel(tm.time)}` : `in a source of ${periodLabel(tm.time)}`;
}

/** One side of a reason: the figure described (describeFigure) and when it holds (whenText). */
export interface Side {
  figure: string;
  when: string;
  stated: boolean;
}

/** The one-line reason: "almost 70% (63–70%) vs about 46% (41.4–50.6%) in April 2021: cannot both hold". */
export function reasonFor(relation: Relation, older: 'a' | 'b' | undefined, a: Side, b: Side): string {
  if (relation === 'conflict') return `${a.figure}${a.stated ? ' ' + a.when : ''} vs ${b.figure}${b.stated ? ' ' + b.when : ''}: cannot both hold`;
  const [o, n] = older === 'b' ? [b, a] : [a, b];
  // a supersession says so by its relation (the briefing adds "may be out of date")
  return `${o.figure} ${o.when}, then ${n.figure} ${n.when}`;
}
