/**
 * CSL style files the user brings, kept in the notebook as `styles/<sha256>.csl`
 * (written with the store's atomic durable write, named by content so a changed file is
 * a new style and never a stale cached engine). A file is checked (csl-style.ts) and
 * tried on the CSL processor before it is stored; on every read its name is checked
 * against its content, so a file changed on disk is refused, never used.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '../../shared/result.ts';
import { checkCslStyle } from '../../shared/export/csl-style.ts';
import type { CslStyleInfo } from '../../shared/export/csl-style.ts';
import type { SourceId, SourceMeta } from '../../shared/model/records.ts';
import { isErrno, writeFileDurable } from '../storage/durable-fs.ts';
import { readNoFollow } from '../storage/no-follow.ts';
import { MANIFEST } from '../storage/layout.ts';
import { createCitationFormatter } from './citations.ts';
import type { UserStyle } from './citations.ts';

export const STYLES_DIR = 'styles';
export const USER_STYLE_PREFIX = 'csl:';

export interface UserStyleInfo extends CslStyleInfo {
  /** `csl:<sha256>`, the style's name in exportBriefing. */
  id: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A made-up source to try a style on: every field the briefing's sources carry. */
const TRIAL: SourceMeta = {
  id: 's_trialstyle' as SourceId,
  title: 'Trial title',
  authors: ['Ada Example'],
  publisher: 'Example Press',
  published: '2024-05-01',
  url: 'https://example.org/a',
  accessed: '2024-06-01',
  fileName: null,
  format: 'txt',
  encoding: 'utf-8',
  sha256: '0'.repeat(64),
  length: 0,
  importedAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
  versions: [],
  suggestions: { accepted: [], dismissed: [] },
};

/** Checks a style's XML and formats one citation with it; throws a one-line NotebookError naming the file. */
export function checkUserStyle(xml: string, fileName = 'the style file'): { style: UserStyle; info: CslStyleInfo } {
  const check = checkCslStyle(xml);
  if (!check.ok) throw new NotebookError('invalid_argument', `${fileName} is not a usable citation style: ${check.error}`);
  const style = { id: sha256(xml), xml };
  try {
    const out = createCitationFormatter([TRIAL], style).citations();
    if (!out.get(TRIAL.id)?.inline) throw new Error('it formats an empty citation');
  } catch (e) {
    throw new NotebookError(
      'invalid_argument',
      `${fileName} is not a usable citation style: the CSL processor refused it (${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200)})`,
    );
  }
  return { style, info: check.info };
}

/** Stores a checked style in the notebook folder; the same file twice is one style. */
export function addUserStyle(root: string, xml: string, fileName?: string): UserStyleInfo {
  const { style, info } = checkUserStyle(xml, fileName);
  // A folder with files but no manifest is refused as someone else's: a style never starts a notebook.
  if (!existsSync(join(root, MANIFEST))) throw new NotebookError('conflict', 'this notebook is still empty; import a source before adding a citation style');
  const dir = join(root, STYLES_DIR);
  mkdirSync(dir, { recursive: true });
  if (lstatSync(dir).isSymbolicLink()) throw new NotebookError('corrupt', `${dir} is a symbolic link; the notebook never follows links`);
  const path = join(dir, `${style.id}.csl`);
  if (readNoFollow(path, `${STYLES_DIR}/${style.id}.csl`) !== xml) writeFileDurable(path, xml);
  return { id: USER_STYLE_PREFIX + style.id, ...info };
}

/** A stored style by its `csl:<sha256>` id, checked against its name. */
export function loadUserStyle(root: string, id: string): UserStyle {
  const sha = id.startsWith(USER_STYLE_PREFIX) ? id.slice(USER_STYLE_PREFIX.length) : '';
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new NotebookError('invalid_argument', `${id} is not a citation style of this notebook`);
  const xml = readNoFollow(join(root, STYLES_DIR, `${sha}.csl`), `${STYLES_DIR}/${sha}.csl`);
  if (xml === null) throw new NotebookError('not_found', `no citation style ${id} in this notebook; add the style file again`);
  if (sha256(xml) !== sha) throw new NotebookError('corrupt', `the style file ${STYLES_DIR}/${sha}.csl was changed outside the app; add the style file again`);
  return { id: sha, xml };
}

/** Every style stored in the notebook, by title; a file changed on disk is left out. */
export function listUserStyles(root: string): UserStyleInfo[] {
  let names: string[];
  try {
    names = readdirSync(join(root, STYLES_DIR));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return [];
    throw e;
  }
  const out: UserStyleInfo[] = [];
  for (const name of names.filter((n) => /^[0-9a-f]{64}\.csl$/.test(n)).sort()) {
    const id = USER_STYLE_PREFIX + name.slice(0, 64);
    try {
      const check = checkCslStyle(loadUserStyle(root, id).xml);
      if (check.ok) out.push({ id, ...check.info });
    } catch {
      // changed on disk or unreadable: not offered
    }
  }
  return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
}
