/**
 * The outline vocabulary of the genre: how chapters, groups, tasks, safeguards, 专栏 boxes and attachments
 * are printed, which chapter titles mean goals or safeguards, and what page chrome looks like.
 * All patterns run on the normalized text (full-width folded to ASCII, ― to —).
 */

const ZH = '一二三四五六七八九十百零〇两';

/** `一、总体要求` (also `【一】总体要求`, `第一章 总体要求`, `第一部分`). */
export const CHAPTER = new RegExp(`^(?:【?([${ZH}]{1,4})(?:(?<!【[${ZH}]{1,4})\\s*[、.]|(?<=【[${ZH}]{1,4})】)|第([${ZH}]{1,4})(?:章|部分)[\\s:]*)\\s*(.*)$`);
/** `1.`, `（一）`, `二、` as printed (full or half width). */
const PRINTED_MARK = `\\d{1,3}\\s*[.．、]|[（(]\\s*(?:\\d{1,3}|[${ZH}]{1,4})\\s*[)）]|[${ZH}]{1,4}\\s*[、.．]`;
/** An item mark alone on its line, in the printed text: its item's text is on the next line. */
export const LONE_MARK = new RegExp(`^\\s*(?:${PRINTED_MARK})\\s*$`);
/** A 专栏 box's number alone in its cell (`专栏1`), its title set apart after it. */
export const LONE_BOX_MARK = /^\s*专栏\s*[\d一二三四五六七八九十]{1,3}\s*$/;
/** A line that opens with an outline mark of its own, in the printed text: never the text of a lone mark before it. */
export const MARK_OPENING = new RegExp(`^\\s*(?:${PRINTED_MARK}|第[${ZH}]{1,4}[章节条部分])`);
/** `第一条 鼓励企业争创政府质量奖。…`: an article of a 若干措施 or 办法. */
export const ARTICLE = new RegExp(`^第([${ZH}]{1,4})条[\\s:：]*(.*)$`);
/** What follows `第一部分` in a sentence about the plan (`第一部分是工作目标。…`), never in its heading. */
export const DI_SENTENCE = /^[是为的共]|。./;
/** …the part of it an article's heading shows (`第一条 鼓励…。对…` runs on in its own sentences). */
export const DI_SENTENCE_START = /^[是为的共]/;
/**
 * The caption of a table in the body, outside any 专栏: `表1 质量强县建设主要指标`, `质量强市建设主要指标`,
 * `主要指标如下:` (a short line; whether the table under it holds targets is for its header to say).
 */
export const TABLE_CAPTION = /^(?:附?表\s*\d+\s*[:：.、]?\s*\S.{0,38}|[^。,，;；]{0,30}指标(?:体系|表|一览表)?(?:如下)?\s*[:：]?)$/;
/**
 * An outline mark inside a run-on paragraph, after a space (`… 二、重点任务 （一）提升…`): where a page that lost its
 * line breaks is cut back into blocks (also at `一是…` items). Group 1 is the chapter numeral, when the mark is a
 * chapter's.
 */
export const RUN_ON_MARK = /(?<=[\s\u3000])(?:([一二三四五六七八九十]{1,3})、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d.．])|[（(]\d{1,2}[)）]|——|专栏\s*[\d一二三四五六七八九十]|[一二三四五六七八九十]是(?=[\u4e00-\u9fff]))/g;
/**
 * How a paragraph that holds one part of the outline opens (`一、总体要求 （一）…。 （二）…。`, `（二）提升服务品质 4.… 5.…`,
 * `专栏1 … 1.… 2.…`): a chapter, section, group, item or 专栏 mark at its very start. Cut at the marks after spaces in it.
 */
export const RUN_ON_OPENING = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d.．])|专栏\s*[\d一二三四五六七八九十])/;
/**
 * An outline mark in a paragraph glued together without any space (a scraper that joined the page's paragraphs with
 * nothing between them: `…制定本方案。一、总体要求（一）指导思想。…`). Group 1 is a chapter's numeral, group 2 a
 * group's, group 3 an item's number, group 4 a 专栏's, group 5 a bullet dash, group 6 a `一是` point's numeral; which of
 * them are real lines is decided by their order (run-on-glued.ts).
 */
