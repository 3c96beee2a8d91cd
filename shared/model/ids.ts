/**
 * Record ids: short, typeable, prefixed by kind so a CLI user (and a log reader)
 * can tell a quote id from a claim id at a glance.
 *
 * Ids are generated on the Node side (electron/service) from a CSPRNG and handed
 * to pure code; shared/ only validates their shape.
 */
import { z } from 'zod';

export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, no i/l/o/u
const idBody = `[${ID_ALPHABET}]{10}`;

export type SourceId = string & { readonly __brand: 'SourceId' };
export type QuoteId = string & { readonly __brand: 'QuoteId' };
export type ClaimId = string & { readonly __brand: 'ClaimId' };

const SOURCE_ID = new RegExp(`^s_${idBody}$`);
/** Whether a string has a source id's shape: the schema's test without zod (hot on open: 10,000s of file names, cold JIT). */
export const isSourceId = (s: string): s is SourceId => SOURCE_ID.test(s);
export const SourceIdSchema = z
  .string()
  .regex(SOURCE_ID, 'not a source id')
  .transform((s) => s as SourceId);
export const QuoteIdSchema = z
  .string()
  .regex(new RegExp(`^q_${idBody}$`), 'not a quote id')
  .transform((s) => s as QuoteId);
export const ClaimIdSchema = z
  .string()
  .regex(new RegExp(`^c_${idBody}$`), 'not a claim id')
  .transform((s) => s as ClaimId);

export type IdKind = 'source' | 'quote' | 'claim';
export const ID_PREFIX: Record<IdKind, string> = { source: 's_', quote: 'q_', claim: 'c_' };

/** Builds an id from 10 random bytes (each reduced to the 32-letter alphabet). */
export function makeId<K extends IdKind>(kind: K, randomBytes: Uint8Array): K extends 'source' ? SourceId : K extends 'quote' ? QuoteId : ClaimId {
  let body = '';
  for (let i = 0; i < 10; i++) body += ID_ALPHABET[(randomBytes[i] ?? 0) & 31];
  return (ID_PREFIX[kind] + body) as never;
}
