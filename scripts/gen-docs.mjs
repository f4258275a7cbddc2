// Regenerates the README's table of diagnostic codes from the registry (src/diagnostics.ts via dist/) and the
// column reference of `qplan table` (src/table/columns.ts).
// `node scripts/gen-docs.mjs` writes it; `--check` exits 1 when the README is out of date (used by a test).
import { readFileSync, writeFileSync } from 'node:fs';

const { CODES } = await import('../dist/diagnostics.js');
const extra = await import('../dist/validate/codes.js').then((m) => m.VALIDATE_CODES ?? {}).catch(() => ({}));
const all = { ...CODES, ...extra };
const rows = Object.entries(all).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${info.description} |`);
const table = ['| code | default severity | meaning |', '|---|---|---|', ...rows].join('\n');
const { TABLES } = await import('../dist/table/columns.js');
const columns = Object.entries(TABLES).map(([name, t]) => [
  `**\`${name}\`** (${t.description})`, '', '| column | type | meaning |', '|---|---|---|',
  ...t.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description.replace(/\|/g, '\\|')} |`), '',
].join('\n')).join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme
  .replace(/<!-- codes:begin -->[\s\S]*?<!-- codes:end -->/, `<!-- codes:begin -->\n${table}\n<!-- codes:end -->`)
  .replace(/<!-- table-columns:begin -->[\s\S]*?<!-- table-columns:end -->/, `<!-- table-columns:begin -->\n${columns}<!-- table-columns:end -->`);
if (process.argv.includes('--check')) {
  if (next !== readme) { console.error('README code table is out of date: run node scripts/gen-docs.mjs'); process.exit(1); }
} else writeFileSync('README.md', next);
