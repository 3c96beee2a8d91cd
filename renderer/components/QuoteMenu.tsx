/**
 * The actions on one highlight, the same in the Reader's context menu, the
 * annotations panel's menu and its keys: open, edit the note, tag, recolour,
 * make a claim, delete (after the confirmation).
 */
import type { Quote } from '../../shared/model/records.ts';
import * as A from '../state/actions.ts';
import { editQuote } from '../state/actions/quotes.ts';
import type { MenuItem } from './ContextMenu.tsx';

export function quoteMenuItems(q: Quote, askDelete: () => void): MenuItem[] {
  return [
    { label: 'Open in the inspector', act: () => editQuote(q.id, null) },
    { label: 'Edit note', act: () => editQuote(q.id, 'note') },
    { label: 'Add tag', act: () => editQuote(q.id, 'tags') },
    ...A.COLORS.filter((c) => c !== q.color).map((c) => ({ label: `Colour ${c}`, swatch: 'swatch-' + c, act: () => void A.updateQuote(q.id, { color: c }) })),
    { label: 'New claim from this quote', act: () => void A.claimFromQuote(q.id) },
    { label: 'Delete quote…', danger: true, act: askDelete },
  ];
}
