#!/usr/bin/env node
// Renders the devset (or any folder of `NN_name.txt` + `NN_name.gold.yaml`) as real plans are printed, then
// converts each PDF back to text with pdftotext (default and -layout), and writes a copy of every gold whose
// `file:` names the rendered file, one folder per layout and format, ready for score.mjs:
//
//   node scripts/render-devset.mjs [--devset DIR] [--out DIR] [--layouts official,header,compact] [--score]
//   node scripts/render-devset.mjs --plan fixtures/documents/official-pages/source.txt --to fixtures/documents/official-pages
//   node ../shared/tools/score.mjs --gold OUT/official/pdf --inputs OUT/official/pdf
//
// Layouts (A4, no browser print stamps):
//   official  GB/T 9704 style: 16pt (3号) Kai body standing in for 仿宋, 28 lines a page, first-line indent 2em,
//             justified; title centered, bigger and bold; 一、 headings in Hei, (一) heads in Kai bold; numbered
//             items with a hanging indent; signature and date right-aligned; `— 3 —` page numbers under the text
//   header    official + a running header (the issuer or the title, over a rule) and a footer on every page
//   compact   12pt Song body, 1.5 line spacing, headings bigger and bold, `第 3 页 共 5 页` at the bottom right,
//             the title as running header at the top left
//   redhead   official (not in the default set) + a 红头: the issuer's banner `…办公室文件` in large red type over a red
//             rule; the last `附件` and what follows (a 分工表, typed with ` | ` or tabs) on landscape pages
// Needs chromium and pdftotext (poppler-utils); fonts-arphic-ukai, fonts-arphic-uming, fonts-wqy-zenhei.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const devset = resolve(opt('--devset', '../shared/devset'));
const out = resolve(opt('--out', '/tmp/qplan-render'));
const layouts = opt('--layouts', 'official,header,compact').split(',');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cssString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const flat = (s) => (s ?? '').replace(/\s+/g, '');

const KAI = '"AR PL UKai CN"', SONG = '"AR PL UMing CN"', HEI = '"WenQuanYi Zen Hei"';
const CHAPTER = /^[一二三四五六七八九十]+、/;
const GROUP = /^[(（][一二三四五六七八九十]+[)）]/;
const ITEM = /^(?:\d{1,2}[.．、]|[①-⑳])/;
const DATE = /^[(（]?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[\d一二三四五六七八九十〇]{1,3}月[\d一二三四五六七八九十〇]{1,3}日[)）]?$/;
const ISSUER = /(?:人民政府|办公厅|办公室|委员会|政府|市场监督管理局|委员会办公室)$/;

/** A table row typed as ` | `-parted cells or as three or more tab-parted cells. */
const isRow = (l) => l.includes(' | ') || l.trim().split('\t').length >= 3;
const rowCells = (l) => (l.includes(' | ') ? l.trim().split(' | ') : l.trim().split('\t'));

/** The excerpt without the two `# ` provenance lines and the blank line after them. */
function body(text) {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('# ')) i++;
  if (i > 0 && lines[i] === '') i++;
  return lines.slice(i);
}

/** A heading run at the start of a paragraph: `（一）指导思想。` → [head, rest]. */
function splitHead(line) {
  const m = /^(.{2,30}?。)(.*)$/.exec(line);
  return m && m[2] !== '' ? [m[1], m[2]] : [line, ''];
}

