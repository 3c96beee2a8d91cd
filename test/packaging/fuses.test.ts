/**
 * The afterPack hook (electron/builder/after-pack.mjs): it finds the Electron
 * binary where electron-builder puts it on each platform and flips the fuses that
 * harden the package. Run on stand-in binaries carrying a real fuse wire, read
 * back with @electron/fuses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDENED_FUSES, afterPack, electronBinaryPath, fuseConfigFor } from '../../electron/builder/after-pack.mjs';
import { FACTORY_WIRE, writeStandInBinary } from './support.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'nb-fuses-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The parts of electron-builder's AfterPackContext the hook reads. */
function context(platform: string, appOutDir: string): AfterPackContext {
  return {
    appOutDir,
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'Research Notebook' }, executableName: 'research-notebook' },
  } as unknown as AfterPackContext;
}

const EXPECTED: [FuseV1Options, FuseState][] = [
  [FuseV1Options.RunAsNode, FuseState.DISABLE],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
  [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
  [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
  [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
];

describe('the afterPack fuse step', () => {
  it('locates the Electron binary by the name electron-builder gives it on each platform', () => {
    const out = '/out';
    expect(electronBinaryPath(context('linux', out))).toBe(join(out, 'research-notebook'));
    expect(electronBinaryPath(context('win32', out))).toBe(join(out, 'Research Notebook.exe'));
    expect(electronBinaryPath(context('darwin', out))).toBe(join(out, 'Research Notebook.app', 'Contents', 'MacOS', 'Research Notebook'));
    expect(() => electronBinaryPath(context('freebsd', out))).toThrow(/no fuse target/);
  });

  it.each(['linux', 'win32'])('flips every hardening fuse of a %s binary and leaves the others as Electron set them', async (platform) => {
    const out = join(tmp, platform);
    const binary = electronBinaryPath(context(platform, out));
    await writeStandInBinary(binary);
    const before = await getCurrentFuseWire(binary);
    for (const [fuse, state] of EXPECTED) expect(before[fuse], `${FuseV1Options[fuse]} before`).not.toBe(state);

    await afterPack(context(platform, out));

    const after = await getCurrentFuseWire(binary);
    for (const [fuse, state] of EXPECTED) expect(after[fuse], FuseV1Options[fuse]).toBe(state);
    // Fuses the hook does not set keep Electron's defaults.
    for (const fuse of [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, FuseV1Options.GrantFileProtocolExtraPrivileges, FuseV1Options.WasmTrapHandlers]) {
      expect(after[fuse]).toBe(FACTORY_WIRE.charCodeAt(fuse));
    }
  });

  it('flips the fuses of a mac app inside its Electron Framework, and re-signs ad hoc only on macOS', async () => {
    const out = join(tmp, 'darwin');
    // @electron/fuses follows .app/Contents/MacOS/<name> to the framework binary that holds the wire.
    const framework = join(out, 'Research Notebook.app', 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    await writeStandInBinary(framework);
    const darwin = fuseConfigFor('darwin');
    expect(darwin.resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('linux').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('win32').resetAdHocDarwinSignature).toBe(false);
    // codesign exists only on macOS: flip here without the re-signing step.
    const { flipFuses } = await import('@electron/fuses');
    await flipFuses(electronBinaryPath(context('darwin', out)), { ...darwin, resetAdHocDarwinSignature: false });
    const after = await getCurrentFuseWire(framework);
    for (const [fuse, state] of EXPECTED) expect(after[fuse], FuseV1Options[fuse]).toBe(state);
  });

  it('sets exactly the six hardening fuses', () => {
    expect(Object.keys(HARDENED_FUSES).map(Number).sort()).toEqual(EXPECTED.map(([f]) => f).sort());
  });
});
