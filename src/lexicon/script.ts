/**
 * Telling traditional from simplified writing: characters frequent in this genre that exist only in one script.
 * Read by src/source/script.ts over a sample of the text.
 */

/** Frequent in this genre and never used in simplified text. */
export const TRADITIONAL_CHARS = '質彊強國設綱發為與實標準產區業務機關計劃體係監審導檢測認證績効責單經濟這時會過來對開從們當專門農藥醫療環環規範進達質營衛稅錶築廠傳統圍繞資優學應戰層級領導權';
/** Their simplified counterparts, never used in traditional text. */
export const SIMPLIFIED_CHARS = '质强国设纲发为与实标准产区业务机关计划体系监审导检测认证绩效责单经济这时会过来对开从们当专门农药医疗环规范进达营卫税表筑厂传统围绕资优学应战层级领导权';
