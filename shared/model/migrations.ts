/**
 * Schema migrations for stored shard files. Every file carries `schemaVersion`;
 * a file older than SCHEMA_VERSION is upgraded step by step on load (the upgraded
 * form is written back the next time that shard changes), a newer one is refused
 * so an old app never rewrites data it does not understand.
 *
 * To change a record's shape: bump SCHEMA_VERSION in records.ts, add the step
 * `[oldVersion]: (file) => newFile` here, and a test with a file of the old shape.
 */
import { SCHEMA_VERSION } from './records.ts';
import { upgradeQuantity } from './quantity-upgrade.ts';
import { timeOf } from '../claims/when.ts';

type Json = Record<string, unknown>;
export type Migration = (file: Json) => Json;

/** `MIGRATIONS[n]` upgrades a file from version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 0 was the pre-release layout, where a quote's note was called "comment".
  0: (file) => ({
    ...file,
    quotes: Array.isArray(file['quotes']) ? (file['quotes'] as Json[]).map(({ comment, ...q }) => ({ ...q, note: typeof comment === 'string' ? comment : (q['note'] ?? '') })) : file['quotes'],
  }),
  // Version 2 added source versions, anchor state, figure suggestions and conflict
  // decisions. A source shard knows its source's hash, so every quote starts out
  // exact on it, made where it stands.
  1: (file) => {
    if (Array.isArray(file['claims'])) return { ...file, claims: (file['claims'] as Json[]).map((c) => ({ ...c, subject: null, notConflictingWith: [] })) };
    const source = file['source'] as Json | undefined;
    if (!source) return file; // the tags file did not change
    const sha = source['sha256'];
    return {
      ...file,
      source: { ...source, versions: [], suggestions: { accepted: [], dismissed: [] } },
      quotes: ((file['quotes'] as Json[] | undefined) ?? []).map((q) => {
        const pos = (q['selectors'] as Json[] | undefined)?.[0] ?? {};
        return { ...q, anchor: { status: 'exact', sha256: sha, score: 1, candidate: null, review: null }, origin: { sha256: sha, start: pos['start'], end: pos['end'] } };
      }),
    };
  },
  // Version 3 gave near hedges ("almost 70%") a band instead of an open bound and
  // every quantity a kind, a time and a reading. The upgrade itself is the
  // quantity schema's (quantity-upgrade.ts), so shards and write-ahead-log lines
  // of version 2 read the same way; this step applies it to the stored claims.
  // A figure's time is read from the claim's statement when the statement holds
  // the figure ("… 75% in September 2019"); a time relative to the source's date
  // ("in April") cannot be read here and stays unset.
  2: (file) =>
    Array.isArray(file['claims'])
      ? { ...file, claims: (file['claims'] as Json[]).map((c) => ({ ...c, quantity: c['quantity'] == null ? null : withStatementTime(upgradeQuantity(c['quantity']) as Json, c['statement']) })) }
      : file,
};

function withStatementTime(q: Json, statement: unknown): Json {
  if (q['asOf'] !== null || typeof statement !== 'string' || typeof q['raw'] !== 'string') return q;
  const at = statement.indexOf(q['raw']);
  if (at < 0) return q;
  return { ...q, asOf: timeOf(statement, { start: 0, end: statement.length }, { start: at, end: at + q['raw'].length }, null) };
}

export type MigrationOutcome = { ok: true; file: Json; migrated: boolean } | { ok: false; error: string };

export function migrate(file: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = SCHEMA_VERSION): MigrationOutcome {
  if (!file || typeof file !== 'object' || Array.isArray(file)) return { ok: false, error: 'not a JSON object' };
  let current = file as Json;
  const version = current['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { ok: false, error: 'missing or invalid schemaVersion' };
  if (version > target) return { ok: false, error: `written by a newer version of the app (schema ${version}, this app reads up to ${target})` };
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, error: `no migration from schema ${v}` };
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return { ok: true, file: current, migrated: version !== target };
}
