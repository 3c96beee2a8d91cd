/**
 * The notebook's records and their schemas: sources, quotes (highlights), tags and
 * claims, shaped after the W3C Web Annotation model (a quote's target is a source
 * plus a TextPositionSelector and a TextQuoteSelector).
 *
 * Every record that is read from disk or arrives over IPC/HTTP is parsed with these
 * schemas. Objects are `strictObject`s: an unknown key, including `__proto__` or
 * `constructor` smuggled in through JSON, is a validation error, never a property.
 */
import { z } from 'zod';
import { ClaimIdSchema, QuoteIdSchema, SourceIdSchema } from './ids.ts';
import type { ClaimId, QuoteId, SourceId } from './ids.ts';
import { upgradeQuantity } from './quantity-upgrade.ts';
import { PageMapSchema } from './pages.ts';

export const SCHEMA_VERSION = 3;

const IsoTime = z.iso.datetime({ offset: true });
/** A publication or access date: year, year-month or full date (ISO 8601). */
export const PartialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2021, 2021-05 or 2021-05-24');

/** Whether a year, year-month or full date names a day, month or year that exists (no 2021-02-30, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What an edit may set: a date that exists. Reading keeps PartialDateSchema's
 * shape check only, so a notebook holding an impossible date written before this
 * check still opens (and the researcher can correct it).
 */
export const CalendarDateSchema = PartialDateSchema.refine(isCalendarDate, { message: 'no such date: check the month (01–12) and the day (for example, February has 28 or 29 days)' });
const Text = (max: number) => z.string().max(max);

export const SOURCE_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx', 'epub', 'odt', 'mhtml', 'warc'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** A previous version of a source's text, kept so quotes can be shown where they were made. */
export const SourceVersionSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().nonnegative(),
  fileName: Text(1000).nullable(),
  encoding: Text(40),
  /** When this version became the current one. */
  importedAt: IsoTime,
  /** When a newer version replaced it. */
  replacedAt: IsoTime,
  /** Where each page of this version starts (paged sources such as PDF; see pages.ts). */
  pages: PageMapSchema.optional(),
});
export type SourceVersion = z.infer<typeof SourceVersionSchema>;
/** When the current text of a source became current. */
export const currentSince = (s: { importedAt: string; versions: readonly SourceVersion[] }): string => s.versions.at(-1)?.replacedAt ?? s.importedAt;

/**
 * A field two copies of a shared notebook changed differently (see shared/model/merge.ts):
 * the record keeps `kept`, `other` is the value the merge did not keep (both as JSON),
 * so the researcher can pick one; optional, so notebooks without clashes are unchanged.
 */
export const MergeClashSchema = z.strictObject({ field: z.string().max(200), kept: z.string().max(300_000), other: z.string().max(300_000) });
export type MergeClash = z.infer<typeof MergeClashSchema>;
const MergeClashes = z.array(MergeClashSchema).max(1000).optional();

export const SourceSchema = z.strictObject({
  id: SourceIdSchema,
  title: Text(1000),
  authors: z.array(Text(300)).max(100),
  publisher: Text(500).nullable(),
  published: PartialDateSchema.nullable(),
  url: Text(4000).nullable(),
  accessed: PartialDateSchema.nullable(),
  fileName: Text(1000).nullable(),
  format: z.enum(SOURCE_FORMATS),
  encoding: Text(40),
  /** SHA-256 (hex) of the normalized text; the text is stored content-addressed under this hash. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the normalized text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  importedAt: IsoTime,
  updatedAt: IsoTime,
  /** Earlier versions, oldest first; the current text is `sha256`. */
  versions: z.array(SourceVersionSchema).max(1000),
  /** The researcher's decisions on suggested figures, by suggestion key (see claims/suggestions.ts). */
  suggestions: z.strictObject({ accepted: z.array(z.string().max(100)).max(100_000), dismissed: z.array(z.string().max(100)).max(100_000) }),
  /** Where each page of the current text starts (paged sources such as PDF; see pages.ts). */
  pages: PageMapSchema.optional(),
  /** Fields a merge of two copies found changed on both sides (review them). */
  mergeClashes: MergeClashes,
});
export type SourceMeta = z.infer<typeof SourceSchema>;
/** A source with its normalized text, as the API hands it out. */
export type Source = SourceMeta & { text: string };

/** W3C TextPositionSelector. Offsets count UTF-16 code units into the normalized text; end is exclusive. */
export const TextPositionSelectorSchema = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** W3C TextQuoteSelector: the exact text with a little context on each side. */
export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export const SelectorsSchema = z.tuple([TextPositionSelectorSchema, TextQuoteSelectorSchema]);

export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/**
 * Where a quote stands against its source's current text. `sha256` names the
 * version its selectors point into: the current one, unless the quote is fuzzy,
 * orphaned or pinned, in which case it still points into the version it was last
 * exactly on. `candidate` is the proposed new anchor of a fuzzy quote.
 */
