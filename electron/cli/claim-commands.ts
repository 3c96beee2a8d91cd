/**
 * The claim assistant's commands of the `notebook` CLI: adding, editing and linking
 * claims (with their figures), listing them, suggested figures, and the judgement
 * of figures (conflicts, changes over time, superseded). Registered on the program
 * by main.ts, with the session and output helpers every command shares.
 */
import type { Command, Option } from 'commander';
import { Option as CommanderOption } from 'commander';
import { NotebookError } from '../../shared/result.ts';
import { CLAIM_RELATIONS, CLAIM_STATUSES, EVIDENCE_RELATIONS } from '../../shared/model/records.ts';
import type { OpenOptions } from '../storage/store.ts';
import type { Session } from './main.ts';
import { claimLines, conflictLines, quantityNote, suggestionLine } from './format.ts';

export interface CliContext {
  withSession<T>(write: OpenOptions['write'], fn: (s: Session) => Promise<T>): Promise<T>;
  emit(json: boolean, value: unknown, human: () => string): void;
  jsonOpt(): Option;
  collect(v: string, prev?: string[]): string[];
}

/** `--quantity "almost 70%"` → a typed figure; `--no-quantity` → none; neither → read from the words. */
function figureArgs(quantity: string | false | undefined): { quantity: null } | { quantityText: string } | Record<string, never> {
  return quantity === false ? { quantity: null } : typeof quantity === 'string' ? { quantityText: quantity } : {};
}

