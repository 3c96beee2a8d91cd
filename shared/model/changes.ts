/**
 * The schema of a Change (see view.ts), for changes read back from the notebook's
 * write-ahead log: a log line is validated exactly like a shard file before it is
 * applied.
 */
import { z } from 'zod';
import { ClaimIdSchema, QuoteIdSchema, SourceIdSchema } from './ids.ts';
import { ClaimSchema, QuoteSchema, SourceSchema, TagSchema, TrashEntrySchema } from './records.ts';

export const ChangeSchema = z.union([
  z.strictObject({ kind: z.literal('source'), op: z.literal('put'), record: SourceSchema }),
  z.strictObject({ kind: z.literal('source'), op: z.literal('delete'), id: SourceIdSchema }),
  z.strictObject({ kind: z.literal('quote'), op: z.literal('put'), record: QuoteSchema }),
  z.strictObject({ kind: z.literal('quote'), op: z.literal('delete'), id: QuoteIdSchema, sourceId: SourceIdSchema }),
  z.strictObject({ kind: z.literal('claim'), op: z.literal('put'), record: ClaimSchema }),
  z.strictObject({ kind: z.literal('claim'), op: z.literal('delete'), id: ClaimIdSchema }),
  z.strictObject({ kind: z.literal('tag'), op: z.literal('put'), record: TagSchema }),
  z.strictObject({ kind: z.literal('tag'), op: z.literal('delete'), name: z.string().min(1).max(600) }),
  z.strictObject({ kind: z.literal('trash'), op: z.literal('put'), record: TrashEntrySchema }),
  z.strictObject({ kind: z.literal('trash'), op: z.literal('delete'), id: SourceIdSchema }),
]);
