// Renders plan files through the office tools real PDF and DOCX files come from, each with its gold beside it
// (`file:` renamed to the render), so the PDF and DOCX readers are scored on them:
//
//   node scripts/render-office.mjs [--out DIR] [--excerpts 41-80] [--pipelines txt-docx,html-pdf] [--score]
//     → OUT/src/ (the staged inputs and golds) and OUT/<pipeline>/stem.{docx,pdf} + stem.gold.yaml; then
//   node ../shared/tools/score.mjs --gold OUT/txt-docx --inputs OUT/txt-docx
//
// Inputs: fixtures/excerpts NN_x.{txt,html,md} in the --excerpts range (their two `# ` provenance lines taken off;
// the GBK, Big5 and UTF-16 texts keep their bytes) and every fixtures/extract/full-plan-*/ with a gold.yaml
// (staged as fp_<quirk>.txt). Pipelines:
//   txt-docx     a text opened in LibreOffice Writer (in its own encoding) and saved as DOCX (soffice --convert-to docx)
//   txt-pdf      the same text exported to PDF by LibreOffice
//   docx-pdf     the DOCX of txt-docx and md-docx exported to PDF by LibreOffice
//   html-pdf     an .html page printed by Chromium without its header and footer (--no-pdf-header-footer)
//   html-pdf-hf  the same with Chromium's default header and footer (date, title, URL, `1/3`)
//   md-docx      a Markdown page through pandoc to DOCX
//   autonum-pdf  the full plans as DOCX with Word's automatic numbering (scripts/render-docx.mjs, styles autonum and
//                liststyle: 一、/（一）/1. from numbering.xml, not in the text) exported to PDF by LibreOffice
// The official layouts (scripts/render-devset.mjs --devset OUT/src --layouts official,redhead) take OUT/src too. Needs soffice (libreoffice-writer), chromium, pandoc, fonts-wqy-microhei.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const out = resolve(opt('--out', '/tmp/qplan-office'));
const [lo, hi] = opt('--excerpts', '41-80').split('-').map(Number);
const ALL = ['txt-docx', 'txt-pdf', 'md-docx', 'docx-pdf', 'html-pdf', 'html-pdf-hf', 'autonum-pdf'];
const pipelines = opt('--pipelines', ALL.join(',')).split(',');
const src = join(out, 'src');

/** LibreOffice's name for a text file's encoding (its Text (encoded) filter option). */
function charset(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UNICODE';
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return 'UTF8'; } catch { /* not UTF-8 */ }
  return /[质量的]/.test(new TextDecoder('gb18030').decode(bytes)) ? 'GBK' : 'BIG5';
}

const strip = (text) => { const ls = text.split('\n'); let i = 0; while (i < ls.length && ls[i].startsWith('# ')) i++; if (i > 0 && ls[i] === '') i++; return ls.slice(i).join('\n'); };

/** Copies the inputs into OUT/src: [{stem, ext, charset}]. */
function stage() {
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const files = [];
  const put = (stem, ext, bytes, goldText) => {
    const cs = ext === '.txt' ? charset(bytes) : 'UTF8';
    writeFileSync(join(src, stem + ext), cs === 'UTF8' ? strip(bytes.toString('utf8')) : bytes);
    writeFileSync(join(src, `${stem}.gold.yaml`), goldText.replace(/^file:.*$/m, `file: ${stem}${ext}`));
    files.push({ stem, ext, charset: cs });
  };
  const ex = 'fixtures/excerpts';
  for (const g of readdirSync(ex).filter((f) => f.endsWith('.gold.yaml')).sort()) {
    const stem = g.replace(/\.gold\.yaml$/, ''), n = Number(stem.slice(0, 2));
    if (!(n >= lo && n <= hi)) continue;
    const file = ['.txt', '.html', '.md'].map((e) => stem + e).find((f) => existsSync(join(ex, f)));
    if (file) put(stem, extname(file), readFileSync(join(ex, file)), readFileSync(join(ex, g), 'utf8'));
  }
  for (const d of readdirSync('fixtures/extract').filter((x) => x.startsWith('full-plan-')).sort()) {
    const dir = join('fixtures/extract', d);
    if (!existsSync(join(dir, 'gold.yaml'))) continue;
    put(`fp_${d.replace(/^full-plan-/, '')}`, '.txt', readFileSync(join(dir, 'input.txt')), readFileSync(join(dir, 'gold.yaml'), 'utf8'));
  }
  return files;
}