export const GLUED_MARK = /([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）]|(?<![\d.．])(\d{1,2})[.．、](?![\d.．])|专栏\s*(\d{1,2}|[一二三四五六七八九十]{1,3})|(——|――)|([一二三四五六七八九十])是(?=[\u4e00-\u9fff])/g;
/** What ends the line before a glued chapter or item mark: a sentence, a unit note (its bracket, or its 等 when the bracket was lost), a quote. */
/** A paragraph that opens with an item `5.` (group 1: its number) or a group `（二）`: it may hold items glued on. */
export const GLUED_ITEM_OPENING = /^(?:([\d０-９]{1,2})[.．](?![\d０-９.．])|[（(][一二三四五六七八九十]{1,3}[)）])/;
/** An item mark `6.` before Han text, not part of a number (the text is not folded yet: full-width digits too). */
export const GLUED_ITEM = /(?<![\d０-９.．])([\d０-９]{1,2})[.．](?![\d０-９.．])(?=[\u4e00-\u9fff])/g;
/** What a glued item follows: the end of a sentence or of a unit note (never `；`, which parts a task's points). */
export const GLUED_ITEM_AFTER = /[。！？）)]/;
/** What follows a glued item's mark: its title, a short sentence with no comma or colon. */
export const GLUED_ITEM_TITLE = /^[^。；;，,：:（()）]{2,40}。/;
export const GLUED_LINE_END = /[。；;！!？?）)”等]$/;
/**
 * A glued chapter's title and the first sentence run on after it (`一、总体要求到2025年，…`, `主要目标以…`): the title
 * ends where a sentence's opening (a goal year, 以习近平…, 为深入…) starts.
 */
export const GLUED_CHAPTER_TITLE = /^[^。，,；;：:（(]{2,15}?(?=(?:到|至)?20\d{2}年|以习近平|为(?:深入|全面|进一步|加快|贯彻))/;
/** In a glued notice head: the public-release mark (`（此件公开发布）`), a line of its own. */
export const GLUED_RELEASE = /[（(]此件[^）)]{2,10}[）)]/g;
/**
 * What an issuing body's name ends with, with the traditional forms: the adapters (a hard-wrapped DOCX or PDF, a
 * glued head) see the text before it is folded. A 盟 or 地区 is governed by a 行政公署.
 */
const ISSUER_SUFFIXES = ['人民政府', '人民政府办公室', '人民政府办公厅', '政府', '委员会', '办公室', '办公厅', '管委会', '工委', '领导小组', '行政公署',
  '辦公室', '辦公廳', '委員會', '管委會', '領導小組'];
