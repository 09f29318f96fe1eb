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

// ---------------------------------------------------------------------------
// Host pages for the widget: the shapes a news site's page may take.

function hostPage(title, body, head = '') {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  ${head}<script type="module" src="/isnad-widget.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A section front: headlines and links, no <article>, no [data-isnad], no <main>. */
export function noArticlePage() {
  return hostPage(
    'أخبار المحافظة — الصفحة الرئيسية',
    `  <div class="site-header"><a href="/test/no-article.html">أخبار المحافظة</a></div>
  <div class="front">
    <h1>آخر العناوين</h1>
    <ul>
      <li><a href="/test/no-article.html">افتتاح سوق الخضار الجديد في وسط المدينة</a></li>
      <li><a href="/test/no-article.html">مواعيد الحافلات المدرسية للفصل المقبل</a></li>
      <li><a href="/test/no-article.html">نتائج مباريات الدوري المحلي لهذا الأسبوع</a></li>
    </ul>
  </div>
  <div class="site-footer"><p>جميع الحقوق محفوظة.</p></div>`,
  );
}

/** A page whose <main> holds a line too short to be an article. */
export function shortMainPage() {
  return hostPage('صفحة قيد الإعداد', '  <main><p>قريباً.</p></main>');
}

// One claim each, every one with its own minister and subject.
export const TEN_ARTICLE_CLAIMS = [
  ['الزراعة', 'موسم القمح هذا العام سيكون أوفر من الموسم الماضي'],
  ['النقل', 'الطريق الساحلي سيفتح أمام السيارات في نهاية الشهر'],
  ['الصحة', 'المستشفى الجديد سيستقبل المرضى ابتداءً من الخريف'],
  ['التعليم', 'المدارس ستعتمد الكتب الرقمية في الصفوف الأولى'],
  ['المالية', 'العجز في الموازنة تراجع خلال الربع الأول'],
  ['الطاقة', 'محطة الرياح الثانية ستدخل الخدمة قبل الصيف'],
  ['السياحة', 'عدد الزوار ارتفع بنسبة واضحة منذ بداية العام'],
  ['المياه', 'السد الشمالي امتلأ بعد الأمطار الغزيرة الأخيرة'],
  ['الإسكان', 'الحكومة ستسلم ألف شقة للأسر الشابة هذا العام'],
  ['الاتصالات', 'شبكة الألياف ستصل إلى القرى النائية خلال عامين'],
];

/** Ten short <article>s, each a news paragraph with one claim. */
export function tenArticlesPage() {
  const articles = TEN_ARTICLE_CLAIMS.map(
    ([ministry, claim], index) => `    <article id="story-${index + 1}">
      <h2>أخبار وزارة ${ministry}</h2>
      <p>قال الوزير إن ${claim}، وذلك في تصريح للصحفيين صباح اليوم.</p>
    </article>`,
  ).join('\n');
  return hostPage('موجز الأخبار', `  <main>\n${articles}\n  </main>`);
}

/**
 * One article of the text repeated, one paragraph a line, to at least
 * minLength UTF-16 code units: too long to be analysed in the page's thread.
 */
export function longArticlePage(text, minLength) {
  const paragraphs = text.split('\n').filter((line) => line.trim());
  const body = [];
  for (let length = 0; length < minLength; length += paragraphs.join('').length) body.push(...paragraphs);
  const markup = body.map((paragraph) => `      <p>${escapeHtml(paragraph)}</p>`).join('\n');
  return hostPage('ملف خاص', `  <main>\n    <article>\n${markup}\n    </article>\n  </main>`);
}

/**
 * An article with a button whose handlers the page's own script (a file, as
 * the CSP allows) registers before the widget's module runs.
 */
export function handlersPage() {
  return hostPage(
    'خبر مع زر مشاركة',
    `  <main>
    <article id="story">
      <h1>خطة لتوسيع الحدائق العامة</h1>
      <p>قال الوزير إن الحدائق العامة ستزيد مساحتها إلى الضعف خلال ثلاث سنوات، بدءاً من الأحياء الشرقية.</p>
      <p class="tools"><button type="button" id="share">شارك الخبر</button></p>
    </article>
  </main>
  <script src="/test/host-handlers.js"></script>`,
  );
}

/** The host page's script for handlersPage(): runs while the page is parsed. */
export const HOST_HANDLERS_SCRIPT = `
globalThis.hostClicks = { listener: 0, property: 0, widgetDefinedAtRegistration: Boolean(customElements.get('isnad-panel')) };
const share = document.getElementById('share');
share.addEventListener('click', () => {
  globalThis.hostClicks.listener++;
});
share.onclick = () => {
  globalThis.hostClicks.property++;
};
`;
