/**
 * electron-builder afterPack hook: flips the Electron fuses of the packaged
 * binary, before electron-builder signs it (signing comes after afterPack, and a
 * flipped fuse changes the binary, so the order matters).
 *
 * Why each fuse:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE=1 would turn the app into a plain Node
 *   that runs any script with the user's rights (and the app's signature).
 * - NODE_OPTIONS and --inspect off: both inject code or a debugger into the main
 *   process, which holds the notebook and the file system.
 * - Cookie encryption on: the app keeps no cookies today; if it ever does, they
 *   are encrypted at rest with the OS keychain.
 * - Embedded asar integrity + only load app from asar: the main process runs only
 *   the app.asar whose header hash electron-builder embedded (Info.plist on
 *   macOS, a resource on Windows), so editing the installed files, or dropping an
 *   `app/` folder beside it, cannot change what runs. (Linux has no embedded
 *   integrity yet; there the fuse is inert and OnlyLoadAppFromAsar still holds.)
 */
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** The fuse settings every package gets. `resetAdHocDarwinSignature` is added per platform. */
export const HARDENED_FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
});

/**
 * The Electron executable inside context.appOutDir, by the names electron-builder
 * gave it: Linux uses the lower-case `executableName`, Windows and macOS the
 * product file name. On macOS @electron/fuses follows this path to the Electron
 * Framework binary, where the fuse wire lives.
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename);
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName ?? productFilename);
    default:
      throw new Error(`after-pack: no fuse target for platform "${electronPlatformName}"`);
  }
}

/** The full @electron/fuses config for a platform. */
export function fuseConfigFor(electronPlatformName) {
  return {
    version: FuseVersion.V1,
    ...HARDENED_FUSES,
    // Flipping a fuse invalidates the ad-hoc signature an arm64 mac binary needs to start at all.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin',
  };
}

export async function afterPack(context) {
  await flipFuses(electronBinaryPath(context), fuseConfigFor(context.electronPlatformName));
}

export default afterPack;
