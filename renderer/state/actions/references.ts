/**
 * Importing reference metadata (a Zotero .bib, .ris or CSL-JSON export) in the app:
 * the contract's importRefs first without `apply`, to show the plan (which entries
 * match a source and what they fill, which become source stubs, which the notebook
 * already holds), then with `apply` once the researcher agrees — one undo step.
 * The matching and every rule are the service's (electron/service/import-refs.ts).
 */
import type { ApiResults } from '../../../shared/api/contract.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/api/contract.ts';
import { plural } from '../derive.ts';
import { guard, must, refresh, toast } from './common.ts';

export interface ReferencePlan {
  fileName: string;
  text: string;
  plan: ApiResults['importRefs'];
}

/** Reads the file and asks for its plan; null when it could not be read (the reason is toasted). */
export async function planReferences(file: File): Promise<ReferencePlan | null> {
  if (file.size > MAX_IMPORT_BYTES) {
    toast(`${file.name}: the file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`, 'error');
    return null;
  }
  const r = await guard(async () => {
    const text = await file.text();
    return { fileName: file.name, text, plan: await must('importRefs', { fileName: file.name, text }) };
  });
  return r ?? null;
}

/** Applies a plan shown to the researcher; true when it went through. */
export async function applyReferences(p: ReferencePlan): Promise<boolean> {
  const r = await guard(async () => {
    const res = await must('importRefs', { fileName: p.fileName, text: p.text, apply: true });
    await refresh();
    const c = res.counts;
    toast(res.applied ? `Details filled for ${plural(c.matched, 'source')}; ${plural(c.new, 'source stub')} added.` : 'Nothing to change: the notebook already holds these references.');
    return true;
  });
  return r === true;
}
