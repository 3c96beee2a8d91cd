/**
 * Tags across the notebook: renaming, merging and recolouring. Each is one
 * service call, undone exactly by the service (a merge's undo gives every record
 * its old tag list and the old tag its color).
 */
import { edit, guard } from './common.ts';

export async function renameTag(from: string, to: string): Promise<boolean> {
  const target = to.trim();
  if (!target || target === from) return false;
  const r = await guard(async () => {
    await edit('renameTag', { from, to: target });
    return true;
  });
  return r === true;
}

export async function mergeTags(from: string, into: string): Promise<boolean> {
  const target = into.trim();
  if (!target || target === from) return false;
  const r = await guard(async () => {
    await edit('mergeTags', { from, into: target });
    return true;
  });
  return r === true;
}

export async function setTagColor(name: string, color: string): Promise<void> {
  await guard(() => edit('setTagColor', { name, color }));
}
