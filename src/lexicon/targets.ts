/**
 * Target vocabulary (measure words are in measures.ts): comparator words (民法典 §1259: 以上/以下/以内 include the number,
 * 超过/不满/以外 exclude it), verbs that introduce a counted object (`建成…150个`, `新创建20个…`), and the
 * words that make a number part of a name or a duration rather than a target.
 */
import type { Comparator } from '../model.js';

/** Words right after a number that make it a duration, date or size, not a target. */
export const NOT_TARGET_AFTER = /^(?:年|月|日|天|周|小时|分钟|秒|岁|届|期|号|倍(?!以上)|大(?![于关])|化|维|星|型|代|者|方|线|环|纵|横|区|域|带|轴|圈|心|片)/;

/**
 * An age or a duration after a number (`60岁以上老人`, `24小时受理`, `3天内办结`) is no target, unless a comparator
 * puts it (`预期寿命达到80岁`) or a limit follows it (`企业开办时间压缩到30小时以内`).
 */
export const AGE_AFTER = /^(?:岁|小时|分钟|天)/;
/** The limit that makes a duration a target (`30小时以内`, `2天之内`). */
export const DURATION_LIMIT = /^(?:小时|分钟|天)(?:以内|之内|以下)/;

/** Comparator words before a value, longest match first. */
export const PREFIX_COMPARATORS: Array<[string, Comparator]> = [
  ['力争达到', '>='], ['力争超过', '>'], ['力争达', '>='], ['力争突破', '>'], ['力争', '>='],
  ['至少', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['不高于', '<='], ['不超过', '<='], ['不大于', '<='], ['不多于', '<='], ['不满', '<'],
  ['超过', '>'], ['超', '>'], ['高于', '>'], ['多于', '>'], ['大于', '>'], ['突破', '>'], ['低于', '<'], ['少于', '<'], ['小于', '<'],
  ['稳定控制在', '<='], ['稳定保持在', '='], ['保持稳定在', '='], ['始终保持在', '='], ['持续保持在', '='], ['稳定保持', '='],
  ['控制在', '<='], ['稳定在', '='], ['保持在', '='], ['保持', '='], ['维持在', '='], ['稳定', '='],
  ['提高到', '>='], ['提高至', '>='], ['提升到', '>='], ['提升至', '>='], ['增加到', '>='], ['增加至', '>='], ['增长到', '>='], ['增至', '>='], ['升至', '>='],
  ['降低到', '<='], ['降低至', '<='], ['下降到', '<='], ['下降至', '<='], ['降至', '<='], ['减少到', '<='], ['减少至', '<='], ['压减至', '<='],
  ['压缩到', '<='], ['压缩至', '<='], ['缩短到', '<='], ['缩短至', '<='], ['缩减到', '<='], ['缩减至', '<='],
  ['下降', '>='], ['降低', '>='], ['减少', '>='], ['提高', '>='], ['提升', '>='], ['增长', '>='], ['增加', '>='],
  // marks printed in running text as in tables (`合格率≥95%`)
  ['≥', '>='], ['≤', '<='], ['>=', '>='], ['<=', '<='], ['>', '>'], ['<', '<'],
  ['均达到', '>='], ['均达', '>='], ['均在', '>='], ['全部达到', '>='], ['达到', '>='], ['达', '>='], ['约为', '='], ['约', '='], ['近', '='], ['为', '>='],
];

/** Words of a rise (`增长8%`, `提高到`); with {@link FALL_WORDS} they name a change. */
const RISE_WORDS = ['提高', '提升', '增长', '增加'];
/** Words of a fall (`下降14%`). */
const FALL_WORDS = ['下降', '降低', '减少'];
/** Comparator words that name a change rather than a level; they stay in the indicator (`能耗下降`). */
export const CHANGE_WORDS = new RegExp(`^(?:${[...FALL_WORDS, ...RISE_WORDS].join('|')})$`);
/** A name that is only a change (`年均增长8%`): the change of the clause's subject (`总产值…,年均增长8%`). */
export const CHANGE_ONLY = new RegExp(`^(?:年均|年平均|平均每年|每年|累计|同比)?(?:${[...FALL_WORDS, ...RISE_WORDS].join('|')})$`);
/** A name that is only a total (`累计达到30家`): the total of the clause's subject (`每年新增…5家以上`). */
export const TOTAL_ONLY = /^(?:累计|合计|总计|共计|总数|总量)$/;
/** Totals printed after their subject (`新增上市企业5家以上,总数达到30家` → 上市企业总数). */
export const TOTAL_AFTER = /^(?:总数|总量)$/;
/** What a yearly or new count's subject starts with, which its total leaves (`新增上市企业` → 上市企业总数). */
export const NEW_LEAD = /^(?:新增|新培育|新建|培育|新认定)/;
/** After a number, before its measure word: more than the number (`20余家`, `100多个`). */
export const MORE_THAN_AFTER = /^[余多]$/;
/** Scale measure words that with 级 after them make a grade (`10万级洁净车间`), no count. */
export const SCALE_MEASURE = /^(?:万|亿|千)$/;
export const GRADE = '级';
/** A rate per year at the start of such a subject, which the total replaces. */
export const PER_YEAR_LEAD = /^(?:每年|年均|平均每年)/;
/** The change at the end of a subject (`营业收入年均增长`): a level that shares the subject (`…,突破50亿元`) leaves it. */
export const CHANGE_TAIL = new RegExp(`(?:年均|年平均|平均每年|每年|累计|同比)?(?:${[...FALL_WORDS, ...RISE_WORDS].join('|')})$`);
/** Words that let a percentage pass 100 (`增长150%`, `增速`, `翻一番`): a rise, its rate, a doubling. */
export const GROWTH_WORDS = new RegExp([...RISE_WORDS, '增速', '翻'].join('|'));

/** Comparator words after a value (and its measure word). */
export const SUFFIX_COMPARATORS: Array<[string, Comparator]> = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['左右', '='], ['上下', '='],
];

