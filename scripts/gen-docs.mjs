// Regenerates the table of diagnostic codes (docs/diagnostics.md) from the registries (src/diagnostics.ts and
// src/validate/codes.ts, via dist/) and the column reference of `qplan table` (docs/tables.md, from
// src/table/columns.ts).
// `node scripts/gen-docs.mjs` writes them; `--check` exits 1 when a page is out of date (used by a test).
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

/** [file, marker, generated text]: each page holds its generated part between `<!-- marker:begin/end -->`. */
const parts = [
  ['docs/diagnostics.md', 'codes', `\n${table}\n`],
  ['docs/tables.md', 'table-columns', `\n${columns}`],
];
let stale = false;
for (const [file, marker, text] of parts) {
  const page = readFileSync(file, 'utf8');
  const re = new RegExp(`<!-- ${marker}:begin -->[\\s\\S]*?<!-- ${marker}:end -->`);
  if (!re.test(page)) { console.error(`${file}: no <!-- ${marker}:begin --> … <!-- ${marker}:end --> markers`); process.exit(1); }
  const next = page.replace(re, () => `<!-- ${marker}:begin -->${text}<!-- ${marker}:end -->`);
  if (next === page) continue;
  if (process.argv.includes('--check')) { console.error(`${file} is out of date: run npm run docs`); stale = true; } else writeFileSync(file, next);
}
if (stale) process.exit(1);