const ISSUER_SUFFIX = ISSUER_SUFFIXES.join('|');
/** In a glued notice head: a signature and its date before the release mark (`某市人民政府2023年12月1日`, `…2023121`). */
export const GLUED_SIGNATURE = new RegExp(`(?:${ISSUER_SUFFIX})(?=(?:\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{6,8})$)`);
/** In a glued notice head: the notice title's end (`…的通知`) before the addressees, and the addressees' colon. */
export const GLUED_NOTICE_END = /的通知(?=[^》”"）)，,。：:])/g;
export const GLUED_ADDRESSEE = /^[^。；;：:]{0,60}?(?:各|有关)[^。；;：:]{1,120}?[：:]/;
/** A glued plan title and the preamble after it (`某市质量强市建设实施方案为深入贯彻…`): the preamble's first words. */
export const GLUED_TITLE = /^[^。，,；;：:《》]{4,60}?(?:实施方案|实施意见|行动方案|行动计划|方案|计划)(?:[（(][^）)]{2,20}[）)])?(?=为|根据|按照|近年来|现将|各)/;
/** A chapter mark opening a run-on paragraph's part (`一、`). */
export const RUN_ON_CHAPTER = /^[一二三四五六七八九十]{1,3}、/;
/** A chapter's title before a space: 2 to 15 characters with no sentence or clause mark (`主要目标 `). */
export const RUN_ON_CHAPTER_TITLE = /^[^\s\u3000，。；：,.;:！？!?、]{2,15}[\s\u3000]+/;
/**
 * The head lines of a plan inside a run-on paragraph, each a whole token between spaces (or the paragraph's ends):
 * page chrome (`首页 > 正文`, `【字体:大 中 小】`), a document number (`某政办发〔2023〕15号`), a date
 * (`(2023年6月12日)`), a plan's period (`(2023—2027年)`), `(此件公开发布)`. Cut before and after each.
 */
export const RUN_ON_TOKEN = /(?<=^|[\s\u3000])(?:(?:网站)?首页(?:\s*[>＞›»]\s*[^\s>＞›»]+)+|【字体[:：]?\s*大\s*中\s*小\s*】|[\u4e00-\u9fff]{1,10}[〔［\[(（]\d{4}[〕］\])）]\d{1,4}[号號]|[(（]?\d{4}年\d{1,2}月\d{1,2}日[)）]?|[(（]\d{4}\s*[-—–~至－]+\s*\d{4}年?[)）]|[(（]此件[^\s)）]{2,10}[)）])(?=$|[\s\u3000])/g;
/**
 * A notice's or a plan's title as a whole token (`…的通知`, `…实施方案`, `…意见(某政发〔2012〕27号)`): a head line in a
 * run-on paragraph.
 */