/** Verbs that put the count before the object: `累计建成4.4万亩高标准农田`, `新创建20个省级以上标准化试点`. */
const COUNT_VERBS = [
  '新创建', '创建', '新建', '建成', '建设', '培育', '新增', '引进', '打造', '认定', '创成', '争创', '获评', '新认定', '培养', '举办', '开展', '实施',
  '完成', '制修订', '制定', '新培育', '选树', '选育', '评选', '遴选', '培树', '扶持', '新获',
];
export const COUNT_FIRST_VERBS = new RegExp(`(?:累计)?(?:${COUNT_VERBS.join('|')})$`);
/**
 * Verbs that move a counted group (`推动300家以上企业导入卓越绩效管理模式`): a target only with a comparator
 * (以上, 不少于), since without one they name what exists (`推动6条主导产业链成龙配套`).
 */
export const MOVE_FIRST_VERBS = /(?:推动|带动|引导|帮扶|帮助)$/;
/** The same verbs inside a name (`主导或参与制修订国际标准`): in a 分别 list the first name's verb is every name's. */
export const COUNT_VERB_IN_NAME = new RegExp(COUNT_VERBS.join('|'));

/** A name in a 分别 list that is only a level (`国家级、省级专精特新企业`): it shares the noun of the last name. */
export const LEVEL_ONLY_END = /级$/;
/** The level mark inside the last name (`省级专精特新企业`), after which its noun starts. */
export const LEVEL_IN_NAME = /级/;
/** What joins the values of a 分别 list (`5项、30项和60项`). */
export const VALUE_LIST_JOINER = /^\s*(?:、|和|及|与|,|，)\s*/;
/** A name in a 分别 list that is a year (`2025年、2027年分别达到…`). */
export const YEAR_NAME = /^(?:到|至)?(\d{4})\s*年(?:底|末)?$/;
/** The year that ends the first name of such a list, after the indicator (`合格率2023年、2024年分别达到…`). */
export const YEAR_NAME_TAIL = /(?:到|至)?(\d{4})\s*年(?:底|末)?$/;
/** `分别`: a clause pairing several names or years with as many values, in order. */
export const RESPECTIVELY = /分别|依次/g;
/** The head several names of a 分别 list share, printed only on the last (`制造业产品、农产品、食品抽检合格率`). */
export const SHARED_HEAD = /(?:抽检|监测|检验|抽查|评价性抽检)?(?:合格率|满意度|覆盖率|达标率|普及率|认证率|增加值|营业收入|产值)(?:年均|年平均)?$/;
/** The years a value list is mapped to, after it: `(分别对应2025、2026、2027年)`, `(依次为2025年、2026年)`. */
export const RESPECTIVE_YEARS = /^\s*[(（]\s*(?:分别|依次)?(?:对应|为|是)?\s*((?:\d{4}\s*年?\s*[、,，和及与]\s*)+\d{4})\s*年?\s*[)）]/;

