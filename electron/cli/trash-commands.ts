/**
 * The trash commands of the `notebook` CLI: `notebook trash` lists deleted
 * sources, `notebook trash restore <id>` puts one back with its quotes and
 * evidence links, `notebook trash empty [id…]` removes entries for good; and the
 * line `notebook delete source` prints, saying where the source went. Registered
 * on the program by main.ts, with the helpers every command shares.
 */
import type { Command } from 'commander';
import type { ApiResults, ParsedArgs } from '../../shared/api/contract.ts';
import type { TrashItem } from '../../shared/model/trash.ts';
import type { CliContext } from './claim-commands.ts';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** What `notebook delete source` prints: the source went to the trash, and how to get it back. */
export function trashedLine(r: ApiResults['deleteSource']): string {
  const links = r.links ? ` and ${plural(r.links, 'evidence link')}` : '';
  return `moved source ${r.deleted} with ${plural(r.quotes, 'quote')}${links} to the trash; restore it with \`notebook trash restore ${r.deleted}\``;
}

function itemLines(i: TrashItem): string {
  const head = `${i.source.id}  ${i.source.title}  (${plural(i.quoteCount, 'quote')}, ${plural(i.linkCount, 'evidence link')}; deleted ${when(i.trashedAt)})`;
  return i.sameTextAs ? `${head}\n    cannot be restored while ${i.sameTextAs.id} “${i.sameTextAs.title}” holds the same text` : head;
}

export function registerTrashCommands(program: Command, { withSession, emit, jsonOpt }: CliContext): void {
  const trash = program.command('trash').description('deleted sources: list them, restore one, or empty the trash for good');
  trash
    .command('list', { isDefault: true })
    .description('the sources in the trash, newest first')
    .addOption(jsonOpt())
    .action(async (o: { json?: boolean }) => {
      const items = await withSession('prefer', (s) => s.call('listTrash', {}));
      emit(!!o.json, { trash: items }, () =>
        items.length
          ? [...items.map(itemLines), '', 'Restore one with `notebook trash restore SOURCE`; remove them for good with `notebook trash empty [SOURCE…]`.'].join('\n')
          : 'The trash is empty.',
      );
    });
  trash
    .command('restore')
    .description('put a deleted source back with its quotes (same ids and anchors) and its evidence links to claims that still exist')
    .argument('<source>', 'the id of a source in the trash')
    .addOption(jsonOpt())
    .action(async (id: string, o: { json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('restoreSource', { id }));
      const dropped = r.linksDropped ? `; ${plural(r.linksDropped, 'link')} to deleted claims could not come back` : '';
      emit(!!o.json, r, () => `restored ${r.source.id}  ${r.source.title} with ${plural(r.quotes, 'quote')} and ${plural(r.links, 'evidence link')}${dropped}`);
    });
  trash
    .command('empty')
    .description('remove sources from the trash for good (all of them, or the ones named); their quotes and links cannot be restored afterwards')
    .argument('[sources...]', 'ids of sources in the trash (default: every one)')
    .addOption(jsonOpt())
    .action(async (ids: string[], o: { json?: boolean }) => {
      const args: ParsedArgs<'emptyTrash'> = ids.length ? { ids: ids as never } : {};
      const r = await withSession('required', (s) => s.call('emptyTrash', args));
      const quotes = r.removed.reduce((n, x) => n + x.quotes, 0);
      emit(!!o.json, r, () => (r.removed.length ? `removed ${plural(r.removed.length, 'source')} (${plural(quotes, 'quote')}) from the trash for good` : 'The trash was already empty.'));
    });
}
