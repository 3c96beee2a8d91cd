/**
 * Finding incompatible figures at scale: candidates are grouped by an exact key
 * (place + metric signature + unit dimension and rate + kind), and within a
 * group the intervals are swept in sorted order, so the work is O(n log n)
 * instead of comparing every pair that shares a word.
 *
 * OUTPUT POLICY. Incompatible pairs inside one group can be quadratic in number
 * (a thousand figures for one subject split around two values). A group of up to
 * ALL_PAIRS_UP_TO figures lists every incompatible pair: a subject covered by a
 * couple of dozen figures is still readable as a full list, and no real notebook
 * of ours comes near that size. In a larger group each claim reports its
 * PER_CLAIM nearest disagreeing figures on either side (the smallest
 * disagreements first: the ones a reader checks first, and the ones most likely
 * to be a conflict rather than noise), and every listed pair says in `more` how
 * many further figures disagree with each side. Output stays at most
 * 2·PER_CLAIM pairs per claim. A known cost: in a large group the nearest
 * figures by value may all be earlier values (changes), hiding a conflict
 * further away; `more` says that something was left out.
 */
import type { Quantity } from './quantity.ts';
import type { ConflictCandidate, ConflictPair } from './conflict-types.ts';
import { apart, intervalOf } from './intervals.ts';
import { metricSignature, overlapOfTerms, subjectKey, type SubjectKey } from './terms.ts';
import { commonFactors } from './units.ts';
import { describeFigure, reasonFor, relationOf, timingOf, whenText, type Side, type Timing } from './judge.ts';
import { detectFigures } from './figures.ts';

export const ALL_PAIRS_UP_TO = 24;
export const PER_CLAIM = 3;

export interface Prepared {
  index: number;
  c: ConflictCandidate;
  q: Quantity;
  words: string[];
  /** The exact key of what the figure measures, null when it cannot be compared. */
  group: string | null;
  own: [number, number]; // the band in its own unit
  lo: number; // the band in the group's unit, signed for falls
  hi: number;
  timing: Timing;
  /** This figure's half of a reason line, built on first use (a claim is in several pairs). */
  side?: Side;
}

export function conflictKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

// Units that convert share a representative and carry a factor to it (MW → GW: 0.001).
const unitReps: string[] = [];
const unitClass = new Map<string, { rep: string; factor: number }>();
function classOf(unit: string): { rep: string; factor: number } {
  let c = unitClass.get(unit);
  if (c) return c;
  for (const rep of unitReps) {
    const f = commonFactors(unit, rep);
    if (f) {
      c = { rep, factor: f[0] / f[1] };
      break;
    }
  }
  if (!c) {
    unitReps.push(unit);
    c = { rep: unit, factor: 1 };
  }
  unitClass.set(unit, c);
  return c;
}

function subjectText(c: ConflictCandidate, q: Quantity): string {
  if (c.subject) return c.subject;
  const figs = detectFigures(c.statement);
  return (figs.find((f) => f.raw === q.raw) ?? figs[0])?.subject ?? '';
}

/**
 * Work between pauses of the stepped forms below: a caller that must keep an
 * event loop free (the service) resumes a step generator in time slices; the
 * plain forms run it to the end at once.
 */
const STEP = 500;

/** Runs a step generator to its end and returns its result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Each candidate in comparable form (null when it has no usable figure). */
export function prepare(claims: readonly ConflictCandidate[], window: number): (Prepared | null)[] {
  return runSteps(prepareSteps(claims, window));
}