/** An item mark that opens a clause inside a paragraph: `(1)`, `②`, `1、`, `(一)`, `一是`. */
export const ITEM_MARK = /^\s*(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|[\u2460-\u2473\u2776-\u277f]|\d{1,2}\s*[、．.](?![\d%])|[一二三四五六七八九十]{1,3}(?:、|是))\s*/;
/** A bullet heading that lost its 。 (`——产品质量水平大幅跃升农产品…`): the heading is cut from the indicator. */
export const HEADING_PREFIX = /^.{2,14}?(?:持续|稳步|大幅|全面|显著|不断|明显|进一步|更加|加快)(?:增强|提升|跃升|完善|提高|加强|夯实|优化|扩大)/;

/** Adverbs and particles trimmed from the end of an indicator before its verb (`完成率均达100%`). */
export const INDICATOR_TRAILING = /(?:年均|平均每年|均|全部|要|将|稳步|逐步|每年|力争|确保|分别|总体上|基本)$/;
/** Words trimmed from the start of an indicator. */
/** The base a change is measured from, inside an indicator (`单位GDP能耗比2020年下降`): the quote keeps it, the name not. */
export const INDICATOR_BASE = /(?:较|比|相比|相较|同比|与)(?:\d{4}\s*年(?:底|末)?|基期|上年|去年|上一年|目前|现在|当前|“?十[一二三四五六]五”?期?末)(?:相比|比)?(?=[\u4e00-\u9fff])/;
/** A start value before a change to a level (`拥有量由12件提高到18件`): the quote keeps it, the name not. */
export const INDICATOR_FROM = /(?:由|从)\s*(?:(?:\d{4}\s*年(?:底|末)?|目前|现在|当前)的?)?\s*\d+(?:\.\d+)?\s*(?:[%‰]|[\u4e00-\u9fff/]{0,5})$/;
/** A rate base right before a value (`达到每千人口4批次`): it joins the unit (`批次/千人`). */
export const RATE_BASE_BEFORE = /每\s*([十百千万]{0,3})\s*(人口|人|户|平方公里|家企业)\s*$/;
/**
 * A commitment word standing where the indicator would (`力争达到300亿元、确保达到260亿元`): the floor after the aim,
 * one indicator with two values; the clause names nothing of its own.
 */
export const COMMITMENT_ONLY = /^(?:力争|确保|争取|努力)$/;
export const INDICATOR_LEADING = /^(?:在|将|把|确保|争取|努力|推动|促进|推进|其中|以及|及|和|并|且|使|让|全年|同时|力争|实现|计划|预计|期间|到|至)/;

/** `2025年` / `2025年底` — a year mark; the governing word before it (`到`, `截至`) is read by the caller. */
export const YEAR_MARK = /(\d{4})\s*年(?:底|末|前)?/g;

/**
 * What follows a counted value when it counts the plan's own parts (`31项任务`, `14个方面`, `94条具体措施`), or a share
 * of them done by a stage of a 实施步骤 (`完成80%以上重点任务`).
 */
