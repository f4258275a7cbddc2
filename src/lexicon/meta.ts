/**
 * Metadata vocabulary: the labels of government CMS pages by field, the forms of issuers and titles, the words that
 * mark a document as cited rather than this one, draft labels, and the cues of a plan's own level (我省, 全市).
 */
import { isIssuerLine } from './structure.js';

export type MetaField = 'doc_number' | 'signed' | 'published' | 'issuer' | 'title' | 'skip';

/**
 * Labels by field, written without spaces (pages print `索 引 号`, `文  号`). 发文日期 is the date the document was
 * issued (the signature's), not the web posting; 发表于/添加时间 are the posting.
 */
export const META_LABELS: ReadonlyArray<readonly [MetaField, readonly string[]]> = [
  ['doc_number', ['发文字号', '文号', '发文号', '政策编号', '文件编号', '文件字号']],
  ['signed', ['成文日期', '成文时间', '印发日期', '签发日期', '发文日期', '发文时间']],
  ['published', ['发布日期', '发布时间', '公开日期', '公布日期', '发表于', '发表时间', '添加时间', '更新时间', '日期', '时间']],
  ['issuer', ['发布机构', '发文机关', '发文单位', '发布单位', '制发机关']],
  ['title', ['名称', '标题', '文件名称', '题名']],
  ['skip', ['索引号', '主题分类', '体裁分类', '分类', '有效性', '效力状态', '时效', '关键词', '主题词', '文件下载', '来源', '信息来源',
    '新闻来源', '专栏', '政策状态', '组配分类', '服务对象', '查看次数', '浏览次数', '访问次数', '作者', '编辑', '责任编辑', '承办单位',
    '计划完成时间', '字号']],
];

/**
 * English keys of a Markdown file's YAML front matter (web clippers, static-site scrapes) by field; a key that is a
 * CMS label (`发布日期`) is read by {@link META_LABELS}. `created`/`clipped` are when the page was saved, not posted.
 */
export const FRONT_MATTER_KEYS: ReadonlyMap<string, MetaField> = new Map<string, MetaField>([
  ...['title', 'headline'].map((k) => [k, 'title'] as const),
  ...['date', 'published', 'pubdate', 'pub_date', 'publish_date', 'publishdate', 'published_at', 'publish_time', 'release_date']
    .map((k) => [k, 'published'] as const),
  ...['signed', 'signed_date', 'issued', 'issue_date'].map((k) => [k, 'signed'] as const),
  ...['doc_number', 'document_number', 'docno'].map((k) => [k, 'doc_number'] as const),
  ...['issuer', 'issuing_body'].map((k) => [k, 'issuer'] as const),
]);

/**
 * Issuing bodies: a party committee, a government or its office (a 盟's or 地区's is its 行政公署), a zone's 管委会, a
 * leading group (领导小组) or its office.
 */
const ISSUER_ENDS = ['人民政府办公室', '人民政府办公厅', '人民政府', '行政公署办公室', '行政公署', '政府办公室', '政府办公厅', '政府', '委员会', '管委会办公室', '管委会', '党工委', '工委', '党委', '领导小组办公室', '领导小组', '[省市县区州]委办公室', '[省市县区州]委'];
const ISSUER_PART = `(?:中共)?[\\u4e00-\\u9fff]{1,20}?(?:${ISSUER_ENDS.join('|')})`;
/** The last characters of the issuing bodies above: a line of issuers ends in one of them. */
const ISSUER_LAST = ISSUER_ENDS.map((w) => w.charCodeAt(w.length - 1));
/** `JOINT_ISSUER.test(s)`, the pattern tried only on a line that ends as an issuing body does. */
export const isJointIssuer = (s: string): boolean => ISSUER_LAST.includes(s.charCodeAt(s.length - 1)) && JOINT_ISSUER.test(s);
/** A line that signs: one issuing body ({@link isIssuerLine}) or several joint ones ({@link isJointIssuer}). */
export const isIssuersLine = (s: string): boolean => isIssuerLine(s) || isJointIssuer(s);
/** A line that is only an issuer or several joint issuers (`中共云南省委 云南省人民政府`, `省委、省政府`). */
export const JOINT_ISSUER = new RegExp(`^${ISSUER_PART}(?:[\\s、,，和]+${ISSUER_PART})*$`);
/** `X关于…`: the issuer that opens a title. */
export const TITLE_ISSUER = new RegExp(`^(${ISSUER_PART}(?:[\\s、,，]+${ISSUER_PART})*)\\s*关于`);
/**
 * Departments that send a `关于印发` notice themselves (`某区发展和改革局 某区市场监督管理局关于印发《…规划》的通知`):
 * who sends the notice of the issuing issues the plan. Read only before `关于印发`, never from a signature alone
 * (a bureau also signs the call for comments on a draft it wrote).
 */
