#!/usr/bin/env node
// Generates the PDF and DOCX renderings of every seed plan under fixtures/documents/<seed-stem>/:
//   print.pdf       the HTML variant (fixtures/variants/<seed>/page.html) printed by headless Chromium
//                   (`--print-to-pdf`, with Chromium's running header and footer: date, title, URL, page n/N)
//   pdftotext.txt   `pdftotext print.pdf`: what a user gets converting the PDF to text (hard-wrapped lines,
//                   form feeds between pages)
//   plan.docx       the seed as a Word document written here: pipe tables as tables, 专栏 boxes as one-cell
//                   tables, and 一、/（一）/1. as Word automatic numbering (numbering.xml; chapters through a
//                   paragraph style, a new num with startOverride wherever the printed number does not follow)
// and fixtures/documents/special/: stsong.pdf (a hand-written two-page PDF in the non-embedded STSong-Light
// font, UniGB-UCS2-H: readable only with the CMaps), encrypted.pdf (needs a password), scanned.pdf (no text).
// Needs chromium, fonts-wqy-microhei and poppler-utils. Run: npm run documents
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip-writer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'fixtures', 'documents');
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();

// ---- zip and DOCX ------------------------------------------------------------------------------------------


const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Runs split where Latin text meets Chinese (as Word does with lang="EN-US" runs). */
const runs = (text) => (text.match(/[\x21-\x7e]+|[^\x21-\x7e]+/g) ?? []).map((t) => `<w:r>${/^[\x21-\x7e]/.test(t) ? '<w:rPr><w:lang w:val="en-US"/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
const para = (text, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs(text)}</w:p>`;
const cell = (inner) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${inner || '<w:p/>'}</w:tc>`;

const ZH = '一二三四五六七八九';
const zhNumber = (n) => (n < 10 ? ZH[n - 1] : n === 10 ? '十' : n < 20 ? `十${ZH[n - 11]}` : `${ZH[Math.floor(n / 10) - 1]}十${n % 10 ? ZH[n % 10 - 1] : ''}`);
const zhValue = (s) => { for (let n = 1; n < 100; n++) if (zhNumber(n) === s) return n; return null; };

/** The three levels a plan numbers automatically, with the label forms the seed mostly uses. */
function numberingLevels(lines) {
  const pick = (forms) => {
    const counts = forms.map((f) => lines.filter((l) => f.re.test(l)).length);
    return forms[counts.indexOf(Math.max(...counts))];
  };
  const group = pick([{ re: /^（[一二三四五六七八九十]+）/, text: '（%2）', open: '（', close: '）' }, { re: /^\([一二三四五六七八九十]+\)/, text: '(%2)', open: '(', close: ')' }]);
  const task = pick([{ re: /^\d{1,2}\.(?!\d)/, text: '%3.', sep: '.' }, { re: /^\d{1,2}．/, text: '%3．', sep: '．' }, { re: /^\d{1,2}、/, text: '%3、', sep: '、' }]);
  const taskRe = new RegExp(`^(\\d{1,2})${task.sep === '.' ? '\\.' : task.sep}(?!\\d)(\\s*)`);
  const spaced = lines.filter((l) => taskRe.exec(l)?.[2]).length > lines.filter((l) => taskRe.test(l)).length / 2;
  return [
    { re: /^([一二三四五六七八九十]+)、/, fmt: 'chineseCounting', text: '%1、', value: zhValue },
    { re: new RegExp(`^${group.open === '(' ? '\\(' : group.open}([一二三四五六七八九十]+)${group.close === ')' ? '\\)' : group.close}`), fmt: 'chineseCounting', text: group.text, value: zhValue },
    { re: taskRe, fmt: 'decimal', text: task.text, value: Number, suff: spaced ? null : 'nothing' },
  ];
}

function docx(seedText) {
  const lines = seedText.split(/\r\n|\n|\r/).map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '')).filter((l) => l !== '' && !/^[\s\u00a0\u3000]*$/.test(l));
  const levels = numberingLevels(lines);
  const values = [null, null, null];
  const overrides = []; // [numId, ilvl, start]
  const body = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/\s\|\s|\|\s*\|/.test(l) && l.split('|').length >= 3) {
      body.push(`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr><w:tr>${l.split('|').map((c) => cell(c.trim() ? para(c.trim()) : '')).join('')}</w:tr></w:tbl>`);
      continue;
    }
    if (/^专栏\s*\d+/.test(l) && /^——/.test(lines[i + 1] ?? '')) {
      // a 专栏 box: a one-cell table around its title and —— items
      const inner = [para(l)];
      while (/^——/.test(lines[i + 1] ?? '')) inner.push(para(lines[++i]));
      body.push(`<w:tbl><w:tr>${cell(inner.join(''))}</w:tr></w:tbl>`);
      continue;
    }
    const k = levels.findIndex((lv) => lv.re.test(l));
    const m = k >= 0 ? levels[k].re.exec(l) : null;
    const v = m ? levels[k].value(m[1]) : null;
    if (!m || v === null) { body.push(para(l)); continue; }
    const expected = values[k] === null ? 1 : values[k] + 1;
    let numId = 1;
    if (v !== expected) {
      // the printed number does not follow Word's count: a new num instance that starts there
      numId = 2 + overrides.length;
      overrides.push([numId, k, v]);
    }
    values[k] = v;
    for (let j = k + 1; j < 3; j++) values[j] = null;
    const rest = l.slice(m[0].length).replace(/^[\s\u3000]+/, '');
    // chapters take their numbering from the paragraph style, the other levels from numPr
    const pPr = k === 0 && numId === 1 ? '<w:pStyle w:val="PlanChapter"/>' : `<w:numPr><w:ilvl w:val="${k}"/><w:numId w:val="${numId}"/></w:numPr>`;
    body.push(para(rest, pPr));
  }
  const lvl = (i, lv) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${lv.fmt}"/>${i === 0 ? '<w:pStyle w:val="PlanChapter"/>' : ''}${lv.suff ? `<w:suff w:val="${lv.suff}"/>` : ''}<w:lvlText w:val="${lv.text}"/><w:lvlJc w:val="left"/></w:lvl>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${levels.map((lv, i) => lvl(i, lv)).join('')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>${overrides.map(([id, k, s]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${k}"><w:startOverride w:val="${s}"/></w:lvlOverride></w:num>`).join('')}</w:numbering>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="PlanChapter"><w:name w:val="公文一级标题"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('\n')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`],
    ['word/document.xml', document],
    ['word/styles.xml', styles],
    ['word/numbering.xml', numbering],
  ]);
}

// ---- hand-written PDFs ---------------------------------------------------------------------------------------

/** A PDF from page content streams, in the non-embedded STSong-Light font; `extra` adds trailer entries. */
function pdf(pages, { trailer = '', objects = [] } = {}) {
  const objs = [];
  const n = pages.length;
  objs[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`;
  objs[3] = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objs[4] = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] /FontDescriptor ' + `${5 + 2 * n} 0 R >>`;
  pages.forEach((content, i) => {
    objs[5 + 2 * i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`;
    objs[6 + 2 * i] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  objs[5 + 2 * n] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  for (const o of objects) objs.push(o);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  for (let i = 1; i < objs.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** UCS-2 hex of a text, as UniGB-UCS2-H expects it. */
const ucs2 = (s) => `<${[...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/** Text lines at (x, y) in 12-point STSong: one Tj per line, like a typesetter that wraps itself. */
function page(lines) {
  return `BT /F1 12 Tf ${lines.map(([x, y, t]) => `1 0 0 1 ${x} ${y} Tm ${ucs2(t)} Tj`).join(' ')} ET`;
}

/** Wraps a paragraph at `width` characters, its first line indented two characters. */
function wrap(text, width) {
  const out = [];
  let rest = text, first = true;
  while (rest.length > 0) {
    const w = first ? width - 2 : width;
    out.push([first ? 96 : 72, rest.slice(0, w)]);
    rest = rest.slice(w);
    first = false;
  }
  return out;
}

function stsongPdf() {
  const paras = [
    [null, '东丽区质量提升试点方案'],
    [null, '一、重点任务'],
    ['p', '1.提升产品质量。到2025年，制造业产品质量合格率达到95%以上，培育质量标杆企业10家，推动企业开展质量管理体系认证，提高产品和服务的质量水平，增强质量竞争能力和品牌影响力。（牵头单位：区市场监管局；责任单位：区工信局、区商务局）'],
    ['p', '2.加强标准引领。主导或参与制修订国家标准和行业标准，推动企业标准自我声明公开，开展企业标准领跑者活动，持续提升标准化水平，新增制修订标准10项以上，鼓励企业采用国际标准和国外先进标准组织生产，提高出口产品质量。（区市场监管局、区工信局按职责分工负责）'],
  ];
  const lines = [];
  for (const [kind, text] of paras) for (const l of kind ? wrap(text, 30) : [[72, text]]) lines.push(l);
  // two pages, the second task broken over the page break, page numbers in the footer
  const pageOne = lines.slice(0, 10), pageTwo = lines.slice(10);
  const place = (ls, y0) => ls.map(([x, t], i) => [x, y0 - 24 * i, t]);
  return pdf([
    page([...place(pageOne, 760), [280, 40, '— 1 —']]),
    page([...place(pageTwo, 760), [280, 40, '— 2 —']]),
  ]);
}

/**
 * A plan whose 附件 indicator table is set landscape on a portrait page: every line of page 2 is turned a quarter
 * (text running up, `0 1 -1 0 x y Tm`), as a table rotated to fit the page prints.
 */
function turnedPdf() {
  const body = [[72, 760, '青禾区质量强区建设实施方案'], [72, 730, '一、总体要求'], [96, 706, '到2025年，全区质量整体水平进一步提升，主要指标见附件。'],
    [72, 676, '二、重点任务'], [96, 652, '1.夯实产业基础质量支撑。（牵头单位：区经济信息委）']];
  const rows = [['附件'], ['青禾区质量强区建设主要指标'], ['序号', '指标名称', '单位', '2022年', '2025年', '属性'],
    ['1', '制造业产品质量合格率', '%', '93', '95', '预期性'], ['2', '食品评价性抽检合格率', '%', '97.5', '98.5', '约束性'], ['3', '主导制修订标准数', '项', '10', '20', '预期性']];
  const cols = [60, 110, 380, 440, 520, 600];
  // reading the turned page: a row at height r from its bottom stands at x = 595 − r; a cell at c along it, at y = c
  const turned = rows.flatMap((cells, i) => cells.map((t, j) => `0 1 -1 0 ${595 - (520 - 30 * i)} ${cols[j]} Tm ${ucs2(t)} Tj`));
  return pdf([page(body), `BT /F1 12 Tf ${turned.join(' ')} ET`]);
}

// ---- main ----------------------------------------------------------------------------------------------------

// --special: only the hand-written PDFs of fixtures/documents/special (no Chromium)
for (const seed of process.argv.includes('--special') ? [] : seeds) {
  const dir = join(outDir, seed);
  mkdirSync(dir, { recursive: true });
  const html = join(root, 'fixtures', 'variants', seed, 'page.html');
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--print-to-pdf=${join(dir, 'print.pdf')}`, `file://${html}`], { stdio: 'ignore' });
  execFileSync('pdftotext', [join(dir, 'print.pdf'), join(dir, 'pdftotext.txt')]);
  writeFileSync(join(dir, 'plan.docx'), docx(readFileSync(join(root, 'seeds', `${seed}.txt`), 'utf8')));
  console.log(`fixtures/documents/${seed}: print.pdf pdftotext.txt plan.docx`);
}
const special = join(outDir, 'special');
mkdirSync(special, { recursive: true });
writeFileSync(join(special, 'stsong.pdf'), stsongPdf());
writeFileSync(join(special, 'turned-table.pdf'), turnedPdf());
// a user password is required: the /U entry matches no empty password
writeFileSync(join(special, 'encrypted.pdf'), pdf([page([[72, 760, '加密']])], {
  trailer: `/Encrypt 8 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] `,
  objects: [`<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`],
}));
// a scan: the page is all picture (here a grey rectangle), no text layer
writeFileSync(join(special, 'scanned.pdf'), pdf(['0.5 g 40 40 515 762 re f', '0.5 g 40 40 515 762 re f']));
console.log('fixtures/documents/special: stsong.pdf turned-table.pdf encrypted.pdf scanned.pdf');
