/**
 * The quote-search core: one index over source paragraphs, quotes, claims, notes and
 * tags, with forgiving folding, numbers as numbers and a small query language.
 * Import from here; the modules behind it are implementation detail.
 */

export { createIndex, indexFromBytes, WEIGHTS, type SearchIndex } from './search-index.ts';
export type { TextStore } from './persist.ts';
export { sourceParagraphDocs, type ParagraphExtras } from './paragraphs.ts';
export { foldText, foldWord, foldLabel, tokenize, type Token } from './fold.ts';
export { parseQuery, SEARCH_HELP, DOC_TYPES, type ParsedQuery, type ParseResult, type Clause } from './query.ts';
export type { DocType, SearchDoc, SearchHit, SearchHits, SearchOptions, SearchResult, Snippet } from './types.ts';