export const PLAN_PARTS_AFTER = /^(?:以上|左右)?(?:的)?(?:具体|重点|主要)?(?:任务(?!书)|措施|方面|部分|章|节|时间节点|大行动|条意见|项举措|个专栏)/;
/** What precedes such a count (`共分3个部分25条`, `本方案共`, an infographic's `6大方面 28项`). */
export const PLAN_PARTS_BEFORE = /(?:部分|方面|共分为?|分为|共计)\s*$/;
/**
 * Money given or set aside (`安排专项资金5000万元`, `统筹安排质量发展资金5000万元`, `给予一次性奖励200万元`): a
 * safeguard's funding or a reward, not a level the plan commits to reach. Read in the clause before a money value.
 */
export const FUNDING_BEFORE = /奖励|奖补|补助|补贴|资助|给予|拨付|列支|安排|专项资金|专项经费|扶持资金|引导资金|发展资金|贴息/;
/** The measure words of money, which {@link FUNDING_BEFORE} applies to. */
export const MONEY_UNIT = /^(?:元|万元|亿元)$/;
/** Indicators that weigh an assessment (`权重不低于2%`, `分值占比不低于3%`): a scoring rule, not a target. */
export const NOT_TARGET_NAME = /(?:权重|分值|分值占比|考核占比)$/;
/** A start value's year (`由2022年的180家增加到220家`): the year of the base, which never governs. */
export const FROM_BEFORE_YEAR = /[由从] ?$/;
export const FROM_AFTER_YEAR = /^(?:底|末)?的?\s*\d/;
/** What a unit is counted per, after a slash (`万元/亩`, `平方米/人`, `公里/平方公里`): it joins the unit. */
export const PER_UNIT = /^\/[\u4e00-\u9fff]{1,4}(?![\u4e00-\u9fff])/;
/** The inclusive mark between a value and its comparator word (`96%(含)以上`). */
export const INCLUSIVE = '(含)';
/** Words after a value that only restate it (`突破1000亿元大关`, `达到95%的目标`): no part of the indicator. */
export const AFTER_FILLER = /^的?(?:大关|关口|目标|水平|之间)$/;
/** The lower end of a range of numerals before the upper one (`两到三个`, `一至两家`). */
export const ZH_RANGE_BEFORE = /([一二两三四五六七八九十]{1,3})[到至—\-~]$/;
/** A verb of what is already done (`已建成`, `已经达到`, `已累计`): the clause reports, it does not commit. */
export const ALREADY_DONE = /已经?(?:建成|达到|达|累计|培育|创建|完成|实现|拥有|获得|新增|超过|突破|形成|引进|认定|制定|发展)/;
/** A second predicate joined right after a value (`保持在85以上并逐年提高`): the target ends at the value. */
export const AFTER_PREDICATE = /^(?:并且|并(?!购|入|列|联|发|网|轨)|且|同时)/;
/** A bracketed note right after a value: a base or a count so far (`(2023年为93.8%)`, `(目前已有5家)`, `(含)`). */
export const NOTE_AFTER = /^[(（][^()（）]{0,30}[)）]/;
/** A quoted term that completes a rate's indicator after its value (`100%“全程网办”`). */
export const QUOTED_TERM = /^“[^”]{1,12}”$/;
/** The tail of a range after its first number: `—2`, `-3`, `~5`, `至8` (the measure word follows); the signs a range's ends stand around. */
export const RANGE_SIGNS = '—-~～至到';
export const RANGE_TAIL = new RegExp(`^\\s*[${RANGE_SIGNS.replace('-', '\\-')}]\\s*(\\d+(?:\\.\\d+)?)(?=\\s*[^\\d.年月日]|$)`);
/** Indicators that name a rate bounded by 100% (pass rates, shares, coverage). */
export const RATE_NAME = /(?:率|比重|比例|占比|覆盖面)$/;
/**
 * Words that put a clause in the past or present of a report (`近年来`, `今年`, `去年以来`, `截至目前`, `“十四五”以来`): what they govern
 * is an achievement, not a target. They count as a year mark with year 0, which every document year excludes.
 * 上年 after 以 is 以上 before a word with 年 (`30家以上年产值超亿元的企业`), not last year.
 */
