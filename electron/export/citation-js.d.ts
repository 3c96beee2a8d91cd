// Types for the part of citation-js the notebook uses: 0.8.x (the last line that runs on Node 20) ships no declarations.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    format(format: string, options?: Record<string, unknown>): unknown;
    data: unknown[];
  }
  export const plugins: {
    config: { get(name: string): unknown };
    input: { has(format: string): boolean };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
