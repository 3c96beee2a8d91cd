/** What conflict detection reads and answers: a claim as a candidate, a judged pair, and the options (conflicts.ts runs it). */

import type { Relation } from './judge.ts';
import type { Quantity } from './quantity.ts';

export interface ConflictCandidate {
  id: string;
  statement: string;
  quantity: Quantity | null;
  subject?: string | null;
  sourceId?: string | null;
  /** The source's published date, partial ISO allowed: '2021', '2021-05', '2021-05-24'. */
  published?: string | null;
  /** When the source was added to the notebook: the latest its writer can have written it. */
  addedAt?: string | null;
}
export interface ConflictPair {
  a: string;
  b: string;
  key: string; // `${min(id)}|${max(id)}`, order-independent
  relation: Relation;
  /** The id of the earlier figure, for a change or a supersession. */
  older?: string;
  reason: string;
  overlap: number; // subject term overlap (Jaccard, 0..1), for display
  /** Further disagreeing figures of a and of b not listed (large groups only; see OUTPUT POLICY in conflict-groups.ts). */
  more?: { a: number; b: number };
}
export interface ConflictOptions {
  /** Publication-derived times closer than this count as the same time (default SAME_TIME_DAYS; Infinity: always). */
  sameTimeDays?: number;
  /** Nearest disagreeing figures each claim reports on either side in a large group. */
  perClaim?: number;
}
