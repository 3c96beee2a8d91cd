/**
 * The export commands' file options: `notebook export --style` (a built-in style name,
 * a style kept in the notebook (`csl:<sha256>`), or a CSL style file, which is checked,
 * kept in the notebook (addCitationStyle) and named in one line with its licence), and
 * the annotation file `notebook import-annotations` reads.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CITATION_STYLES, MAX_IMPORT_BYTES, MAX_STYLE_CHARS } from '../../shared/api/contract.ts';
import { NotebookError } from '../../shared/result.ts';
import type { Session } from './session.ts';

type WithSession = <T>(write: 'required' | 'prefer' | 'never', fn: (s: Session) => Promise<T>) => Promise<T>;

export const STYLE_HELP = `citation style: ${CITATION_STYLES.join(', ')}, or a CSL style file (FILE.csl), which is kept in the notebook`;

/** The exportBriefing style for the option's value; a file is added to the notebook first. */
export async function resolveStyleOption(value: string, withSession: WithSession, note: (line: string) => void): Promise<string> {
  if ((CITATION_STYLES as readonly string[]).includes(value) || /^csl:[0-9a-f]{64}$/.test(value)) return value;
  const info = await stat(value).catch(() => null);
  if (!info) throw new NotebookError('not_found', `no style "${value}": --style takes ${CITATION_STYLES.join(', ')} or a CSL style file (.csl)`);
  if (!info.isFile()) throw new NotebookError('invalid_argument', `${value} is not a file; --style takes a CSL style file (.csl)`);
  if (info.size > MAX_STYLE_CHARS * 4) throw new NotebookError('invalid_argument', `${value} is not a usable citation style: it is over ${MAX_STYLE_CHARS / 1024 / 1024} MB`);
  const bytes = await readFile(value);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotebookError('invalid_argument', `${value} is not a usable citation style: it is not UTF-8 text`);
  }
  const added = await withSession('required', (s) => s.call('addCitationStyle', { xml, fileName: basename(value) }));
  note(`citation style “${added.title}” (kept in the notebook as ${added.id})${added.rights ? `; licence: ${added.rights}` : '; the file states no licence'}`);
  return added.id;
}

/** An annotation JSON file's text, size-checked; a missing or oversized file is a one-line error. */
export async function readAnnotationFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new NotebookError('not_found', `no file ${path}`);
  if (info.size > MAX_IMPORT_BYTES) throw new NotebookError('invalid_argument', `${path} is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB, larger than an annotation file the notebook reads`);
  return readFile(path, 'utf8');
}
