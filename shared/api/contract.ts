/**
 * The one typed contract between the notebook service and everything that talks to
 * it: Electron IPC, the browser mode's HTTP bridge, the CLI and the renderer.
 *
 * `apiArgs` is the single list of methods with the schema of each argument; the
 * result types sit in `ApiResults`. Both ends are derived from these two: the
 * preload and the HTTP bridge iterate `API_METHODS`, the service must implement
 * `NotebookHandlers` (a missing method is a compile error), and the renderer sees
 * `NotebookApi`. Arguments are validated at every boundary with these schemas.
 */
import { z } from 'zod';
import { ClaimIdSchema, QuoteIdSchema, SourceIdSchema } from '../model/ids.ts';
import { CalendarDateSchema, CLAIM_RELATIONS, CLAIM_STATUSES, EVIDENCE_RELATIONS, HIGHLIGHT_COLORS, QuantitySchema } from '../model/records.ts';
import type { Claim, Quote, Source, SourceMeta, Tag } from '../model/records.ts';
import type { Result } from '../result.ts';
import type { SearchHit } from '../search/types.ts';
import type { RestoreOutcome, TrashItem } from '../model/trash.ts';
import type { NotebookSnapshot } from './events.ts';
import type {
  SourceSummary,
  RefPlanEntry,
  ImportResult,
  ImportFileOutcome,
  ReviewItem,
  QuoteContext,
  TagSummary,
  SuggestionItem,
  ConflictItem,
  ExportOutcome,
  AnnotationImportItem,
  CitationStyleInfo,
  ClaimDetail,
  HistoryState,
  HistoryStep,
  NotebookInfo,
} from './answers.ts';

/** The answer shapes (no zod: the page can import them from answers.ts directly). */
export type {
  SourceSummary,
  RefPlanEntry,
  ImportResult,
  ImportFileOutcome,
  ReviewItem,
  QuoteContext,
  TagSummary,
  SuggestionItem,
  ConflictSide,
  FigureRelation,
  ConflictItem,
  ExportOutcome,
  AnnotationImportItem,
  CitationStyleInfo,
  ClaimDetail,
  HistoryState,
  HistoryStep,
  NotebookInfo,
} from './answers.ts';

const TagList = z.array(z.string().max(600)).max(200);
const NoArgs = z.strictObject({});

/**
 * Methods that only read the notebook: they may run beside writes (see
 * electron/server/call-queue.ts). Everything else is a write.
 */
export const READ_METHODS: ReadonlySet<string> = new Set([
  'getInfo',
  'listSources',
  'getSource',
  'getSourceText',
  'listQuotes',
  'listTags',
  'getClaim',
  'listClaims',
  'listReview',
  'quoteContext',
  'listSuggestions',
  'listConflicts',
  'listFigureChanges',
  'search',
  'exportBriefing',
  'historyState',
  'listTrash',
  'getSnapshot',
  'listCitationStyles',
]);

export const EXPORT_FORMATS = ['md', 'html', 'annotations', 'csl', 'bibtex', 'evidence-csv', 'evidence-xlsx', 'docx', 'obsidian'] as const;
/**
 * Each export format's file extension and media type: the one table (save dialogs, downloads, suggested names).
 * A `base64` format is binary: exportBriefing's content is the file's bytes in base64.
 */
