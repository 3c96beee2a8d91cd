/** Record-level merge of two copies of a notebook's records (three-way with a base, two-way without): by id, field by field, links as sets, clashes kept with both values. */
import type { Claim, MergeClash, Quote, SourceMeta, Tag, TrashEntry } from './records.ts';

/** A field both copies changed differently: the record keeps one value and lists both. */
export interface ClashReport {
  kind: 'source' | 'quote' | 'claim' | 'tag' | 'trash';
  id: string;
  field: string;
}

/** What a merge found worth telling: clashes (kept in the records) and lines for the researcher. */
export interface MergeLog {
  clashes: ClashReport[];
  notes: string[];
}
export const newLog = (): MergeLog => ({ clashes: [], notes: [] });

/** JSON with object keys sorted, so two equal records compare equal whatever order their keys were written in. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );
}
const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);
/** Code-unit order, the same on every machine. */
export const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Rec = Record<string, unknown>;
/** Which side's value a clash keeps: the later edit, then the larger value, so both merge orders keep the same one. */
function keepsOurs(o: Rec, t: Rec, vo: string, vt: string): boolean {
  const uo = String(o['updatedAt'] ?? o['trashedAt'] ?? o['createdAt'] ?? '');
  const ut = String(t['updatedAt'] ?? t['trashedAt'] ?? t['createdAt'] ?? '');
  return uo !== ut ? uo > ut : vo >= vt;
}

/** How one kind of record merges: fields taken together, fields that are sets, lists keyed by an id whose other fields merge. */
interface Spec {
  kind: ClashReport['kind'];
  groups: string[][];
  sets: string[];
  keyed: Record<string, string>;
  /** Whether clashes are kept in the record (mergeClashes); otherwise only reported. */
  flags: boolean;
}
const TIMES = ['updatedAt'];
const SOURCE: Spec = {
  kind: 'source',
  groups: [['title'], ['authors'], ['publisher'], ['published'], ['url'], ['accessed'], ['fileName', 'format', 'encoding', 'sha256', 'length', 'importedAt', 'versions', 'pages'], ['createdAt']],
  sets: [],
  keyed: {},
  flags: true,
};
const QUOTE: Spec = { kind: 'quote', groups: [['sourceId'], ['selectors', 'exact', 'anchor', 'origin'], ['color'], ['note'], ['createdAt']], sets: ['tags'], keyed: {}, flags: true };
const CLAIM: Spec = {
  kind: 'claim',
  groups: [['statement', 'quantity'], ['status'], ['subject'], ['note'], ['createdAt']],
  sets: ['tags', 'notConflictingWith'],
  keyed: { evidence: 'quoteId', links: 'claimId' },
  flags: true,
};
const TAG: Spec = { kind: 'tag', groups: [['color'], ['createdAt']], sets: [], keyed: {}, flags: false };

const pick = (r: Rec | undefined, fields: string[]) => (r ? Object.fromEntries(fields.filter((f) => r[f] !== undefined).map((f) => [f, r[f]])) : undefined);

/** A three-way merge of a set (by value); without a base, the union. Order: ours, then what theirs added. */
function mergeSet<T>(b: readonly T[] | undefined, o: readonly T[], t: readonly T[], key: (x: T) => string = stableJson): T[] {
  const kb = new Set((b ?? []).map(key));
  const ko = new Set(o.map(key));
  const kt = new Set(t.map(key));
  return [...o.filter((x) => kt.has(key(x)) || !kb.has(key(x))), ...t.filter((x) => !ko.has(key(x)) && !kb.has(key(x)))];
}

/** Merges one record present on both sides; clashes go into `clashes` (field name, kept and other value). */
function mergeOne<R extends Rec>(spec: Spec, id: string, b: R | undefined, o: R, t: R, log: MergeLog): R {
  if (same(o, t)) return o;
  if (b && same(b, o)) return t;
  if (b && same(b, t)) return o;
  const out: Rec = { ...o };
  const clashes: MergeClash[] = [];
  for (const fields of spec.groups) {
    const [vb, vo, vt] = [pick(b, fields), pick(o, fields), pick(t, fields)].map((x) => (x === undefined ? undefined : stableJson(x)));
    let win: Rec = o;
    if (vo === vt || (b && vt === vb)) win = o;
    else if (b && vo === vb) win = t;
    else {
      const ours = keepsOurs(o, t, vo!, vt!);
      win = ours ? o : t;
      clashes.push({ field: fields.join('+'), kept: ours ? vo! : vt!, other: ours ? vt! : vo! });
    }
    for (const f of fields) {
      if (win[f] === undefined) delete out[f];
      else out[f] = win[f];
    }
  }
  for (const f of spec.sets) out[f] = mergeSet(b?.[f] as unknown[] | undefined, o[f] as unknown[], t[f] as unknown[]);
  for (const [f, k] of Object.entries(spec.keyed)) {
    // A link is one per target; its relation merges like a field (a clash keeps one relation and lists both).
    out[f] = mergeById(
      b?.[f] as Rec[] | undefined,
      o[f] as Rec[],
      t[f] as Rec[],
      (x) => String(x[k]),
      (xb, xo, xt) => {
        const [rb, ro, rt] = [xb, xo, xt].map((x) => (x ? stableJson(x) : undefined));
        if (ro === rt || (xb && rt === rb)) return xo;
        if (xb && ro === rb) return xt;
        const ours = keepsOurs(o, t, ro!, rt!);
        clashes.push({ field: `${f}:${String(xo[k])}`, kept: ours ? ro! : rt!, other: ours ? rt! : ro! });
        return ours ? xo : xt;
      },
      () => {},
      false,
    );
  }
  for (const f of TIMES) if (o[f] !== undefined) out[f] = String(o[f]) >= String(t[f]) ? o[f] : t[f];
  const earlier = mergeSet((b?.['mergeClashes'] as MergeClash[] | undefined) ?? [], (o['mergeClashes'] as MergeClash[] | undefined) ?? [], (t['mergeClashes'] as MergeClash[] | undefined) ?? []);
  for (const c of clashes) log.clashes.push({ kind: spec.kind, id, field: c.field });
  if (!spec.flags) {
    for (const c of clashes) log.notes.push(`${spec.kind} ${id}: both copies changed ${c.field}; kept ${c.kept}, not ${c.other}`);
    return out as R;
  }
  const all = dedupe([...earlier, ...clashes]).sort((x, y) => byKey(stableJson(x), stableJson(y)));
  if (all.length) out['mergeClashes'] = all.slice(-1000);
  else delete out['mergeClashes'];
  return out as R;
}

