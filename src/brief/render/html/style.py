"""The one stylesheet every HTML document carries inline: light and dark, screen and print.

Every cue colour gives is also given in words or symbols (a claim's status is written,
a contested claim is marked ⚠), so a page reads the same in grey, printed, or to a
screen reader. No fonts, images or anything else to fetch.
"""

from __future__ import annotations

CSS = """\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfc;--muted:#5c5c5c;--rule:#d4d4d0;\
--link:#0b57a4;--warn:#8a1c1c;--mark:#fff2a8;--badge:#eef1f5}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e3;--bg:#17181a;--muted:#a3a3a0;\
--rule:#3b3d40;--link:#8cc4ff;--warn:#ff9d9d;--mark:#5a4b00;--badge:#26292e}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:1rem 1.25rem 3rem;color:var(--fg);\
background:var(--bg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;\
overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible{outline:2px solid var(--link);outline-offset:2px}
h1{font-size:1.6rem;line-height:1.25;margin:1.5rem 0 .5rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
nav.site{font-size:.9rem;border-bottom:1px solid var(--rule);padding-bottom:.4rem}
nav.site a{margin-right:1rem}
.summary{font-size:1.05rem}
.facts{color:var(--muted);font-size:.92rem}
.facts dt{display:inline;font-style:italic}
.facts dd{display:inline;margin:0 1rem 0 .25rem}
ul.points{padding-left:1.2rem}
li.claim{margin:.55rem 0}
li.claim:target,li:target{outline:2px solid var(--link);outline-offset:2px}
.status{font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;\
border:1px solid currentColor;border-radius:3px;padding:0 .3rem}
.status-disputed,.status-alleged{color:var(--warn)}
.grade{font-size:.8rem;font-weight:600;background:var(--badge);border:1px solid var(--rule);\
border-radius:3px;padding:0 .3rem;margin-left:.3rem}
.who,.detail,.muted,.grade-line,.note,.quote{color:var(--muted)}
.grade-line,.note,.quote{font-size:.92rem;margin:.1rem 0 0}
ul.related-claims{list-style:none;padding-left:.9rem;border-left:3px solid var(--rule);\
margin:.3rem 0}
ul.related-claims li{margin:.2rem 0}
.contested{color:var(--warn);font-weight:600}
sup.cites a{text-decoration:none;margin-left:.1rem}
ol.footnotes{font-size:.92rem}
ol.footnotes a.back{text-decoration:none;margin-left:.3rem}
dl.grades{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;font-size:.92rem}
dl.grades dt{font-weight:600}
dl.grades dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.25rem .4rem;text-align:left;\
vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
mark{background:var(--mark);color:inherit}
.ids{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}
.left-out{font-style:italic;color:var(--muted)}
section.pair{border-left:3px solid var(--warn);padding-left:.75rem;margin:1rem 0}
dl.edges dt{font-weight:600;margin-top:.5rem}
dl.edges dd{margin-left:1rem}
ul.edges,ul.edge-claims{padding-left:1.2rem}
ul.edge-claims{font-size:.92rem;color:var(--muted)}
table.matrix td,table.matrix th[scope=col]{text-align:center}
table.matrix td.contested{color:var(--warn)}
pre.source{overflow:auto;font-size:.85rem;border:1px solid var(--rule);padding:.5rem}
figure.graph{margin:1rem 0;overflow:auto}
figure.graph svg{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:var(--muted)}
@media print{:root{--fg:#000;--bg:#fff;--muted:#333;--link:#000;--warn:#000;--badge:#fff}\
body{max-width:none;padding:0;font-size:11pt}nav.site,a.back{display:none}\
a{text-decoration:none}h2,h3{break-after:avoid}li.claim,tr{break-inside:avoid}}
"""

#: The stylesheet's SHA-256, base64: what the Content-Security-Policy allows. Written out,
#: not computed (hashlib costs a few ms to import); tests/test_html.py checks it.
CSS_SHA256 = "Wpu98o3572I7G0P3WGS7V6dal59wIj26I8EiGGtQSWk="