export const EXPORT_FILES: Record<(typeof EXPORT_FORMATS)[number], { extension: string; mimeType: string; base64?: true }> = {
  md: { extension: 'md', mimeType: 'text/markdown' },
  html: { extension: 'html', mimeType: 'text/html' },
  annotations: { extension: 'jsonld', mimeType: 'application/ld+json' },
  csl: { extension: 'json', mimeType: 'application/json' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  'evidence-csv': { extension: 'csv', mimeType: 'text/csv' },
  'evidence-xlsx': { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: true },
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: true },
  /** An Obsidian vault folder, zipped. */
  obsidian: { extension: 'zip', mimeType: 'application/zip', base64: true },
};
export const CITATION_STYLES = ['apa', 'chicago', 'mla', 'harvard', 'vancouver'] as const;
/** The locales bundled with the CSL processor: a style's terms and dates in that language. */
export const CITATION_LOCALES = ['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL'] as const;
/** A citation style file added to the notebook (addCitationStyle): `csl:` and the SHA-256 of its XML. */
export const UserStyleIdSchema = z.string().regex(/^csl:[0-9a-f]{64}$/, 'a citation style id is csl: and 64 hex digits');
/** Largest CSL style file accepted (as shared/export/csl-style.ts MAX_STYLE_BYTES). */
export const MAX_STYLE_CHARS = 1024 * 1024;

/** Largest file the importer accepts, in bytes (documented in the README). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest PDF the importer accepts: a 2,000-page PDF fits at up to 50 KB a page (text with its fonts embedded; documented in the README). */
export const MAX_PDF_IMPORT_BYTES = 100 * 1024 * 1024;
/** The size limit of a file, by its name: PDFs get the larger one. */
export const importLimitOf = (fileName: string): number => (/\.pdf$/i.test(fileName) ? MAX_PDF_IMPORT_BYTES : MAX_IMPORT_BYTES);

export const SourcePatchSchema = z.strictObject({
  title: z.string().min(1).max(1000).optional(),
  authors: z.array(z.string().min(1).max(300)).max(100).optional(),
  publisher: z.string().max(500).nullable().optional(),
  published: CalendarDateSchema.nullable().optional(),
  url: z.string().max(4000).nullable().optional(),
  accessed: CalendarDateSchema.nullable().optional(),
  /** A PDF's page k is cited as page k + pageOffset (shared/model/pages.ts); null goes back to the labels found at import. */
  pageOffset: z.number().int().min(-100_000).max(100_000).nullable().optional(),
});

/** Most files in one importFiles call, and most bytes (before base64); bigger selections are sent in batches (import-batches.ts). */
export const MAX_IMPORT_FILES = 1000;
export const MAX_IMPORT_BATCH_BYTES = 100 * 1024 * 1024;
const base64Length = (bytes: number) => Math.ceil((bytes * 4) / 3) + 8;

const ImportFileArgs = z.strictObject({
  fileName: z.string().min(1).max(1000),
  dataBase64: z.string().max(base64Length(MAX_PDF_IMPORT_BYTES)),
  /** Import as a new version of this source (otherwise recognised by URL, or title and file name). */
  newVersionOf: SourceIdSchema.optional(),
});

