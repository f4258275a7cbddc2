#!/usr/bin/env node
// Renders plans as a researcher saves a government web page: the browser's "Save as PDF" with its default
// header and footer (Chromium `--print-to-pdf` WITHOUT `--no-pdf-header-footer`: date and time and the page
// title on top, the URL and `1/3` at the bottom of every page), then that PDF through `pdftotext` (plain and
// `-layout`). The pages are scripts/render-html.mjs's CMS templates of a devset-like folder, or the seeds' pages:
//
//   node scripts/render-print.mjs [--devset DIR] [--templates gk,news] [--out DIR] [--score]
//   node scripts/render-print.mjs --variants fixtures/variants --gold-dir ../shared/gold [--out DIR] [--score]
//     → OUT/<template>/{pdf,ptt,ptl}/NN_x.{pdf,txt} + .gold.yaml (score.mjs --gold D --inputs D on each)
// Scripts are taken out: the templates carry a `document.write` trap for the HTML reader, which a saved page would not show.
// Needs chromium and pdftotext (poppler-utils) and a CJK font (fonts-wqy-microhei).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const out = resolve(opt('--out', '/tmp/qplan-print'));
const variants = opt('--variants', null);

/** Pages to print: [{set, stem, html, gold}] with `gold` the gold text. */
function pages() {
  if (variants) {
    const goldDir = opt('--gold-dir', '../shared/gold');
    return readdirSync(variants).sort()
      .filter((v) => existsSync(join(variants, v, 'page.html')) && existsSync(join(goldDir, `${v}.gold.yaml`)))
      .map((v) => ({ set: 'variants', stem: v, html: resolve(variants, v, 'page.html'), gold: readFileSync(join(goldDir, `${v}.gold.yaml`), 'utf8') }));
  }
  const html = join(out, '.html');
  const only = opt('--only', null);
  execFileSync('node', ['scripts/render-html.mjs', '--devset', opt('--devset', '../shared/devset'), '--out', html, ...(only ? ['--only', only] : [])], { stdio: 'ignore' });
  const templates = opt('--templates', 'gk,news,word').split(',');
  return templates.flatMap((t) => readdirSync(join(html, t)).filter((f) => f.endsWith('.html')).sort().map((f) => {
    const stem = f.replace(/\.html$/, '');
    return { set: t, stem, html: join(html, t, f), gold: readFileSync(join(html, t, `${stem}.gold.yaml`), 'utf8') };
  }));
}

const sets = new Set();
for (const p of pages()) {
  const dirs = Object.fromEntries(['pdf', 'ptt', 'ptl'].map((k) => [k, join(out, p.set, k)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  sets.add(p.set);
  const pdf = join(dirs.pdf, `${p.stem}.pdf`);
  const page = join(out, '.print', p.set, `${p.stem}.html`);
  mkdirSync(join(out, '.print', p.set), { recursive: true });
  writeFileSync(page, readFileSync(p.html, 'utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''));
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, `file://${page}`], { stdio: 'ignore' });
  execFileSync('pdftotext', [pdf, join(dirs.ptt, `${p.stem}.txt`)]);
  execFileSync('pdftotext', ['-layout', pdf, join(dirs.ptl, `${p.stem}.txt`)]);
  writeFileSync(join(dirs.pdf, `${p.stem}.gold.yaml`), p.gold.replace(/^file:\s*\S+/m, `file: ${p.stem}.pdf`));
  for (const k of ['ptt', 'ptl']) writeFileSync(join(dirs[k], `${p.stem}.gold.yaml`), p.gold.replace(/^file:\s*\S+/m, `file: ${p.stem}.txt`));
}
if (args.includes('--score')) {
  for (const s of sets) for (const k of ['pdf', 'ptt', 'ptl']) {
    const dir = join(out, s, k);
    const res = execFileSync('node', ['../shared/tools/score.mjs', '--gold', dir, '--inputs', dir], { encoding: 'utf8' });
    process.stdout.write(`== ${s} ${k}\n${res.split('\n').filter((l) => /meta|targets|tasks|error/i.test(l)).join('\n')}\n`);
  }
}
