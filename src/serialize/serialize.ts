/**
 * serialize: a plan → deterministic YAML / JSON / NDJSON. Key order is the contract's order (objects are built
 * in that order), no timestamps, no absolute paths beyond what the user gave: the same bytes in give the same
 * bytes out.
 */
import type { Plan } from '../model.js';

export function toJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function toNdjson(plan: Plan): string {
  return `${JSON.stringify(plan)}\n`;
}

/** YAML with a schema modeline for editors; `yaml` is loaded by the caller (it costs ~25 ms at start). */
export function toYaml(plan: Plan, yaml: typeof import('yaml')): string {
  const doc = new yaml.Document(plan, { aliasDuplicateObjects: false });
  // short lists of short scalars read best inline: [2027, 2035], [区市场监管局, 区科技局]
  yaml.visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.length <= 12 && node.items.every((i) => yaml.isScalar(i) && String(i.value).length <= 24)) node.flow = true;
    },
  });
  return `# yaml-language-server: $schema=https://qplan.dev/schema/plan@1.json\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