export const RUN_ON_TITLE = /(?<=^|[\s\u3000])[^\s\u3000。,，;；:：《》]{4,100}?(?:的通知(?:[(（][^\s)）]{2,30}[)）])?|实施方案|方案|实施意见|意见|规划|纲要|行动计划|计划)(?:[(（][^\s\u3000]{2,30}?[号號][)）])?(?=$|[\s\u3000])/g;
/** A party committee before a space, the first of two joint issuers printed on the title's line (`中共某市委 某市人民政府关于…`). */
export const RUN_ON_PARTY = /(?:^|[\s\u3000])中共[\u4e00-\u9fff]{1,20}委[\s\u3000]+$/;
/** The addressee as a whole token (`各区县人民政府,市政府各部门:`), ending in a colon. */
export const RUN_ON_ADDRESSEE = /(?<=^|[\s\u3000])[^\s\u3000。;；:：]{0,30}?(?:各|有关)[^\s\u3000。;；]{1,150}?[:：](?=$|[\s\u3000])/g;
/** A signature before its date (`某市人民政府办公室 2023年6月12日`, also in traditional script): cut before the issuer. */
export const RUN_ON_SIGNATURE = new RegExp(`(?<=^|[\\s\\u3000])(?:中共)?[\\u4e00-\\u9fff]{2,24}(?:${ISSUER_SUFFIX})(?=[\\s\\u3000]+\\d{4}年\\d{1,2}月\\d{1,2}日(?:$|[\\s\\u3000]))`, 'g');
/** A page's metadata label after a space (`发布时间:`, `来源:`, `索引号:`): a new line starts there. */
export const RUN_ON_LABEL = /(?<=[\s\u3000])(?:[[【]\s*)?(?:索\s*引\s*号|发布时间|发布日期|发文日期|成文日期|添加时间|更新时间|来源|信息来源|新闻来源|文章来源|发文字号|主题分类|发布机构|浏览次数|查看次数|核心提示)\s*[\]】]?\s*[:：]/g;
/** `附件1`, `附件` as a token of its own after a space. */
export const RUN_ON_ANNEX = /(?<=[\s\u3000])附件\s*\d{0,2}(?=[\s\u3000]|$)/g;
/** The heading of a table of contents: `目录`, `目 录`. */
export const TOC_HEAD = /^目\s*录$/;
/** A table-of-contents entry anywhere: a title, a leader of dots (`……`, `....`, `···`) and a page number. */
export const TOC_ENTRY = /(?:(?:\.\s?){3,}|(?:[…⋯]\s?){2,}|(?:[·•]\s?){3,}|-{4,}|_{4,})\s*\d{1,4}$/;
/** Inside a 目录 block an entry may end in a bare page number after a space or the title (`(一)发展成效2`). */
export const TOC_PAGE = /(?:\.{2,}|[…⋯]|·{2,}|\s)\s*\d{1,4}$|[\u4e00-\u9fff)）]\d{1,3}$/;
/** `(一)…` — a group heading, or an item where chapter one already used (一)(二) (e.g. `(三)`…`(二十八)` after a goals chapter with `(一)(二)`). */
/** `第一节 …`: a 规划's second level under its `第一章` chapters. */
export const DI_SECTION = new RegExp(`^第([${ZH}]{1,4})节[\\s:]*\\s*(.*)$`);
export const PAREN = new RegExp(`^\\(\\s*([${ZH}]{1,4})\\s*\\)\\s*(.*)$`);
/** `1.` / `1．` / `1、` / `1. ` — not a decimal (`3.8%`) and not a year (`2025年`). */
export const ARABIC = /^(\d{1,3})\s*(?:[.、](?!\d)|\s(?=[\u4e00-\u9fff]))\s*(.*)$/;
/** `(1)` numbering below tasks — kept as body text. */
export const PAREN_ARABIC = /^\((\d{1,3})\)\s*(.*)$/;
/** A third-level item: `(1)`, `1)`, `①` (read as a task only where no `1.` or `(一)` task holds it). */
export const SUBITEM = /^(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\)|([\u2460-\u2473]))\s*(.*)$/;
/** `一是强化组织领导。…` — safeguards in some city opinions, and some task lists. */
export const YISHI = new RegExp(`^([${ZH}]{1,3})是\\s*(.*)$`);
/** A later `二是` / `三是` after a sentence mark: a paragraph that runs several `一是` points together. */
export const YISHI_RUN = /[。；;，,]\s*[二三四五六七八九十]是/;
/** `——item`, `――item`, `—item`, `-- item`, `•`. */
export const BULLET = /^(?:—{1,2}|-{2}|•|·|●|■|◆)\s*(.*)$/;
/** `专栏1 产业质量竞争力提升工程`, `专栏一：…`, `【专栏1】…`. */
export const COLUMN = new RegExp(`^(?:专栏\\s*(\\d+|[${ZH}]+)|【\\s*专栏\\s*(\\d+|[${ZH}]+)\\s*】)\\s*[:：.、]?\\s*(.*)$`);
/** `附件:1.…` (the list of attachments) and `附件1` (an attachment itself). */
export const ATTACHMENT = /^附\s*件\s*(\d*)\s*[:：.]?\s*(.*)$/;
/**
 * Every character the heads above (ATTACHMENT, COLUMN, CHAPTER, PAREN, PAREN_ARABIC, ARABIC, YISHI, BULLET) can
 * start with: a line starting otherwise is no head, and is not tried against each of them.
 */
export const HEAD_START = `附专第(【${ZH}0123456789—-•·●■◆①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳`;

/** Chapter roles by title. Checked in this order; a chapter matching none holds tasks. */
export const CHAPTER_ROLES: Array<{ role: 'goals' | 'safeguards' | 'preamble'; pattern: RegExp }> = [
  { role: 'goals', pattern: /总体要求|指导思想|目标|基本原则|总体思路|整体思路|发展思路|工作原则|总体部署/ },
  { role: 'safeguards', pattern: /保障措施|组织保障|保障体系|实施保障|工作保障|保障机制|组织实施|组织领导|工作要求|实施步骤/ },
  { role: 'preamble', pattern: /基础与|发展基础|现状|形势|背景|重要意义|重要性|紧迫性|必要性|面临|回顾|起草过程|主要内容|^(?:总则|附则)$|^(?:现实基础|发展环境|发展成效|发展趋势|发展机遇|机遇与挑战|存在(?:的)?问题)[。.]?$/ },
];

