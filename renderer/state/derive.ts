/**
 * Pure derivations over the loaded data that views display, kept out of components
 * (which only render) and out of actions (which talk to the API), and unit-tested in
 * node. Import from here; each part lives in a module of its own: tag-tree.ts,
 * claim-lists.ts, switcher.ts, source-form.ts, anchor-status.ts, wording.ts.
 */
export * from './anchor-status.ts';
export * from './claim-lists.ts';
export * from './source-form.ts';
export * from './switcher.ts';
export * from './tag-tree.ts';
export * from './wording.ts';
