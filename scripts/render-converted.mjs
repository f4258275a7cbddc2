#!/usr/bin/env node
// Renders plans the way researchers often hold them: a CMS page (scripts/render-html.mjs templates) turned into
// text or Markdown by pandoc (`-t plain`, `-t gfm`, `-t markdown`), each with its gold beside it (`file:` renamed),
// so the text and Markdown readers can be scored on converter output:
//   node scripts/render-converted.mjs [--devset DIR] [--out DIR] [--only br,list] [--to plain,gfm]
//     → OUT/<template>-<to>/NN_x.{txt,md} + .gold.yaml; then score each folder with
//   node ../shared/tools/score.mjs --gold OUT/layout-plain --inputs OUT/layout-plain
// --variants DIR renders every DIR/*/page.html (fixtures/variants) with its gold from --gold-dir instead.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
const args = process.argv.slice(2);
const opt = (n, d) => (args.indexOf(n) >= 0 ? args[args.indexOf(n) + 1] : d);
const devset = opt('--devset', '../shared/devset');
const out = opt('--out', '/tmp/converted-render');
const only = opt('--only', null);
const tos = opt('--to', 'plain,gfm').split(',');
const variants = opt('--variants', null);
const ext = (to) => (to === 'plain' ? 'txt' : 'md');
const pandoc = (html, to) => execFileSync('pandoc', ['-f', 'html', '-t', to], { input: html, maxBuffer: 1 << 26 }).toString();

if (variants) {
  const goldDir = opt('--gold-dir', '../shared/gold');
  for (const to of tos) {
    const dir = join(out, `variants-${to}`);
    mkdirSync(dir, { recursive: true });
    for (const v of readdirSync(variants).sort()) {
      const page = join(variants, v, 'page.html');
      if (!existsSync(page) || !existsSync(join(goldDir, `${v}.gold.yaml`))) continue;
      writeFileSync(join(dir, `${v}.${ext(to)}`), pandoc(readFileSync(page, 'utf8'), to));
      const gold = readFileSync(join(goldDir, `${v}.gold.yaml`), 'utf8');
      writeFileSync(join(dir, `${v}.gold.yaml`), gold.replace(/^file: .*$/m, `file: ${v}.${ext(to)}`));
    }
  }
} else {
  const html = join(out, '.html');
  execFileSync('node', ['scripts/render-html.mjs', '--devset', devset, '--out', html, ...(only ? ['--only', only] : [])], { stdio: 'inherit' });
  for (const t of readdirSync(html).sort()) {
    for (const to of tos) {
      const dir = join(out, `${t}-${to}`);
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(join(html, t)).filter((x) => x.endsWith('.html')).sort()) {
        const base = f.replace(/\.html$/, '');
        writeFileSync(join(dir, `${base}.${ext(to)}`), pandoc(readFileSync(join(html, t, f), 'utf8'), to));
        const gold = readFileSync(join(html, t, `${base}.gold.yaml`), 'utf8');
        writeFileSync(join(dir, `${base}.gold.yaml`), gold.replace(/^file: .*$/m, `file: ${base}.${ext(to)}`));
      }
    }
  }
}
console.log(`rendered into ${out}`);
