#!/usr/bin/env node
// Renders plan texts as Word documents the way real government .docx files look, in several styles, with a copy
// of each gold annotation pointing at the .docx, so the rendered set can be scored:
//
//   node scripts/render-docx.mjs --inputs ../shared/devset --out /tmp/docx-dev          # gold beside the inputs
//   node scripts/render-docx.mjs --inputs ../shared/seeds --gold ../shared/gold --out /tmp/docx-seeds
//   node ../shared/tools/score.mjs --gold /tmp/docx-dev/runs --inputs /tmp/docx-dev/runs
//
// Styles (one folder each; `--styles a,b` picks some):
//   plain     one paragraph per line, body 仿宋_GB2312 with a first-line indent, title 方正小标宋 centred
//   autonum   一、/（一）/1. from Word automatic numbering (numbering.xml; chapters through a heading style)
//   liststyle the same through a list style: abstractNum → numStyleLink → style → num → abstractNum styleLink
//   runs      text cut into many runs mid-word with different rPr; tabs, soft hyphens, proofErr, bookmarks,
//             smart tags, tracked insertions and deletions, simple and complex fields, content controls, ruby,
//             hidden text, comments, footnotes
//   boxes     the title in a text box (mc:AlternateContent: DrawingML choice + VML fallback), the signature
//             in a borderless two-column layout table, line breaks (w:br) inside the title and signature
//   tables    table-like lines (` | `, a w:tbl in every style) with gridSpan and vMerge; every 专栏 as a one-cell table
//   headfoot  header and footer parts (running title, PAGE fields `— 1 —`), first page different
//   align     full-width spaces typed for the indent, the signature and date pushed right with U+3000 and tabs
//   all       every quirk above at once
//   wrapped   a .docx converted from a PDF: each printed line of a paragraph ends in a soft break
//   merged    as pandoc writes a text file: lines not parted by a blank line are one paragraph, joined by a space
// The output is deterministic (a seeded generator per file).
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { zip } from './zip-writer.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const inputs = opt('--inputs', '../shared/devset');
const goldDir = opt('--gold', inputs);
const out = opt('--out', '/tmp/docx-render');
const STYLES = ['plain', 'autonum', 'liststyle', 'runs', 'boxes', 'tables', 'headfoot', 'align', 'all', 'wrapped', 'merged'];
const styles = (opt('--styles', STYLES.join(','))).split(',');


// ---- helpers -----------------------------------------------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const t = (s) => `<w:t xml:space="preserve">${esc(s)}</w:t>`;

function rng(seed) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => { h ^= h << 13; h ^= h >>> 17; h ^= h << 5; return ((h >>> 0) % 10000) / 10000; };
}