const DEPARTMENT_PART = '[\\u4e00-\\u9fff]{2,30}?(?:局|厅|委|办公室|中心)';
/** A line that is only the senders of a `关于印发` notice, printed above its title (departments or issuing bodies). */
export const NOTICE_SENDERS = new RegExp(`^(?:${ISSUER_PART}|${DEPARTMENT_PART})(?:[\\s、,，和]+(?:${ISSUER_PART}|${DEPARTMENT_PART}))*$`);
export const NOTICE_ISSUER = new RegExp(`^((?:${ISSUER_PART}|${DEPARTMENT_PART})(?:[\\s、,，]+(?:${ISSUER_PART}|${DEPARTMENT_PART}))*)\\s*关于印发`);
/** `X印发了《…》`, `以X名义印发`: the issuer named in a report of the issuing. */
export const ISSUED_BY = new RegExp(`(?:以)?(${ISSUER_PART}(?:(?:[、和]|\\s+)${ISSUER_PART})*)(?:名义)?(?:近日|日前|近期|正式|已|于(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日)?)?(?:联合)?(?:印发|印發|出台|发布)`, 'g');
/** `…近日发布关于贯彻落实《纲要》的实施意见`: a title reported without 《》, from 关于 to its genre noun. */
export const ISSUED_ABOUT = /(?:印发|印發|发布|出台)了?(关于[^。；;!！?？]{4,80}?(?:实施意见|实施方案|工作方案|行动方案|行动计划|意见|方案|规划))/;
/** What a news page prints after the posting date on its byline (`2024-01-16 09:08:27 来源: 某日报`, the space lost or not). */
export const POSTING_TAIL = /^\s*(?:来源|信息来源|作者|责任编辑|编辑|发布人|浏览次数|点击数)\s*[:：]/;
/** A news headline that reports the issuing (`我市印发质量强市建设实施方案`): a paraphrase, not the title. */
export const HEADLINE_REPORT = /^(?!关于)[\u4e00-\u9fff]{1,14}?(?:近日|日前|正式)?(?:印发|出台|发布)了?(?![《<])/;
/** A newspaper's edition line, its date the day the report was printed: `某日报 2023年09月21日 星期四 第A02版:要闻`. */
export const EDITION_LINE = /^(?:\S{2,12}报\s*)?(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})\s*(?:(?:星期|周)[一二三四五六日天]\s*)?第\s*[A-Z0-9]{1,4}\s*版/;
/**
 * A public-account (公众号) byline: the account, maybe `原创` and an author, then the posting date with its time and
 * the poster's region (`某市场监管 2024-01-09 17:30 发表于某省`). The time tells it from a signature date.
 */
