/**
 * A context menu (right click, the Menu key or Shift+F10): a list of actions at a
 * point, kept inside the window. Arrow keys move, Enter or Space acts, Escape or a
 * click elsewhere closes it and focus returns to where it was.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { viewportSize } from '../api/client.ts';

export interface MenuItem {
  label: string;
  act: () => void;
  danger?: boolean;
  /** A swatch class for colour items. */
  swatch?: string;
}

export function ContextMenu({ x, y, label, items, onClose }: { x: number; y: number; label: string; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLUListElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  const [active, setActive] = useState(0);
  const returnTo = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const vp = viewportSize();
    setPos({ left: Math.max(4, Math.min(x, vp.width - el.offsetWidth - 4)), top: Math.max(4, Math.min(y, vp.height - el.offsetHeight - 4)) });
  }, [x, y]);
  useEffect(() => {
    returnTo.current = ref.current?.ownerDocument.activeElement ?? null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const doc = ref.current?.ownerDocument;
    const outside = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    doc?.addEventListener('mousedown', outside, true);
    return () => doc?.removeEventListener('mousedown', outside, true);
  }, [onClose]);
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  const close = () => {
    onClose();
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };
  const run = (item: MenuItem) => {
    close();
    item.act();
  };

  return (
    <ul
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left: pos.left, top: pos.top }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setActive((active + 1) % items.length);
        else if (e.key === 'ArrowUp') setActive((active - 1 + items.length) % items.length);
        else if (e.key === 'Home') setActive(0);
        else if (e.key === 'End') setActive(items.length - 1);
        else if (e.key === 'Escape' || e.key === 'Tab') close();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((item, i) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={i === active ? 0 : -1}
            className={'menu-item' + (item.danger ? ' danger-text' : '')}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(item)}
          >
            {item.swatch && <span className={'color-dot small ' + item.swatch} aria-hidden="true" />}
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
