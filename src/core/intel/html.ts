import type { CompanyReport, SourcedValue } from './domain';
import { OVERVIEW_FIELDS } from './domain';

/** Control, line/paragraph separator and format characters (bidi overrides, zero-width): never shown. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** The only link targets a page's URL may become; a `file://` document of the research library stays text. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Web text as HTML text: every character shown as written, none of it markup. */
function text(value: string): string {
  return value.replace(INVISIBLE, ' ').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A source's URL: a link when it is http(s) or mailto, else plain text. */
function url(value: string): string {
  return SAFE_LINK.test(value) ? `<a href="${text(value)}">${text(value)}</a>` : text(value);
}

/** On screen a reading column; on paper (the app's PDF export) A4 with margins, headings kept with what follows. */
const PAPER_STYLE = `body{font:11pt/1.45 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
sup a{text-decoration:none}ol.sources{font-size:.9em;word-break:break-all}.note{color:#555;font-style:italic}
@page{size:A4;margin:18mm 16mm 20mm}
@media print{a{color:#111;text-decoration:none}body{margin:0;padding:0;max-width:none;font-size:10.5pt}
h1,h2{break-after:avoid}li{break-inside:avoid}ol.sources li{margin-bottom:.35em}}`;

/**
 * The report as one self-contained HTML page laid out for reading and printing: the same sections as the
 * Markdown, each claim citing numbered sources, and the sources as numbered endnotes with their URLs.
 * Every value is web text and is escaped; the page has no script and loads nothing.
 */
export function reportToHtml(report: CompanyReport): string {
  const cite = (urls: string[]) =>
    urls
      .map((u) => report.sources.find((s) => s.url === u)?.id)
      .map((id) => (id === undefined ? '<sup>[?]</sup>' : `<sup><a href="#source-${id}">[${id}]</a></sup>`))
      .join('');
  const values = (list: SourcedValue[]) => list.map((v) => `${text(v.value)} ${cite(v.sources)}`).join(' / ');
  const items = (list: string[], empty = 'not found') =>
    `<ul>${(list.length ? list : [text(empty)]).map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const title = `${report.company.name}${report.company.domain ? ` (${report.company.domain})` : ''}`;
  const body: string[] = [`<h1>${text(title)}</h1>`];

  if (report.candidates.length > 0 && report.companyId === null) {
    body.push(
      `<p>“${text(report.query)}” matches several companies:</p>`,
      `<ol>${report.candidates.map((c) => `<li>${text(`${c.name}${c.domain ? ` (${c.domain})` : ''}: ${c.description}`)}</li>`).join('')}</ol>`,
    );
  } else {
    if (report.partial.length > 0)
      body.push(
        `<p class="note">Partial report: ${text(report.partial.map((p) => `${p.component} ${p.status} (${p.reason})`).join('; '))}</p>`,
      );
    if (report.run.stale)
      body.push('<p class="note">Some results come from an expired cache because a provider could not be reached.</p>');
    body.push(
      '<h2>Overview</h2>',
      items(
        OVERVIEW_FIELDS.map(
          (field) => `${field}: ${report.overview[field].length ? values(report.overview[field]) : 'not found'}`,
        ),
      ),
    );
    body.push(
      '<h2>Executives</h2>',
      items(
        report.executives.map(
          (e) => `${text(`${e.name}, ${e.title}`)}${e.origin === 'profile' ? ' (profile)' : ''} ${cite(e.sources)}`,
        ),
      ),
    );
    if (report.workflow === 'comprehensive' || report.funding.length || report.news.length) {
      const rounds = report.funding.map((f) => {
        const amount =
          f.amount !== null ? `${f.currency ?? ''} ${f.amount.toLocaleString('en-US')}`.trim() : 'amount not stated';
        return `${text(`${f.date ?? 'undated'}: ${f.round ?? 'round'}, ${amount}${f.investors.length ? `; investors: ${f.investors.join(', ')}` : ''}`)} ${cite(f.sources)}`;
      });
      body.push(
        '<h2>Funding</h2>',
        items([...rounds, ...report.investments.map((i) => `${text(`${i.kind}: ${i.value}`)} ${cite(i.sources)}`)]),
      );
      body.push(
        '<h2>News (why now)</h2>',
        items(
          report.news.map(
            (n) => `${text(`${n.date ?? 'undated'} [${n.trigger}] ${n.title}: ${n.summary}`)} ${cite(n.sources)}`,
          ),
        ),
      );
    }
    for (const section of report.custom) {
      body.push(
        `<h2>${text(section.name)}</h2>`,
        items(
          Object.entries(section.fields).map(
            ([field, list]) => `${text(field)}: ${list.length ? values(list) : 'not found'}`,
          ),
        ),
      );
    }
    body.push('<h2>Sources</h2>');
    body.push(
      report.sources.length
        ? `<ol class="sources">${report.sources.map((s) => `<li id="source-${s.id}" value="${s.id}">${text(s.title)}${s.publishedDate ? ` (${text(s.publishedDate.slice(0, 10))})` : ''}<br>${url(s.url)}</li>`).join('')}</ol>`
        : '<p>none</p>',
    );
    body.push(
      `<p class="note">Run ${report.run.id}, ${text(report.generatedAt.slice(0, 10))}: ${report.run.providerCalls} provider calls, ${report.run.cacheHits} cache hits.</p>`,
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${text(title)}</title><style>${PAPER_STYLE}</style></head>
<body>${body.join('\n')}</body></html>
`;
}
