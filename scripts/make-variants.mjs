#!/usr/bin/env node
// Generates the format variants of every seed plan under fixtures/variants/<seed-stem>/:
//   page.html            a government CMS page: site header and menu, breadcrumb, a metadata table
//                        (索引号/发文字号/成文日期…), the plan in nested divs of <p>, share widget, related links,
//                        footer, and scripts — one of them document.write()s plan-like text that must be ignored
//   page.gb18030.html    the same page encoded GB18030 and declared <meta charset="gb2312">
//   plan.md              Markdown: `#` headings for the title and chapters, `1.` lists for tasks, GFM tables
//   utf16le.txt          the text in UTF-16LE with a byte-order mark
//   crlf.txt             the text with CRLF line ends
//   traditional.txt      the text in traditional characters (OpenCC cn→t)
// The transformations are generic (by line shape), never by seed. Run: npm run variants
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = join(root, 'seeds');
const outDir = join(root, 'fixtures', 'variants');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

// ---- reading a seed's lines -------------------------------------------------------------------------------

const trimAscii = (s) => s.replace(/^[ \t]+|[ \t]+$/g, '');
/** A pipe-table line, the way the text adapter reads one (`索引号 | … | 分类 | …`). */
const isPipeRow = (s) => /\s\|\s|\|\s*\|/.test(s) && s.split('|').length >= 3;
const pipeCells = (s) => s.split('|').map((c) => c.trim());
/** `• [ 索引号 ]` followed by `• value`: a CMS metadata list flattened by a scraper. */
const BULLET_LABEL = /^[•·]\s*\[\s*(.+?)\s*\]$/;
const BULLET_VALUE = /^[•·]\s*(.*)$/;

/**
 * Splits a seed into its front metadata (as table rows, wherever it sits in the first lines) and the rest.
 * Returns items in document order: {kind:'p', text} or {kind:'table', rows}.
 */
function readSeed(text) {
  const lines = text.split(/\r\n|\n|\r/).map(trimAscii).filter((l) => l !== '' && !/^[\s\u00a0\u3000]*$/.test(l));
  const items = [];
  let metaEnd = -1; // index (in items) of the last metadata table
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const last = items[items.length - 1];
    if (i < 40 && isPipeRow(l)) {
      if (last?.kind === 'table' && last.from === 'pipe') last.rows.push(pipeCells(l));
      else items.push({ kind: 'table', from: 'pipe', rows: [pipeCells(l)] });
      metaEnd = items.length - 1;
      continue;
    }
    const lab = i < 40 ? BULLET_LABEL.exec(l) : null;
    if (lab) {
      const next = lines[i + 1];
      const hasValue = next !== undefined && !BULLET_LABEL.test(next) && BULLET_VALUE.test(next);
      const row = [lab[1], hasValue ? BULLET_VALUE.exec(next)[1] : ''];
      if (hasValue) i++;
      if (last?.kind === 'table' && last.from === 'bullets') last.rows.push(row);
      else items.push({ kind: 'table', from: 'bullets', rows: [row] });
      metaEnd = items.length - 1;
      continue;
    }
    items.push({ kind: 'p', text: l });
  }
  return { items, metaEnd, lines };
}

/** Metadata labels the page always shows; a seed's own label of the same family replaces the generated one. */
const FAMILIES = [
  { label: '索引号', family: /^(?:索引号)$/ },
  { label: '主题分类', family: /^(?:主题分类|分类)$/ },
  { label: '发文字号', family: /^(?:发文字号|文号|政策编号)$/ },
  { label: '成文日期', family: /^(?:成文日期)$/ },
];

function generatedMetaRows(stem, seedRows) {
  const labels = seedRows.flatMap((r) => r.filter((_, k) => k % 2 === 0));
  const idx = `${createHash('sha256').update(stem).digest('hex').slice(0, 9).toUpperCase()}/${stem.slice(0, 3)}`;
  const rows = [];
  for (const { label, family } of FAMILIES) {
    if (labels.some((l) => family.test(l.replace(/\s/g, '')))) continue;
    // values the seed does not state stay empty, as CMS pages print them; only the index number is made up
    rows.push([label, label === '索引号' ? idx : label === '主题分类' ? '其他' : '']);
  }
  return rows;
}