export const ACCOUNT_BYLINE = /^(?:原创\s*)?(?:[^\s:：]{1,20}\s+){1,3}(\d{4}-\d{1,2}-\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s+\d{1,2}:\d{2}(?:\s*(?:发表于)?\s*[\u4e00-\u9fff]{2,8})?$/;
/** The verbs of a report of the issuing (`印发`, `出台`, `发布`): a quick test before {@link ISSUED_BY}. */
export const ISSUING_VERBS = /印发|出台|发布/;
/** What a report puts before the issuer (`《方案》由市政府于…印发`): no part of its name. */
export const ISSUER_AGENT = /^由(?=(?:中共)?[省市县区])/;
/** A short issuer that starts with its level (`市委`, `中共省委`, `区政府`), named without its place. */
export const LEVEL_ISSUER = /^(?:中共)?[省市县区]/;
/** What follows `X印发` when X issued the plan: its title (`《`, `关于`), or the end of the clause. */
export const ISSUED_WHAT = /^了?\s*(?:《|关于)|^了?\s*$|^[,，。]/;
/** A headline that reports the issuing before the title: `省委省政府印发关于…的实施意见` (the title starts at 关于). */
export const HEADLINE_ISSUED = /^(?:中共)?[\u4e00-\u9fff、]{2,30}?(?:联合)?印发了?(?=关于)/;
/** `省委、省政府` without the place's name: written out with the plan's own place. */
export const SELF_JOINT = /^(?:中共)?([省市县区])委[、,，和]?\s*\1?(?:人民)?政府$/;
/** `市政府`, `县人民政府办公室` without the place's name: written out with the plan's own place, when of that level. */
export const SELF_GOVERNMENT = /^([省市县区])(?:人民)?政府(办公[室厅])?$/;
/** `X市委、市政府` → `中共X市委 X市人民政府` (the genre's full forms). */
export const SHORT_JOINT = /^(?:中共)?([\u4e00-\u9fff]{2,8}?)([省市县区])委[、,，和]\s*(?:\1)?\2?政府$/;

/** A plan's own title ends with one of these genre nouns (after draft labels and period are taken off). */
export const TITLE_END = /(?:实施方案|方案|实施意见|意见|规划|纲要|行动计划|计划|办法|措施|决定|工作要点)$/;
/**
 * The notice that issues a plan (`关于印发《X》的通知`) or forwards one (`关于转发X的通知`, a county putting its city's
 * plan in force): group 1 is the plan's title, or the forwarded notice (`…关于印发X的通知`) to read again.
 */
export const NOTICE_OF_PLAN = /关于(?:印发|转发)《?(.+?)》?的?通知$/;
/**
 * Page widgets and labels glued to the end of a title line (`【字号:大 中 小】`, `[打印]`, and `(附件)` on the page of a
 * notice's attachment: the title is the notice's).
 */
export const TITLE_WIDGET = /\s*(?:【[^】]*(?:字号|字体|打印|关闭)[^】]*】|\[\s*(?:打印|关闭)\s*\]|\(\s*(?:附件|全文)\s*\d{0,2}\s*\))\s*$/;
/** Labels and widgets glued around a title. */
export const TITLE_NOISE_BEFORE = /^(?:行政规范性文件\s*【[^】]{1,4}】|【[^】]{1,6}】|\[[^\]]{1,6}\]|[•·●]\s*|[^\s:：。]{1,8}[:：](?=[\u4e00-\u9fff]))+/;
/** Draft labels after a title: `(征求意见稿)`, `(送审稿)`, `(草案)`. */
export const DRAFT_LABEL = /\((?:征求意见稿|送审稿|草案|讨论稿|修订稿|试行稿|代拟稿)\)$/;
/** A title's period on its own or glued: `(2023-2027年)`, `(2011—2015年)`. */
export const TITLE_PERIOD = /^\(\d{4}\s*[-—~至]\s*\d{4}\s*年?\)$/;

/**
 * The period inside a plan's title (`…行动方案（2023—2027年）`): its first year stands for the year the plan was made
 * when the page gives no date or number, so a `2022年,…` review before the goals is read as history.
 */
export const TITLE_PERIOD_START = /[(（]\s*(\d{4})\s*[-—–~至]\s*\d{4}\s*年?\s*[)）]/;

