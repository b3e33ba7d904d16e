// CPU time (user + system) of a whole child process, as bash's `time` reports it: the startup cost
// of a command, steadier than wall time on a busy machine.
import { spawnSync } from 'node:child_process';

/** Seconds of CPU the command took, median of `runs` runs. */
export function cpuSeconds(cmd: string[], runs = 5, cwd = process.cwd()): number {
  const quoted = cmd.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; { time ${quoted} >/dev/null 2>&1; } 2>&1`], { cwd, encoding: 'utf8' });
    const [user, sys] = r.stdout.trim().split(/\s+/).slice(-2).map(Number);
    samples.push((user ?? 0) + (sys ?? 0));
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}
