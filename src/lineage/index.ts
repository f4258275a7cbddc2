/** The lineage library: pure functions over plans, references and vocabularies (no filesystem, no process). */
export { lineagePlans, type LineageInput, type LineageOptions } from './lineage.js';
export { parseReferences, readReferences, ReferenceError, DEFAULT_REFERENCES_URL } from './references.js';
export { relate, bound, type Commitment } from './relation.js';
export { chooseParents, planYear, planPeriod, type ParentChoice } from './parents.js';
export { foldText, PLACE, NUMBER, type Folded } from './fold.js';
export { localAlign, type Local } from './align.js';
export { findReuse, statusOf, REUSE_RULE } from './reuse.js';
export * from './types.js';
