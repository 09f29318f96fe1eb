// Test-only pages and texts served by run.mjs next to the bundle.

// Each payload, if it ever became markup and ran, would set window.__xss or
// fetch from a host outside the test server (which the run also catches).
export const XSS_PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg onload=window.__xss=1>",
  '<svg><script>window.__xss = "svg-script"</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x="10" y="20">click</text></a></svg>',
  '<a href="javascript:window.__xss = \'link\'">رابط</a>',
  'javascript:window.__xss=1',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '<details open ontoggle=window.__xss=1>',
  '<object data="javascript:window.__xss=1"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<style>@import "http://evil.invalid/x.css";</style>',
  '<img src="http://evil.invalid/pixel.png">',
  '<link rel=stylesheet href="http://evil.invalid/a.css">',
  '&lt;img src=x onerror=window.__xss=1&gt;',
  '&#x3C;script&#x3E;window.__xss=1&#x3C;/script&#x3E;',
  '&#0000060script&#62;window.__xss=1&#60;/script>',
  '&lt &amp &# &#x; &unknown; &amp;lt;b&amp;gt;',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '\u202Eفعلا لا تصدق\u202C المتحدث\u202D override LTR',
  '\u2067عزل\u2069 \u2066isolate\u2069 \u200F\u200E\u061C',
  'مكسور \u202B بلا إغلاق',
];

/** An Arabic news text that quotes and reports every payload. */
export function xssArticleText() {
  const lines = ['شركة الأمن: محاولات اختراق متكررة عبر النصوص'];
  XSS_PAYLOADS.forEach((payload, index) => {
    lines.push(
      index % 2
        ? `وقال المتحدث باسم الشركة، أحمد سالم: «${payload}».`
        : `وأكدت المديرة التقنية، هالة يوسف، أنّ "${payload}" لن يمرّ عبر أنظمة الحماية.`,
    );
  });
  return lines.join('\n');
}

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A news page whose article holds the payloads as text, plus an <isnad-viewer>. */
export function xssDemoPage() {
  const paragraphs = xssArticleText()
    .split('\n')
    .map((line, index) => (index === 0 ? `<h1>${escapeHtml(line)}</h1>` : `<p>${escapeHtml(line)}</p>`))
    .join('\n      ');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>اختبار: نصوص خبيثة داخل خبر</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <script type="module" src="/isnad-widget.js"></script>
</head>
<body>
  <header><p>موقع اختباري</p></header>
  <main>
    <article data-isnad>
      ${paragraphs}
    </article>
    <isnad-viewer text="${escapeHtml(xssArticleText())}"></isnad-viewer>
  </main>
</body>
</html>
`;
}

/** An HTML file to open in the viewer: real script and handlers, and payloads as text. */
export function xssHtmlFile() {
  return `<!doctype html>
<html><head><title>خبر</title><script>window.__xss = "file-head"</script></head>
<body onload="window.__xss = 'file-body'">
<nav><a href="/">navigation link</a></nav>
<article>
  <h1>الشركة: لا تسريب للبيانات</h1>
  <p>قال المتحدث باسم الشركة، أحمد سالم، إنّ النظام &lt;img src=x onerror=window.__xss=1&gt; لم يتأثر.</p>
  <img src="x" onerror="window.__xss = 'file-img'">
  <script>window.__xss = "file-article"</script>
  <svg onload="window.__xss = 'file-svg'"><circle r="4"></circle></svg>
  <p>وأضاف أنّ الفريق <b>يراجع</b> السجلات.</p>
</article>
</body></html>`;
}

/** A page with one <isnad-viewer> holding the text as its content. */
export function viewerElementPage(text) {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>isnad-viewer</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/fonts/noto-naskh-arabic.css">
  <script type="module" src="/isnad-viewer-element.js"></script>
</head>
<body>
  <isnad-viewer>${escapeHtml(text)}</isnad-viewer>
</body>
</html>
`;
}
