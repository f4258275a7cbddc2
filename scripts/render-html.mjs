#!/usr/bin/env node
// Renders each devset excerpt (the text after its first 3 lines) into realistic government CMS page templates,
// each with its gold copied beside it (`file:` pointing at the .html), to score the HTML reader on how portals
// really print a plan:  node scripts/render-html.mjs [--devset DIR] [--out DIR]  → OUT/<template>/NN_x.html + .gold.yaml
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const YAML = createRequire(join(process.cwd(), 'package.json'))('yaml');
const args = process.argv.slice(2);
const opt = (n, d) => (args.indexOf(n) >= 0 ? args[args.indexOf(n) + 1] : d);
const devset = opt('--devset', '../shared/devset');
const out = opt('--out', '/tmp/htmlcms-render');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const HEAD = (title) => `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<link rel="stylesheet" href="/css/style.css">\n<style>.TRS_Editor p{text-indent:2em;line-height:2}</style>\n<script>var _hmt=_hmt||[];document.write("<p>关于加快推进工作的通知</p>");</script>\n</head>\n<body>\n`;
const NAV = `<div class="header"><div class="top"><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="/old">长者模式</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/fw">政务服务</a></li><li><a href="/hd">互动交流</a></li><li><a href="/zj">走进本市</a></li></ul></div></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk">政府信息公开</a> &gt; <a href="/zcwj">政策文件</a></div>\n`;
const FOOT = `<div class="footer"><p>主办单位：某市人民政府办公室　承办单位：某市大数据中心</p><p>网站标识码：1234000001　<a href="https://beian.miit.gov.cn">某ICP备12345678号</a>　某公网安备 12345602000123号</p></div>
<script src="/js/jquery.min.js"></script><script>$(function(){ $(".share").show(); });</script>\n</body>\n</html>\n`;
const SHARE = `<div class="bdshare">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>\n`;
const RELATED = `<div class="related"><h4>相关链接</h4><ul><li><a href="/1.html">市政府召开常务会议</a></li><li><a href="/2.html">全市经济运行情况通报</a></li><li><a href="/3.html">关于做好节日期间安全工作的通知</a></li></ul></div>
<div class="prevnext"><p>上一篇：<a href="/p.html">关于开展安全生产大检查的通知</a></p><p>下一篇：<a href="/n.html">某市优化营商环境若干措施</a></p></div>\n`;
const isHead1 = (l) => /^[一二三四五六七八九十]+[、.．]/.test(l.trim());
const isHead2 = (l) => /^[（(][一二三四五六七八九十]+[）)]/.test(l.trim());

