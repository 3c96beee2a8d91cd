/**
 * The shapes of the contract's answers (what ApiResults in contract.ts is made of):
 * plain types with no schema behind them, so the page and the CLI can import them
 * without loading zod. contract.ts re-exports every one.
 */
import type { AnchorStatus, Claim, ClaimId, ClaimRelation, Quantity, Quote, SourceMeta, Tag } from '../model/records.ts';
import type { ErrorCode } from '../result.ts';
import type { RestoreOutcome } from '../model/trash.ts';

export interface SourceSummary extends SourceMeta {
  quoteCount: number;
  claimCount: number;
  /** Quotes of this source whose anchors wait for review. */
  reviewCount: number;
}
/** One reference of an importRefs plan: matched (fields to fill), new (a source stub), duplicate (nothing to add) or skipped. */
export interface RefPlanEntry {
  key: string;
  title: string;
  status: 'matched' | 'new' | 'duplicate' | 'skipped';
  sourceId: string | null;
  matchedBy: 'doi' | 'url' | 'title' | null;
  fills: ('authors' | 'publisher' | 'published' | 'url')[];
  note?: string;
}
export interface ImportResult {
  source: SourceMeta;
  duplicate: boolean;
  /** Set when the file became a new version of an existing source. */
  newVersion: { of: string; previousSha256: string; counts: Record<AnchorStatus, number>; review: string[] } | null;
  /** Set when the text was a source in the Trash: that source came back, with its quotes and links, instead of a copy. */
  restoredFromTrash?: RestoreOutcome;
  /** What was cut or left out of the file's metadata to fit the notebook's limits (a 150-author page, a date in the year 10000). */
  notes?: string[];
}
/** One file of an importFiles call: imported, already there, a new version of a source, or refused with its reason. */
export type ImportFileOutcome =
  | (ImportResult & { fileName: string; status: 'imported' | 'duplicate' | 'new-version' | 'restored' })
  | { fileName: string; status: 'refused'; code: ErrorCode; reason: string };
export interface ReviewItem {
  quote: Quote;
  sourceTitle: string;
  status: AnchorStatus;
  score: number;
  oldText: string;
  newText: string | null;
  diff: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}
export interface QuoteContext {
  quoteId: string;
  sha256: string;
  isCurrentVersion: boolean;
  versionImportedAt: string;
  before: string;
  quote: string;
  after: string;
  start: number;
  end: number;
}
export interface TagSummary {
  tag: Tag;
  quotes: number;
  claims: number;
}
export interface SuggestionItem {
  key: string;
  status: 'open' | 'accepted' | 'dismissed';
  figure: Quantity & { start: number; end: number; subject: string };
  sentence: { start: number; end: number; text: string };
  /** A claim that already states this figure (accepting it then only confirms that claim). */
  claimedBy: string | null;
}
export interface ConflictSide {
  claimId: string;
  statement: string;
  quantity: Quantity | null;
  sourceId: string | null;
  sourceTitle: string | null;
  /** The source's published date. */
  date: string | null;
}
/** How the claim assistant judges two claims' figures for the same thing (shared/claims/judge.ts). */
export type FigureRelation = 'conflict' | 'change' | 'superseded';
export interface ConflictItem {
  key: string;
  a: ConflictSide;
  b: ConflictSide;
  /** One line in the user's words: "almost 70% (63–70%) vs about 46% (41.4–50.6%): cannot both hold". */
  reason: string;
  relation: FigureRelation;
  /** For a change or a supersession: the claim with the earlier figure. */
  older: string | null;
}
export interface ExportOutcome {
  /** True when verification failed and the export stopped (content is then null). */
  stopped: boolean;
  content: string | null;
  /** Quotes that failed verification: each message names the quote and why. */
  problems: { quoteId: string; message: string }[];
  /** A safe file name to suggest in a save dialog (never derived unsanitized from titles). */
  fileName: string;
  mimeType: string;
  /** 'base64' for a binary format (EXPORT_FILES): content holds the file's bytes. */
  encoding?: 'base64';
}
/** What became of one annotation in importAnnotations; `message` says why it was not imported. */
export interface AnnotationImportItem {
  index: number;
  status: 'imported' | 'duplicate' | 'unmatched' | 'not-found' | 'skipped';
  quoteId: string | null;
  sourceId: string | null;
  message: string;
}
/** A citation style file kept in the notebook: its id for exportBriefing, title and licence (<rights>). */
export interface CitationStyleInfo {
  id: string;
  title: string;
  styleId: string | null;
  rights: string | null;
  license: string | null;
  defaultLocale: string | null;
}
export interface ClaimDetail {
  claim: Claim;
  /** Claims whose figures conflict with this one (not ruled out by the researcher). */
  conflicts: { claimId: string; reason: string }[];
  /** Figures for the same thing at other times: earlier values, later values, newer sources. */
  overTime: { claimId: string; reason: string; relation: 'change' | 'superseded'; thisIsOlder: boolean }[];
  /** Set when a newer source gives another figure for the same thing: why this claim may be out of date. */
  outOfDate: string | null;
  /** Evidence quotes whose anchors are fuzzy or orphaned and not yet reviewed: the claim is shown flagged. */
  unreviewedEvidence: number;
  evidence: { quote: Quote; relation: Claim['evidence'][number]['relation']; sourceTitle: string }[];
  citedBy: { claimId: ClaimId; relation: ClaimRelation; statement: string }[];
}
/** What undo and redo would do now: "rename tag energy → power"; null when there is nothing. */
export interface HistoryState {
  undo: string | null;
  redo: string | null;
}
/** An undo or redo: the label of the edit reversed or re-applied (null when there was none) and the history after it. */
export interface HistoryStep {
  label: string | null;
  history: HistoryState;
}
export interface NotebookInfo {
  path: string;
  schemaVersion: number;
  counts: { sources: number; quotes: number; claims: number; tags: number };
  /** What opening the notebook had to repair (a damaged log line, a misplaced shard…), each naming the copy kept in quarantine/; the app shows them. */
  recovery?: string[];
}