// ---- HTML -------------------------------------------------------------------------------------------------

const ENT = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '“': '&ldquo;', '”': '&rdquo;', '\u00a0': '&nbsp;', '\u3000': '&#12288;', '—': '&mdash;', '…': '&hellip;' };
const esc = (s) => s.replace(/[&<>“”\u00a0\u3000—…]/g, (c) => ENT[c]);
/** Years and long numbers in a span, as Word-exported CMS pages print them (`<span lang="EN-US">2027</span>`). */
const htmlLine = (s) => esc(s).replace(/(?<![\w&#;])(\d{4,})(?![\w;])/g, '<span lang="EN-US">$1</span>');

function table(rows, cls) {
  const width = Math.max(...rows.map((r) => r.length));
  const trs = rows.map((r) => {
    const cells = [...r, ...Array(width - r.length).fill('')];
    return `      <tr>${cells.map((c, k) => (k % 2 === 0 && c !== '' ? `<th>${esc(c)}</th>` : `<td>${htmlLine(c)}</td>`)).join('')}</tr>`;
  });
  return `    <table class="${cls}" cellspacing="0" cellpadding="0" border="1">\n      <tbody>\n${trs.join('\n')}\n      </tbody>\n    </table>`;
}

function htmlPage(stem, seed, charset) {
  const { items, metaEnd } = seed;
  const seedRows = items.filter((it) => it.kind === 'table').flatMap((it) => it.rows);
  const front = items.slice(0, metaEnd + 1);
  const article = items.slice(metaEnd + 1);
  const pageTitle = article.find((it) => it.kind === 'p' && /通知$|方案$|意见$/.test(it.text))?.text ?? '政策文件';
  const generated = generatedMetaRows(stem, seedRows);
  const frontHtml = [...(generated.length ? [table(generated, 'xxgk-table')] : []),
    ...front.map((it) => (it.kind === 'table' ? table(it.rows, 'xxgk-table') : `    <p>${htmlLine(it.text)}</p>`))].join('\n');
  let titled = false;
  const bodyHtml = article.map((it) => {
    if (it.kind === 'table') return table(it.rows, 'content-table');
    // the notice's title line as the page heading
    if (!titled && /通知$/.test(it.text) && it.text.length <= 60) { titled = true; return `            <h2 class="title">${htmlLine(it.text)}</h2>`; }
    return `            <p style="text-indent: 2em;">${htmlLine(it.text)}</p>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<meta charset="${charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(pageTitle)}_政策文件_人民政府门户网站</title>
<link rel="stylesheet" href="/css/common.css">
<style>
  .xxgk-table th { width: 120px; background: #f5f5f5; } /* 一、总体要求 must not be read from CSS */
  .article p { line-height: 2; font-size: 16px; }
</style>
<script type="text/javascript">
  var _hmt = _hmt || [];
  var pageInfo = { title: "二、重点任务", column: "政策文件" };
</script>
</head>
<body>
<div class="top-bar">
  <div class="w1200">
    <span class="welcome">欢迎访问人民政府门户网站</span>
    <span class="links"><a href="/wza/">无障碍</a> | <a href="/lzms/">长者模式</a> | <a href="/en/">English</a></span>
  </div>
</div>
<div class="header">
  <div class="w1200">
    <div class="logo"><a href="/"><img src="/images/logo.png" alt="人民政府门户网站"></a></div>
    <form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
  </div>
</div>
<div class="nav">
  <ul class="w1200">
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
    <li><a href="/sjfb/">数据发布</a></li>
    <li><a href="/zjxx/">走进本地</a></li>
  </ul>
</div>
<div class="location w1200">您的当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<div class="main w1200">
  <div class="xxgk-info">
${frontHtml}
  </div>
  <div class="article">
    <div class="article-con">
      <div class="view">
        <div id="zoom" class="TRS_Editor">
          <div class="Custom_UnionStyle">
${bodyHtml}
          </div>
        </div>
      </div>
    </div>
    <div class="yybb" style="display:none">语音播报 进入播报模式 退出播报模式</div>
    <div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
    <div class="print-close">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <script type="text/javascript">
      document.write('<p>1.加快建设质量基础设施。推进计量、标准、认证认可、检验检测一体化发展。（牵头单位：市场监管局）</p>');
      document.write('<p>到2030年，产品质量合格率达到99%以上。</p>');
    </script>
    <noscript><p>2.完善质量政策体系。（责任单位：发展改革委）</p></noscript>
  </div>
  <div class="related">
    <h3>相关文件</h3>
    <ul>
      <li><a href="/zwgk/1.html">关于印发质量工作要点的通知</a></li>
      <li><a href="/zwgk/2.html">关于开展质量月活动的通知</a></li>
      <li><a href="/zwgk/3.html">关于印发标准化发展实施方案的通知</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <div class="w1200">
    <p>主办单位：人民政府办公室　承办单位：大数据发展中心</p>
    <p>网站标识码：0000000000　ICP备00000000号　<a href="/sitemap/">网站地图</a> <a href="/contact/">联系我们</a></p>
  </div>
</div>
<script src="/js/jquery.min.js"></script>
<script>$(function(){ $('#zoom').append('<p>三、保障措施</p>'); });</script>
</body>
</html>
`;
}

// ---- Markdown ---------------------------------------------------------------------------------------------

const CHAPTER = /^[一二三四五六七八九十]+、/;
const GROUP = /^[（(][一二三四五六七八九十]+[）)]/;
const TASK = /^(\d{1,3})\s*[.．、]\s*(?!\d)(.*)$/;
const TITLE = /(?:实施方案|实施意见|方案|意见|规划|纲要|计划)》?$/;

/** Escapes what Markdown would read as markup in a line of plan text. */
function mdEscape(s) {
  let t = s.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  t = t.replace(/^([#+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return t;
}

function gfmTable(rows) {
  const width = Math.max(2, ...rows.map((r) => r.length));
  const line = (r) => `| ${[...r, ...Array(width - r.length).fill('')].map((c) => mdEscape(c)).join(' | ')} |`;
  return [line(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}

function markdown(seed) {
  const { items } = seed;
  const firstChapter = items.findIndex((it) => it.kind === 'p' && CHAPTER.test(it.text));
  // the plan's own title: the last title-shaped short line before the first chapter
  let titleAt = -1;
  items.forEach((it, k) => {
    if (it.kind === 'p' && k < firstChapter && it.text.length <= 60 && TITLE.test(it.text) && !/通知$/.test(it.text)) titleAt = k;
  });
  const out = items.map((it, k) => {
    if (it.kind === 'table') return gfmTable(it.rows);
    const t = it.text;
    if (k === titleAt) return `# ${mdEscape(t)}`;
    if (k >= firstChapter && CHAPTER.test(t) && t.length <= 40 && !/。./.test(t)) return `## ${mdEscape(t)}`;
    if (k >= firstChapter && GROUP.test(t) && t.length <= 30 && !/。./.test(t)) return `### ${mdEscape(t)}`;
    const m = k >= firstChapter ? TASK.exec(t) : null;
    if (m) return `${Number(m[1])}. ${mdEscape(m[2].trim())}`;
    return mdEscape(t);
  });
  return `${out.join('\n\n')}\n`;
}

// ---- main -------------------------------------------------------------------------------------------------

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
for (const file of seeds) {
  const stem = file.replace(/\.txt$/, '');
  const text = readFileSync(join(seedsDir, file), 'utf8').replace(/^\ufeff/, '');
  const seed = readSeed(text);
  const dir = join(outDir, stem);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'page.html'), htmlPage(stem, seed, 'utf-8'));
  writeFileSync(join(dir, 'page.gb18030.html'), iconv.encode(htmlPage(stem, seed, 'gb2312'), 'gb18030'));
  writeFileSync(join(dir, 'plan.md'), markdown(seed));
  writeFileSync(join(dir, 'utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(join(dir, 'crlf.txt'), text.replace(/\r\n|\r|\n/g, '\r\n'));
  writeFileSync(join(dir, 'traditional.txt'), toTraditional(text));
  console.log(`${stem}: page.html page.gb18030.html plan.md utf16le.txt crlf.txt traditional.txt`);
}
