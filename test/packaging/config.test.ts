/**
 * The electron-builder configuration (electron/builder/electron-builder.config.mjs):
 * identity, targets per platform, "Open with" associations, icons, and the file
 * globs that keep sources and dev tools out of the package.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAssociation, PlatformSpecificBuildOptions, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { formatOf } from '../../electron/import/importer.ts';
import config, { DEV_ONLY_PACKAGES } from '../../electron/builder/electron-builder.config.mjs';
import { afterPack } from '../../electron/builder/after-pack.mjs';
import { ROOT } from './support.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName: string };

function targetNames(options: PlatformSpecificBuildOptions | null | undefined): string[] {
  const t = options?.target;
  const list = (Array.isArray(t) ? t : t ? [t] : []) as (string | TargetConfiguration)[];
  return list.map((x) => (typeof x === 'string' ? x : x.target));
}

describe('the electron-builder configuration', () => {
  it('names the app as package.json does, with a reverse-DNS app id', () => {
    expect(config.appId).toBe('org.researchnotebook.app');
    expect(config.productName).toBe(pkg.productName);
  });

  it('builds AppImage, deb and tar.gz on Linux, a dmg on macOS and an NSIS installer on Windows', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.executableName).toBe('research-notebook');
  });

  it('offers "Open with" as a viewer for every kind of file the importer reads, and only those', () => {
    const assoc = (config.fileAssociations ?? []) as FileAssociation[];
    const exts = assoc.flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    expect(exts).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'pdf', 'docx', 'odt', 'epub', 'mhtml', 'warc']));
    for (const e of exts) expect(() => formatOf(`file.${e}`), e).not.toThrow();
    for (const a of assoc) {
      expect(a.role).toBe('Viewer');
      expect(a.mimeType).toMatch(/^(text|application|multipart)\//);
    }
  });

  it('packs only the built app, the sample and package.json into an asar, without rebuilding native modules', () => {
    const files = config.files as string[];
    const includes = files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['assets/sample/**', 'dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(files).toContain('!**/*.map');
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('excludes by name only packages the app code never imports', () => {
    // The desktop app's code: everything under electron/ except the dev CLI and the build scripts.
    const appSources = readdirSync(join(ROOT, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !/^(?:cli|builder)[\\/]/.test(f))
      .map((f) => readFileSync(join(ROOT, 'electron', f), 'utf8'));
    expect(appSources.length).toBeGreaterThan(10);
    for (const name of DEV_ONLY_PACKAGES) {
      const imported = appSources.some((src) => src.includes(`from '${name}'`) || src.includes(`from '${name}/`));
      expect(imported, `${name} is excluded from the package but imported by the app`).toBe(false);
    }
    // The runtime libraries the notebook needs are not among the exclusions.
    for (const name of ['lowdb', 'zod', 'marked', 'linkedom', 'iconv-lite']) expect(DEV_ONLY_PACKAGES).not.toContain(name);
  });

  it('runs the fuse hook after packing, and points every platform at an icon that exists', () => {
    expect(config.afterPack).toBe(afterPack);
    const icons = [config.mac?.icon, config.win?.icon, config.linux?.icon];
    for (const icon of icons) {
      expect(icon, 'icon configured').toBeTruthy();
      expect(existsSync(join(ROOT, icon!)), icon!).toBe(true);
    }
    expect(existsSync(join(ROOT, 'assets/icons/icon.svg'))).toBe(true);
  });
});
