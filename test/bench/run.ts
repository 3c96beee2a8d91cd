/**
 * `npm run bench`: every benchmark of the project in one run, each printing its own
 * figures side by side with its baseline. Benchmarks print; they never assert timings.
 * Pass --scale 0.1 for a quick run on smaller data.
 */
export const benches = [
  'cli-start.ts',
  'storage.ts',
  'storage-cli.ts',
  'anchoring.ts',
  'anchoring-peer.ts',
  'export.ts',
  'claims-scale.ts',
  'conflicts.ts',
  'highlight.ts',
  'reader.ts',
  'pdf.ts',
  'responsive.ts',
  'share.ts',
];

for (const file of benches) {
  const mod = (await import(`./${file}`).catch((e: Error) => {
    console.log(`\n## ${file}: could not load (${e.message})`);
    return null;
  })) as { main?: () => Promise<void> } | null;
  if (mod?.main) await mod.main();
}