function meta(g) {
  const m = g.meta ?? {};
  const d = (v) => (v ? String(v instanceof Date ? v.toISOString().slice(0, 10) : v) : '');
  return { title: m.title ?? '', issuer: m.issuer ?? '', doc: m.doc_number_raw ?? m.doc_number ?? '', signed: d(m.signed), published: d(m.published) };
}
const para = (l, i) => {
  if (l.trim() === '') return '';
  // span/font soup as editors leave it
  const t = esc(l);
  return i % 3 === 0 ? `<p style="text-indent:2em;"><span style="font-family:仿宋_GB2312;font-size:16pt;"><font face="仿宋">${t}</font></span></p>`
    : i % 3 === 1 ? `<p class="MsoNormal" style="text-indent:32pt"><span lang="EN-US"></span><span>${t}</span></p>` : `<p>${t}</p>`;
};
const TEMPLATES = {
  // (a) 政府信息公开 page: metadata table, title in <h1>, body in TRS_Editor / #zoom with span/font soup
  gk(lines, m) {
    return HEAD(`${m.title}_政策文件_某市人民政府`) + NAV
      + `<div class="xxgk-meta"><table class="table_suoyin" border="0" cellspacing="0"><tbody>
<tr><td class="t1">索&nbsp;引&nbsp;号：</td><td>11370000MB0000000X/2023-00123</td><td class="t1">主题分类：</td><td>市场监管、安全生产监管</td></tr>
<tr><td class="t1">发布机构：</td><td>${esc(m.issuer)}</td><td>发文字号：${esc(m.doc)}</td><td></td></tr>
<tr><td class="t1">成文日期：</td><td>${m.signed}</td><td class="t1">发布日期：</td><td>${m.published}</td></tr>
<tr><td class="t1">名　　称：</td><td colspan="3">${esc(m.title)}</td></tr></tbody></table></div>
<h1 class="title">${esc(m.title)}</h1>\n<div class="article"><div id="zoom"><div class="TRS_Editor">\n`
      + lines.map(para).filter(Boolean).join('\n') + `\n</div></div></div>\n` + SHARE + FOOT;
  },
  // (b) news article: byline, share widgets, related links, prev/next
  news(lines, m) {
    return HEAD(`${m.title}-某市人民政府网`) + NAV + `<div class="main"><div class="article-title"><div class="title">${esc(m.title)}</div>
<div class="info"><span>${m.published ? `发布时间：${m.published} 10:30` : ""}</span>　<span>来源：${esc(m.issuer) || '市政府办公室'}</span>　<span>浏览次数：<script>document.write(1234)</script></span></div></div>
<div class="article-content">\n` + lines.map((l) => (l.trim() ? `<p>　　${esc(l.trim())}</p>` : '<p>&nbsp;</p>')).join('\n') + `\n</div>\n` + SHARE + RELATED + `</div>\n` + FOOT;
  },
  // (c) lines separated by <br> in one big <p>, &nbsp; / 　 indents
  br(lines, m) {
    return HEAD(m.title) + NAV + `<div class="content"><h2 class="art-title">${esc(m.title)}</h2>\n<div class="art-body"><p>`
      + lines.map((l, i) => (i % 2 ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '　　') + esc(l.trim())).join('<br>\n') + `</p></div></div>\n` + FOOT;
  },
  // (d) the whole page as a layout table, the body in a nested table cell
  layout(lines, m) {
    return HEAD(m.title) + `<table width="1000" align="center" border="0"><tr><td>${NAV}</td></tr>
<tr><td><table width="100%" border="0"><tr><td width="200" valign="top"><ul><li><a href="/a">通知公告</a></li><li><a href="/b">政策解读</a></li><li><a href="/c">工作动态</a></li></ul></td>
<td valign="top"><table width="100%"><tr><td align="center" class="biaoti"><strong>${esc(m.title)}</strong></td></tr>
<tr><td align="center">${m.published ? `发布日期：${m.published}` : ""}　　来源：${esc(m.issuer)}</td></tr>
<tr><td class="bt_content">\n` + lines.map((l) => (l.trim() ? `<p>${esc(l)}</p>` : '')).filter(Boolean).join('\n')
      + `\n</td></tr></table></td></tr></table></td></tr>\n<tr><td>${FOOT.replace(/<\/body>[\s\S]*/, '')}</td></tr></table>\n</body>\n</html>\n`;
  },
  // (e) each line in a <div>, no <p>
  divs(lines, m) {
    return HEAD(m.title) + NAV + `<div class="detail"><div class="d-title">${esc(m.title)}</div>\n<div class="d-content" id="Zoom">\n`
      + lines.map((l) => (l.trim() ? `<div style="text-indent:2em">${esc(l)}</div>` : '<div><br></div>')).join('\n') + `\n</div></div>\n` + FOOT;
  },
  // (f) the title only in <title>, headings as <h2>/<h3>/<strong>
  titleonly(lines, m) {
    const body = [...lines];
    const norm = (s) => s.replace(/\s/g, '');
    const t = norm(m.title);
    if (t && body.length > 1 && norm(body[0]) === t) body.shift();
    else if (t && body.length > 2 && norm(body[0] + body[1]) === t) body.splice(0, 2);
    return HEAD(`${m.title}_政策文件_某市人民政府`) + NAV + `<div class="zw-con">\n`
      + body.map((l) => {
        if (!l.trim()) return '';
        if (isHead1(l)) return `<h2>${esc(l.trim())}</h2>`;
        if (isHead2(l)) return `<h3>${esc(l.trim())}</h3>`;
        return `<p>${esc(l)}</p>`;
      }).filter(Boolean).join('\n') + `\n</div>\n` + FOOT;
  },
  // (a2) 政府信息公开 with `label:value` in one cell (ASCII colon), title in <div class="title">, body text nodes
  // directly in the #zoom div, lines split by <br>, a 附件 link list at the end of the body
  gk2(lines, m) {
    return HEAD(`${m.title}_某市人民政府`) + NAV
      + `<div class="xxgk_table"><table><tr><td>索引号:000014349/2023-00045</td><td>主题分类:综合政务</td></tr>
<tr><td>发布机构:${esc(m.issuer)}</td><td>发文字号:${esc(m.doc)}</td></tr>
<tr><td>成文日期:${m.signed}</td><td>发布日期:${m.published}</td></tr></table></div>
<div class="title">${esc(m.title)}</div>\n<div id="zoom">\n`
      + lines.map((l) => esc(l)).join('<br />\n')
      + `\n<p>附件：<a href="/f1.pdf">附件1.pdf</a></p></div>\n` + SHARE + FOOT;
  },
  // (g) headings as <p><strong>…</strong></p>, body as text nodes with <br> in one <div>, &nbsp; indents
  strong(lines, m) {
    return HEAD(`${m.title}-某市人民政府网`) + NAV + `<div class="con"><h1>${esc(m.title)}</h1><div class="content">\n`
      + lines.map((l) => {
        if (!l.trim()) return '<br>';
        if (isHead1(l) || isHead2(l)) return `<p><strong>${esc(l.trim())}</strong></p>`;
        return `&nbsp;&nbsp;&nbsp;&nbsp;${esc(l.trim())}<br>`;
      }).join('\n') + `\n</div></div>\n` + RELATED + FOOT;
  },
  // (h) pasted from Word: MsoNormal paragraphs, <o:p>, conditional comments, numbering split over spans, a
  // sidebar of related documents beside the body, the signature right-aligned
  word(lines, m) {
    const span = (l) => {
      const t = l.trim();
      const k = t.search(/[、）)]/);
      return k > 0 && k < 6 ? `<span style="font-family:黑体">${esc(t.slice(0, k + 1))}</span><span style="font-family:黑体"><span lang="EN-US">${esc(t.slice(k + 1))}</span></span>` : `<span style="font-family:仿宋_GB2312">${esc(t)}</span>`;
    };
    return HEAD(`${m.title}`) + NAV + `<div class="wrap"><div class="side"><h3>相关文件</h3><ul><li><a href="/1">关于进一步加强安全生产工作的通知</a></li><li><a href="/2">某市优化营商环境若干措施的通知</a></li></ul></div>
<div class="main-content"><h2 class="tit">${esc(m.title)}</h2><div class="TRS_Editor"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->\n`
      + lines.map((l) => (l.trim() ? `<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0">${span(l)}<span lang="EN-US"><o:p></o:p></span></p>` : `<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>`)).join('\n')
      + `\n</div></div></div>\n` + FOOT;
  },
  // (i) each line an <li> of a list (some CMS editors), no <p>
  list(lines, m) {
    return HEAD(m.title) + NAV + `<div class="article"><h1>${esc(m.title)}</h1><ul class="article-body">\n`
      + lines.filter((l) => l.trim()).map((l) => `<li>${esc(l.trim())}</li>`).join('\n') + `\n</ul></div>\n` + FOOT;
  },
};

const only = opt('--only', null);
for (const [name, fn] of Object.entries(TEMPLATES)) {
  if (only && !only.split(',').includes(name)) continue;
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(devset).filter((x) => x.endsWith('.txt')).sort()) {
    const base = f.replace(/\.txt$/, '');
    const lines = readFileSync(join(devset, f), 'utf8').split(/\r?\n/).slice(3);
    const goldText = readFileSync(join(devset, `${base}.gold.yaml`), 'utf8');
    const m = meta(YAML.parse(goldText));
    writeFileSync(join(dir, `${base}.html`), fn(lines, m));
    writeFileSync(join(dir, `${base}.gold.yaml`), goldText.replace(/^file: .*$/m, `file: ${base}.html`));
  }
}
console.log(`rendered into ${out}`);
