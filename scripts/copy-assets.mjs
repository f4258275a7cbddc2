// Copies the data files that the compiled library reads at run time (taxonomy, vocabularies, the division table)
// next to dist/.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pairs = [['src/lexicon', 'dist/lexicon'], ['src/compare', 'dist/compare']];
for (const [from, to] of pairs) {
  if (!existsSync(from)) continue;
  for (const f of readdirSync(from)) {
    if (!/\.(ya?ml|json|tsv)$/.test(f)) continue;
    mkdirSync(to, { recursive: true });
    cpSync(join(from, f), join(to, f));
  }
}
mkdirSync(dirname('dist/.keep'), { recursive: true });
