/** The columns of a division table (重点任务分工表), read by one function for the appendix table and the body's task table. */
import { describe, expect, it } from 'vitest';
import { agencyColumns } from '../src/extract/division.js';

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
