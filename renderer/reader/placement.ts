/**
 * Where the selection toolbar goes: above the selection when it fits in the
 * visible part of the pane, otherwise below it; never over it. Boxes are in the
 * pane's content coordinates (scrolled pixels included). Pure, unit-tested.
 */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const GAP = 8;
const EDGE = 8;

export function placeToolbar(selection: Box, size: { width: number; height: number }, pane: { width: number; scrollTop: number }): { top: number; left: number; side: 'above' | 'below' } {
  const above = selection.top - GAP - size.height;
  const side = above >= pane.scrollTop + EDGE ? 'above' : 'below';
  const top = side === 'above' ? above : selection.bottom + GAP;
  const centre = (selection.left + selection.right) / 2;
  const left = Math.max(EDGE, Math.min(centre - size.width / 2, pane.width - size.width - EDGE));
  return { top, left, side };
}