/** Words before 《…》 that make it a cited document, not this one. */
export const CITED_BEFORE = /(?:根据|依据|按照|贯彻|落实|对照|参照|学习|结合|对接|衔接|围绕|紧扣|纳入|关于)[^《》。]{0,16}$/;
/** Words around 《…》 that make it the document being reported (`印发《…》`, `《…》发布`, `《…》(以下简称`). */
export const ISSUED_BEFORE = /(?:印发了?|印發了?|出台了?|发布了?|制定了?|起草了?|形成|审议通过了?|编制了?|解读了?)\s*$/;
export const ISSUED_AFTER = /^\s*(?:日前|近日|已经?|于近日)?\s*(?:\(以下简称|发布|出台|印发|正式|提出|明确)/;
/** National documents every local plan cites; never a local plan's own title. */
export const NATIONAL_TITLES = /^(?:质量强国建设纲要|质量发展纲要\(2011[-—]2020年\)|中共中央、?国务院关于开展质量提升行动的指导意见)$/;

/** The plan's own level in its words: 我省/全省 (a province), 我市/本市/全市, 我区/全区, 我县/全县. */
export const SELF_LEVEL: ReadonlyArray<readonly [RegExp, 'province' | 'city' | 'district' | 'county']> = [
  [/[我本全]省/g, 'province'],
  [/[我本全]市/g, 'city'],
  [/[我本全]区/g, 'district'],
  [/[我本全]县/g, 'county'],
];
/** `结合襄阳实际`, `襄阳篇章`: a place written without its suffix in the genre's set phrases. */
export const PLACE_STEM_PHRASES = /结合([\u4e00-\u9fff]{2,5}?)实际|([\u4e00-\u9fff]{2,4}?)篇章|(?:现代化|美好|新)([\u4e00-\u9fff]{2,3}?)(?:提供|奠定|建设)/g;
/**
 * A place-shaped name in an issuer or title that is not in the division table: a unit renamed before 2023 (a 县级市
 * that became a 区), a new zone, a name spelt otherwise. Kept as written, its level read from its suffix, its parent
 * the known place before it (`某市某县人民政府`) or the one the text names most; reported.
 */
export const SHAPED = /^([\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|区|县|旗|市))(?=人民政府|政府|[市区县]?委|管委会|关于|质量|建设|创建|实施|开展|贯彻|深化|加快|推进|全面|高质量)/;
/** Words that open or fill a place-shaped token without being a name (`自治区`, `全市`, `关于…`). */
export const NOT_A_NAME = /^(?:委|政府|人民|关于|中共|印发)|质量|建设|[年月日]|^(?:自治|全|本|我|该|辖|市|城|新|开发|高新|经济)(?:区|县|市|州|旗)$|^.(?:区|县|市|旗)$/;
/** The characters of a document number's kind (`某政发`, `某府办函`, `某政令`): a damaged number must hold one. */
export const DOC_NUMBER_KIND = /[发字函办令]/;
/** A whole document number (`某政办发〔2023〕12号`): on a line of its own it is the number, never a wrapped line's tail. */
export const DOC_NUMBER = /^([\u4e00-\u9fff]{1,12})[〔[(【]\s*(\d{4})\s*[〕\])】]\s*(\d{1,4})\s*号$/;
/** Level suffixes a place stem is tried with (`结合襄阳实际` → 襄阳市), in this order. */
export const STEM_SUFFIXES: readonly string[] = ['省', '市', '县', '区'];
/** How the name of a zone ends. */
export const ZONE_END = /(?:经济技术开发区|高新技术产业开发区|开发区|高新区|经开区|新区|示范区|自贸区|试验区|合作区|保税区|工业园区)$/;
/** Suffixes a zone's leading stem is tried with for its city (`西安高新区` → 西安市, `长沙经开区` → 长沙市). */
export const ZONE_PARENT_SUFFIXES: readonly string[] = ['市', '州'];
/** How the name of a county-level unit ends (a place-shaped name's level, after {@link ZONE_END}). */
export const COUNTY_END = /(?:县|旗)$/;
/** How the name of a district ends (after {@link ZONE_END} and {@link COUNTY_END}; else a city). */
export const DISTRICT_END = /区$/;

/**
 * The title of an annual plan (`某省质量强省建设2024年工作要点`, `2014年某市质量强市建设行动计划`): its year is the
 * horizon of targets that name none (`全年新建…100项以上`). A period (`2023—2025年行动计划`) is not one year.
 */
export const ANNUAL_PLAN_TITLE = /(?<![\d—–~至到-])(\d{4})\s*年度?(?!\s*[\d—–~至到-])[^()（）]{0,30}(?:工作要点|工作计划|行动计划|工作方案|实施方案|重点工作|工作安排|工作任务)$/;

/**
 * What the notice that carries a plan of the genre says: it issues or forwards a document (`关于印发…的通知`,
 * `关于转发…`) or is about quality itself. A `关于进一步加强安全生产工作的通知` printed before the text is another
 * notice: a sidebar of related documents on a page saved as PDF.
 */
export const NOTICE_SUBJECT = /印发|转发|质量/;


/** A seal note between a signature and its date (`（某市市场监督管理局代章）`: the bureau that stamps for an office). */
export const SEAL_NOTE = /^\([^()]{2,40}代章\)$/;