/** `prepare`, pausing every STEP candidates. */
export function* prepareSteps(claims: readonly ConflictCandidate[], window: number): Generator<void, (Prepared | null)[]> {
  const keys = new Map<string, SubjectKey>();
  const timings = new Map<string, Timing>();
  const staged: ({ index: number; c: ConflictCandidate; q: Quantity; own: [number, number]; key: SubjectKey } | null)[] = [];
  for (let index = 0; index < claims.length; index++) {
    if (index % STEP === STEP - 1) yield;
    const c = claims[index]!;
    const q = c.quantity;
    const own = q?.unit ? intervalOf(q) : null;
    if (!q || !own) {
      staged.push(null);
      continue;
    }
    const text = subjectText(c, q);
    let key = keys.get(text);
    if (!key) keys.set(text, (key = subjectKey(text)));
    staged.push({ index, c, q, own, key });
  }
  const known = new Set<string>();
  for (const s of staged) if (s) for (const w of s.key.words) known.add(w);
  const signatures = new Map<string, string | null>();
  const out: (Prepared | null)[] = [];
  for (const s of staged) {
    if (out.length % STEP === STEP - 1) yield;
    out.push(prepared(s));
  }
  return out;

  function prepared(s: (typeof staged)[number]): Prepared | null {
    if (!s) return null;
    const { index, c, q, own, key } = s;
    const sigKey = key.words.join(' ');
    let sig = signatures.get(sigKey);
    if (sig === undefined) signatures.set(sigKey, (sig = metricSignature(key.words, known)));
    const unit = classOf(q.unit!);
    let [lo, hi] = [own[0] * unit.factor, own[1] * unit.factor];
    // "fell 3%" is −3 on the scale of signed changes, where "rose 2%" is +2
    if (q.kind === 'fall' && hi > 0) [lo, hi] = [-hi, -lo];
    const kind = q.kind === 'rise' || q.kind === 'fall' ? 'signed' : q.kind;
    const published = c.published ?? null;
    const tKey = `${published}|${c.addedAt ?? ''}|${q.asOf ? q.asOf.from + q.asOf.to : ''}`;
    let timing = timings.get(tKey);
    if (!timing) timings.set(tKey, (timing = timingOf(q, published, c.addedAt, window)));
    const group = sig === null ? null : `${key.place}\u0000${sig}\u0000${unit.rep}\u0000${kind}`;
    return { index, c, q, words: key.words, group, own, lo, hi, timing };
  }
}

/** The pair for two prepared candidates whose intervals are incompatible, in input order. */
export function pairOf(x: Prepared, y: Prepared, window: number): ConflictPair {
  const [p, q] = x.index <= y.index ? [x, y] : [y, x];
  const { relation, older } = relationOf(p.timing, q.timing, window);
  const olderId = older === 'a' ? p.c.id : older === 'b' ? q.c.id : undefined;
  return {
    a: p.c.id,
    b: q.c.id,
    key: conflictKey(p.c.id, q.c.id),
    relation,
    ...(olderId !== undefined ? { older: olderId } : {}),
    reason: reasonFor(relation, older, sideOf(p), sideOf(q)),
    // claims with the same subject text share one words array (see prepare)
    overlap: p.words === q.words ? 1 : Number.parseFloat(overlapOfTerms(p.words, q.words).overlap.toFixed(3)),
  };
}

function sideOf(p: Prepared): Side {
  p.side ??= { figure: describeFigure(p.q, p.own), when: whenText(p.timing), stated: p.timing.origin === 'stated' };
  return p.side;
}

const incompatible = (x: Prepared, y: Prepared): boolean => apart(x.hi, y.lo) || apart(y.hi, x.lo);