/** One line of the excerpt → one paragraph of the page, styled by what it is. */
function paragraphs(lines, gold) {
  const title = flat(gold.meta?.title), notice = flat(gold.meta?.notice_title);
  const html = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\s+$/, '');
    const t = raw.trim();
    if (t === '') continue;
    const f = flat(t);
    const next = flat(lines[i + 1] ?? '');
    if (title && (f === title || (title.startsWith(f) && f.length >= 6 && title === f + next))) { html.push(`<p class="title">${esc(t)}</p>`); continue; }
    if (title && title.endsWith(f) && f.length < title.length && f.length >= 4 && title.startsWith(flat(lines[i - 1] ?? ''))) { html.push(`<p class="title">${esc(t)}</p>`); continue; }
    if (notice && f === notice) { html.push(`<p class="title notice">${esc(t)}</p>`); continue; }
    if (DATE.test(f) || (f.length <= 24 && ISSUER.test(f) && DATE.test(flat(lines[i + 1] ?? '')))) { html.push(`<p class="sign">${esc(t)}</p>`); continue; }
    if (CHAPTER.test(t) && t.length <= 30) { html.push(`<p class="h1">${esc(t)}</p>`); continue; }
    if (GROUP.test(t)) {
      const [head, rest] = splitHead(t);
      html.push(rest === '' && t.length <= 30 ? `<p class="h2">${esc(t)}</p>` : `<p><span class="h2">${esc(head)}</span>${esc(rest)}</p>`);
      continue;
    }
    if (ITEM.test(t)) {
      const [head, rest] = splitHead(t);
      html.push(`<p class="item"><span class="h3">${esc(head)}</span>${esc(rest)}</p>`);
      continue;
    }
    // a run of ` | ` rows is a table drawn with rules, its first row the header repeated on every page
    if (isRow(t)) {
      const rows = [];
      while (i < lines.length && isRow(lines[i])) rows.push(rowCells(lines[i++]));
      i--;
      const tr = (r, tag) => `<tr>${r.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      html.push(`<table><thead>${tr(rows[0], 'th')}</thead><tbody>${rows.slice(1).map((r) => tr(r, 'td')).join('')}</tbody></table>`);
      continue;
    }
    if (/^表\s*\d/.test(t) && t.length <= 40) { html.push(`<p class="caption">${esc(t)}</p>`); continue; }
    if (/〔\d{4}〕\d+号$/.test(t) && t.length <= 24) { html.push(`<p class="docno">${esc(t)}</p>`); continue; }
    html.push(`<p>${esc(t)}</p>`);
  }
  return html.join('\n');
}

/** The `redhead` page: the issuer's banner in red over a red rule, and the last 附件 on landscape pages. */
function redhead(html, gold) {
  const banner = gold.meta?.issuer ? `<p class="redhead">${esc(flat(gold.meta.issuer))}文件</p><hr class="red">\n` : '';
  const at = html.split('\n').findLastIndex((h) => /^<p>附件\s*\d*(?:[:：].*)?<\/p>$/.test(h));
  if (at < 0) return banner + html;
  const parts = html.split('\n');
  return `${banner}${parts.slice(0, at).join('\n')}\n<section class="annex">\n${parts.slice(at).join('\n')}\n</section>`;
}

function css(layout, gold) {
  const running = gold.meta?.issuer || gold.meta?.title || '';
  if (layout === 'compact') {
    return `@page { size: A4; margin: 25mm 25mm 25mm 25mm;
      @top-left { content: ${cssString(gold.meta?.title || running)}; font: 9pt ${SONG}; }
      @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt ${SONG}; } }
    body { font: 12pt/1.5 ${SONG}; margin: 0; }
    p { margin: 0 0 0.3em; text-indent: 2em; text-align: justify; }
    .title { font: bold 18pt/1.6 ${HEI}; text-align: center; text-indent: 0; margin: 0.5em 0; }
    .h1 { font: bold 14pt/1.8 ${HEI}; text-indent: 0; }
    .h2 { font-weight: bold; }
    .h3 { font-weight: bold; }
    .item { padding-left: 2em; text-indent: -2em; }
    .sign { text-align: right; text-indent: 0; padding-right: 2em; }`;
  }
  const header = layout === 'header'
    ? `@top-center { content: ${cssString(running)}; font: 10.5pt ${SONG}; border-bottom: 0.75pt solid #c00; vertical-align: bottom; padding-bottom: 2mm; }
       @bottom-left { content: "抄送:市委各部门,市人大常委会办公室,市政协办公室。"; font: 10.5pt ${SONG}; }`
    : '';
  const red = layout === 'redhead'
    ? `@page wide { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; @bottom-center { content: "— " counter(page) " —"; font: 14pt ${SONG}; } }
    .annex { page: wide; }
    .redhead { color: #c00; font: bold 34pt/1.3 ${SONG}; text-align: center; text-indent: 0; letter-spacing: 0.05em; margin: 0 0 4mm; }
    hr.red { border: 0; border-top: 2pt solid #c00; margin: 0 0 8mm; }`
    : '';
  return `@page { size: A4; margin: 37mm 26mm 35mm 28mm; ${header}
      @bottom-center { content: "— " counter(page) " —"; font: 14pt ${SONG}; } }
    ${red}
    body { font: 16pt/22.8pt ${KAI}; margin: 0; }
    p { margin: 0; text-indent: 2em; text-align: justify; }
    .title { font: bold 22pt/1.5 ${SONG}; text-align: center; text-indent: 0; margin: 0.3em 0; }
    .notice { font-size: 20pt; }
    .h1 { font-family: ${HEI}; }
    .h2 { font-family: ${KAI}; font-weight: bold; }
    .h3 { font-weight: bold; }
    .item { padding-left: 2em; text-indent: -2em; }
    .sign { text-align: right; text-indent: 0; padding-right: 4em; }
    .docno, .caption { text-align: center; text-indent: 0; }
    .caption { font-family: ${HEI}; }
    table { border-collapse: collapse; width: 100%; font: 12pt/1.4 ${SONG}; margin: 0.3em 0; }
    th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: center; }
    th { font-family: ${HEI}; font-weight: normal; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }`;
}

/** The gold-like facts the layout needs, guessed from a plan of our own (`--plan`): its titles and issuer. */
function guessMeta(lines) {
  const plain = lines.map((l) => l.trim()).filter((l) => l !== '' && !l.includes(' | '));
  const issuerAt = plain.findIndex((l, i) => ISSUER.test(l) && DATE.test(plain[i + 1] ?? ''));
  return {
    title: plain.find((l) => /(?:方案|意见|规划|纲要|计划)$/.test(l) && !l.includes('。')) ?? null,
    notice_title: plain.find((l) => /通知$/.test(l)) ?? null,
    issuer: issuerAt >= 0 ? plain[issuerAt] : null,
  };
}

// --plan FILE.txt --to DIR: one plan of our own, in the header layout, as DIR/print.pdf, DIR/pdftotext.txt and
// DIR/pdftotext-layout.txt (fixtures/documents/official-pages/ is made so from its source.txt)
if (opt('--plan')) {
  const lines = readFileSync(opt('--plan'), 'utf8').split('\n');
  const dir = resolve(opt('--to'));
  const gold = { meta: guessMeta(lines) };
  const html = join(out, 'plan.html');
  mkdirSync(out, { recursive: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><title>plan</title><style>${css(opt('--layout', 'header'), gold)}</style></head><body>\n${paragraphs(lines, gold)}\n</body></html>`);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${dir}/print.pdf`, `file://${html}`], { stdio: 'ignore' });
  execFileSync('pdftotext', [`${dir}/print.pdf`, `${dir}/pdftotext.txt`]);
  execFileSync('pdftotext', ['-layout', `${dir}/print.pdf`, `${dir}/pdftotext-layout.txt`]);
  process.exit(0);
}

const golds = readdirSync(devset).filter((f) => f.endsWith('.gold.yaml')).sort();
const { parse } = await import(join(process.cwd(), 'node_modules/yaml/dist/index.js')).catch(() => import('yaml'));
for (const layout of layouts) {
  const dirs = Object.fromEntries(['html', 'pdf', 'ptt', 'ptl'].map((k) => [k, join(out, layout, k)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  for (const g of golds) {
    const goldText = readFileSync(join(devset, g), 'utf8');
    const gold = parse(goldText);
    const stem = String(gold.file).replace(/\.txt$/, '');
    const lines = body(readFileSync(join(devset, gold.file), 'utf8'));
    const content = layout === 'redhead' ? redhead(paragraphs(lines, gold), gold) : paragraphs(lines, gold);
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(stem)}</title><style>${css(layout, gold)}</style></head><body>\n${content}\n</body></html>`;
    const html = join(dirs.html, `${stem}.html`), pdf = join(dirs.pdf, `${stem}.pdf`);
    writeFileSync(html, page);
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore' });
    execFileSync('pdftotext', [pdf, join(dirs.ptt, `${stem}.txt`)]);
    execFileSync('pdftotext', ['-layout', pdf, join(dirs.ptl, `${stem}.txt`)]);
    writeFileSync(join(dirs.pdf, g), goldText.replace(/^file:\s*\S+/m, `file: ${stem}.pdf`));
    for (const k of ['ptt', 'ptl']) writeFileSync(join(dirs[k], g), goldText.replace(/^file:\s*\S+/m, `file: ${stem}.txt`));
  }
  process.stderr.write(`${layout}: ${golds.length} files in ${join(out, layout)}/{pdf,ptt,ptl}\n`);
}
if (args.includes('--score')) {
  for (const layout of layouts) for (const k of ['pdf', 'ptt', 'ptl']) {
    const dir = join(out, layout, k);
    const res = execFileSync('node', ['../shared/tools/score.mjs', '--gold', dir, '--inputs', dir], { encoding: 'utf8' });
    process.stdout.write(`== ${layout} ${k}\n${res.split('\n').filter((l) => /meta|targets|error/i.test(l)).join('\n')}\n`);
  }
}
