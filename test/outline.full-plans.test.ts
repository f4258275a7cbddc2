/**
 * What the golden fixtures do not pin (they hold no task text): where a full plan's last item ends. The inputs are
 * the fixtures' own, so each check reads the same plan its expected.yaml describes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../src/pipeline.js';

const plan = async (name: string, file = 'input.txt') => (await extractPlan(readFileSync(`fixtures/extract/${name}/${file}`), { path: file })).plan;

describe('full plans: where items end', () => {
  it('the imprint (抄送, 印发) is not the text of the last safeguard', async () => {
    const p = await plan('imprint-after-last-safeguard');
    const last = p.tasks[p.tasks.length - 1];
    expect(last?.text).toBe('将质量工作纳入高质量发展综合考核，定期开展督查评估。');
  });

  it('a 第一节 safeguard holds the paragraphs under it', async () => {
    const p = await plan('safeguards-as-jie-sections');
    const first = p.tasks.find((t) => t.id === '第一节');
    expect(first?.text.split('\n')).toHaveLength(2);
  });
});