const dedupe = <T>(xs: T[]): T[] => [...new Map(xs.map((x) => [stableJson(x), x])).values()];

/**
 * Merges two lists of records by id. A record on both sides merges with `one`; on
 * one side only it was added there (kept) or deleted on the other: the deletion wins
 * over an unchanged record, an edited one is kept and `kept` flags it. Without a
 * base (two-way) a record on one side only is kept.
 */
export function mergeById<R>(
  b: readonly R[] | undefined,
  o: readonly R[],
  t: readonly R[],
  id: (r: R) => string,
  one: (b: R | undefined, o: R, t: R) => R,
  kept: (r: R, deletedOn: 'ours' | 'theirs') => R | undefined,
  sorted = true,
): R[] {
  const mb = new Map((b ?? []).map((r) => [id(r), r]));
  const mo = new Map(o.map((r) => [id(r), r]));
  const mt = new Map(t.map((r) => [id(r), r]));
  const out: R[] = [];
  const ids = [...new Set([...mo.keys(), ...mt.keys()])];
  for (const k of sorted ? ids.sort(byKey) : ids) {
    const [rb, ro, rt] = [mb.get(k), mo.get(k), mt.get(k)];
    if (ro !== undefined && rt !== undefined) out.push(one(rb, ro, rt));
    else {
      const r = (ro ?? rt)!;
      if (rb === undefined || !b) out.push(r);
      else if (!same(rb, r)) out.push(kept(r, ro === undefined ? 'ours' : 'theirs') ?? r);
    }
  }
  return out;
}

/** Flags a record kept because it was edited on one side while the other deleted it. */
function keptEdited<R extends Rec>(spec: Spec, idOf: (r: R) => string, log: MergeLog) {
  return (r: R): R => {
    const id = idOf(r);
    log.clashes.push({ kind: spec.kind, id, field: 'deleted' });
    if (!spec.flags) {
      log.notes.push(`${spec.kind} ${id} was deleted in one copy and changed in the other; the changed one is kept`);
      return r;
    }
    const flag: MergeClash = { field: 'deleted', kept: '"changed"', other: '"deleted"' };
    return { ...r, mergeClashes: dedupe([...((r['mergeClashes'] as MergeClash[] | undefined) ?? []), flag]) };
  };
}

export const mergeQuotes = (b: readonly Quote[] | undefined, o: readonly Quote[], t: readonly Quote[], log: MergeLog): Quote[] =>
  mergeById(
    b,
    o,
    t,
    (q) => q.id,
    (qb, qo, qt) => mergeOne(QUOTE, qo.id, qb, qo, qt, log),
    keptEdited<Quote>(QUOTE, (q) => q.id, log),
  );

export const mergeClaims = (b: readonly Claim[] | undefined, o: readonly Claim[], t: readonly Claim[], log: MergeLog): Claim[] =>
  mergeById(
    b,
    o,
    t,
    (c) => c.id,
    (cb, co, ct) => mergeOne(CLAIM, co.id, cb, co, ct, log),
    keptEdited<Claim>(CLAIM, (c) => c.id, log),
  );

export const mergeTags = (b: readonly Tag[] | undefined, o: readonly Tag[], t: readonly Tag[], log: MergeLog): Tag[] =>
  mergeById(
    b,
    o,
    t,
    (x) => x.name,
    (xb, xo, xt) => mergeOne(TAG, xo.name, xb, xo, xt, log),
    keptEdited<Tag>(TAG, (x) => x.name, log),
  );

export const mergeSourceMeta = (b: SourceMeta | undefined, o: SourceMeta, t: SourceMeta, log: MergeLog): SourceMeta => mergeOne(SOURCE, o.id, b, o, t, log);

/** Flags a source kept because one copy deleted it while the other changed it or its quotes. */
export const flagKeptSource = (s: SourceMeta, log: MergeLog): SourceMeta => keptEdited<SourceMeta>(SOURCE, (x) => x.id, log)(s);

/**
 * A trash entry holds a source with its quotes: both copies may have trashed the same
 * source, each with quotes the other has not seen, so it merges like a source shard,
 * its evidence links as a set, at the later deletion time.
 */
export function mergeTrashEntry(b: TrashEntry | undefined, o: TrashEntry, t: TrashEntry, log: MergeLog): TrashEntry {
  if (same(o, t) || (b && same(b, t))) return o;
  if (b && same(b, o)) return t;
  const link = (l: TrashEntry['links'][number]) => `${l.claimId} ${l.evidence.quoteId}`;
  return {
    source: mergeSourceMeta(b?.source, o.source, t.source, log),
    quotes: mergeQuotes(b?.quotes, o.quotes, t.quotes, log),
    links: mergeSet(b?.links, o.links, t.links, link),
    // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as strings; Math.max would make them NaN
    trashedAt: o.trashedAt >= t.trashedAt ? o.trashedAt : t.trashedAt,
  };
}
