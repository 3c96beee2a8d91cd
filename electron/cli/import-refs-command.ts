/**
 * `notebook import-refs FILE.bib|.ris|.json`: a Zotero export's references matched
 * to the notebook's sources (by DOI, URL, then title and year). Without --apply it
 * only prints the plan — which entries match a source (and what they would fill),
 * which would become source stubs, which the notebook already holds — and changes
 * nothing; with --apply it makes those changes as one undo step.
 */
import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ApiResults, RefPlanEntry } from '../../shared/api/contract.ts';
import { MAX_IMPORT_BYTES } from '../../shared/api/contract.ts';
import { NotebookError } from '../../shared/result.ts';
import { decodeBytes } from '../import/decode.ts';
import type { CliContext } from './claim-commands.ts';
import type { Io } from './main.ts';

async function readText(path: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const s = await handle.stat();
    if (!s.isFile()) throw new NotebookError('unsupported_file', `${path}: not a regular file`);
    if (s.size > MAX_IMPORT_BYTES) throw new NotebookError('unsupported_file', `${path}: the file is ${(s.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
    return decodeBytes(await handle.readFile(), path).text;
  } catch (e) {
    if (e instanceof NotebookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotebookError(
      code === 'ENOENT' ? 'not_found' : 'io',
      code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a folder, not a file` : `${path}: ${(e as Error).message}`,
    );
  } finally {
    await handle?.close();
  }
}

const WHAT: Record<RefPlanEntry['status'], string> = { matched: 'matches', new: 'new', duplicate: 'already in notebook', skipped: 'skipped' };

function planLine(e: RefPlanEntry, applied: boolean): string {
  const title = e.title.length > 70 ? `${e.title.slice(0, 69)}…` : e.title;
  const by = e.matchedBy ? ` (by ${e.matchedBy === 'doi' ? 'DOI' : e.matchedBy === 'url' ? 'URL' : 'title and year'})` : '';
  const fills = e.fills.length ? `: ${applied ? 'filled' : 'would fill'} ${e.fills.join(', ')}` : '';
  const stub = e.status === 'new' ? (applied ? `: source stub ${e.sourceId} created` : ': would become a source stub') : '';
  return `${WHAT[e.status]}  ${e.key}  ${title}${e.sourceId && e.status !== 'new' ? `  → ${e.sourceId}` : ''}${by}${fills}${stub}${e.note ? ` (${e.note})` : ''}`;
}

export function summary(r: ApiResults['importRefs'], apply: boolean): string {
  const c = r.counts;
  const counts = `${c.matched} matched, ${c.new} new, ${c.duplicate} already in the notebook${c.skipped ? `, ${c.skipped} skipped` : ''}`;
  if (apply) return r.applied ? `applied: ${counts} (one undo step)` : `nothing to change: ${counts}`;
  return `${counts}; nothing was changed: run again with --apply to apply`;
}

export function registerImportRefs(program: Command, { withSession, emit, jsonOpt }: CliContext, io: Io): void {
  program
    .command('import-refs')
    .description(
      'read a reference file (.bib BibTeX, .ris RIS or .json CSL-JSON, as Zotero exports them), match each entry to a source by DOI, URL, then title and year, and show the plan; --apply fills the matched sources’ missing details and creates source stubs for the rest, which a later import of the file fills (one undo step; importing the same file twice changes nothing)',
    )
    .argument('<file>', 'the reference file')
    .option('--apply', 'make the changes the plan lists (without it nothing is changed)')
    .addOption(jsonOpt())
    .action(async (file: string, o: { apply?: boolean; json?: boolean }) => {
      const text = await readText(file);
      const apply = Boolean(o.apply);
      const r = await withSession(apply ? 'required' : 'prefer', (s) => s.call('importRefs', { fileName: file, text, apply }));
      if (o.json) emit(true, r, () => '');
      else io.out([...r.entries.map((e) => planLine(e, r.applied)), summary(r, apply)].join('\n'));
    });
}