/** soffice converts a batch of files (one call per input filter, as it reads one profile at a time). */
function soffice(paths, to, dir, infilter) {
  if (paths.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  execFileSync('soffice', ['--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', filter, '--outdir', dir, ...paths], { stdio: 'ignore' });
}

function gold(from, stem, dir, ext) {
  const text = readFileSync(join(from, `${stem}.gold.yaml`), 'utf8');
  writeFileSync(join(dir, `${stem}.gold.yaml`), text.replace(/^file:.*$/m, `file: ${stem}${ext}`));
}

const files = stage();
const txt = files.filter((f) => f.ext === '.txt');
for (const p of pipelines) {
  const dir = join(out, p);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (p === 'txt-docx' || p === 'txt-pdf') {
    const to = p === 'txt-docx' ? 'docx' : 'pdf';
    for (const cs of new Set(txt.map((f) => f.charset))) {
      soffice(txt.filter((f) => f.charset === cs).map((f) => join(src, f.stem + f.ext)), to, dir, `Text (encoded):${cs},LF,,,`);
    }
    for (const f of txt) gold(src, f.stem, dir, `.${to}`);
  } else if (p === 'md-docx') {
    for (const f of files.filter((x) => x.ext === '.md')) {
      execFileSync('pandoc', [join(src, f.stem + f.ext), '-f', 'markdown', '-o', join(dir, `${f.stem}.docx`)]);
      gold(src, f.stem, dir, '.docx');
    }
  } else if (p === 'docx-pdf') {
    const docx = ['txt-docx', 'md-docx'].flatMap((q) => existsSync(join(out, q)) ? readdirSync(join(out, q)).filter((x) => x.endsWith('.docx')).map((x) => join(out, q, x)) : []);
    soffice(docx, 'pdf', dir);
    for (const d of docx) gold(src, basename(d, '.docx'), dir, '.pdf');
  } else if (p === 'html-pdf' || p === 'html-pdf-hf') {
    for (const f of files.filter((x) => x.ext === '.html')) {
      const flags = p === 'html-pdf' ? ['--no-pdf-header-footer'] : [];
      execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', ...flags, `--print-to-pdf=${join(dir, `${f.stem}.pdf`)}`, `file://${join(src, f.stem + f.ext)}`], { stdio: 'ignore' });
      gold(src, f.stem, dir, '.pdf');
    }
  } else if (p === 'autonum-pdf') {
    const plans = join(out, 'plans');
    rmSync(plans, { recursive: true, force: true });
    mkdirSync(plans, { recursive: true });
    for (const f of files.filter((x) => x.stem.startsWith('fp_'))) for (const e of ['.txt', '.gold.yaml']) writeFileSync(join(plans, f.stem + e), readFileSync(join(src, f.stem + e)));
    execFileSync('node', ['scripts/render-docx.mjs', '--inputs', plans, '--out', join(out, 'autonum-docx'), '--styles', 'autonum,liststyle'], { stdio: 'ignore' });
    for (const style of ['autonum', 'liststyle']) {
      const from = join(out, 'autonum-docx', style);
      const docx = readdirSync(from).filter((x) => x.endsWith('.docx'));
      // one name per style: the PDFs of both styles sit in one folder
      const tmp = join(out, 'autonum-docx', `${style}-named`);
      mkdirSync(tmp, { recursive: true });
      for (const d of docx) writeFileSync(join(tmp, `${basename(d, '.docx')}_${style}.docx`), readFileSync(join(from, d)));
      soffice(docx.map((d) => join(tmp, `${basename(d, '.docx')}_${style}.docx`)), 'pdf', dir);
      for (const d of docx) {
        const stem = basename(d, '.docx');
        writeFileSync(join(dir, `${stem}_${style}.gold.yaml`), readFileSync(join(src, `${stem}.gold.yaml`), 'utf8').replace(/^file:.*$/m, `file: ${stem}_${style}.pdf`));
      }
    }
  } else throw new Error(`unknown pipeline ${p} (one of ${ALL.join(', ')})`);
  process.stderr.write(`${p}: ${readdirSync(dir).filter((x) => !x.endsWith('.yaml')).length} files in ${dir}\n`);
}
if (args.includes('--score')) {
  for (const p of pipelines) {
    const dir = join(out, p);
    const res = execFileSync('node', ['../shared/tools/score.mjs', '--gold', dir, '--inputs', dir], { encoding: 'utf8' });
    process.stdout.write(`== ${p}\n${res.split('\n').filter((l) => /meta|targets|error/i.test(l)).join('\n')}\n`);
  }
}
