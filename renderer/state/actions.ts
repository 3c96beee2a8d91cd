/**
 * Everything the user can do, as functions that call the API and update the
 * store. Components call these and render state; the rules (what "make claim"
 * creates, how an edit is undone, which tags a quote ends up with) live in the
 * modules under actions/, one per area. This file only re-exports them, so
 * components keep importing from one place.
 *
 * Every edit is one service call, which the service records with its exact
 * inverse (electron/service/history.ts); Undo and Redo are service calls too.
 */
export { COLORS, CLAIM_STATUS_LIST, EVIDENCE_RELATION_LIST, CLAIM_RELATION_LIST, ApiFailure, toast, dismissToast, refresh } from './actions/common.ts';
export { init, handleMenu } from './actions/loading.ts';
export { setView, select, openSource, openQuote, openClaim, openTag, focusTag, setSwitcherOpen, setPasteOpen, requestImport, setThemePref, toggleTheme, effectiveTheme } from './actions/navigation.ts';
export { importFiles, importPastedText } from './actions/import.ts';
export { updateSource, deleteSource } from './actions/sources.ts';
export type { SourceEdit } from './actions/sources.ts';
export { quoteSelection, updateQuote, addQuoteTags, removeQuoteTag, deleteQuote, quoteById } from './actions/quotes.ts';
export type { SelectionIntent, QuotePatch } from './actions/quotes.ts';
export { createClaim, claimFromQuote, updateClaim, setClaimQuantity, addClaimTags, removeClaimTag, deleteClaim, linkEvidence, unlinkEvidence, linkClaims, unlinkClaims } from './actions/claims.ts';
export type { ClaimPatch } from './actions/claims.ts';
export { renameTag, mergeTags, setTagColor } from './actions/tags.ts';
export { undo, redo } from './actions/history.ts';
export { startEmpty, openSample } from './actions/first-run.ts';
export { describeAnchorCounts, importNewVersion, reviewQuote, startReselect, cancelReselect, finishReselect, quoteContext } from './actions/review.ts';
export { loadSuggestions, decideSuggestion, dismissSuggestions, markNotConflict } from './actions/suggestions.ts';
export { exportBriefing, downloadBriefing, addCitationStyle, listCitationStyles } from './actions/briefing.ts';
export { search, setSearchQuery, openSearch, openHit, quoteFromHit } from './actions/search.ts';
export type { SearchOutcome } from './actions/search.ts';
