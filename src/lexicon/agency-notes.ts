/**
 * Agency notes that close a task: `(牵头单位:A;责任单位:B、C等)`, `(责任单位:…)`, `(A、B等按职责分工负责)`,
 * `(A牵头,B配合)`. The notes call agencies 单位 (units); qplan calls them agencies, and keeps "unit" for measure
 * words. Labels map to roles; the code only loops over them.
 */
export const AGENCY_LABELS: Array<{ label: RegExp; role: 'lead' | 'responsible' }> = [
  // 主要责任单位 is the lead of a note that names 配合(责任)单位 beside it
  { label: /(?:牵头|主要责任|主责)(?:单位|部门)\s*[:：]/g, role: 'lead' },
  { label: /(?<!主要)(?:配合责任|责任|配合|参与|协办|协同|实施)(?:单位|部门)\s*[:：]/g, role: 'responsible' },
];
/** Any of these anywhere in a paragraph marks an agency note. */
// 厅 and 部 close a province's names (`省农业农村厅牵头`, `省委宣传部负责`); a lone lead closes a note too (`(A牵头)`)
export const AGENCY_NOTE_MARK = /(?:局|委|办|院|会|中心|政府|厅|部)牵头(?:负责)?(?:[,，;；]|\)$)|(?:牵头|责任|配合|参与|协办|协同|实施)(?:单位|部门)\s*[:：]|按(?:职责)?分工负责|分别负责|按职能负责|(?:局|委|办|院|中心|政府|管委会|厅|部)(?:牵头)?负责\)$/;
/**
 * Every match of {@link AGENCY_NOTE_MARK} holds one of these words, starting at most {@link AGENCY_NOTE_REACH} units
 * after the match does: no match starts before the first of them less the reach (where a scan may begin).
 */
const NOTE_KEYS: readonly string[] = ['牵头', '单位', '部门', '负责'];
const AGENCY_NOTE_REACH = 5;
const NOTE_MARK_G = new RegExp(AGENCY_NOTE_MARK.source, 'g');

/** Where {@link AGENCY_NOTE_MARK} may first match in `s` (no match starts before), or -1 when it cannot match. */
function noteScanFrom(s: string): number {
  let first = -1;
  for (const k of NOTE_KEYS) {
    const i = s.indexOf(k);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first < 0 ? -1 : Math.max(0, first - AGENCY_NOTE_REACH);
}

/** `AGENCY_NOTE_MARK.test(s)`, with the scan begun where a match can start (most lines hold none of its words). */
export function hasAgencyNoteMark(s: string): boolean {
  const from = noteScanFrom(s);
  if (from < 0) return false;
  NOTE_MARK_G.lastIndex = from;
  const found = NOTE_MARK_G.test(s);
  NOTE_MARK_G.lastIndex = 0;
  return found;
}

/** Where the last of the successive matches of {@link AGENCY_NOTE_MARK} in `s` starts, or -1. */
export function lastAgencyNoteMark(s: string): number {
  const from = noteScanFrom(s);
  if (from < 0) return -1;
  NOTE_MARK_G.lastIndex = from;
  let last = -1;
  for (let m = NOTE_MARK_G.exec(s); m; m = NOTE_MARK_G.exec(s)) last = m.index;
  NOTE_MARK_G.lastIndex = 0;
  return last;
}
/** The closing phrase of the `(A、B等按职责分工负责)` form; all agencies in it are responsible. */
export const DUTY_PHRASE = /(?:等)?(?:(?<![有相]关)(?:单位|部门))?(?:按(?:照)?(?:各自)?(?:职责)?(?:分工)?(?:职能)?负责|分别负责|按职能负责)$/;
/** `(A、B负责)`, `(A牵头负责)`: a note of names only, closed by 负责 (read only when every name is an agency's). */
export const BARE_DUTY = /(牵头)?负责$/;
/** What closes a list of agencies after its last name: `等`, `等部门`, `等相关单位`. */
export const AGENCY_ETC = /等(?:相关|有关)?(?:部门|单位)?$/;
/** Separators between agency names (`和`/`及` only where they join two names, see {@link AGENCY_END}). */
export const AGENCY_SEPARATORS = /[、,，;；]/;
/** How an agency name ends; `和` splits only between a name ending like this and one starting like {@link AGENCY_START}. */
export const AGENCY_END = /(?:局|委|办|院|会|中心|公司|部|厅|处|室|队|所|关|行|社|联|园区|街道|镇|乡|署|站|集团|分局|法院|检察院|政府|管委会|委员会|总工会|团[区市县]委|办公室|支队|大队)$/;
/** How an agency name starts, for the same split. */
export const AGENCY_START = /^(?:各|区|市|县|省|州|镇|乡|街道|[\u4e00-\u9fff]{1,6}(?:局|委|办|院|会|中心|公司|分局|海关|管委会))/;
/** Joiners that split two agency names when the left one ends like {@link AGENCY_END} (not 工业和信息化局). */
export const AGENCY_JOINERS: readonly string[] = ['和', '及'];
/** `(区发展改革委牵头,区…配合)`: the lead before 牵头, the others after it. */
export const LEAD_THEN_OTHERS = /^(.+?)牵头[,，;；]?(.*?)(?:配合|参与)?$/;
/** A label printed in brackets (`【牵头单位】A 【配合单位】B`): read as the label with a colon. */
export const BRACKET_LABEL = /【\s*((?:牵头|主要责任|主责|配合责任|责任|配合|参与|协办|协同|实施)(?:单位|部门))\s*】/g;
/** A lead marked after its name in a list (`区农业农村委(牵头)、区市场监管局`). */
export const LEAD_AFTER_NAME = /\s*[(（]\s*牵头(?:单位|部门)?\s*[)）]$/;
/**
 * The role verb that closes one clause of a note of several (`A牵头,B、C配合`, `A、B按职责分工负责,C、D落实`); the
 * first group is set when the clause names the lead.
 */
export const ROLE_CLAUSE = /(?:等)?(?:(牵头)(?:负责)?|配合|参与|协助|协同|协办|(?:具体|负责)?落实|按(?:照)?(?:各自)?(?:职责)?(?:分工)?(?:职能)?负责|分别负责|负责)$/;
/** `由A牵头`: the preposition before a lead. */
export const LEAD_PREPOSITION = /^由/;
/**
 * A note after a group's last task that covers every task of the group (`（以上任务由A牵头，B、C配合）`,
 * `（以上各项任务均由A、B按职责分工负责）`): the words before the agencies.
 */
export const GROUP_SCOPE = /^[(（【]?\s*以上(?:各项|所有)?(?:任务|工作|措施)(?:均)?(?:由)?/;
