/**
 * The boundary every adapter (IPC, HTTP, CLI) goes through: look the method up in
 * the contract, validate the argument with its schema, call the handler, and turn
 * anything thrown into a Result. No adapter calls a handler any other way.
 */
import { apiArgs } from './contract.ts';
import type { ApiMethod, ApiResults, NotebookHandlers } from './contract.ts';
import { NotebookError, err } from '../result.ts';
import type { Result } from '../result.ts';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiArgs, name);
}

/** Formats a zod error as one human line: "exact: Too small…; tags.0: …". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export async function dispatch<M extends ApiMethod>(handlers: NotebookHandlers, method: M | string, rawArgs: unknown): Promise<Result<ApiResults[M]>> {
  if (!isApiMethod(method)) return err('invalid_argument', `unknown method "${String(method).slice(0, 60)}"`);
  const parsed = apiArgs[method].safeParse(rawArgs ?? {});
  if (!parsed.success) return err('invalid_argument', `invalid arguments for ${method}: ${describeIssues(parsed.error.issues)}`);
  try {
    const handler = handlers[method] as (a: unknown) => Promise<Result<ApiResults[M]>>;
    return await handler(parsed.data);
  } catch (e) {
    if (e instanceof NotebookError) return err(e.code, e.message);
    return err('internal', `internal error in ${method}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
