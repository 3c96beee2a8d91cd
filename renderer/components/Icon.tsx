/**
 * Small inline SVG icons (stroke-only, currentColor). Built as React elements, so
 * no HTML strings and nothing the CSP could object to. Always decorative: the
 * button around an icon carries the accessible name.
 */
export type IconName =
  | 'library'
  | 'reader'
  | 'claims'
  | 'tags'
  | 'help'
  | 'search'
  | 'undo'
  | 'redo'
  | 'sun'
  | 'moon'
  | 'auto'
  | 'close'
  | 'plus'
  | 'trash'
  | 'upload'
  | 'paste'
  | 'review'
  | 'briefing';

const PATHS: Record<IconName, string[]> = {
  library: ['M4 4h4v16H4z', 'M10 4h4v16h-4z', 'M16.5 4.5l3.5 1-4 15-3.5-1z'],
  reader: ['M3 5c3-1.5 6-1.5 9 0v15c-3-1.5-6-1.5-9 0z', 'M12 5c3-1.5 6-1.5 9 0v15c-3-1.5-6-1.5-9 0z'],
  claims: ['M5 6h14', 'M5 12h14', 'M5 18h9', 'M3 6h.01', 'M3 12h.01', 'M3 18h.01'],
  tags: ['M3 12V4h8l10 10-8 8z', 'M7.5 7.5h.01'],
  help: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5', 'M12 17h.01'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5'],
  undo: ['M9 14L4 9l5-5', 'M4 9h10a6 6 0 0 1 0 12h-3'],
  redo: ['M15 14l5-5-5-5', 'M20 9H10a6 6 0 0 0 0 12h3'],
  sun: ['M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10z', 'M12 1v2', 'M12 21v2', 'M4.2 4.2l1.4 1.4', 'M18.4 18.4l1.4 1.4', 'M1 12h2', 'M21 12h2', 'M4.2 19.8l1.4-1.4', 'M18.4 5.6l1.4-1.4'],
  moon: ['M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z'],
  auto: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 3v18'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  plus: ['M12 5v14', 'M5 12h14'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13'],
  upload: ['M12 16V4', 'M7 9l5-5 5 5', 'M4 20h16'],
  paste: ['M9 4h6v3H9z', 'M7 5H5v16h14V5h-2'],
  review: ['M12 3l9 16H3z', 'M12 10v4', 'M12 17h.01'],
  briefing: ['M6 3h9l4 4v14H6z', 'M14 3v5h5', 'M9 12h7', 'M9 16h7'],
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
