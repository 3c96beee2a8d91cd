/**
 * The `notebook` CLI: a thin adapter over the notebook service. Each command maps
 * its options onto one or more contract calls made through `dispatch` (the same
 * validation as IPC and HTTP), prints a human summary or, with --json, one JSON
 * document, and reports failures as one line on stderr with a non-zero exit.
 */
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { NotebookError } from '../../shared/result.ts';
import { HIGHLIGHT_COLORS } from '../../shared/model/records.ts';
import { CITATION_LOCALES, EXPORT_FILES, EXPORT_FORMATS } from '../../shared/api/contract.ts';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { readAnnotationFile, resolveStyleOption, STYLE_HELP } from './style-option.ts';
import { writeExport, ExportPathError } from '../export/write.ts';
import { describeReexport, reexport } from '../../shared/export/reexport.ts';
import type { ReexportResult } from '../../shared/export/reexport.ts';
import { defaultNotebookDir } from '../storage/paths.ts';
import type { OpenOptions } from '../storage/store.ts';
import { registerImport } from './import-command.ts';
import { registerImportRefs } from './import-refs-command.ts';
import { CommandFailed, Session, restoreNotebook, withNotebook } from './session.ts';
import { registerServe } from './serve.ts';
import { registerShare } from './share-command.ts';
import { SEARCH_HELP } from '../../shared/search/query.ts';
import { describeFsError } from '../storage/fs-errors.ts';
import { escapeControls, hitLines, quoteLine, reviewLines, sourceDetail, sourceLine, tagLine } from './format.ts';
import { registerClaimCommands } from './claim-commands.ts';
import { registerTrashCommands, trashedLine } from './trash-commands.ts';

/** Output sink, swappable in tests. */
export { Session };

export interface Io {
  out(text: string): void;
  err(text: string): void;
}
const processIo: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

export const collect = (v: string, prev: string[] = []) => [...prev, v];
const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new NotebookError('invalid_argument', `"${v}" is not a positive whole number`);
  return n;
};

