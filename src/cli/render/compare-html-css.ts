/**
 * The report's style sheet. Big tables live in `.box` elements that scroll on their own (both ways) with sticky
 * header rows and a sticky first column, so the page itself never scrolls sideways; the contents bar sticks to
 * the top of the window, and anchored elements leave room for it (`scroll-margin-top`).
 */
export const CSS = `
*{box-sizing:border-box}
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 24px 24px;color:#123;max-width:1400px}
#toc{position:sticky;top:0;z-index:10;background:#fff;border-bottom:1px solid #ccd;padding:8px 0;font-size:14px}
#toc a{margin-left:14px;text-decoration:none;color:#1a5fb4}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccd}
section,[id]{scroll-margin-top:48px}
table{border-collapse:separate;border-spacing:0;font-size:13px}
th,td{border-right:1px solid #dde;border-bottom:1px solid #dde;padding:3px 6px;vertical-align:top;text-align:left;background-clip:padding-box}
thead th{background:#eef1f6;position:sticky;top:0;z-index:2}
tbody th{background:#f8f9fb;font-weight:normal;position:sticky;left:0;z-index:1;white-space:nowrap}
td.num{text-align:right}
.box{overflow:auto;max-height:70vh;max-width:100%;border:1px solid #ccd;margin:8px 0}
.list-box{max-height:50vh}
a{color:inherit}td a{margin-right:4px}.muted{color:#667;font-size:12px}.legend{margin:4px 0}
.most{font-weight:bold;color:#0a6b2b}.least{color:#a15c00}
td.absent,span.absent{color:#b55;background:#fbeeee;text-align:center}
td.mentioned,span.mentioned{color:#8a6100;background:#fdf4d8;text-align:center}
.bar{display:inline-block;height:8px;background:#3b7;margin-right:6px;vertical-align:middle}
.matrix-box{max-height:80vh}
.matrix td{text-align:center;min-width:26px;padding:2px 3px}.matrix td a{margin:0;text-decoration:none;display:block}
.matrix tr.g th{height:24px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:12px;text-align:center;border-left:2px solid #bbc}
.matrix tr.t th{top:24px;writing-mode:vertical-rl;white-space:nowrap;height:136px;font-weight:normal;font-size:12px;padding:4px 2px;vertical-align:bottom}
.matrix th.corner{left:0;z-index:3;vertical-align:bottom}
.matrix .h1{background:#d3f0dc}.matrix .h2{background:#a9e0bb}.matrix .h3{background:#72c993}.matrix .h4{background:#3fa86a;color:#fff}.matrix .h5{background:#1f7a47;color:#fff}
#agency-table td.n{text-align:right}
.grid thead th{white-space:nowrap}#gap-table th,#gap-table td{min-width:7em}#gap-table td:nth-child(3){min-width:16em}
.matrix tr.sum td{background:#f3f4f7;color:#445;font-size:11px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:10px;align-items:start}
.card{margin:0;border:1px solid #dde;padding:6px 8px;border-radius:4px}.card:target{border-color:#3b7}
.card figcaption{font-size:13px;margin-bottom:4px}.card p{margin:2px 0}
.chart{display:block;max-width:100%;height:auto;font-size:11px}.chart .lb,.chart .val{fill:#234}.chart .ax{fill:#667;font-size:10px}
.chart .track{stroke:#dde}.chart .dot{fill:#1a7f45}.chart .bin{fill:#3b9a63}.chart .median{stroke:#a15c00;stroke-width:1.5}
.chart a:hover .dot{fill:#0b4}
details{margin:6px 0}summary{cursor:pointer}
details.plan{border-top:1px solid #eef}details.plan>summary{padding:4px 0}details.plan[open]>summary{background:#f3fbf5}
table.cover{margin:6px 0}table.cover th{position:static}tr:target td{background:#e6f6ec}
article{border-left:3px solid #ccd;padding:2px 10px;margin:10px 0}article:target{border-color:#3b7;background:#f3fbf5}
article h4{margin:4px 0;font-size:14px}article p{margin:4px 0;font-size:13px;line-height:1.6}
.src{font-family:monospace;font-size:12px;color:#557}
@media print{a{text-decoration:none}#toc{position:static}.box{max-height:none;overflow:visible}}`;
