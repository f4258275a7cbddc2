/**
 * Word lists for reading place names (geography-data.ts, geography.ts). Plain data: the rules that use them are in
 * the code. A data module rather than YAML so the geography loads without a YAML parse (see geography-data.ts).
 */

/**
 * The 55 ethnic minorities of China, without 族. An autonomous unit's short form drops them, with or without 族,
 * from the end of the name before 自治县/自治州/自治旗/自治区: 石柱土家族自治县 → 石柱县, 恩施土家族苗族自治州 →
 * 恩施州, 博尔塔拉蒙古自治州 → 博尔塔拉州, 广西壮族自治区 → 广西. Single-character names (回, 苗, 水 …) are dropped
 * only together with 族, so a place stem never loses a character by accident.
 */
export const ETHNIC_GROUPS: readonly string[] = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
];

/**
 * Real district names that are also ordinary words of the genre (主城区, 老城区改造, 城乡结合的郊区): findPlaces
 * reports them only right after their parent's name (大同市城区, 洛阳市老城区). lookupPlace still knows them.
 */
export const GENERIC_PLACE_NAMES: readonly string[] = ['城区', '郊区', '矿区', '新城区', '老城区'];

/**
 * Ordinary words that, written across the edge of a place name, show the name is not meant: 中山市场 (中山市 + 场),
 * 和平区域 (和平区 + 域), 沿海城市 (沿 + 海城市), 城市中区 (城 + 市中区). A word wholly inside or wholly outside the
 * name does not count: 中山市市场监管局 is 中山市 followed by 市场.
 */
export const STRADDLE_WORDS: readonly string[] = [
  '市场', '市容', '市政', '市值', '市面', '市井', '区域', '区间', '区块', '区位', '区划', '区分', '区别', '县域', '沿海', '城市',
  '州府',
];

/** Level suffixes of place names, longest first: 朝阳区 → 朝阳, 苏州市 → 苏州, 广西壮族自治区 → 广西 (compare strips a plan's own names). */
export const PLACE_LEVEL_SUFFIX = /(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|自治旗|新区|地区|市|区|县|省|州|旗|盟)$/u;
