/** Shared by the hostile-input tests: seed paths and plan documents made from a seed, then damaged. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, SEEDS } from './helpers.js';

export const seed = (i: number) => `seeds/${SEEDS[i]}.txt`;

/** A plan document made from a seed, with `change` applied to its data. */
export async function planDoc(dir: string, name: string, change: (p: Record<string, unknown>) => void): Promise<string> {
  const r = await runCli(['extract', '-q', '--format', 'json', seed(0)]);
  const plan = JSON.parse(r.stdout) as Record<string, unknown>;
  change(plan);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