const FONT = { body: '仿宋_GB2312', title: '方正小标宋简体', h1: '黑体', h2: '楷体_GB2312' };
const rPr = (font, size = 32, extra = '') => `<w:rPr><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${extra}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
const run = (s, font = FONT.body, size = 32) => `<w:r>${rPr(font, size)}${t(s)}</w:r>`;

const ZH = '一二三四五六七八九';
const zhNumber = (n) => (n < 10 ? ZH[n - 1] : n === 10 ? '十' : n < 20 ? `十${ZH[n - 11]}` : `${ZH[Math.floor(n / 10) - 1]}十${n % 10 ? ZH[n % 10 - 1] : ''}`);
const zhValue = (s) => { for (let n = 1; n < 100; n++) if (zhNumber(n) === s) return n; return null; };

const isTitle = (l, i) => i < 12 && l.length <= 40 && /(方案|意见|纲要|规划|计划)(\(|（|$)/.test(l) && !/[，。,；]/.test(l);
const isDate = (l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l);
const isIssuer = (l, next) => next !== undefined && isDate(next) && l.length <= 24 && /(政府|办公厅|办公室|委员会|局|委)$/.test(l);
const isTable = (l) => /\s\|\s|\|\s*\|/.test(l) && l.split('|').length >= 3;

// ---- runs: the text of one paragraph -----------------------------------------------------------------------

/** The text as runs; in the quirky styles cut mid-word with changing properties and noise around. */
function textRuns(s, font, size, q, r) {
  if (!q.runs) return run(s, font, size);
  const parts = [];
  let i = 0;
  while (i < s.length) {
    const n = 1 + Math.floor(r() * 6);
    parts.push(s.slice(i, i + n));
    i += n;
  }
  let x = '';
  for (const p of parts) {
    const k = r();
    const props = rPr(font, size, r() < 0.3 ? '<w:b/>' : r() < 0.3 ? '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>' : '');
    if (k < 0.06) x += `<w:proofErr w:type="spellStart"/><w:r>${props}${t(p)}</w:r><w:proofErr w:type="spellEnd"/>`;
    else if (k < 0.1) x += `<w:bookmarkStart w:id="${Math.floor(r() * 1000)}" w:name="_Toc${Math.floor(r() * 1e6)}"/><w:r>${props}${t(p)}</w:r><w:bookmarkEnd w:id="0"/>`;
    else if (k < 0.14) x += `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv"><w:smartTagPr><w:attr w:name="UnitName" w:val="年"/></w:smartTagPr><w:r>${props}${t(p)}</w:r></w:smartTag>`;
    else if (k < 0.18) x += `<w:ins w:id="1" w:author="审核" w:date="2023-03-01T10:00:00Z"><w:r>${props}${t(p)}</w:r></w:ins>`;
    else if (k < 0.22) x += `<w:del w:id="2" w:author="审核" w:date="2023-03-01T10:00:00Z"><w:r>${props}<w:delText>删除的旧文字2019年</w:delText></w:r></w:del><w:r>${props}${t(p)}</w:r>`;
    else if (k < 0.25) x += `<w:fldSimple w:instr=" MERGEFIELD 内容 "><w:r>${props}${t(p)}</w:r></w:fldSimple>`;
    else if (k < 0.28) x += `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${props}<w:instrText xml:space="preserve"> DOCPROPERTY  正文 \\* MERGEFORMAT </w:instrText></w:r><w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${props}${t(p)}</w:r><w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`;
    else if (k < 0.31) x += `<w:sdt><w:sdtPr><w:alias w:val="正文"/><w:id w:val="1"/></w:sdtPr><w:sdtContent><w:r>${props}${t(p)}</w:r></w:sdtContent></w:sdt>`;
    else if (k < 0.34) x += `<w:r>${props}<w:softHyphen/>${t(p)}</w:r>`;
    else if (k < 0.37) x += `<w:r>${rPr(font, size, '<w:vanish/>')}${t('隐藏的批注文字')}</w:r><w:r>${props}${t(p)}</w:r>`;
    else if (k < 0.40) x += `<w:commentRangeStart w:id="3"/><w:r>${props}${t(p)}</w:r><w:commentRangeEnd w:id="3"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="3"/></w:r>`;
    else if (k < 0.42 && p.length === 1 && /[\u4e00-\u9fff]/.test(p)) x += `<w:r>${props}<w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="16"/><w:hpsRaise w:val="30"/><w:hpsBaseText w:val="32"/><w:lid w:val="zh-CN"/></w:rubyPr><w:rt><w:r><w:rPr><w:sz w:val="16"/></w:rPr>${t('pīn')}</w:r></w:rt><w:rubyBase><w:r>${props}${t(p)}</w:r></w:rubyBase></w:ruby></w:r>`;
    else if (k < 0.44) x += `<w:hyperlink w:anchor="_Toc1" w:history="1"><w:r>${props}${t(p)}</w:r></w:hyperlink>`;
    else if (k < 0.46) x += `<w:r>${props}<w:lastRenderedPageBreak/>${t(p)}</w:r>`;
    else x += `<w:r>${props}${t(p)}</w:r>`;
  }
  if (/。$/.test(s) && r() < 0.15) x += `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`;
  return x;
}

// ---- a document --------------------------------------------------------------------------------------------

function numberingLevels(lines) {
  const pick = (forms) => { const c = forms.map((f) => lines.filter((l) => f.re.test(l)).length); return forms[c.indexOf(Math.max(...c))]; };
  const group = pick([{ re: /^（([一二三四五六七八九十]+)）/, text: '（%2）' }, { re: /^\(([一二三四五六七八九十]+)\)/, text: '(%2)' }]);
  const task = pick([{ re: /^(\d{1,2})\.(?!\d)/, text: '%3.' }, { re: /^(\d{1,2})．/, text: '%3．' }, { re: /^(\d{1,2})、/, text: '%3、' }]);
  return [
    { re: /^([一二三四五六七八九十]+)、/, fmt: 'chineseCounting', text: '%1、', value: zhValue },
    { re: group.re, fmt: 'chineseCounting', text: group.text, value: zhValue },
    { re: task.re, fmt: 'decimal', text: task.text, value: Number },
  ];
}