export const HISTORY_WORDS = /近年来|近几年|近五年|多年来|今年以来|今年|去年|(?<!以)上年|截至目前|截止目前|目前|过去|以来|[一二三四五六七八九十两]年来|(?:现有|已有)(?!的|基础|水平|标准|规模|条件|资源|平台|政策)|共有(?!产权|的)/g;
/** How an indicator's name ends (`…率`, `…指数`, `…面积`): a name before a colon with a bare value (`满意度:82`). */
export const INDICATOR_NAME_END = /(?:率|度|指数|比重|比例|占比|数|量|值|额|收入|产值|总值|面积|里程|强度|密度|寿命)$/;
/** Bullet dashes before a name before a colon (`——新增…企业:1家`). */
export const LABEL_LEAD = /^[—\-－]+\s*/;
/** Labels before a colon that are no indicator: goals and list heads, contacts, attachments. */
export const LABEL_NOT_NAME = /目标|如下|主要指标|具体指标|指标体系|电话|联系|传真|邮编|邮箱|地址|附件|文号|日期|时间|浏览|点击|阅读|访问|字号/;
/** What exists now, in a subject carried to a goal (`全市现有检验检测机构230家,到2025年达到300家`): it leaves the name. */
export const EXISTING = /现有|已有|共有/;
/** Every year mark and history word holds one of these: a clause without any has no time words (a fast check). */
export const TIME_HINTS: readonly string[] = ['年', '目前', '过去', '以来', '现有', '已有', '共有', '五末', '五”', '五期', '五时期'];

/** What follows a deadline's year when it reports what is done (`截至2022年底,已累计建成…`): history. */
export const DEADLINE_DONE = /^[^。；;]{0,6}?(?:已经|已)/;
/** A rank (`进入全省前10名`): the number after 前 and before 名/位/强 is a place in a list, not a value to reach. */
export const RANK_BEFORE = /前$/;
export const RANK_AFTER = /^(?:名|位|强)/;
/**
 * The governing word before a year (`到2027年`, `截至2025年底`); it belongs to the year mark. Here and in the base
 * words below one space may stand before the year: typeset text spaces digits from CJK (`到 2025年`, `较 2020 年`).
 */
export const YEAR_LEAD = /(?:到|至|截至|截止到?) ?$/;
/** A year mark that opens a period's end (`到2025年`, `至2027年`), at the start of a string. */
export const TO_YEAR = /^(?:到|至)/;
/** Words before a year that make it a base compared against (`较2020年下降14%`); read on the three characters before. */
export const BASE_BEFORE_YEAR = /(?:较|比|相比|相较|同比|对比) ?$/;
/**
 * The same before a history word (`比上年增长8%`), plus 与 (`与上年持平`). Before a year 与 is not read as a base:
 * `与2020年相比` keeps its year governing, as it always has.
 */
