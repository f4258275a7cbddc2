/**
 * Task vocabulary: the verbs that open a clause (where a run-on title ends) and the printed forms of a task id's
 * last part (`1`, `(1)`, `(三)`, `一是`, `三`), which validate reads to check the numbering.
 */
import { ZH_NUMERALS } from './numerals.js';

/** Verbs that open a new clause in this genre; the second one in a run-on title marks the lost boundary. */
export const CLAUSE_VERBS = /探索|建立|健全|完善|加强|推进|推动|实施|开展|坚持|深化|提升|强化|加快|支持|鼓励|引导|落实|严格|构建|打造|培育|发挥|促进|优化|围绕|聚焦|依托|将|把|对|以/g;

/** The printed forms of the last part of a task id, by style name; group 1 is the number. First match wins. */
export const TASK_ID_STYLES: ReadonlyArray<readonly [string, RegExp]> = [
  ['arabic', /^(\d+)$/],
  ['paren-arabic', /^\((\d+)\)$/],
  ['paren-cn', new RegExp(`^\\(([${ZH_NUMERALS}]+)\\)$`)],
  ['cn-shi', new RegExp(`^([${ZH_NUMERALS}]+)是$`)],
  ['cn', new RegExp(`^([${ZH_NUMERALS}]+)$`)],
];