function render(text, style, seed) {
  const r = rng(seed + style);
  const all = style === 'all';
  const q = {
    num: all || style === 'autonum' || style === 'liststyle', linked: style === 'liststyle' || all,
    runs: all || style === 'runs', boxes: all || style === 'boxes', tables: all || style === 'tables',
    headfoot: all || style === 'headfoot', align: all || style === 'align', wrapped: style === 'wrapped',
  };
  const lines = style === 'merged'
    ? text.split(/(?:\r?\n){2,}/).map((b) => b.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join(' ')).filter((l) => l !== '')
    : text.split(/\r\n|\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  const levels = numberingLevels(lines);
  const values = [null, null, null];
  const overrides = [];
  const body = [];
  const ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
  const spacing = '<w:spacing w:line="560" w:lineRule="exact"/>';
  let titled = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isTable(l)) {
      const rows = [];
      while (i < lines.length && isTable(lines[i])) rows.push(lines[i++].split('|').map((c) => c.trim()));
      i--;
      body.push(table(rows, q, r));
      continue;
    }
    if (q.tables && /^专栏\s*\d+/.test(l)) {
      const inner = [para(l, `<w:jc w:val="center"/>`, FONT.h1, 32, q, r)];
      while (i + 1 < lines.length && /^(——|-|•)/.test(lines[i + 1])) inner.push(para(lines[++i], ind, FONT.body, 28, q, r));
      body.push(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="8800"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="8800" w:type="dxa"/></w:tcPr>${inner.join('')}</w:tc></w:tr></w:tbl>`);
      continue;
    }
    if (!titled && isTitle(l, i)) {
      titled = true;
      // a long title breaks over two lines with a soft break, where typesetters break it
      let inner = l;
      const cut = l.search(/(\(|（)\d{4}/);
      const p = q.boxes && cut > 0 ? [l.slice(0, cut), l.slice(cut)] : [l];
      inner = p.map((s) => textRuns(s, FONT.title, 44, q, r)).join('<w:r><w:br/></w:r>');
      const tp = `<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="700" w:lineRule="exact"/></w:pPr>${inner}</w:p>`;
      body.push(q.boxes ? textBox(tp, r) : tp);
      continue;
    }
    if (isIssuer(l, lines[i + 1])) {
      const date = lines[++i];
      if (q.boxes && r() < 0.5) {
        body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4400"/><w:gridCol w:w="4400"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4400" w:type="dxa"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:tcW w:w="4400" w:type="dxa"/></w:tcPr>${para(l, '<w:jc w:val="center"/>', FONT.body, 32, q, r)}${para(date, '<w:jc w:val="center"/>', FONT.body, 32, q, r)}</w:tc></w:tr></w:tbl>`);
      } else if (q.boxes) {
        body.push(`<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${textRuns(l, FONT.body, 32, q, r)}<w:r><w:br/></w:r>${textRuns(date, FONT.body, 32, q, r)}</w:p>`);
      } else if (q.align) {
        const pad = (s, w) => '\u3000'.repeat(Math.max(2, w - s.length));
        body.push(`<w:p>${run(pad(l, 26) + l)}</w:p>`);
        body.push(`<w:p><w:r><w:tab/><w:tab/><w:tab/><w:tab/><w:tab/></w:r>${run('\u3000\u3000' + date.replace(/(\d+)年(\d+)月(\d+)日/, '$1年$2月$3日'))}</w:p>`);
      } else {
        body.push(`<w:p><w:pPr><w:jc w:val="right"/><w:ind w:right="1280"/></w:pPr>${textRuns(l, FONT.body, 32, q, r)}</w:p>`);
        body.push(`<w:p><w:pPr><w:jc w:val="right"/><w:ind w:right="1280"/></w:pPr>${textRuns(date, FONT.body, 32, q, r)}</w:p>`);
      }
      continue;
    }
    const k = q.num ? levels.findIndex((lv) => lv.re.test(l)) : -1;
    const m = k >= 0 ? levels[k].re.exec(l) : null;
    const v = m ? levels[k].value(m[1]) : null;
    const font = /^[一二三四五六七八九十]+、/.test(l) ? FONT.h1 : /^[（(][一二三四五六七八九十]+[）)]/.test(l) ? FONT.h2 : FONT.body;
    if (!m || v === null) {
      body.push(para(q.align && font === FONT.body ? `\u3000\u3000${l}` : l, `${spacing}${q.align && font === FONT.body ? '' : ind}`, font, 32, q, r));
      continue;
    }
    const expected = values[k] === null ? 1 : values[k] + 1;
    let numId = 1;
    if (v !== expected) { numId = 2 + overrides.length; overrides.push([numId, k, v]); }
    values[k] = v;
    for (let j = k + 1; j < 3; j++) values[j] = null;
    const rest = l.slice(m[0].length).replace(/^[\s\u3000]+/, '');
    const pPr = k === 0 && numId === 1 ? '<w:pStyle w:val="1"/>' : k === 1 && numId === 1 ? `<w:pStyle w:val="2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>` : `<w:numPr><w:ilvl w:val="${k}"/><w:numId w:val="${numId}"/></w:numPr>`;
    body.push(para(rest, `${pPr}${spacing}${ind}`, font, 32, q, r));
  }
  const sect = `<w:sectPr>${q.headfoot ? '<w:headerReference w:type="default" r:id="rId10"/><w:headerReference w:type="first" r:id="rId11"/><w:footerReference w:type="default" r:id="rId12"/><w:footerReference w:type="first" r:id="rId13"/><w:titlePg/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1588" w:gutter="0"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>`;
  const document = `${HEAD}<w:document ${W}><w:body>${body.join('\n')}${sect}</w:body></w:document>`;
  const lvl = (i, lv) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${lv.fmt}"/>${i < 2 ? `<w:pStyle w:val="${i + 1}"/>` : ''}<w:suff w:val="${i < 2 ? 'nothing' : 'tab'}"/><w:lvlText w:val="${lv.text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`;
  const levelsXml = levels.map((lv, i) => lvl(i, lv)).join('');
  // through a list style, Word writes the levels on the abstractNum that carries styleLink and a stub that points there
  const abstracts = q.linked
    ? `<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="PlanList"/></w:abstractNum><w:abstractNum w:abstractNumId="5"><w:nsid w:val="5A6B7C8D"/><w:multiLevelType w:val="multilevel"/><w:styleLink w:val="PlanList"/>${levelsXml}</w:abstractNum>`
    : `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${levelsXml}</w:abstractNum>`;
  const numbering = `${HEAD}<w:numbering ${W}>${abstracts}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>${overrides.map(([id, k, s]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${k}"><w:startOverride w:val="${s}"/></w:lvlOverride></w:num>`).join('')}${q.linked ? '<w:num w:numId="99"><w:abstractNumId w:val="5"/></w:num>' : ''}</w:numbering>`;
  const styles = `${HEAD}<w:styles ${W}><w:docDefaults><w:rPrDefault>${rPr(FONT.body)}</w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>${rPr(FONT.h1)}</w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>${q.linked ? '<w:style w:type="numbering" w:customStyle="1" w:styleId="PlanList"><w:name w:val="公文列表"/><w:pPr><w:numPr><w:numId w:val="99"/></w:numPr></w:pPr></w:style>' : ''}<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`;
  const footer = (first) => `${HEAD}<w:ftr ${W}><w:p><w:pPr><w:jc w:val="${first ? 'center' : 'right'}"/></w:pPr><w:r>${t('— ')}</w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>${t('1')}</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r>${t(' —')}</w:r></w:p></w:ftr>`;
  const header = (s) => `${HEAD}<w:hdr ${W}><w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:r>${t(s)}</w:r></w:p></w:hdr>`;
  const footnotes = `${HEAD}<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>${t('到2030年，注释中的数字达到99%以上不是目标。')}</w:r></w:p></w:footnote></w:footnotes>`;
  const comments = `${HEAD}<w:comments ${W}><w:comment w:id="3" w:author="审核"><w:p><w:r>${t('此处到2030年达到100%？')}</w:r></w:p></w:comment></w:comments>`;
  const rels = [
    ['rId1', 'styles', 'styles.xml'], ['rId2', 'numbering', 'numbering.xml'], ['rId3', 'footnotes', 'footnotes.xml'], ['rId4', 'comments', 'comments.xml'],
    ...(q.headfoot ? [['rId10', 'header', 'header1.xml'], ['rId11', 'header', 'header2.xml'], ['rId12', 'footer', 'footer1.xml'], ['rId13', 'footer', 'footer2.xml']] : []),
  ];
  const files = [
    ['[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`],
    ['_rels/.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('')}</Relationships>`],
    ['docProps/core.xml', `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>质量工作</dc:title><dc:creator>Administrator</dc:creator></cp:coreProperties>`],
    ['word/document.xml', document],
    ['word/styles.xml', styles],
    ['word/numbering.xml', numbering],
    ['word/footnotes.xml', footnotes],
    ['word/comments.xml', comments],
  ];
  if (q.headfoot) files.push(['word/header1.xml', header('质量强市建设实施方案')], ['word/header2.xml', header('')], ['word/footer1.xml', footer(false)], ['word/footer2.xml', footer(true)]);
  return zip(files);

  function para(s, pPr, font, size, q2, r2) {
    if (q2.wrapped && s.length > 28) {
      const cuts = [];
      for (let j = 0; j < s.length; j += j === 0 ? 26 : 28) cuts.push(s.slice(j, j === 0 ? 26 : j + 28));
      return `<w:p><w:pPr>${pPr}</w:pPr>${cuts.map((c) => run(c, font, size)).join('<w:r><w:br/></w:r>')}</w:p>`;
    }
    return `<w:p><w:pPr>${pPr}</w:pPr>${textRuns(s, font, size, q2, r2)}</w:p>`;
  }
}

/** A paragraph in a text box anchored in an empty paragraph: DrawingML for Word 2010+, VML for older readers. */
function textBox(p, r) {
  const id = 1 + Math.floor(r() * 100);
  return `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="${id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5600000" cy="900000"/><wp:wrapTopAndBottom/><wp:docPr id="${id}" name="文本框 ${id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>${p}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 ${id}" type="#_x0000_t202" style="position:absolute;width:441pt;height:71pt"><v:textbox><w:txbxContent>${p}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

/** Table-like lines as a w:tbl: a short row spans the rest with gridSpan, an empty cell under a filled one continues it (vMerge). */
function table(rows, q, r) {
  const cols = Math.max(...rows.map((x) => x.length));
  const tr = rows.map((cells, ri) => {
    const tcs = cells.map((c, ci) => {
      const span = q.tables && ci === cells.length - 1 && cells.length < cols ? `<w:gridSpan w:val="${cols - cells.length + 1}"/>` : '';
      const above = ri > 0 ? rows[ri - 1][ci] : undefined;
      const merge = !q.tables ? '' : c === '' && above !== undefined && above !== '' && r() < 0.5 ? '<w:vMerge/>' : c !== '' && rows[ri + 1]?.[ci] === '' ? '<w:vMerge w:val="restart"/>' : '';
      return `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>${span}${merge}</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${c === '' ? '' : textRuns(c, FONT.body, 24, q, r)}</w:p></w:tc>`;
    });
    return `<w:tr>${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(cols)}</w:tblGrid>${tr.join('')}</w:tbl>`;
}

// ---- main --------------------------------------------------------------------------------------------------

const strip = (text) => { const ls = text.split('\n'); let i = 0; while (i < ls.length && ls[i].startsWith('# ')) i++; if (i > 0 && ls[i] === '') i++; return ls.slice(i).join('\n'); };
for (const style of styles) {
  const dir = join(out, style);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(inputs).filter((x) => x.endsWith('.txt')).sort()) {
    const stem = basename(f, '.txt');
    const text = strip(readFileSync(join(inputs, f), 'utf8'));
    writeFileSync(join(dir, `${stem}.docx`), render(text, style, stem));
    const gold = join(goldDir, `${stem}.gold.yaml`);
    if (existsSync(gold)) writeFileSync(join(dir, `${stem}.gold.yaml`), readFileSync(gold, 'utf8').replace(/^file: .*$/m, `file: ${stem}.docx`));
  }
  console.log(`${dir}: ${style}`);
}