export const BASE_BEFORE_HISTORY = /(?:较|比|相比|同比|与|由|从)$/;
/** Words after a year that make it a base (`在2020年基础上`, `2020年的基数`, a table header's `2023年(基期)`). */
export const BASE_AFTER_YEAR = /^(?:的)?(?:基础上|基数|水平上)|^\s*[(（]?\s*(?:基期|基准年|现状值?|基数)/;
/** The start of a period printed as a range before its end year (`2021—2023年`, `2024-2025年`). */
export const PERIOD_START = /\d{4}\s*年?\s*[-—~～]{1,2}\s*$/;
/**
 * The end or span of a five-year plan period (`“十四五”末`, `十三五期间`): a year mark of the period's last year
 * ({@link FIVE_YEAR_LAST}), so `“十三五”期间,…` is history and `到“十四五”末,…` governs 2025.
 */
export const FIVE_YEAR_MARK = /“?十([三四五六])五”?(?:期间|时期|期末|末)/g;
export const FIVE_YEAR_LAST: Readonly<Record<string, number>> = { 三: 2020, 四: 2025, 五: 2030, 六: 2035 };
/** What may stand between the years of a list (`到2023年、2025年和2027年`). */
export const YEAR_LIST_GAP = /^[、和及与,，\s]*$/;
/** A year or period that opens a clause (`到2025年,`, `2025年底`, `2020年到2025年期间`): not part of the indicator. */
/** A goal year after the indicator, before its verb (`研发投入强度2025年达到2.2%`, `指数到2027年达到88`): no part of the name. */
export const TRAILING_YEAR = /(?:到|至|在)?\d{4}\s*年(?:底|末|前)?$/;
/** A heading and its year run into the first item by spaces (`主要目标 到2025年 制造业…合格率 ≥96%`): no part of the name. */
export const HEADED_YEAR = /^[\u4e00-\u9fff]{2,10}\s+(?:到|至)?\d{4}\s*年(?:底|末)?\s+(?=\S)/;
export const LEADING_YEAR = /^\s*(?:(?:到|至)?\d{4}\s*年(?:底|末|前|期间|内)?\s*[,，]?\s*)/;
/** Suffix comparators that close a counted value in a list (`50项以上、…`): the 、 after them separates targets. */
export const LIST_END_COMPARATOR = /以上$|以下$|以内$|左右$/;
/**
 * Goal openers with the years listed after them (`到2025年、2027年`): the horizon of a plan without a goals chapter.
 * A deadline (`截至2023年`) is told apart by the character before ({@link DEADLINE_BEFORE}).
 */
export const HORIZON_YEARS = /(?:到|至)?(\d{4})年(?:[、和及]\s*(?:到)?\d{4}年)*/g;
/** The character before a deadline's year (`截至`, `截止`). */
export const DEADLINE_BEFORE = /[截止]$/;

/**
 * A sentence that reports the goals of the national plan (`《质量强国建设纲要》明确提出，到2025年，全国…`, `国家提出…`):
 * its years govern no target of this plan. At a sentence's start only, and never `…提出的` (`《纲要》提出的目标`). A
 * document of another name may be this plan itself (`《实施方案》提出，到2020年…` in a report of it).
 */
export const CITED_GOALS = /(?:^|[。！？!?；;]\s*)((?:国家|国务院|党中央|中央)[^，,。；;：:《》]{0,16}?|[^，,。；;：:《》]{0,12}《[^《》]{0,30}(?:质量强国|纲要|国务院|中共中央|国家)[^《》]{0,30}》[^，,。；;：:《》]{0,6}?)(?:明确|进一步|也|还|中)?(?:提出|要求|指出|部署|明确)(?!的)/g;
/** Before a cited plan, words that make the sentence this plan's own (`贯彻落实《纲要》要求，到2025年，全县…`). */
export const CITED_OWN = /贯彻|落实|按照|根据|依据|对照|对标|围绕|结合|参照|衔接|对接/;

/**
 * A lower plan's report of a wider jurisdiction's goals: the level character (国, 省, 市, 州, 盟, 区, 县, 旗) of
 * `全X` right after a year (`到2025年,全省…`, `到2025年全市…`), and of the government that set them at a sentence's
 * start (`省委省政府提出,`, `市政府要求`). Which characters are wider is the plan's own: 全市 is a county's city,
 * but a county-level city's self.
 */
export const SCOPE_AFTER_YEAR = /^\s*[,，:：]?\s*全([国省市州盟区县旗])/;
export const CITED_AUTHORITY = /(?:^|[。！？!?；;]\s*)(?:中共)?([省市州盟])(?:委[、,，和]?\s*[省市州盟]?(?:人民)?政府|(?:人民)?政府|委)[^，,。；;：:《》]{0,6}?(?:明确|进一步|也|还)?(?:提出|要求|部署)(?!的)/g;
/** The levels always wider than a province (the nation's `全国`) and than any plan below one (`全国`, `全省`). */
export const WIDER_THAN_PROVINCE = '国';
export const WIDER_THAN_LOWER = '国省';
