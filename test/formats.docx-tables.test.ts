/**
 * Merged cells of Word tables as real government .docx files carry them: a 分工表 whose 牵头单位 is merged down
 * the rows of the tasks it leads (w:vMerge), and an indicator table whose header spans two rows (序号, 指标名称 …
 * merged down, 目标值 across its year columns with w:gridSpan). The place names are made up.
 */
import { describe, expect, it } from 'vitest';
import { fromDocx } from '../src/adapters/docx.js';
import { extractPlan } from '../src/pipeline.js';
import { docxOf, p } from './support/docx-build.js';

/** A cell: `merge` 'restart' starts a vertical merge, 'go' continues the one above; `span` columns wide. */
const tc = (text: string, o: { merge?: 'restart' | 'go'; span?: number } = {}) => {
  const pr = (o.span ? `<w:gridSpan w:val="${o.span}"/>` : '') + (o.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.merge === 'go' ? '<w:vMerge/>' : '');
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
};
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
const rows = async (body: string) => (await fromDocx(docxOf(body))).blocks.filter((b) => b.type === 'row').map((b) => (b.cells ?? []).map((c) => c.text));

describe('DOCX tables with merged cells', () => {
  it('a cell merged down the rows (w:vMerge) gives its text to each row it covers', async () => {
    const body = tbl(
      tr(tc('序号'), tc('重点任务'), tc('牵头单位'), tc('责任单位')),
      tr(tc('1'), tc('推动特色产业高质量发展'), tc('区农业农村局', { merge: 'restart' }), tc('区市场监管局')),
      tr(tc('2'), tc('提升农产品质量'), tc('', { merge: 'go' }), tc('区商务局')),
    );
    expect(await rows(body)).toEqual([
      ['序号', '重点任务', '牵头单位', '责任单位'],
      ['1', '推动特色产业高质量发展', '区农业农村局', '区市场监管局'],
      ['2', '提升农产品质量', '区农业农村局', '区商务局'],
    ]);
  });

  it('a 分工表 with a merged 牵头单位 gives both tasks their lead unit', async () => {
    const body = [
      p('青禾区质量强区建设实施方案'),
      p('一、重点任务'),
      p('1.推动特色产业高质量发展。'),
      p('2.提升农产品质量。'),
      p('附件：青禾区质量强区建设重点任务分工表'),
      tbl(
        tr(tc('序号'), tc('重点任务'), tc('牵头单位'), tc('责任单位')),
        tr(tc('1'), tc('推动特色产业高质量发展'), tc('区农业农村局', { merge: 'restart' }), tc('区市场监管局')),
        tr(tc('2'), tc('提升农产品质量'), tc('', { merge: 'go' }), tc('区商务局')),
      ),
    ].join('');
    const { plan } = await extractPlan(docxOf(body), { path: 'plan.docx' });
    expect(plan.tasks.filter((t) => t.kind === 'task').map((t) => [t.id, t.lead, t.responsible])).toEqual([
      ['1', ['区农业农村局'], ['区市场监管局']],
      ['2', ['区农业农村局'], ['区商务局']],
    ]);
  });

  it('a header over two rows (merged down, 目标值 across its years) keeps the year of each target column', async () => {
    const body = [
      p('青禾县质量强县建设实施方案'),
      p('一、总体要求'),
      p('（一）主要目标'),
      p('到2025年，全县质量水平明显提高；到2030年，质量强县基本建成。'),
      tbl(
        tr(tc('序号', { merge: 'restart' }), tc('指标名称', { merge: 'restart' }), tc('单位', { merge: 'restart' }), tc('2022年', { merge: 'restart' }), tc('目标值', { span: 2 }), tc('指标属性', { merge: 'restart' })),
        tr(tc('', { merge: 'go' }), tc('', { merge: 'go' }), tc('', { merge: 'go' }), tc('', { merge: 'go' }), tc('2025年'), tc('2030年'), tc('', { merge: 'go' })),
        tr(tc('1'), tc('制造业产品质量合格率'), tc('%'), tc('93'), tc('95'), tc('96'), tc('预期性')),
        tr(tc('2'), tc('主导制修订标准数'), tc('项'), tc('—'), tc('20'), tc('45'), tc('预期性')),
      ),
    ].join('');
    const { plan } = await extractPlan(docxOf(body), { path: 'plan.docx' });
    expect(plan.targets.map((t) => [t.indicator, t.value, t.year])).toEqual([
      ['制造业产品质量合格率', 95, 2025], ['制造业产品质量合格率', 96, 2030],
      ['主导制修订标准数', 20, 2025], ['主导制修订标准数', 45, 2030],
    ]);
  });
});
