/**
 * Expected failures travel as values, not exceptions: a thrown Error loses its type
 * crossing IPC or HTTP, a Result does not. Every API method resolves to a Result,
 * and the model's edits (shared/model) return one. On the ground floor of shared/:
 * it imports nothing, so the model and the API can both use it.
 */
export const ERROR_CODES = [
  'invalid_argument', // the caller's input failed validation
  'not_found', // an id or file that does not exist
  'not_in_source', // a quote whose text the source does not contain
  'ambiguous', // a quote whose text occurs more than once and no occurrence was chosen
  'conflict', // the change would break an invariant (e.g. rename onto an existing tag)
  'unsupported_file', // binary, empty, undecodable or too large input
  'locked', // another process holds the notebook
  'corrupt', // a stored file could not be read or validated
  'io', // the disk said no
  'internal', // a bug: reported, never expected
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** One human line, ready to print. */
  message: string;
}

export type Result<T, E = ApiError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** An ApiError thrown inside the service layer, converted back to a Result at the boundary. */
export class NotebookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookError';
  }
}
