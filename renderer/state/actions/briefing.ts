/**
 * Exporting a briefing: the preview text and the download in a chosen format.
 */
import type { ApiArgs, ApiResults } from '../../../shared/api/contract.ts';
import * as client from '../../api/client.ts';
import { guard, must, toast } from './common.ts';

/** The Markdown preview (or any other format) of a briefing; failures become a toast and null. */
export async function exportBriefing(args: ApiArgs<'exportBriefing'>): Promise<ApiResults['exportBriefing'] | null> {
  return (await guard(() => must('exportBriefing', args))) ?? null;
}

/** Checks a CSL style file the user chose and keeps it in the notebook; failures become a toast and null. */
export async function addCitationStyle(xml: string, fileName: string): Promise<ApiResults['addCitationStyle'] | null> {
  return (await guard(() => must('addCitationStyle', { xml, fileName }))) ?? null;
}

/** The style files kept in the notebook (empty on failure). */
export async function listCitationStyles(): Promise<ApiResults['listCitationStyles']> {
  return (await guard(() => must('listCitationStyles', {}))) ?? [];
}

/** Exports in the chosen format and hands the text to the browser (or Electron's save dialog). */
export async function downloadBriefing(args: ApiArgs<'exportBriefing'>): Promise<boolean> {
  const out = await exportBriefing(args);
  if (!out) return false;
  if (out.stopped || out.content === null) {
    toast(`Export stopped: ${out.problems.length} quote${out.problems.length === 1 ? '' : 's'} failed verification.`, 'error');
    return false;
  }
  // A binary format (XLSX) arrives as base64: the file gets its bytes.
  const binary = out.encoding === 'base64' ? Uint8Array.from(atob(out.content), (c) => c.charCodeAt(0)) : null;
  client.downloadText(out.fileName, out.mimeType, binary ?? out.content);
  return true;
}
