// Types for electron-builder.config.mjs (a plain ES module so electron-builder can load it without a compile step).
import type { Configuration } from 'electron-builder';

export declare const DEV_ONLY_PACKAGES: string[];
declare const config: Configuration;
export default config;