export const AnchorStateSchema = z.strictObject({
  status: z.enum(ANCHOR_STATUSES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  score: z.number().min(0).max(1),
  candidate: z
    .strictObject({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string().max(40_000),
      score: z.number().min(0).max(1),
      diff: z.array(z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).max(2000),
    })
    .nullable(),
  /** What the researcher decided; null while a fuzzy or orphaned quote awaits review. */
  review: z.enum(['accepted', 'reselected', 'pinned']).nullable(),
});
export type AnchorState = z.infer<typeof AnchorStateSchema>;

/** The version and position a quote was first made on: never changes, so it can always be shown in its original context. */
export const QuoteOriginSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const QuoteSchema = z.strictObject({
  id: QuoteIdSchema,
  sourceId: SourceIdSchema,
  selectors: SelectorsSchema,
  /** The quoted text, equal to text.slice(start, end) of the source version it was made on. */
  exact: z.string().min(1).max(20_000),
  color: z.enum(HIGHLIGHT_COLORS),
  note: Text(100_000),
  tags: z.array(z.string().max(600)).max(200),
  anchor: AnchorStateSchema,
  origin: QuoteOriginSchema,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Fields a merge of two copies found changed on both sides (review them). */
  mergeClashes: MergeClashes,
});
export type Quote = z.infer<typeof QuoteSchema>;

/** True while a quote's anchor needs the researcher's decision. */
export const needsReview = (q: Quote): boolean => (q.anchor.status === 'fuzzy' || q.anchor.status === 'orphaned') && q.anchor.review === null;

export const TagSchema = z.strictObject({
  name: z.string().min(1).max(600),
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  createdAt: IsoTime,
});
export type Tag = z.infer<typeof TagSchema>;

export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const EVIDENCE_RELATIONS = ['supports', 'contradicts', 'context'] as const;
export type EvidenceRelation = (typeof EVIDENCE_RELATIONS)[number];
export const CLAIM_RELATIONS = ['supports', 'contradicts', 'refines', 'duplicates'] as const;
export type ClaimRelation = (typeof CLAIM_RELATIONS)[number];

/** A time written beside a figure ("in April", "September 2019"): inclusive ISO dates. */
export const PeriodSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  text: Text(200),
});

/**
 * A figure with its hedge kept as a band: "almost 70%" is {value 70, lower 63,
 * upper 70, bound 'near-below'} (see shared/claims/quantity.ts for the widths).
 * A quantity of schema 2 (no kind, near hedges read as open bounds) is upgraded
 * on parse by `upgradeQuantity`, so shards and log lines of the previous version
 * both read.
 */
export const QuantitySchema = z.preprocess(
  upgradeQuantity,
  z.strictObject({
    value: z.number().finite().nullable(),
    lower: z.number().finite().nullable(),
    upper: z.number().finite().nullable(),
    unit: Text(40).nullable(),
    hedge: Text(40).nullable(),
    bound: z.enum(['exact', 'approximate', 'near-below', 'near-above', 'upper', 'lower', 'range']),
    raw: Text(200),
    kind: z.enum(['level', 'rise', 'fall', 'change']),
    asOf: PeriodSchema.nullable(),
    reading: Text(200).nullable(),
  }),
);
export type Quantity = z.infer<typeof QuantitySchema>;

export const EvidenceSchema = z.strictObject({ quoteId: QuoteIdSchema, relation: z.enum(EVIDENCE_RELATIONS) });
export type Evidence = z.infer<typeof EvidenceSchema>;
export const ClaimLinkSchema = z.strictObject({ claimId: ClaimIdSchema, relation: z.enum(CLAIM_RELATIONS) });
export type ClaimLink = z.infer<typeof ClaimLinkSchema>;

/** An evidence entry that deleting a source took from a claim, with its place in the claim's list, so a restore puts it back where it was. */
export const TrashedLinkSchema = z.strictObject({ claimId: ClaimIdSchema, index: z.number().int().nonnegative(), evidence: EvidenceSchema });
export type TrashedLink = z.infer<typeof TrashedLinkSchema>;
/**
 * A deleted source in the trash: its record and quotes exactly as they were (ids,
 * selectors, anchor state), the evidence links its deletion removed, and when.
 * Its text stays in texts/ (content-addressed) while it is here.
 */
export const TrashEntrySchema = z.strictObject({
  source: SourceSchema,
  quotes: z.array(QuoteSchema),
  links: z.array(TrashedLinkSchema),
  trashedAt: IsoTime,
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

export const ClaimSchema = z.strictObject({
  id: ClaimIdSchema,
  statement: z.string().min(1).max(5000),
  quantity: QuantitySchema.nullable(),
  status: z.enum(CLAIM_STATUSES),
  tags: z.array(z.string().max(600)).max(200),
  evidence: z.array(EvidenceSchema).max(1000),
  links: z.array(ClaimLinkSchema).max(1000),
  /** What the claim's figure is about ("China — global hash rate"), used to match conflicting figures. */
  subject: Text(300).nullable(),
  /** Claims the researcher marked as not conflicting with this one (kept on both sides). */
  notConflictingWith: z.array(ClaimIdSchema).max(1000),
  note: Text(100_000),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Fields a merge of two copies found changed on both sides (review them). */
  mergeClashes: MergeClashes,
});
export type Claim = z.infer<typeof ClaimSchema>;

export type { ClaimId, QuoteId, SourceId };
