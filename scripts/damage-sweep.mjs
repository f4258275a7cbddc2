#!/usr/bin/env node
// Damages every text that has gold in one way a real copy carries, then scores each damaged set:
//   node scripts/damage-sweep.mjs [--only wrap30,fullwidth] [--sets dev,exc,seeds,full] [--keep DIR]
// Sets: ../shared/devset, fixtures/excerpts, the seeds (../shared/gold) and the full plans with gold
// (fixtures/extract/full-plan-*/gold.yaml). Only UTF-8 .txt inputs are damaged; the `# ` header of a devset-form
// file is kept. Prints one score line a damage and set (score.mjs's last line). See docs/extract.md.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };

const split = (t) => { const i = t.startsWith('# ') ? t.indexOf('\n\n') + 2 : 0; return [t.slice(0, i), t.slice(i)]; };
const body = (f) => (t) => { const [h, b] = split(t); return h + f(b); };
const lines = (f) => body((b) => b.split('\n').map(f).join('\n'));
const esc = (l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (inner) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body><div class="nav">首页 | 政务公开 | 政策文件</div><div class="article">${inner}</div><div class="footer">版权所有 ICP备12345678号</div></body></html>`;
const nonBlank = (b) => b.split('\n').filter((l) => l.trim());

/** Each damage: text → text (html: true writes an .html page). */
const DAMAGES = {
  nbsp: { f: lines((l) => (l.trim() ? '\u3000\u3000' + l.replace(/ /g, '\u00a0') : l)) },
  halfpunct: { f: body((b) => b.replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')')) },
  blankless: { f: body((b) => nonBlank(b).join('\n')) },
  doubled: { f: body((b) => nonBlank(b).join('\n\n')) },
  tabs: { f: lines((l) => (l.trim() ? '\t' + l : l)) },
  trailing: { f: lines((l) => (l.trim() ? l + '   ' : l)) },
  cr: { f: body((b) => b.replace(/\n/g, '\r')) },
  spacedtitle: { f: lines((l) => { const t = l.trim(); return t.length > 4 && t.length < 40 && /(方案|通知|意见)$/.test(t) ? t.split('').join(' ') : l; }) },
  wrap30: { f: lines((l) => { if (l.length <= 32) return l; const p = []; for (let i = 0; i < l.length; i += 30) p.push(l.slice(i, i + 30)); return p.join('\n'); }) },
  fullwidth: { f: body((b) => b.replace(/[0-9%.,:;()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))) },
  htmlp: { html: true, f: body((b) => page(nonBlank(b).map((l) => `<p style="text-indent:2em">${esc(l)}</p>`).join('\n'))) },
  htmlbr: { html: true, f: body((b) => page('<div>' + nonBlank(b).map(esc).join('<br>') + '</div>')) },
  spans: { html: true, f: body((b) => page(nonBlank(b).map((l) => `<p>${esc(l).replace(/\d{2,}/g, (d) => `<span>${d[0]}</span><span style="font-family:Times">${d.slice(1)}</span>`)}</p>`).join('\n'))) },
};

/** [input, gold] pairs of each set. */
function pairs(set) {
  const fromDir = (dir, goldDir = dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => {
    const stem = f.replace(/\.txt$/, '');
    const gold = readdirSync(goldDir).find((g) => g.startsWith(stem) && g.endsWith('.gold.yaml'));
    return gold ? [join(dir, f), join(goldDir, gold), f] : null;
  }).filter(Boolean);
  if (set === 'dev') return fromDir(join(root, '..', 'shared', 'devset'));
  if (set === 'exc') return fromDir(join(root, 'fixtures', 'excerpts'));
  if (set === 'seeds') return fromDir(join(root, 'seeds'), join(root, '..', 'shared', 'gold'));
  const dir = join(root, 'fixtures', 'extract');
  return readdirSync(dir).filter((d) => d.startsWith('full-plan-') && existsSync(join(dir, d, 'gold.yaml')) && existsSync(join(dir, d, 'input.txt')))
    .map((d) => [join(dir, d, 'input.txt'), join(dir, d, 'gold.yaml'), `${d}.txt`]);
}

const only = (opt('--only') ?? Object.keys(DAMAGES).join(',')).split(',');
const sets = (opt('--sets') ?? 'dev,exc,seeds,full').split(',');
const out = opt('--keep') ?? mkdtempSync(join(tmpdir(), 'qplan-damage-'));
for (const name of only) {
  const d = DAMAGES[name];
  if (!d) { console.error(`damage-sweep: no damage '${name}' (${Object.keys(DAMAGES).join(', ')})`); process.exit(2); }
  for (const set of sets) {
    const dir = join(out, name, set);
    mkdirSync(dir, { recursive: true });
    for (const [input, gold, file] of pairs(set)) {
      const buf = readFileSync(input);
      const text = buf.toString('utf8');
      if (text.includes('\ufffd') || buf[0] === 0xff || buf[0] === 0xfe) continue; // not UTF-8: left out
      const name2 = d.html ? file.replace(/\.txt$/, '.html') : file;
      writeFileSync(join(dir, name2), d.f(text));
      writeFileSync(join(dir, file.replace(/\.txt$/, '.gold.yaml')), readFileSync(gold, 'utf8').replace(/^file: .*$/m, `file: ${name2}`));
    }
    const score = execFileSync(process.execPath, [join(root, '..', 'shared', 'tools', 'score.mjs'), '--gold', dir, '--inputs', dir], { cwd: root, encoding: 'utf8' });
    console.log(`${name} ${set}: ${score.trim().split('\n').pop()}`);
  }
}
if (!opt('--keep')) rmSync(out, { recursive: true, force: true });
