/**
 * Which figure a claim is about: read from its statement, else from its evidence
 * quote, with the same reader that suggests figures; and a figure the researcher
 * types ("almost 70%") read the same way.
 */
import { err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { detectFigures, type Figure } from '../claims/figures.ts';
import { toQuantity } from '../claims/quantity.ts';
import type { Claim, Quantity } from './records.ts';
import type { NotebookView } from './view.ts';

/**
 * The figure a text is about: a measured one (%, money, units) before a bare
 * count, so "The three largest operators supply nearly 64%" is about 64%.
 */
export function mainFigure(text: string, published?: string | null): Figure | null {
  const figures = detectFigures(text, { published });
  return figures.find((f) => f.unit !== 'count') ?? figures[0] ?? null;
}

/** The quantity and subject a new claim gets when the researcher gave none: its statement's figure, else its first evidence quote's. */
export function detectClaimFigure(view: NotebookView, statement: string, evidence: Claim['evidence']): { quantity: Quantity; subject: string | null } | null {
  const quotes = evidence.map((e) => view.getQuote(e.quoteId)).filter((q) => q !== undefined);
  const published = quotes.map((q) => view.getSource(q.sourceId)?.published).find((p) => p) ?? null;
  const found = mainFigure(statement, published) ?? quotes.map((q) => mainFigure(q.exact, view.getSource(q.sourceId)?.published)).find((f) => f !== null) ?? null;
  return found ? { quantity: toQuantity(found), subject: found.subject || null } : null;
}

/**
 * A figure typed by the researcher ("almost 70%", "about 1 million a day"), read
 * with the figure reader; the text must hold exactly one figure.
 */
export function parseQuantityText(text: string): Result<Quantity> {
  const t = text.trim();
  if (!t) return err('invalid_argument', 'the figure is empty; type one such as "almost 70%" or "1.2 million tonnes"');
  const figures = detectFigures(t);
  if (figures.length === 0) return err('invalid_argument', `"${t.slice(0, 80)}" holds no figure the notebook can read; type one such as "almost 70%" or "1.2 million tonnes"`);
  if (figures.length > 1) return err('invalid_argument', `"${t.slice(0, 80)}" holds ${figures.length} figures (${figures.map((f) => f.raw).join(', ')}); give one`);
  return ok(toQuantity(figures[0]!));
}

/** True when a claim's stored quantity is one its statement shows (so editing the statement should re-read it). */
export function quantityFromStatement(claim: Pick<Claim, 'statement' | 'quantity'>): boolean {
  return claim.quantity !== null && claim.statement.includes(claim.quantity.raw);
}
