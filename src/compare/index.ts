/** The comparison library: pure functions over plans and vocabularies (no filesystem, no process). */
export {
  comparePlans, uniqueLabels, planLabels, ALIGN_EVERY_PLAN_UP_TO, ALIGN_TOP, ALIGN_MIN_SCORE, ALIGN_FLOOR, ALIGN_STRONG, MISSING_FROM_MAX, type CompareInput, type CompareOptions,
} from './compare.js';
export { classify, type Classification } from './classify.js';
export { AgencyResolver, type AgencyMatch } from './agencies.js';
export { alignIndicators, normalizeIndicator } from './views/indicators.js';
export { planItems, ownNames } from './items.js';
export { SimilarityIndex, type TopOptions, type Match } from './search/similarity-index.js';
export { PhraseRemover } from './search/phrases.js';
export { tokens, bigramDice } from './search/tokens.js';
export { loadVocabulary, parseTaxonomy, parseAgencies, parseIndicators, DEFAULT_VOCABULARY_URLS, VocabularyError, type TextReader } from './vocab.js';
export * from './types.js';
export { taskIndex } from './lookup.js';
