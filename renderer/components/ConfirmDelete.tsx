/**
 * Deleting with a second look: the button opens a small confirmation that says
 * what goes with the record, with Cancel (focused first, and Escape) and the
 * delete button. The confirmation opens beside its trigger, never on it, so a
 * double click cannot confirm by accident, and its colours keep a contrast of at
 * least 4.5:1 in both themes, hovered or not (styles/surface.css).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { viewportSize } from '../api/client.ts';
import type { Box } from '../reader/placement.ts';
import { quoteDeleteDetail } from '../state/derive.ts';
import { useStore } from '../state/store.ts';

/** The box the confirmation opens beside (client coordinates). */
export type Anchor = Box;

const GAP = 8;
const WIDTH = 320;

/** Where the confirmation goes: above the anchor when it fits, else below; never over it. */
export function placeBeside(anchor: Anchor, height: number, viewport: { width: number; height: number }): { top: number; left: number } {
  const above = anchor.top - GAP - height;
  const top = above >= GAP ? above : Math.min(anchor.bottom + GAP, viewport.height - height - GAP);
  const left = Math.max(GAP, Math.min(anchor.right - WIDTH, viewport.width - WIDTH - GAP));
  return { top, left };
}

export function ConfirmPopover({
  anchor,
  title,
  children,
  confirmLabel,
  confirmAria,
  onConfirm,
  onCancel,
}: {
  anchor: Anchor;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  confirmAria?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const id = useId();
  useLayoutEffect(() => {
    setPos(placeBeside(anchor, ref.current?.offsetHeight ?? 120, viewportSize()));
  }, [anchor]);
  // Focus Cancel once placed: a hidden element (before the first measure) cannot take focus.
  const placed = pos !== null;
  useEffect(() => {
    if (placed) cancel.current?.focus();
  }, [placed]);
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onCancel();
    };
    const doc = ref.current?.ownerDocument;
    doc?.addEventListener('mousedown', outside, true);
    return () => doc?.removeEventListener('mousedown', outside, true);
  }, [onCancel]);
  return (
    <div
      ref={ref}
      className="confirm-popover"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={id + 't'}
      aria-describedby={children ? id + 'd' : undefined}
      style={pos ? { top: pos.top, left: pos.left, width: WIDTH } : { visibility: 'hidden', top: 0, left: 0, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p className="confirm-title" id={id + 't'}>
        {title}
      </p>
      {children && (
        <div className="confirm-detail" id={id + 'd'}>
          {children}
        </div>
      )}
      <div className="actions end">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" aria-label={confirmAria} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

/** A "Delete …" button that asks first; `detail` says what goes with the record and how to get it back. */
export function ConfirmDelete({
  what,
  detail,
  onDelete,
  confirmLabel,
  confirmAria,
  trigger,
}: {
  what: string;
  detail: ReactNode;
  onDelete: () => void;
  confirmLabel?: string;
  confirmAria?: string;
  trigger?: { label: string; className: string; content: ReactNode; title?: string };
}) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setAnchor(null);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className={trigger?.className ?? 'button ghost danger-text'}
        aria-label={trigger?.label}
        title={trigger?.title}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setAnchor(anchor ? null : { top: r.top, bottom: r.bottom, left: r.left, right: r.right });
        }}
      >
        {trigger?.content ?? `Delete ${what}`}
      </button>
      {anchor && (
        <ConfirmPopover
          anchor={anchor}
          title={`Delete this ${what}?`}
          confirmLabel={confirmLabel ?? `Delete ${what}`}
          confirmAria={confirmAria}
          onCancel={close}
          onConfirm={() => {
            setAnchor(null);
            onDelete();
          }}
        >
          {detail}
        </ConfirmPopover>
      )}
    </>
  );
}

/** The confirmation before deleting a quote (from the Reader's keys or menu, or the annotations panel). */
export function QuoteDeleteConfirm({ anchor, quoteId, onCancel, onConfirm }: { anchor: Anchor; quoteId: string; onCancel: () => void; onConfirm: () => void }) {
  const claims = useStore((s) => s.claims);
  const citing = claims.filter((c) => c.claim.evidence.some((e) => e.quoteId === quoteId)).length;
  return (
    <ConfirmPopover anchor={anchor} title="Delete this quote?" confirmLabel="Delete quote" onCancel={onCancel} onConfirm={onConfirm}>
      {quoteDeleteDetail(citing)}
    </ConfirmPopover>
  );
}