/** --page-offset: a whole number, or "labels" to go back to the page numbers found at import. */
const pageOffset = (v: string): number | null => {
  if (v === 'labels') return null;
  const n = Number(v);
  if (!/^[+-]?\d+$/.test(v.trim()) || !Number.isSafeInteger(n))
    throw new NotebookError('invalid_argument', `"${v}" is not a page offset: give a whole number (page k of the PDF is cited as k + N) or "labels"`);
  return n;
};

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('notebook');
  program
    .description('An offline research notebook: import sources, quote them, tag and link claims.')
    .option('--notebook <dir>', "the notebook folder (default: $NOTEBOOK_DIR, else the desktop app's notebook)")
    .showHelpAfterError(false)
    // Options belong to the command they follow: `suggest accept … --json` is the subcommand's --json.
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} })
    .exitOverride();

  const dir = () => resolve(program.opts<{ notebook?: string }>().notebook ?? process.env['NOTEBOOK_DIR'] ?? defaultNotebookDir());

  /** Runs `fn` on the notebook: through its host (the app or `notebook serve`) when one runs, else opened here. */
  const withSession = <T>(write: OpenOptions['write'], fn: (s: Session) => Promise<T>): Promise<T> => withNotebook(dir(), write, fn, (line) => io.err(`notebook: warning: ${line}`));
  const emit = (json: boolean, value: unknown, human: () => string) => io.out(json ? JSON.stringify(value, null, 2) : human());
  const jsonOpt = () => new Option('--json', 'print one JSON document');

  registerImport(program, { withSession, emit, jsonOpt, collect }, io);
  registerImportRefs(program, { withSession, emit, jsonOpt, collect }, io);

  program
    .command('sources')
    .description('list sources with their quote and claim counts')
    .addOption(jsonOpt())
    .action(async (o: { json?: boolean }) => {
      const sources = await withSession('prefer', (s) => s.call('listSources', {}));
      emit(!!o.json, { sources }, () => (sources.length ? sources.map(sourceLine).join('\n') : 'No sources yet. Add one with `notebook import FILE`.'));
    });

  program
    .command('show')
    .description('show a source: its metadata and text')
    .argument('<source>', 'source id')
    .addOption(jsonOpt())
    .action(async (id: string, o: { json?: boolean }) => {
      const source = await withSession('prefer', (s) => s.call('getSource', { id }));
      emit(!!o.json, { source }, () => sourceDetail(source));
    });

  program
    .command('edit')
    .description("edit a source's metadata")
    .argument('<source>', 'source id')
    .option('--title <text>')
    .option('--author <name>', 'an author (repeat for several; replaces the list)', collect)
    .option('--publisher <name>')
    .option('--published <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--url <url>')
    .option('--accessed <date>', 'YYYY-MM-DD')
    .option('--page-offset <n>', 'cite page k of a PDF as page k + n (1646 when its first page is printed 1647); "labels": the page numbers found at import', pageOffset)
    .addOption(jsonOpt())
    .action(async (id: string, o: { title?: string; author?: string[]; publisher?: string; published?: string; url?: string; accessed?: string; pageOffset?: number | null; json?: boolean }) => {
      const patch = { title: o.title, authors: o.author, publisher: o.publisher, published: o.published, url: o.url, accessed: o.accessed, pageOffset: o.pageOffset };
      if (Object.values(patch).every((v) => v === undefined))
        throw new NotebookError('invalid_argument', 'nothing to change: give --title, --author, --publisher, --published, --url, --accessed or --page-offset');
      const source = await withSession('required', (s) => s.call('updateSource', { id, patch }));
      emit(!!o.json, { source }, () => `updated ${source.id}  ${source.title}`);
    });

  program
    .command('quote')
    .description('highlight a passage of a source by its exact words')
    .argument('<source>', 'source id')
    .requiredOption('--exact <text>', 'the exact words to quote (line breaks and spacing may differ)')
    .option('--occurrence <n>', 'which occurrence, when the words occur more than once (1 = first)', positiveInt)
    .option('--tag <tag>', 'a tag such as energy/hash-rate (repeatable)', collect)
    .option('--note <text>', 'a note (Markdown)')
    .addOption(new Option('--color <color>', 'highlight color').choices(HIGHLIGHT_COLORS))
    .addOption(jsonOpt())
    .action(async (sourceId: string, o: { exact: string; occurrence?: number; tag?: string[]; note?: string; color?: (typeof HIGHLIGHT_COLORS)[number]; json?: boolean }) => {
      const quote = await withSession('required', (s) => s.call('createQuote', { sourceId, exact: o.exact, occurrence: o.occurrence, tags: o.tag, note: o.note, color: o.color }));
      emit(!!o.json, { quote }, () => `quoted  ${quoteLine(quote)}`);
    });

  program
    .command('quotes')
    .description('list quotes')
    .option('--source <source>', 'only quotes of this source')
    .option('--tag <tag>', 'only quotes with this tag (or a tag nested below it)')
    .addOption(jsonOpt())
    .action(async (o: { source?: string; tag?: string; json?: boolean }) => {
      const quotes = await withSession('prefer', (s) => s.call('listQuotes', { sourceId: o.source, tag: o.tag }));
      emit(!!o.json, { quotes }, () => (quotes.length ? quotes.map(quoteLine).join('\n') : 'No quotes.'));
    });

  const tags = program.command('tags').description('list, rename, merge and color tags');
  tags
    .command('list', { isDefault: true })
    .description('the tag hierarchy with colors and counts')
    .addOption(jsonOpt())
    .action(async (o: { json?: boolean }) => {
      const list = await withSession('prefer', (s) => s.call('listTags', {}));
      emit(!!o.json, { tags: list }, () => (list.length ? list.map(tagLine).join('\n') : 'No tags.'));
    });
  tags
    .command('rename')
    .description('rename a tag and everything nested below it; every reference follows')
    .argument('<from>')
    .argument('<to>')
    .addOption(jsonOpt())
    .action(async (from: string, to: string, o: { json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('renameTag', { from, to }));
      emit(!!o.json, r, () => `renamed ${r.from} → ${r.to}`);
    });
  tags
    .command('merge')
    .description('merge a tag into another; every reference moves')
    .argument('<from>')
    .argument('<into>')
    .addOption(jsonOpt())
    .action(async (from: string, into: string, o: { json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('mergeTags', { from, into }));
      emit(!!o.json, r, () => `merged ${r.from} into ${r.to}`);
    });
  tags
    .command('color')
    .description('set a tag color')
    .argument('<tag>')
    .argument('<color>', 'like #3f7cc0')
    .addOption(jsonOpt())
    .action(async (name: string, color: string, o: { json?: boolean }) => {
      const tag = await withSession('required', (s) => s.call('setTagColor', { name, color }));
      emit(!!o.json, { tag }, () => `${tag.name} is now ${tag.color}`);
    });

  registerClaimCommands(program, { withSession, emit, jsonOpt, collect });
  registerTrashCommands(program, { withSession, emit, jsonOpt, collect });

  program
    .command('delete')
    .description('delete a source (it goes to the trash: see `notebook trash`), quote or claim (links to it are removed, never left dangling)')
    .addArgument(new Command().createArgument('<kind>', 'source | quote | claim').choices(['source', 'quote', 'claim']))
    .argument('<id>')
    .addOption(jsonOpt())
    .action(async (kind: 'source' | 'quote' | 'claim', id: string, o: { json?: boolean }) => {
      const method = ({ source: 'deleteSource', quote: 'deleteQuote', claim: 'deleteClaim' } as const)[kind];
      const r = await withSession('required', (s) => s.call(method, { id }));
      emit(!!o.json, r, () => ('quotes' in r ? trashedLine(r) : `deleted ${kind} ${id}`));
    });

  const review = program
    .command('review')
    .description('anchors that drifted when a source changed: list them, then accept, reselect or pin each')
    .addOption(jsonOpt())
    .action(async (o: { json?: boolean }) => {
      const items = await withSession('prefer', (s) => s.call('listReview', {}));
      emit(!!o.json, { review: items }, () => (items.length ? items.map(reviewLines).join('\n') : 'Nothing to review: every quote is anchored exactly.'));
    });
  review
    .command('accept')
    .description('accept the proposed new anchor of a fuzzy quote')
    .argument('<quote>')
    .addOption(jsonOpt())
    .action(async (quoteId: string, o: { json?: boolean }) => {
      const quote = await withSession('required', (s) => s.call('reviewAnchor', { quoteId, action: 'accept' }));
      emit(!!o.json, { quote }, () => `accepted  ${quoteLine(quote)}`);
    });
  review
    .command('reselect')
    .description("re-select a drifted quote's text in the current version")
    .argument('<quote>')
    .requiredOption('--exact <text>', 'the words to quote now')
    .option('--occurrence <n>', 'which occurrence (1 = first)', positiveInt)
    .addOption(jsonOpt())
    .action(async (quoteId: string, o: { exact: string; occurrence?: number; json?: boolean }) => {
      const quote = await withSession('required', (s) => s.call('reviewAnchor', { quoteId, action: 'reselect', exact: o.exact, occurrence: o.occurrence }));
      emit(!!o.json, { quote }, () => `reselected  ${quoteLine(quote)}`);
    });
  review
    .command('pin')
    .description('keep a drifted quote pinned to the version it was made on')
    .argument('<quote>')
    .addOption(jsonOpt())
    .action(async (quoteId: string, o: { json?: boolean }) => {
      const quote = await withSession('required', (s) => s.call('reviewAnchor', { quoteId, action: 'pin' }));
      emit(!!o.json, { quote }, () => `pinned  ${quote.id} to the version it was made on`);
    });

  program
    .command('search')
    .description('find quotes, claims, notes, tags and source passages')
    .argument('<query...>', 'the query (see below)')
    .option('--limit <n>', 'at most this many hits (default 20)', positiveInt)
    .addOption(jsonOpt())
    .addHelpText('after', '\nQuery syntax:\n' + SEARCH_HELP)
    .action(async (words: string[], o: { limit?: number; json?: boolean }) => {
      const r = await withSession('prefer', (s) => s.call('search', { query: words.join(' '), limit: o.limit }));
      emit(!!o.json, r, () =>
        r.hits.length ? r.hits.map(hitLines).join('\n') + (r.total > r.hits.length ? `\n… ${r.totalExact ? '' : 'at least '}${r.total - r.hits.length} more` : '') : 'No results.',
      );
    });

  program
    .command('export')
    .description('write a cited briefing (or quotes/sources in another format); every quote is verified against its source first')
    .requiredOption('--out <file>', 'the file to write (nothing else is ever written)')
    .addOption(
      new Option(
        '--format <format>',
        'md: Markdown briefing; html: standalone page; annotations: W3C Web Annotations; csl: CSL-JSON; bibtex; evidence-csv / evidence-xlsx: the evidence table; docx: Word briefing with footnotes; obsidian: an Obsidian vault, zipped',
      )
        .choices(EXPORT_FORMATS)
        .default('md'),
    )
    .addOption(new Option('--style <style>', STYLE_HELP).default('apa'))
    .addOption(new Option('--locale <locale>', "the style's language for terms and dates (default en-US)").choices(CITATION_LOCALES))
    .option('--tag <tag>', 'only claims with this tag or one nested below it (repeatable)', collect)
    .option('--claim <claim>', 'only these claims, in this order (repeatable)', collect)
    .option('--title <text>', 'the briefing title')
    .option('--include-unverified', 'include quotes that fail verification, marked as unverified')
    .option('--quote-notes', "add each quote's tags and note under it")
    .option('--no-provenance', 'leave out the appendix of files, accessed dates and SHA-256 hashes')
    .addOption(jsonOpt())
    .action(
      async (o: {
        out: string;
        format: (typeof EXPORT_FORMATS)[number];
        style: string;
        locale?: (typeof CITATION_LOCALES)[number];
        tag?: string[];
        claim?: string[];
        title?: string;
        includeUnverified?: boolean;
        quoteNotes?: boolean;
        provenance: boolean;
        json?: boolean;
      }) => {
        const style = (await resolveStyleOption(o.style, withSession, (line) => io.err(`notebook: note: ${line}`))) as ApiArgs<'exportBriefing'>['style'];
        const r = await withSession('prefer', (s) =>
          s.call('exportBriefing', {
            format: o.format,
            style,
            locale: o.locale,
            tags: o.tag,
            claimIds: o.claim,
            title: o.title,
            includeUnverified: !!o.includeUnverified,
            quoteNotes: !!o.quoteNotes,
            provenance: o.provenance,
          }),
        );
        if (r.stopped || r.content === null) {
          const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more)` : '';
          throw new NotebookError(
            'conflict',
            `export stopped: ${r.problems[0]?.message ?? 'verification failed'}${more}; fix it with \`notebook review\`, or pass --include-unverified to include it marked as unverified`,
          );
        }
        // A Markdown briefing onto a file an earlier export wrote updates it in place (shared/export/reexport.ts).
        const content = r.content;
        let merged: ReexportResult | undefined;
        const path = await writeExport(o.out, EXPORT_FILES[o.format].base64 ? Buffer.from(content, 'base64') : content, {
          notebookDir: dir(),
          merge: o.format === 'md' ? (old) => ((merged = reexport(old, content)).wasExport ? merged.content : content) : undefined,
        });
        for (const p of r.problems) io.err(`notebook: warning: included unverified: ${p.message}`);
        const updated = merged?.wasExport ? merged.events : undefined;
        for (const line of describeReexport(updated ?? [])) io.err(`notebook: note: ${line}`);
        emit(
          !!o.json,
          { path, format: o.format, problems: r.problems, ...(updated ? { updatedInPlace: true, reexport: updated } : {}) },
          () => `${updated ? 'updated in place' : 'wrote'} ${path}${r.problems.length ? ` (${r.problems.length} unverified quote(s) marked)` : ''}`,
        );
      },
    );

  program
    .command('import-annotations')
    .description("add quotes from W3C Web Annotation JSON (this notebook's annotations export, or a Hypothesis export), matched to sources by URL or text")
    .argument('<file>')
    .addOption(jsonOpt())
    .action(async (file: string, o: { json?: boolean }) => {
      const json = await readAnnotationFile(file);
      const r = await withSession('required', (s) => s.call('importAnnotations', { json }));
      for (const item of r.results) if (item.message && item.status !== 'duplicate') io.err(`notebook: warning: ${item.message}`);
      const dup = r.results.filter((x) => x.status === 'duplicate').length;
      emit(!!o.json, r, () => `imported ${r.imported} of ${r.results.length} annotation(s) as quotes${dup ? `; ${dup} already in the notebook` : ''}`);
    });

  program
    .command('context')
    .description('show a quote in its context: where it stands now, or (--original) in the version it was made on')
    .argument('<quote>')
    .option('--original', 'the version the quote was made on')
    .addOption(jsonOpt())
    .action(async (id: string, o: { original?: boolean; json?: boolean }) => {
      const ctx = await withSession('prefer', (s) => s.call('quoteContext', { id, version: o.original ? 'origin' : 'current' }));
      emit(
        !!o.json,
        { context: ctx },
        () =>
          `${ctx.isCurrentVersion ? 'current version' : `version of ${ctx.versionImportedAt}`} (sha256 ${ctx.sha256.slice(0, 12)}…), ${ctx.start}–${ctx.end}:\n…${ctx.before}[[${ctx.quote}]]${ctx.after}…`,
      );
    });

  // Undo and redo: the service's history lives in the process that hosts the notebook.
  const HISTORY_NOTE =
    "\nUndo reaches the notebook's last edit, whoever made it. While the app or `notebook serve` has the notebook\n" +
    'open, the command is sent there, so it undoes (or redoes) the last edit made in any window or by any `notebook`\n' +
    "command, this one's scripts included. With neither running, each command opens the notebook afresh and has no\n" +
    'earlier edit to undo.';
  for (const [name, method, done] of [
    ['undo', 'undo', 'Undid'],
    ['redo', 'redo', 'Redid'],
  ] as const) {
    program
      .command(name)
      .description(`${name} the notebook's last ${name === 'undo' ? 'edit' : 'undone edit'}, whoever made it`)
      .addHelpText('after', HISTORY_NOTE)
      .addOption(jsonOpt())
      .action(async (o: { json?: boolean }) => {
        const r = await withSession('required', async (s) => ({ ...(await s.call(method, {})), host: s.host }));
        if (r.label === null) {
          const what = name === 'undo' ? 'edit to undo' : 'undone edit to redo';
          throw new NotebookError(
            'conflict',
            r.host
              ? `Nothing to ${name}: there is no ${what} since ${r.host} opened the notebook`
              : `Nothing to ${name}: no app or \`notebook serve\` has this notebook open, and a command that opens it afresh has no earlier ${what}`,
          );
        }
        const { host: _host, ...step } = r;
        emit(!!o.json, step, () => `${done}: ${r.label}`);
      });
  }

  program
    .command('restore')
    .description('after a damaged file was moved aside: put back its last good backup (or --discard it)')
    .option('--discard', 'go on without the damaged file')
    .addOption(jsonOpt())
    .action(async (o: { discard?: boolean; json?: boolean }) => {
      const r = await restoreNotebook(dir(), !!o.discard);
      emit(
        !!o.json,
        r,
        () =>
          [
            ...r.restored.map((x) => `restored ${x.rel} from the backup ${x.backup}`),
            ...r.discarded.map((x) => `went on without ${x}`),
            ...(r.unlinked ? [`removed ${r.unlinked} link${r.unlinked === 1 ? '' : 's'} to what was discarded (evidence citing its quotes, links to its claims)`] : []),
          ].join('\n') || 'Nothing to restore.',
      );
    });

  registerServe(program, dir, io);
  registerShare(program, dir, io);
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  // User data never reaches the terminal with its control characters (format.ts).
  const io: Io = { out: (t) => rawIo.out(escapeControls(t)), err: (t) => rawIo.err(escapeControls(t)) };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommandFailed) return e.exitCode;
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err(`notebook: ${e.message.replace(/^error: /, '')}`);
      return 2;
    }
    if (e instanceof NotebookError || e instanceof ExportPathError) {
      io.err(`notebook: ${e.message}`);
      return 1;
    }
    const fsError = describeFsError(e);
    if (fsError) {
      io.err(`notebook: ${fsError.message}`);
      return 1;
    }
    io.err(`notebook: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}
