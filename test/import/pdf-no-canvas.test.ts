/**
 * PDF import without pdfjs's optional rendering package (@napi-rs/canvas, 32 MB of
 * native code an app may be packaged without): text and pages read the same, and
 * nothing is printed. Its own file: pdfjs loads once per process.
 */
import Module from 'node:module';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { book300 } from '../support/pdf-fixtures.ts';

const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request.startsWith('@napi-rs/canvas')) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
  return original.call(this, request, ...rest);
};
afterAll(() => {
  resolver._resolveFilename = original;
});

describe('PDF import without @napi-rs/canvas', () => {
  it('reads the 300-page book with its pages, printing no warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const { readPdf } = await import('../../electron/import/pdf/read.ts');
    const book = book300();
    const r = await readPdf(book.bytes, 'ledger.pdf');
    expect(r.pages.origin).toBe('labels');
    expect(r.text).toContain(book.quotes[150]!.exact);
    expect([...warn.mock.calls, ...log.mock.calls]).toEqual([]);
  });
});