export function registerClaimCommands(program: Command, { withSession, emit, jsonOpt, collect }: CliContext): void {
  const claim = program.command('claim').description('add and link claims');
  claim
    .command('add')
    .description('add a claim, optionally with evidence quotes')
    .argument('<statement>')
    .option('--evidence <quote[:relation]>', `a quote id, optionally with a relation (${EVIDENCE_RELATIONS.join('|')}; default supports); repeatable`, collect)
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .addOption(new CommanderOption('--status <status>').choices(CLAIM_STATUSES))
    .option('--note <text>')
    .option('--quantity <figure>', 'the figure the claim states, as you would write it ("almost 70%"); default: read from the statement, else from its evidence')
    .option('--no-quantity', 'the claim states no figure')
    .addOption(jsonOpt())
    .action(async (statement: string, o: { evidence?: string[]; tag?: string[]; status?: (typeof CLAIM_STATUSES)[number]; note?: string; quantity?: string | false; json?: boolean }) => {
      const evidence = (o.evidence ?? []).map((e) => {
        const [quoteId = '', relation = 'supports'] = e.split(':');
        if (!(EVIDENCE_RELATIONS as readonly string[]).includes(relation))
          throw new NotebookError('invalid_argument', `unknown evidence relation "${relation}" (use ${EVIDENCE_RELATIONS.join(', ')})`);
        return { quoteId, relation: relation as (typeof EVIDENCE_RELATIONS)[number] };
      });
      const figure = figureArgs(o.quantity);
      const c = await withSession('required', (s) => s.call('createClaim', { statement, evidence, tags: o.tag, status: o.status, note: o.note, ...figure }));
      emit(!!o.json, { claim: c }, () => `added ${c.id}  ${c.statement}${quantityNote(c.quantity)}`);
    });
  claim
    .command('edit')
    .description("change a claim's statement, figure, status, tags or note")
    .argument('<claim>')
    .option('--statement <text>', 'the claim in new words (its figure is read again when it came from the old words)')
    .option('--quantity <figure>', 'the figure the claim states ("almost 70%"); "" clears it')
    .option('--no-quantity', 'the claim states no figure')
    .addOption(new CommanderOption('--status <status>').choices(CLAIM_STATUSES))
    .option('--tag <tag>', 'replace the tags with these (repeatable)', collect)
    .option('--note <text>')
    .addOption(jsonOpt())
    .action(async (id: string, o: { statement?: string; quantity?: string | false; status?: (typeof CLAIM_STATUSES)[number]; tag?: string[]; note?: string; json?: boolean }) => {
      const figure = figureArgs(o.quantity);
      const patch = { statement: o.statement, status: o.status, tags: o.tag, note: o.note, ...figure };
      if (Object.values(patch).every((v) => v === undefined)) throw new NotebookError('invalid_argument', 'nothing to change: give --statement, --quantity, --no-quantity, --status, --tag or --note');
      const c = await withSession('required', (s) => s.call('updateClaim', { id, patch }));
      emit(!!o.json, { claim: c }, () => `changed ${c.id}  ${c.statement}${quantityNote(c.quantity)}`);
    });
  claim
    .command('link')
    .description('link one claim to another: "A supports B"')
    .argument('<claim>')
    .argument('<other>')
    .addOption(new CommanderOption('--relation <relation>').choices(CLAIM_RELATIONS).makeOptionMandatory())
    .addOption(jsonOpt())
    .action(async (from: string, to: string, o: { relation: (typeof CLAIM_RELATIONS)[number]; json?: boolean }) => {
      const c = await withSession('required', (s) => s.call('linkClaims', { from, to, relation: o.relation }));
      emit(!!o.json, { claim: c }, () => `${from} ${o.relation} ${to}`);
    });
  claim
    .command('evidence')
    .description('link a quote to a claim as evidence')
    .argument('<claim>')
    .argument('<quote>')
    .addOption(new CommanderOption('--relation <relation>').choices(EVIDENCE_RELATIONS).default('supports'))
    .addOption(jsonOpt())
    .action(async (claimId: string, quoteId: string, o: { relation: (typeof EVIDENCE_RELATIONS)[number]; json?: boolean }) => {
      const c = await withSession('required', (s) => s.call('linkEvidence', { claimId, quoteId, relation: o.relation }));
      emit(!!o.json, { claim: c }, () => `${quoteId} ${o.relation} ${claimId}`);
    });

  program
    .command('claims')
    .description('list claims with their evidence and links')
    .option('--tag <tag>', 'only claims with this tag (or one nested below it)')
    .addOption(jsonOpt())
    .action(async (o: { tag?: string; json?: boolean }) => {
      const claims = await withSession('prefer', (s) => s.call('listClaims', { tag: o.tag }));
      emit(!!o.json, { claims }, () => (claims.length ? claims.map(claimLines).join('\n') : 'No claims.'));
    });

  const suggest = program
    .command('suggest')
    .description('figures found in a source, offered as claims (hedges kept): list them, then accept or dismiss each')
    .argument('[source]', 'source id')
    .option('--all', 'include accepted and dismissed suggestions')
    .addOption(jsonOpt())
    .action(async (sourceId: string | undefined, o: { all?: boolean; json?: boolean }) => {
      if (!sourceId) throw new NotebookError('invalid_argument', 'which source? usage: notebook suggest SOURCE');
      const items = await withSession('prefer', (s) => s.call('listSuggestions', { sourceId, includeDecided: !!o.all }));
      emit(!!o.json, { suggestions: items }, () => (items.length ? items.map(suggestionLine).join('\n') : 'No figures to suggest.'));
    });
  suggest
    .command('accept')
    .description('accept a suggestion: its sentence becomes a quote and a claim with the figure cites it')
    .argument('<source>')
    .argument('<key>', 'the suggestion key shown by `notebook suggest`, like 120-131')
    .option('--statement <text>', 'the claim in your words (default: the sentence)')
    .option('--tag <tag>', 'a tag for the quote and claim (repeatable)', collect)
    .addOption(jsonOpt())
    .action(async (sourceId: string, key: string, o: { statement?: string; tag?: string[]; json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('decideSuggestion', { sourceId, key, action: 'accept', statement: o.statement, tags: o.tag }));
      emit(!!o.json, r, () => `accepted ${key}: quote ${r.quote?.id}, claim ${r.claim?.id}  ${r.claim?.statement ?? ''}`);
    });
  suggest
    .command('dismiss')
    .description('dismiss a suggestion (it stays dismissed)')
    .argument('<source>')
    .argument('<key>')
    .addOption(jsonOpt())
    .action(async (sourceId: string, key: string, o: { json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('decideSuggestion', { sourceId, key, action: 'dismiss' }));
      emit(!!o.json, r, () => `dismissed ${key}`);
    });

  const conflicts = program
    .command('conflicts')
    .description('claims whose figures cannot both hold, hedges and times taken into account; then figures that changed over time or that a newer source supersedes')
    .addOption(jsonOpt())
    .action(async (o: { json?: boolean }) => {
      const [items, changes] = await withSession('prefer', async (s) => [await s.call('listConflicts', {}), await s.call('listFigureChanges', {})] as const);
      const superseded = changes.filter((c) => c.relation === 'superseded');
      const overTime = changes.filter((c) => c.relation === 'change');
      emit(!!o.json, { conflicts: items, changes: overTime, superseded }, () =>
        [
          items.length ? items.map(conflictLines).join('\n') : 'No conflicting figures.',
          ...(overTime.length ? ['', 'Changes over time (not conflicts):', ...overTime.map(conflictLines)] : []),
          ...(superseded.length ? ['', 'Possibly out of date (a newer source gives another figure):', ...superseded.map(conflictLines)] : []),
        ].join('\n'),
      );
    });
  conflicts
    .command('dismiss')
    .description('mark a flagged pair as not a conflict (different year, different scope); the decision is kept')
    .argument('<claim>')
    .argument('<other>')
    .option('--undo', 'flag the pair again')
    .addOption(jsonOpt())
    .action(async (a: string, b: string, o: { undo?: boolean; json?: boolean }) => {
      const r = await withSession('required', (s) => s.call('markConflict', { a, b, notConflict: !o.undo }));
      emit(!!o.json, r, () => (r.notConflict ? `${a} and ${b} are marked as not conflicting` : `${a} and ${b} are compared again`));
    });
}
