/**
 * Words that name page chrome on government web pages, read by src/adapters/html-body.ts to drop menus, footers
 * and share widgets around the article, and the title words that keep a region even when its class says chrome.
 */

/** Class/id words of chrome regions (hints only: used outside the body, and only on text that does not look like a title). */
export const CHROME_CLASS_WORDS = /^(?:nav|navs|navbar|nav\d*|menu|menus|mainnav|subnav|topnav|header|head|top|topbar|banner|footer|foot|bottom|copyright|copy|share|bdshare|jiathis|breadcrumb|crumb|crumbs|location|position|path|sidebar|side|aside|toolbar|tool|tools|search|login|related|relate|links|link|friendlink|qrcode|ewm|print|close|fontsize|font)$/i;
/** Inside the article body only unmistakable widgets are dropped by name. */
export const SHARE_CLASS_WORDS = /^(?:share|bdshare|jiathis|qrcode|ewm)$/i;
/** ARIA roles of chrome regions. */
export const CHROME_ROLES = /^(?:navigation|banner|contentinfo|search|menu|menubar|complementary)$/i;
/** A title-shaped text that must survive a chrome hint (`…关于印发…的通知`, `…实施方案`). */
export const TITLE_LIKE = /关于|通知|方案|意见|规划|纲要|计划/;
/**
 * What separates the document title from the column and site names in a page's <title>
 * (`…实施方案_政策文件_某市人民政府`, `…的通知 - 某市人民政府网`, `…｜某某门户`). A bare hyphen counts only away
 * from digits: `(2023-2027年)` belongs to the title.
 */
export const TITLE_SEPARATORS = /\s*[_|｜]\s*|\s+[-—–－]+\s+|(?<!\d)-(?!\d)/;
