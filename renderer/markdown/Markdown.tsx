/**
 * Renders a Markdown string through renderMarkdown (marked + DOMPurify). This is
 * the only component in the renderer allowed to use dangerouslySetInnerHTML.
 */
import { useMemo } from 'react';
import { renderMarkdown } from './render.ts';

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown's output is sanitized by DOMPurify (renderer/markdown/render.ts)
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
