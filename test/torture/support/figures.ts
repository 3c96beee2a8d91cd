/** Time figures for the torture and soak scripts: wall time, and CPU time of this process and of the writers it ran (from /proc, Linux). */
import { readFileSync } from 'node:fs';

/** CPU seconds of reaped child processes (cutime + cstime of /proc/self/stat); 0 where /proc is absent. */
export function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, so cutime (16) and cstime (17) are at indexes 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

export function startClock() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const children = childrenCpuSeconds();
  return () => {
    const self = process.cpuUsage(cpu);
    return {
      wall: Number(process.hrtime.bigint() - wall) / 1e9,
      cpuSelf: (self.user + self.system) / 1e6,
      cpuWriters: childrenCpuSeconds() - children,
    };
  };
}

/** `--name N` from the command line, or the default. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} needs a whole number of at least 1 (got "${process.argv[i + 1] ?? ''}")`);
    process.exit(2);
  }
  return n;
}
