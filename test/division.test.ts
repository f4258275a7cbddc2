/** The columns of a division table (重点任务分工表), read by one function for the appendix table and the body's task table. */
import { describe, expect, it } from 'vitest';
import { agencyColumns } from '../src/extract/division.js';
import { extractPlan } from '../src/pipeline.js';

describe('agencyColumns', () => {
  it('finds the lead and responsible headers', () => {
    expect(agencyColumns(['序号', '重点任务', '牵头单位', '责任单位', '完成时限'])).toEqual({ lead: 2, responsible: 3 });
    expect(agencyColumns(['序号', '工作内容', '主要责任单位', '配合单位'])).toEqual({ lead: 2, responsible: 3 });
  });
  it('reads no long cell as a header: a row of task text that names 责任 is no column', () => {
    expect(agencyColumns(['1', '落实企业质量安全主体责任', '牵头单位', '区市场监管局'])).toEqual({ lead: 2, responsible: -1 });
    expect(agencyColumns(['1', '压实属地管理责任和部门监管责任', '区市场监管局'])).toEqual({ lead: -1, responsible: -1 });
  });
});

describe('a division table with several rows a task', () => {
  const plan = (table: string) => extractPlan(Buffer.from(`某市质量强市建设实施方案\n\n一、重点任务\n\n1.推动新材料产业质量升级。实施质量攻关。\n\n2.强化工程质量安全管理。推行质量保险。（牵头单位：市住建局；责任单位：市水利局）\n\n3.提升食品产业质量。推动体系认证。\n\n附件\n\n某市重点任务分工表\n\n${table}`), { path: 'plan.txt' });
  it('adds the rows under a numbered row to its task', async () => {
    const { plan: p } = await plan('序号\t重点任务\t具体工作\t牵头单位\t责任单位\n1\t推动新材料产业质量升级\t质量攻关\t市经信局\t市科技局\n\t\t公共服务平台\t市市场监管局\t市科技局、市财政局\n2\t强化工程质量安全管理\t质量保险\t市住建局\t市交通运输局\n3\t提升食品产业质量\t体系认证\t市市场监管局\t市农业农村局\n');
    expect(p.tasks.map((t) => [t.id, t.lead, t.responsible])).toEqual([
      ['1', ['市经信局', '市市场监管局'], ['市科技局', '市财政局']],
      ['2', ['市住建局'], ['市水利局']],
      ['3', ['市市场监管局'], ['市农业农村局']],
    ]);
  });
  it('matches a row that rewords its task by a 序号 printed in full-width digits', async () => {
    const { plan: p } = await plan('序号\t重点任务\t牵头单位\t责任单位\n１\t推动新材料产业质量全面升级\t市经信局\t市科技局\n３\t提升食品产业质量水平\t市市场监管局\t市农业农村局\n');
    expect(p.tasks.map((t) => [t.id, t.lead, t.responsible])).toEqual([
      ['1', ['市经信局'], ['市科技局']],
      ['2', ['市住建局'], ['市水利局']],
      ['3', ['市市场监管局'], ['市农业农村局']],
    ]);
  });
  it('in a table that numbers no row, an empty 序号 joins nothing to the task above', async () => {
    const { plan: p } = await plan('序号\t重点任务\t牵头单位\t责任单位\n\t推动新材料产业质量升级\t市经信局\t市科技局\n\t强化工程质量安全管理\t市住建局\t市交通运输局\n\t提升食品产业质量\t市市场监管局\t市农业农村局\n');
    expect(p.tasks.map((t) => [t.id, t.lead, t.responsible])).toEqual([
      ['1', ['市经信局'], ['市科技局']],
      ['2', ['市住建局'], ['市水利局']],
      ['3', ['市市场监管局'], ['市农业农村局']],
    ]);
  });
});
