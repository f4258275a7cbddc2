// Writes the committed part of fixtures/broken/ (inputs a crawler really brings back). Inputs too large to commit
// (a 20 MB single line, HTML nested 100,000 deep) and permission cases are made by test/broken.test.ts itself.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

const dir = 'fixtures/broken';
mkdirSync(dir, { recursive: true });
const seed = readFileSync('seeds/003_d34b9a5638ecd82e.txt');
const put = (name, data) => writeFileSync(`${dir}/${name}`, data);

put('empty.txt', '');
put('whitespace-only.txt', ' \n\t\n\u3000\u00a0\n');
// a 1×1 PNG
put('image.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cf000000030101009b6b38a10000000049454e44ae426082', 'hex'));
// a zip with one small file
{
  const name = Buffer.from('a.txt'), body = Buffer.from('plan'), data = deflateRawSync(body);
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(body.length, 22); local.writeUInt16LE(name.length, 26);
  put('archive.zip', Buffer.concat([local, name, data]));
}
// cut in the middle of a three-byte character
put('truncated-utf8.txt', seed.subarray(0, Math.floor(seed.length * 0.75) - (Math.floor(seed.length * 0.75) % 3) + 1));
put('gbk-undeclared.txt', iconv.encode(seed.toString('utf8'), 'gbk'));
put('utf16-no-bom.txt', iconv.encode(seed.toString('utf8'), 'utf16le').subarray(0));
put('script-writes-plan.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title>
<script>document.write('<p>一、总体要求</p><p>二、重点任务</p><p>1.假任务。这段文字由脚本写出。(责任单位:区假局)</p>');</script>
<script type="application/ld+json">{"name":"1.另一个假任务。"}</script></head>
<body><div class="nav">首页 政务公开</div><div class="article">
<p>临江区质量强区建设实施方案</p><p>一、总体要求</p><p>到2027年,产品质量合格率达到96%以上。</p>
<p>二、重点任务</p><p>1.提升产业质量。推进补链强链。(责任单位:区经济信息局等)</p>
<noscript><p>2.无脚本任务。不应读取。</p></noscript>
<p>三、保障措施</p><p>(一)加强组织领导。建立协调机制。</p></div>
<script>var t = "3.脚本里的任务。";</script></body></html>
`);
put('no-tasks.txt', '关于开展质量月活动的通知\n各有关单位:\n为营造重视质量的氛围,定于九月开展质量月活动,请结合实际组织实施。\n市市场监管局\n2024年8月20日\n');
put('alias-bomb.yaml', `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`);
put('custom-tag.plan.yaml', `schema: qplan/plan@1
source: !!js/function "function () { require('child_process').execSync('touch /tmp/qplan-pwned') }"
meta: !plan {title: x}
`);
// encoding declarations that lie (a CMS template copied from another site), and UTF-8 with CESU-8 surrogates
const page = (charset) => `<!DOCTYPE html><html><head><meta charset="${charset}"><title>通知</title></head><body>
<p>临江区质量强区建设实施方案</p><p>一、总体要求</p><p>到2027年,产品质量合格率达到96%以上。</p>
<p>二、重点任务</p><p>1.提升产业质量。推进补链强链。(责任单位:区经济信息局等)</p></body></html>
`;
put('declares-utf16.html', page('utf-16'));
put('declares-gbk-is-utf8.html', page('gbk'));
{
  // 😀 as CESU-8 (each UTF-16 surrogate encoded on its own), twice, in a UTF-8 plan
  const cesu = Buffer.from('eda0bdedb880', 'hex');
  const text = seed.toString('utf8');
  const cut = text.indexOf('二、');
  put('cesu8-in-utf8.txt', Buffer.concat([Buffer.from(text.slice(0, cut)), cesu, Buffer.from(text.slice(cut, cut + 200)), cesu, Buffer.from(text.slice(cut + 200))]));
}
{
  // one chapter saved in GBK inside a UTF-8 plan (a text edited in two editors, a scraper joining two pages)
  const text = seed.toString('utf8');
  const from = text.indexOf('二、'), to = text.indexOf('三、');
  put('mixed-utf8-gbk.txt', Buffer.concat([Buffer.from(text.slice(0, from)), iconv.encode(text.slice(from, to), 'gbk'), Buffer.from(text.slice(to))]));
}
console.log('fixtures/broken written');
