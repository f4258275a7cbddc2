// Regenerates the README's table of diagnostic codes from the registry (src/diagnostics.ts via dist/).
// `node scripts/gen-docs.mjs` writes it; `--check` exits 1 when the README is out of date (used by a test).
import { readFileSync, writeFileSync } from 'node:fs';

const { CODES } = await import('../dist/diagnostics.js');
const extra = await import('../dist/validate/codes.js').then((m) => m.VALIDATE_CODES ?? {}).catch(() => ({}));
const all = { ...CODES, ...extra };
const rows = Object.entries(all).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${info.description} |`);
const table = ['| code | default severity | meaning |', '|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/<!-- codes:begin -->[\s\S]*?<!-- codes:end -->/, `<!-- codes:begin -->\n${table}\n<!-- codes:end -->`);
if (process.argv.includes('--check')) {
  if (next !== readme) { console.error('README code table is out of date: run node scripts/gen-docs.mjs'); process.exit(1); }
} else writeFileSync('README.md', next);