/** First index in [0, n) where `pred` holds, for a predicate false then true along the index. */
function firstTrue(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function groupPairs(prepared: readonly (Prepared | null)[], dismissed: ReadonlySet<string>, window: number, perClaim = PER_CLAIM): ConflictPair[] {
  return runSteps(groupPairSteps(prepared, dismissed, window, perClaim));
}

/** `groupPairs`, pausing about every STEP figures swept. */
export function* groupPairSteps(prepared: readonly (Prepared | null)[], dismissed: ReadonlySet<string>, window: number, perClaim = PER_CLAIM): Generator<void, ConflictPair[]> {
  let work = 0;
  const groups = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (!p || p.group === null) continue;
    const g = groups.get(p.group);
    if (g) g.push(p);
    else groups.set(p.group, [p]);
  }
  const n = prepared.length;
  const found = new Map<number, [Prepared, Prepared]>();
  const isDismissed = (x: Prepared, y: Prepared): boolean => x.c.id === y.c.id || (dismissed.size > 0 && dismissed.has(conflictKey(x.c.id, y.c.id)));
  const add = (x: Prepared, y: Prepared): void => {
    const code = Math.min(x.index, y.index) * n + Math.max(x.index, y.index);
    if (!found.has(code)) found.set(code, x.index < y.index ? [x, y] : [y, x]);
  };
  const disagreeing = new Map<number, number>(); // claim index → disagreeing figures in its large group, dismissed ones excluded
  const inLarge = new Map<string, string>(); // claim id → its large group, for discounting dismissed pairs
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    work += members.length;
    if (work >= STEP) {
      work = 0;
      yield;
    }
    if (members.length <= ALL_PAIRS_UP_TO) {
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) {
          const x = members[i]!;
          const y = members[j]!;
          if (incompatible(x, y) && !isDismissed(x, y)) add(x, y);
        }
      continue;
    }
    const m = members.length;
    const byLo = [...members].sort((x, y) => x.lo - y.lo || x.index - y.index);
    const byHi = [...members].sort((x, y) => x.hi - y.hi || x.index - y.index);
    for (const x of members) {
      if (++work >= STEP) {
        work = 0;
        yield;
      }
      inLarge.set(x.c.id, x.group!);
      // above: lower ends far enough above x's upper end, nearest first
      const up = firstTrue(m, (k) => apart(x.hi, byLo[k]!.lo));
      for (let k = up, listed = 0; k < m && listed < perClaim; k++) {
        const y = byLo[k]!;
        if (isDismissed(x, y)) continue;
        add(x, y);
        listed++;
      }
      // below: upper ends far enough below x's lower end, nearest first
      const down = firstTrue(m, (k) => !apart(byHi[k]!.hi, x.lo)) - 1;
      for (let k = down, listed = 0; k >= 0 && listed < perClaim; k--) {
        const y = byHi[k]!;
        if (isDismissed(x, y)) continue;
        add(x, y);
        listed++;
      }
      disagreeing.set(x.index, m - up + down + 1);
    }
  }
  if (inLarge.size > 0 && dismissed.size > 0) discountDismissed(prepared, dismissed, inLarge, disagreeing);

  const codes = [...found.keys()].sort((a, b) => a - b);
  const pairs = codes.map((code) => found.get(code)!);
  const listed = new Map<number, number>();
  for (const [x, y] of pairs) {
    listed.set(x.index, (listed.get(x.index) ?? 0) + 1);
    listed.set(y.index, (listed.get(y.index) ?? 0) + 1);
  }
  const more = (x: Prepared): number => Math.max(0, (disagreeing.get(x.index) ?? 0) - (listed.get(x.index) ?? 0));
  const out: ConflictPair[] = [];
  for (const [x, y] of pairs) {
    if (out.length % STEP === STEP - 1) yield;
    const pair = pairOf(x, y, window);
    const [ma, mb] = [more(x), more(y)];
    out.push(ma > 0 || mb > 0 ? { ...pair, more: { a: ma, b: mb } } : pair);
  }
  return out;
}

/** Dismissed pairs inside a large group are no disagreement left to show: take them off the counts. */
function discountDismissed(prepared: readonly (Prepared | null)[], dismissed: ReadonlySet<string>, inLarge: Map<string, string>, disagreeing: Map<number, number>): void {
  const byId = new Map<string, Prepared>();
  for (const p of prepared) if (p && inLarge.has(p.c.id)) byId.set(p.c.id, p);
  for (const key of dismissed) {
    for (let cut = key.indexOf('|'); cut >= 0; cut = key.indexOf('|', cut + 1)) {
      const x = byId.get(key.slice(0, cut));
      const y = byId.get(key.slice(cut + 1));
      if (!x || !y) continue;
      if (x.group === y.group && incompatible(x, y)) {
        disagreeing.set(x.index, (disagreeing.get(x.index) ?? 1) - 1);
        disagreeing.set(y.index, (disagreeing.get(y.index) ?? 1) - 1);
      }
      break;
    }
  }
}
