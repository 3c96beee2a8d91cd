/**
 * electron-builder configuration: how `npm run dist` turns the built app (dist/)
 * into installable packages — AppImage, deb and tar.gz on Linux, a dmg on macOS,
 * an NSIS installer on Windows.
 *
 * The package holds only what runs: the bundled main process and preload
 * (dist/electron), the built renderer (dist/renderer), the sample notebook
 * (assets/sample) and package.json, inside one app.asar. No sources, tests or
 * source maps. The main bundle leaves npm packages external, so electron-builder
 * adds the runtime `dependencies` (never the devDependencies) under node_modules.
 *
 * Hardening: after-pack.mjs flips the Electron fuses (no ELECTRON_RUN_AS_NODE, no
 * NODE_OPTIONS, no --inspect, app code only from the integrity-checked app.asar).
 *
 *   npx electron-builder --config electron/builder/electron-builder.config.mjs [--linux|--mac|--win] [--dir]
 */
import { afterPack } from './after-pack.mjs';

/** Icons are generated from assets/icons/icon.svg by electron/builder/make-icons.mjs and committed. */
const ICONS = 'assets/icons';

/**
 * Runtime `dependencies` of package.json that the packaged app never loads: tsx (and
 * its esbuild, a 10 MB native binary) and commander serve the dev CLI; React,
 * scheduler and DOMPurify are bundled into dist/renderer; @types are types;
 * @napi-rs/canvas (32 MB native, pdfjs-dist's optional dependency for rendering) is
 * never needed: the PDF reader gives pdfjs stand-ins for the classes it wants at load
 * (electron/import/pdf/read.ts).
 */
export const DEV_ONLY_PACKAGES = ['tsx', 'esbuild', '@esbuild', 'commander', 'react', 'react-dom', 'scheduler', '@types', '@napi-rs'];

/**
 * The parts of pdfjs-dist (41 MB installed) the PDF reader never loads: it runs the
 * legacy build's pdf.mjs and pdf.worker.mjs (electron/import/pdf/read.ts) with the
 * cmaps, standard fonts and wasm decoders; the viewer, the type declarations, the
 * sandbox, the minified copies and the modern build's worker are left out (the
 * modern pdf.mjs stays: it is the package's declared entry).
 */
export const PDFJS_UNUSED = [
  'web/**',
  'types/**',
  'image_decoders/**',
  'legacy/web/**',
  'legacy/image_decoders/**',
  '{build,legacy/build}/pdf.sandbox*',
  '{build,legacy/build}/*.min.mjs',
  'build/pdf.worker.mjs',
];

/** "Open with" for the document types the importer reads. The app only reads them: role Viewer. */
const fileAssociations = [
  { ext: 'txt', name: 'Plain text document', description: 'Plain text', mimeType: 'text/plain', role: 'Viewer', rank: 'Alternate' },
  { ext: ['md', 'markdown'], name: 'Markdown document', description: 'Markdown text', mimeType: 'text/markdown', role: 'Viewer', rank: 'Alternate' },
  { ext: ['html', 'htm'], name: 'Web page', description: 'Saved web page', mimeType: 'text/html', role: 'Viewer', rank: 'Alternate' },
  { ext: 'pdf', name: 'PDF document', description: 'PDF document', mimeType: 'application/pdf', role: 'Viewer', rank: 'Alternate' },
  { ext: 'docx', name: 'Word document', description: 'Word document', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', role: 'Viewer', rank: 'Alternate' },
  { ext: 'odt', name: 'OpenDocument text', description: 'OpenDocument text', mimeType: 'application/vnd.oasis.opendocument.text', role: 'Viewer', rank: 'Alternate' },
  { ext: 'epub', name: 'EPUB book', description: 'EPUB book', mimeType: 'application/epub+zip', role: 'Viewer', rank: 'Alternate' },
  { ext: ['mhtml', 'mht'], name: 'Web archive', description: 'Saved web page (MHTML)', mimeType: 'multipart/related', role: 'Viewer', rank: 'Alternate' },
  { ext: 'warc', name: 'Web capture', description: 'Web capture (WARC)', mimeType: 'application/warc', role: 'Viewer', rank: 'Alternate' },
];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.researchnotebook.app',
  productName: 'Research Notebook',
  copyright: 'Copyright © 2026 Research Notebook contributors',
  directories: {
    output: 'release',
    // Nothing in here is packaged; electron-builder only reads icons and installer art from it.
    buildResources: ICONS,
  },
  files: [
    'package.json',
    'dist/electron/**',
    'dist/renderer/**',
    'assets/sample/**',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    // Some runtime dependencies publish their TypeScript sources, tests and docs; none run.
    '!**/node_modules/**/{test,tests,__tests__,docs,example,examples}/**',
    '!**/node_modules/**/*.{md,markdown}',
    // Listed under `dependencies` for the dev CLI and the renderer build, never loaded by
    // the packaged main process (the renderer bundle inlines React and DOMPurify).
    // test/packaging checks that every package dist/electron/main.mjs imports is still shipped.
    ...DEV_ONLY_PACKAGES.map((name) => `!**/node_modules/${name}/**`),
    ...PDFJS_UNUSED.map((glob) => `!**/node_modules/pdfjs-dist/${glob}`),
  ],
  asar: true,
  // The runtime dependencies are pure JavaScript: nothing to rebuild for Electron's ABI.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  compression: 'normal',
  fileAssociations,
  afterPack,
  linux: {
    target: ['AppImage', 'deb', 'tar.gz'],
    category: 'Office',
    // A fixed lower-case binary name: the default would be derived from package.json's name.
    executableName: 'research-notebook',
    icon: `${ICONS}/png`,
    synopsis: 'Offline research notebook: quotes, claims and briefings',
    description: 'Import articles, highlight and tag quotes, state claims with their evidence, and write briefings that cite them exactly. Everything stays on this computer.',
    maintainer: 'Research Notebook contributors <maintainers@researchnotebook.org>',
    vendor: 'Research Notebook contributors',
    desktop: { entry: { StartupWMClass: 'Research Notebook', Keywords: 'research;notes;quotes;citations;' } },
  },
  deb: { priority: 'optional' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${…} macros, expanded by it, not by JavaScript
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: `${ICONS}/icon.icns`,
    hardenedRuntime: true,
  },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${…} macros
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: {
    target: ['nsis'],
    icon: `${ICONS}/icon.ico`,
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${…} macros
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  publish: null,
};

export default config;
