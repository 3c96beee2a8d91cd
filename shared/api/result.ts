/** Result moved to shared/result.ts (the ground floor: shared/model uses it too); this re-export keeps code written against the old place working. Import shared/result.ts. */
export * from '../result.ts';