/**
 * A chapter title that opens with a verb of doing (`夯实质量发展基础`, `筑牢质量安全基础`) holds tasks even where it names
 * a preamble's topic (发展基础): a background chapter is named by a noun (`发展基础与形势`).
 */
export const ACTION_TITLE = /^(?:夯实|筑牢|打牢|厚植|巩固|强化|加强|完善|提升|健全|构建|优化|筑实|做实)/;

/** Chrome of government CMS pages: a line matching this is never content (and ends the body when after it). */
export const CHROME = new RegExp([
  '^(?:首页|网站首页)(?:\\s|>|$)', '您(?:的|所在)?(?:当前)?位置', '当前位置', '语音播报', '语音合成中', '进入播报模式', '退出播报模式',
  '^分享到', '扫一扫', '请进行滑动验证', '^文件下载', '^【?打印(?:本页|文章)?】?$', '^【?关闭(?:窗口)?】?$', '^(?:[【\\[]?\\s*(?:打印本页|打印|关闭窗口|关闭|收藏|返回顶部)\\s*[】\\]]?\\s*){1,4}$',
  '^(?:上一篇|下一篇)', '^相关(?:文章|链接|阅读)', '^字号[:：]', '^【字体', '^浏览次数', '^访问量', '^服务热线',
  '版权所有', 'ICP备', '公网安备', '网站标识码', '^主办单位', '^承办单位', '^技术支持', '^x$',
].join('|'));

/** The notice wrapper: `…人民政府关于印发…的通知`. */
export const NOTICE_TITLE = /关于印发.*(?:的)?通知$|关于.*的通知$/;
/** {@link NOTICE_TITLE} in either script, for the adapters, which see the text before it is folded (`…關於印發…的通知`). */
export const NOTICE_TITLE_EITHER = /(?:关于|關於).*通知$/;
/** A plan's own title ends with one of these genre nouns. */
export const PLAN_TITLE_END = /(?:实施方案|方案|实施意见|意见|规划|纲要|行动计划|计划|办法|措施)$/;
/** Signature line of an issuing body. */
export const ISSUER_LINE = new RegExp(`^(?:中共)?[\\u4e00-\\u9fff]{2,24}(?:${ISSUER_SUFFIX})$`);
/** The longest line ISSUER_LINE can match (中共, 24 characters, the longest suffix): longer lines need no test. */
export const ISSUER_LINE_MAX = 2 + 24 + Math.max(...ISSUER_SUFFIXES.map((w) => w.length));
/** Whether a line is an issuing body alone ({@link ISSUER_LINE}, tried only up to its longest length). */
export const isIssuerLine = (t: string): boolean => t.length <= ISSUER_LINE_MAX && ISSUER_LINE.test(t);
/**
 * A line of a document's imprint (版记) under its last safeguard: `抄送:…` (also 主送/抄报/分送) and the printing line
 * `某市人民政府办公室 2023年9月18日印发`. The body ends there.
 */
