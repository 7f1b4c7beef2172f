/** The page's stylesheet (inline; system fonts only, so nothing is fetched). */
export const CSS = `
:root{--fg:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#fff;--card:#f8fafc;--bad:#b91c1c;--good:#15803d;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px 28px 64px}
h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
.sub{color:var(--muted);margin:0 0 18px}.muted{color:var(--muted)}.neg{color:var(--bad)}.pos{color:var(--good)}
.live{background:#ecfeff;border:1px solid #a5f3fc;border-radius:6px;padding:6px 10px;margin:0 0 14px;color:#155e75}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 16px;font-size:13px}nav.toc a{color:var(--accent);text-decoration:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card h3{margin:0 0 4px;font-size:13px;font-weight:600}.card h3 .scale{display:block;font-weight:400;color:var(--muted);font-size:12px}
.card .trend,.card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
.card .delta{font-size:14px;font-weight:600}.card .sub{font-size:12px;margin:2px 0 0}
.controls{display:flex;align-items:center;gap:10px;margin:-4px 0 12px;color:var(--muted);font-size:13px}
.controls input{width:200px}.controls output{font-variant-numeric:tabular-nums;color:var(--fg);min-width:2.5em}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:14px}
section{scroll-margin-top:8px}
.panel{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px 6px}
.panel.wide{grid-column:1/-1}
.panel figcaption b{font-size:14px}.panel .caption{display:block;color:var(--muted);font-size:12px}
.legend{list-style:none;margin:6px 0 2px;padding:0;display:flex;flex-wrap:wrap;gap:2px 14px;font-size:12px}
.legend li{display:flex;align-items:center;gap:5px}
.swatch{display:inline-block;width:18px;height:0;border-top:2.5px solid var(--c)}
.swatch.dashed{border-top-style:dashed}
.swatch.lane{width:10px;height:10px;border:0;background:var(--c)}
.chart{width:100%;height:auto;display:block}
.chart .grid{stroke:var(--line)}.chart .zero{stroke:#94a3b8;stroke-dasharray:2 3}
.chart .tick,.chart .lane-label{font-size:10.5px;fill:var(--muted)}.chart .axis{font-size:11px;fill:var(--muted)}
.chart .lane-bg{fill:#f1f5f9}
.chart path{fill:none;stroke-width:2;stroke-linejoin:round}
.chart path.raw{stroke-width:1.2;opacity:0}body.smoothed .chart path.raw{opacity:.28}body.smoothed .chart circle.raw-dot{opacity:.4}
.missing{margin:10px 0 0;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.err{color:var(--bad);font-size:12px}
code{font-size:12px;background:#f1f5f9;padding:0 4px;border-radius:3px}code.changed{background:#fef3c7}
.tag{display:inline-block;padding:0 6px;border-radius:4px;background:#eef2ff;color:#3730a3;font-size:12px;margin:1px 4px 1px 0}
details>summary{cursor:pointer;color:var(--accent)}
.episodes{display:flex;flex-direction:column;gap:12px}
.episode{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
.episode header .reward{display:inline-block;min-width:52px;font-weight:700;font-size:16px;font-variant-numeric:tabular-nums}
.episode header .task{font-weight:600;margin-right:4px}.episode .id{font-size:11px}
.conversation{margin-top:6px}.no-messages{margin:4px 0 0;font-size:13px}.conversation>summary{margin-bottom:6px}
.msg{display:grid;grid-template-columns:110px 1fr;gap:10px;padding:6px 0;border-top:1px solid #f1f5f9}
.msg .who{font-size:11px;font-weight:700;text-transform:uppercase;color:var(--muted);padding-top:2px;overflow-wrap:anywhere}
.msg .who .name{display:block;text-transform:none;font-weight:600}.msg .body{min-width:0}.msg .text{white-space:pre-wrap;overflow-wrap:anywhere}
.msg.role-user .who{color:#15803d}.msg.role-assistant .who{color:#1d4ed8}.msg.role-tool .who{color:#7e22ce}
.reasoning{font-style:italic;color:#475569;white-space:pre-wrap;overflow-wrap:anywhere;margin-bottom:4px}
.call{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--card);padding:4px 8px;border-radius:4px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.call.failed{background:#fef2f2}.call .fn{font-weight:700}
.folded{color:var(--muted);font-style:italic;padding:6px 0;text-align:center;border-top:1px dashed var(--line)}
.glossary dt{font-weight:600;margin-top:10px}.glossary dd{margin:2px 0 0 0;color:#334155;max-width:900px}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media (max-width:900px){.charts{grid-template-columns:1fr}.msg{grid-template-columns:1fr}}
@media print{details{display:block}.controls{display:none}}`;
