/**
 * Builds the renderer into dist/renderer/ with relative asset paths (base './'),
 * so the same files load from the browser-mode server and from Electron. Run from
 * the project root: `npx vite build --config renderer/vite.config.ts`.
 *
 * No inline scripts or styles are emitted: the module-preload polyfill is off and
 * CSS goes to a file, as the strict CSP (script-src 'self'; style-src 'self')
 * requires.
 *
 * Why the plugin is imported through a computed specifier and nothing is imported
 * from 'vite': this file sits inside renderer/tsconfig.json, whose `types: []`
 * keeps Node globals out of the page; vite's type declarations pull in
 * `@types/node` with a triple-slash reference, which would leak `process`,
 * `Buffer` etc. into every renderer module. A non-literal import is not followed
 * by the type checker, so the renderer project stays Node-free.
 */
const REACT_PLUGIN = ['@vitejs', 'plugin-react'].join('/');

export default async () => {
  const react = ((await import(REACT_PLUGIN)) as { default: () => unknown }).default;
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      // Relative to `root`.
      outDir: '../dist/renderer',
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      sourcemap: false,
      target: 'es2022',
    },
  };
};