export const IMPRINT_LINE = /^(?:抄\s*送|抄\s*报|主\s*送|分\s*送)\s*[:：]|^[^。;；]{0,40}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/;
/** `(此件公开发布)` and friends. */
export const PUBLICATION_NOTE = /^\(此件.*\)$|^\(此件/;
/** A page's metadata or byline line (`发布时间:2023-08-09 08:28 信息来源:…`, `索引号 : …`): never a sentence. */
export const META_LABEL_LINE = /^(?:[-•·]\s*)?[[【]?\s*(?:索\s*引\s*号|发布时间|发布日期|发表于|发文日期|成文日期|添加时间|更新时间|来源|信息来源|新闻来源|文\s*号|发文字号|主题分类|发布机构|发文单位|有效性|效力状态|浏览次数|查看次数|作者|责任编辑|编辑)\s*[\]】]?\s*[:：]/;

/**
 * A heading (Markdown `##`) that prints its own place in the outline: `一、`, `第一章`, `（一）`, `1.`. A heading level
 * where one of these appears is read by its printed numbers, not by its depth. Run on the block's source text.
 */
export const HEADING_NUMBERED = /^(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+\s*[章部分]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|[0-9０-９]+\s*[.．、])/;
/** A heading that prints a chapter number (`一、`, `第一章`): its level holds the chapters. */
export const HEADING_CHAPTER = /^(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+\s*[章部分])/;
/** Headings outside the chapter outline (附件, 专栏), whatever their depth. */
export const HEADING_OUTSIDE = /^(?:附\s*件|专栏|專欄)/;
/**
 * A heading that is a document's title, not a chapter (`# 关于印发《…》的通知`, `# 某县…建设实施方案（2023—2025年）`):
 * a note may set the notice and the plan title both as `#`, and they are no level of the outline.
 */
export const HEADING_TITLE = /关于.{2,}的?通知$|(?:实施方案|工作方案|行动方案|行动计划|实施意见|工作要点)\s*(?:[（(][^）)]{4,16}[）)])?$/;

/**
 * What starts a new paragraph, never the rest of a wrapped line: chapter, group and item numbers, bullets, 专栏 and
 * 附件 (read by the hard-wrap joiners of pdftotext text and PDF lines).
 */
export const PARAGRAPH_START = /^(?:[•·▪●■◆]|-\s+(?=[^\d\s])|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百零〇\d]{1,4}[)）]|\d{1,3}[.．、](?!\d)|[①-⑳]|——|―|第[一二三四五六七八九十百\d]+[章节条]|专栏|附件)/;

/**
 * A site's breadcrumb (`首页 > 政务公开 > 政府文件`, `某市人民政府门户网站 > 信息公开 > 政策文件`, `首页>>规划信息>>正文`): two
 * or more short steps parted by `>`. A whole line of page chrome, never the start of a sentence that goes on.
 */
export const BREADCRUMB_LINE = /^[^>＞›»。；;，,]{1,30}(?:\s*(?:>{1,2}|＞|›|»)\s*[^>＞›»。；;，,]{0,30}){2,}$/;
/** The addressees of a notice on a line of their own (`各区县人民政府，市政府各部门：`): the letter starts below. */
export const ADDRESSEE_LINE = /^(?:各|有关)[^。；;]{1,150}[:：]$/;
/**
 * A manual line break (a DOCX `w:br`) inside a number: the line before ends in digits written against a word
 * (`不低于9`, `〔20`) or in a document number's year (`某政发〔2023〕`), and the next goes on with digits not parted from
 * what follows them, or with the number's unit (`6%以上`, `23〕5号`, `56号`, `月18日`). A table row typed with spaces
 * (`… ≥95` / `2 农产品…`) is no such break.
 */
export const NUMBER_BREAK_BEFORE = /(?:^|[^\sA-Za-z0-9.．])\d+(?:[.．]\d*)?$|[〔［\[]\d{4}[〕］\]]$/;
export const NUMBER_BREAK_AFTER = /^(?:\d+(?:[.．]\d+)?(?=[^\s\d.．]|$)|[%％‰年月日号號〕］\]])/;
/** A line that is only a document number (`某政办发〔2024〕7号`): it stands under a notice title, never continues one. */
export const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,12}[〔［\[(（]\d{4}[〕］\])）]\s*\d{1,4}\s*[号號]$/;

/**
 * A title a page broke over two lines (centred, so neither line is full): the first line says what it is about
 * (`关于…`) or opens a 《 it does not close, and does not yet end in a genre noun; the second does.
 */
export const TITLE_HEAD = /关于|《[^》]*$/;
export const TITLE_TAIL = /(?:实施方案|方案|实施意见|意见|规划|纲要|行动计划|计划|办法|措施|通知)(?:[(（][^()（）]{2,24}[)）])?$/;