export const apiArgs = {
  getInfo: NoArgs,
  /** Imports a file's bytes (base64): .txt, .md or .html, decoded and normalized once. */
  importFile: ImportFileArgs,
  /**
   * Imports several files as ONE undo step: every file is checked first, then the
   * good ones are imported and each bad one gets its one-line reason (per file in the result).
   */
  importFiles: z
    .strictObject({ files: z.array(ImportFileArgs).min(1).max(MAX_IMPORT_FILES) })
    .refine((a) => a.files.reduce((n, f) => n + f.dataBase64.length, 0) <= base64Length(MAX_IMPORT_BATCH_BYTES), {
      message: `more than ${MAX_IMPORT_BATCH_BYTES / 1048576} MB in one import; send the files in batches`,
    }),
  /** Imports pasted text. */
  importText: z.strictObject({ text: z.string().max(MAX_IMPORT_BYTES), title: z.string().max(1000).optional() }),
  /**
   * Reads a reference file (.bib, .ris or CSL-JSON .json) and matches each entry to a source by DOI, URL, then title and year;
   * without `apply` only the plan comes back. Applied: matched sources get the fields they lack, the rest become source stubs (one undo step).
   */
  importRefs: z.strictObject({ fileName: z.string().min(1).max(1000), text: z.string().max(MAX_IMPORT_BYTES), apply: z.boolean().optional() }),
  listSources: NoArgs,
  /**
   * A source with its text. `textChars`: only the text's beginning, about that many
   * characters (cut at a paragraph break when there is one near), so the Reader can
   * paint a long source before the rest has arrived (getSourceText).
   */
  getSource: z.strictObject({ id: SourceIdSchema, textChars: z.number().int().min(1).optional() }),
  /** The rest of a source's text from offset `from`, of the version whose SHA-256 is given (refused if it is no longer the current one). */
  getSourceText: z.strictObject({ id: SourceIdSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hex digits'), from: z.number().int().min(0) }),
  updateSource: z.strictObject({ id: SourceIdSchema, patch: SourcePatchSchema }),
  /** Moves a source, its quotes and the evidence links citing them to the trash (shared/model/trash.ts). */
  deleteSource: z.strictObject({ id: SourceIdSchema }),
  /** Deleted sources waiting to be restored or emptied, newest first. */
  listTrash: NoArgs,
  /** Puts a trashed source back exactly, with its quotes and their links to claims that still exist. */
  restoreSource: z.strictObject({ id: SourceIdSchema }),
  /** Removes trash entries for good: these sources, or the whole trash. */
  emptyTrash: z.strictObject({ ids: z.array(SourceIdSchema).min(1).max(10_000).optional() }),

  createQuote: z.strictObject({
    sourceId: SourceIdSchema,
    range: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
    exact: z.string().min(1).max(20_000).optional(),
    occurrence: z.number().int().positive().optional(),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    note: z.string().max(100_000).optional(),
    tags: TagList.optional(),
  }),
  updateQuote: z.strictObject({
    id: QuoteIdSchema,
    patch: z.strictObject({ color: z.enum(HIGHLIGHT_COLORS).optional(), note: z.string().max(100_000).optional(), tags: TagList.optional() }),
  }),
  deleteQuote: z.strictObject({ id: QuoteIdSchema }),
  listQuotes: z.strictObject({ sourceId: SourceIdSchema.optional(), tag: z.string().max(600).optional() }),

  listTags: NoArgs,
  renameTag: z.strictObject({ from: z.string().max(600), to: z.string().max(600) }),
  mergeTags: z.strictObject({ from: z.string().max(600), into: z.string().max(600) }),
  setTagColor: z.strictObject({ name: z.string().max(600), color: z.string().max(20) }),

  createClaim: z.strictObject({
    statement: z.string().min(1).max(5000),
    quantity: QuantitySchema.nullable().optional(),
    /** A figure as the researcher types it ("almost 70%"), read like a figure in a source. */
    quantityText: z.string().max(200).optional(),
    subject: z.string().max(300).nullable().optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    tags: TagList.optional(),
    evidence: z
      .array(z.strictObject({ quoteId: QuoteIdSchema, relation: z.enum(EVIDENCE_RELATIONS) }))
      .max(1000)
      .optional(),
    note: z.string().max(100_000).optional(),
  }),
  updateClaim: z.strictObject({
    id: ClaimIdSchema,
    patch: z.strictObject({
      statement: z.string().min(1).max(5000).optional(),
      quantity: QuantitySchema.nullable().optional(),
      /** A typed figure ("almost 70%"); "" clears the figure. */
      quantityText: z.string().max(200).optional(),
      subject: z.string().max(300).nullable().optional(),
      status: z.enum(CLAIM_STATUSES).optional(),
      tags: TagList.optional(),
      note: z.string().max(100_000).optional(),
    }),
  }),
  deleteClaim: z.strictObject({ id: ClaimIdSchema }),
  getClaim: z.strictObject({ id: ClaimIdSchema }),
  listClaims: z.strictObject({ tag: z.string().max(600).optional() }),
  linkEvidence: z.strictObject({ claimId: ClaimIdSchema, quoteId: QuoteIdSchema, relation: z.enum(EVIDENCE_RELATIONS) }),
  unlinkEvidence: z.strictObject({ claimId: ClaimIdSchema, quoteId: QuoteIdSchema }),
  linkClaims: z.strictObject({ from: ClaimIdSchema, to: ClaimIdSchema, relation: z.enum(CLAIM_RELATIONS) }),
  unlinkClaims: z.strictObject({ from: ClaimIdSchema, to: ClaimIdSchema }),

  /** Fuzzy and orphaned anchors waiting for the researcher. */
  listReview: NoArgs,
  reviewAnchor: z.strictObject({
    quoteId: QuoteIdSchema,
    action: z.enum(['accept', 'reselect', 'pin']),
    range: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
    exact: z.string().min(1).max(20_000).optional(),
    occurrence: z.number().int().positive().optional(),
  }),
  /** A quote in context, from the version it was made on (origin) or where it stands now (current). */
  quoteContext: z.strictObject({ id: QuoteIdSchema, version: z.enum(['origin', 'current']), chars: z.number().int().min(0).max(5000).optional() }),

  /**
   * Figures found in a source, offered as claims; with `from`/`to`, only those in the
   * paragraphs overlapping that part of the text (a long source is listed a part at a time).
   */
  listSuggestions: z.strictObject({ sourceId: SourceIdSchema, includeDecided: z.boolean().optional(), from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional() }),
  decideSuggestion: z.strictObject({
    sourceId: SourceIdSchema,
    key: z.string().regex(/^\d+-\d+$/, 'a suggestion key looks like 120-131'),
    action: z.enum(['accept', 'dismiss']),
    statement: z.string().min(1).max(5000).optional(),
    tags: TagList.optional(),
  }),
  /** Dismisses these open suggestions of a source in one edit (one undo step): "Dismiss all". */
  dismissSuggestions: z.strictObject({
    sourceId: SourceIdSchema,
    keys: z
      .array(z.string().regex(/^\d+-\d+$/, 'a suggestion key looks like 120-131'))
      .min(1)
      .max(100_000),
  }),
  /** Claims whose figures cannot both hold. */
  listConflicts: NoArgs,
  /** Figures for the same thing at different times: changes over time and figures a newer source supersedes. */
  listFigureChanges: NoArgs,
  markConflict: z.strictObject({ a: ClaimIdSchema, b: ClaimIdSchema, notConflict: z.boolean() }),

  /** Searches sources, quotes, notes, claims and tags; the query language is SEARCH_HELP in shared/search/query.ts. */
  search: z.strictObject({ query: z.string().max(2000), limit: z.number().int().min(1).max(500).optional() }),
  /** Fills an empty notebook with the sample articles, quotes, tags and claims (first run). */
  loadSample: NoArgs,
  /** A briefing (or another export format) as text; every quote verified against its source first. */
  exportBriefing: z.strictObject({
    format: z.enum(EXPORT_FORMATS),
    /** A built-in style, or a style file added with addCitationStyle. */
    style: z.union([z.enum(CITATION_STYLES), UserStyleIdSchema]).optional(),
    /** The locale of the style's terms and dates (default en-US). */
    locale: z.enum(CITATION_LOCALES).optional(),
    tags: TagList.optional(),
    claimIds: z.array(ClaimIdSchema).max(10_000).optional(),
    includeUnverified: z.boolean().optional(),
    /** Each quote's tags and note under it in the briefing (default false). */
    quoteNotes: z.boolean().optional(),
    /** The provenance appendix: file, accessed date and SHA-256 of each cited text (default true). */
    provenance: z.boolean().optional(),
    title: z.string().max(300).optional(),
  }),

  /** Checks a CSL style file (XML, a <style> with <citation> and <bibliography>, no entities) and keeps it in the notebook. */
  addCitationStyle: z.strictObject({ xml: z.string().max(MAX_STYLE_CHARS), fileName: z.string().max(1000).optional() }),
  /** The style files kept in the notebook, each with its title and licence. */
  listCitationStyles: NoArgs,
  /**
   * Reads W3C Web Annotation JSON (this notebook's annotations export, or Hypothesis' export), matches each annotation
   * to a source by the notebook's source id, URL or text, anchors it, and makes each exact or moved anchor a quote.
   */
  importAnnotations: z.strictObject({ json: z.string().max(MAX_IMPORT_BYTES) }),

  /** Reverses the notebook's last edit, whoever made it in this process (electron/service/history.ts), as one commit. */
  undo: NoArgs,
  /** Re-applies the last undone edit; a new edit clears what redo can reach. */
  redo: NoArgs,
  /** What undo and redo would do now, in the user's words, for the Undo and Redo buttons. */
  historyState: NoArgs,
  /** The whole notebook at one revision, for a page that then follows pushed changes (shared/api/events.ts). */
  getSnapshot: NoArgs,
} as const;

export type ApiMethod = keyof typeof apiArgs;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>;
export type ParsedArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>;

/** The result type of every method. A method missing here is a compile error in `NotebookApi`. */
export interface ApiResults {
  getInfo: NotebookInfo;
  importFile: ImportResult;
  importFiles: { files: ImportFileOutcome[] };
  importText: ImportResult;
  importRefs: { applied: boolean; entries: RefPlanEntry[]; counts: Record<'matched' | 'new' | 'duplicate' | 'skipped', number> };
  listSources: SourceSummary[];
  /** `textLength`: the whole text's length; less than `text.length` only when `textChars` asked for its beginning. */
  getSource: Source & { textLength: number };
  getSourceText: { text: string };
  updateSource: SourceMeta;
  /** `links`: evidence links the deletion took from claims (they come back with a restore). */
  deleteSource: { deleted: string; quotes: number; links: number };
  listTrash: TrashItem[];
  restoreSource: RestoreOutcome;
  emptyTrash: { removed: { id: string; title: string; quotes: number }[] };
  createQuote: Quote;
  updateQuote: Quote;
  deleteQuote: { deleted: string; claimsUpdated: string[] };
  listQuotes: Quote[];
  listTags: TagSummary[];
  renameTag: { from: string; to: string };
  mergeTags: { from: string; to: string };
  setTagColor: Tag;
  createClaim: Claim;
  updateClaim: Claim;
  deleteClaim: { deleted: string; claimsUpdated: string[] };
  getClaim: ClaimDetail;
  listClaims: ClaimDetail[];
  linkEvidence: Claim;
  unlinkEvidence: Claim;
  linkClaims: Claim;
  unlinkClaims: Claim;
  listReview: ReviewItem[];
  reviewAnchor: Quote;
  quoteContext: QuoteContext;
  listSuggestions: SuggestionItem[];
  decideSuggestion: { key: string; status: 'accepted' | 'dismissed'; quote: Quote | null; claim: Claim | null };
  dismissSuggestions: { dismissed: number };
  listConflicts: ConflictItem[];
  listFigureChanges: ConflictItem[];
  markConflict: { a: string; b: string; notConflict: boolean };
  exportBriefing: ExportOutcome;
  addCitationStyle: CitationStyleInfo;
  listCitationStyles: CitationStyleInfo[];
  importAnnotations: { imported: number; results: AnnotationImportItem[] };
  loadSample: { sources: number; quotes: number; claims: number };
  /** `total` counts every match when `totalExact`; otherwise it is a lower bound ("at least"). */
  search: { hits: SearchHit[]; total: number; totalExact: boolean };
  undo: HistoryStep;
  redo: HistoryStep;
  historyState: HistoryState;
  getSnapshot: NotebookSnapshot;
}

/** What callers (renderer, CLI) see: raw arguments in, a Result out. */
export type NotebookApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiResults[M]>> };
/** What the service implements: validated arguments in, a Result out. */
export type NotebookHandlers = { [M in ApiMethod]: (args: ParsedArgs<M>) => Promise<Result<ApiResults[M]>> };
