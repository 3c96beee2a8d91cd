/**
 * Where each record lives on disk. A notebook is a folder:
 *
 *   notebook.json        manifest: format, schema version, id
 *   tags.json            all tags (small)
 *   claims/<k>.json      claims, in 32 buckets by the last character of the id
 *   sources/<id>.json    one source's metadata with all of its quotes
 *   trash/<id>.json      a deleted source with its quotes and removed evidence links
 *   texts/<sha256>.txt   normalized source texts, content-addressed, written once
 *   txn/                 journals of multi-file commits in flight
 *   .backups/<time>/     hard-link snapshots (a ring of the last few)
 *   quarantine/          files that could not be read, moved aside
 *
 * Sharding keeps one edit proportional to what changed: adding a quote rewrites one
 * source's small file, never the whole notebook, and never a source's text.
 */
import { z } from 'zod';
import { ClaimSchema, QuoteSchema, SCHEMA_VERSION, SourceSchema, TagSchema, TrashEntrySchema } from '../../shared/model/records.ts';
import type { ClaimId, SourceId } from '../../shared/model/records.ts';

export const MANIFEST = 'notebook.json';
export const FORMAT = 'research-notebook';

const Version = z.number().int();
export const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  schemaVersion: Version,
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const SourceShardSchema = z.strictObject({ schemaVersion: Version, source: SourceSchema, quotes: z.array(QuoteSchema) });
export type SourceShard = z.infer<typeof SourceShardSchema>;
export const ClaimShardSchema = z.strictObject({ schemaVersion: Version, claims: z.array(ClaimSchema) });
export type ClaimShard = z.infer<typeof ClaimShardSchema>;
export const TagShardSchema = z.strictObject({ schemaVersion: Version, tags: z.array(TagSchema) });
export type TagShard = z.infer<typeof TagShardSchema>;
/**
 * A trash entry is stored like a source shard (`source`, `quotes`) plus its links
 * and time, so every migration of source shards upgrades trashed sources too.
 */
export const TrashShardSchema = z.strictObject({ schemaVersion: Version, ...TrashEntrySchema.shape });
export type TrashShard = z.infer<typeof TrashShardSchema>;

export const sourceShardPath = (id: SourceId) => `sources/${id}.json`;
export const claimShardPath = (id: ClaimId) => `claims/${id.slice(-1)}.json`;
export const trashShardPath = (id: SourceId) => `trash/${id}.json`;
export const TAGS_PATH = 'tags.json';
export const textPath = (sha256: string) => `texts/${sha256}.txt`;

export { SCHEMA_VERSION };
