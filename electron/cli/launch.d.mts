/** Types of launch.mjs (plain JavaScript, because it runs before anything can compile TypeScript). */
export interface CliProject {
  /** The project folder; inputs are named relative to it. */
  root: string;
  /** The CLI's entry module, exporting `main(argv)`. */
  entry: string;
  /** Where bundles and manifest.json are kept. */
  cacheDir: string;
}
export declare const PROJECT: CliProject;
export declare function cachedBundle(project?: CliProject): string | null;
export declare function buildBundle(project?: CliProject): Promise<string>;
export declare function loadMain(project?: CliProject): Promise<(argv: string[]) => Promise<number>>;
