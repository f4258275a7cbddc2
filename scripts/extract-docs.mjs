// The documents the extractor benchmarks loop over (profile-extract.mjs, ab-extract.mjs): the seeds as plain text,
// or their HTML pages / Markdown from fixtures/variants (the GB18030 pages left out: their bytes are not UTF-8).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `[{ name, bytes }]` of one kind: `txt`, `html` or `md`. */
export function extractDocs(root, kind) {
  const docs = [];
  for (const f of readdirSync(join(root, 'seeds')).filter((x) => x.endsWith('.txt')).sort()) {
    if (kind === 'txt') { docs.push({ name: f, bytes: readFileSync(join(root, 'seeds', f)) }); continue; }
    const vdir = join(root, 'fixtures/variants', f.replace(/\.txt$/, ''));
    if (!existsSync(vdir)) continue;
    for (const v of readdirSync(vdir).filter((x) => (kind === 'html' ? /\.html?$/.test(x) && !/gb|18030/i.test(x) : x.endsWith('.md')))) {
      docs.push({ name: v, bytes: readFileSync(join(vdir, v)) });
    }
  }
  return docs;
}
