// Types for after-pack.mjs (a plain ES module so electron-builder can load it without a compile step).
import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export declare const HARDENED_FUSES: Readonly<Omit<FuseV1Config, 'version' | 'resetAdHocDarwinSignature' | 'strictlyRequireAllFuses'>>;
export declare function electronBinaryPath(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName' | 'packager'>): string;
export declare function fuseConfigFor(electronPlatformName: string): FuseV1Config;
export declare function afterPack(context: AfterPackContext): Promise<void>;
export default afterPack;
