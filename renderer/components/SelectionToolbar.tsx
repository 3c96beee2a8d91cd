/**
 * The toolbar for a selection in the Reader: a colour to highlight in, Tag, Make
 * claim, Add note (and "Use as new text" while re-selecting). One line at every
 * width, placed above the selection or below it, never over it (reader/placement.ts).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import * as A from '../state/actions.ts';
import type { SelectionIntent } from '../state/actions.ts';
import { placeToolbar } from '../reader/placement.ts';
import type { Box } from '../reader/placement.ts';

export function SelectionToolbar({
  box,
  paneWidth,
  scrollTop,
  onAct,
  onReselect,
  onClose,
}: {
  box: Box;
  paneWidth: number;
  scrollTop: number;
  onAct: (i: SelectionIntent) => void;
  onReselect?: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) setPos(placeToolbar(box, { width: el.offsetWidth, height: el.offsetHeight }, { width: paneWidth, scrollTop }));
  }, [box, paneWidth, scrollTop]);
  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection actions"
      style={pos ? { top: pos.top, left: pos.left } : { top: box.bottom, left: 0, visibility: 'hidden' }}
      // Keep the text selection alive while the user clicks a button.
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {onReselect && (
        <>
          <button type="button" className="toolbar-button primary" onClick={onReselect}>
            Use as new text
          </button>
          <span className="toolbar-sep" aria-hidden="true" />
        </>
      )}
      {A.COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={'color-dot swatch-' + c}
          aria-label={`Highlight ${c}`}
          title={`Highlight ${c}${c === 'yellow' ? ' (H)' : ''}`}
          onClick={() => onAct({ kind: 'highlight', color: c })}
        />
      ))}
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="toolbar-button" title="Highlight and tag (T)" onClick={() => onAct({ kind: 'tag' })}>
        Tag
      </button>
      <button type="button" className="toolbar-button" title="Make a claim from it (C)" onClick={() => onAct({ kind: 'claim' })}>
        Make claim
      </button>
      <button type="button" className="toolbar-button" title="Highlight and add a note (N)" onClick={() => onAct({ kind: 'note' })}>
        Add note
      </button>
    </div>
  );
}
