// Isnad widget: add
//   <script type="module" src="…/isnad-widget.js"></script>
// to a news page and the claims in its article are highlighted in place.
// The page's DOM text is never changed: highlights use the CSS Custom
// Highlight API (or, where it is missing, boxes drawn over the text), and the
// panel lives in a shadow root.
import { sharedIsnad } from './isnad-viewer-element.js';
import { PALETTE_SIZE, TYPE_LABELS, KIND_LABELS, speakerColors, colorOf, claimsBySpeaker, markAfterPaint } from './isnad-render.js';

const REFRESH_DEBOUNCE_MS = 400;
const MIN_ARTICLE_LENGTH = 20;
// Text under these is code or our own UI, not article prose.
const SKIPPED = 'script, style, noscript, template, textarea, select, isnad-viewer, isnad-panel';
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const COLOR_SLOTS = [...Array.from({ length: PALETTE_SIZE }, (_, index) => String(index)), 'none'];
const HUES = [212, 24, 140, 328, 266, 48, 182, 0, 92, 298];
const DECORATION_STYLES = { direct: 'solid', indirect: 'dashed', mixed: 'double' };

const hasHighlightApi = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

function hsl(slot, saturation, lightness, alpha = 1) {
  const hue = slot === 'none' ? 220 : HUES[Number(slot)];
  const sat = slot === 'none' ? 8 : saturation;
  return `hsl(${hue} ${sat}% ${lightness}% / ${alpha})`;
}

// ---------------------------------------------------------------------------
// Text of an article and the way back from offsets to DOM positions.

/**
 * The article's text in document order, one Text node after another, with a
 * line break put between blocks that the markup does not separate. Returns
 * the text and the start offset of every Text node in it.
 */
export function readArticle(root) {
  const segments = [];
  let text = '';
  const breakLine = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (child.data) {
          segments.push({ node: child, start: text.length });
          text += child.data;
        }
      } else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(SKIPPED)) {
        const block = BLOCKS.has(child.tagName);
        if (block) breakLine();
        walk(child);
        if (block) breakLine();
      }
    }
  };
  walk(root);
  return { text, segments };
}

function segmentIndexAt(segments, offset) {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

// An offset inside an inserted line break maps forward for a range start
// and backward for a range end.
function domPoint(segments, offset, isEnd) {
  let index = segmentIndexAt(segments, offset);
  let { node, start } = segments[index];
  if (isEnd && offset === start && index > 0) {
    ({ node, start } = segments[--index]);
  }
  const local = offset - start;
  if (local <= node.length) return [node, Math.max(0, local)];
  if (isEnd || index === segments.length - 1) return [node, node.length];
  return [segments[index + 1].node, 0];
}

function rangeFor(segments, span, textLength) {
  if (!span || !(span.start >= 0 && span.end <= textLength && span.start < span.end)) return null;
  const range = new Range();
  range.setStart(...domPoint(segments, span.start, false));
  range.setEnd(...domPoint(segments, span.end, true));
  return range.collapsed ? null : range;
}

// ---------------------------------------------------------------------------
// Painting: CSS Custom Highlights, or overlay boxes where those are missing.

function highlightName(kind, slot, type) {
  return type ? `isnad-${kind}-${type}-${slot}` : `isnad-${kind}-${slot}`;
}

function highlightStyles() {
  const rules = [];
  for (const dark of [false, true]) {
    const block = [];
    for (const slot of COLOR_SLOTS) {
      const ink = dark ? hsl(slot, 80, 72) : hsl(slot, 75, 36);
      block.push(`::highlight(${highlightName('mention', slot)}) { background-color: ${dark ? hsl(slot, 45, 30, 0.85) : hsl(slot, 85, 86, 0.85)}; }`);
      block.push(`::highlight(${highlightName('cue', slot)}) { color: ${ink}; text-decoration: underline dotted ${ink} 2px; }`);
      for (const [type, style] of Object.entries(DECORATION_STYLES)) {
        block.push(
          `::highlight(${highlightName('claim', slot, type)}) { background-color: ${hsl(slot, 80, 50, dark ? 0.16 : 0.1)}; ` +
            `text-decoration: underline ${style} ${ink} ${type === 'mixed' ? 3 : 2}px; }`,
        );
      }
    }
    block.push(`::highlight(isnad-active) { background-color: ${dark ? 'hsl(48 90% 40% / 0.6)' : 'hsl(48 100% 60% / 0.55)'}; }`);
    rules.push(dark ? `@media (prefers-color-scheme: dark) {\n${block.join('\n')}\n}` : block.join('\n'));
  }
  return rules.join('\n');
}

class HighlightPainter {
  #highlights = new Map();

  constructor() {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightStyles());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const add = (name, priority) => {
      const highlight = new Highlight();
      highlight.priority = priority;
      CSS.highlights.set(name, highlight);
      this.#highlights.set(name, highlight);
    };
    for (const slot of COLOR_SLOTS) {
      for (const type of Object.keys(DECORATION_STYLES)) add(highlightName('claim', slot, type), 1);
      add(highlightName('mention', slot), 2);
      add(highlightName('cue', slot), 3);
    }
    add('isnad-active', 4);
  }

  paint(marks) {
    for (const highlight of this.#highlights.values()) highlight.clear();
    for (const mark of marks) this.#highlights.get(highlightName(mark.kind, mark.slot, mark.type))?.add(mark.range);
  }

  setActive(ranges) {
    const active = this.#highlights.get('isnad-active');
    active.clear();
    for (const range of ranges) active.add(range);
  }
}

// Boxes from Range.getClientRects(), in a layer inside the widget's shadow
// root; redrawn when the layout changes.
class OverlayPainter {
  #layer;
  #marks = [];
  #active = [];
  #frame = 0;

  constructor(layer) {
    this.#layer = layer;
    const redraw = () => this.#schedule();
    addEventListener('resize', redraw);
    new ResizeObserver(redraw).observe(document.documentElement);
    document.fonts?.ready.then(redraw);
  }

  paint(marks) {
    this.#marks = marks;
    this.#schedule();
  }

  setActive(ranges) {
    this.#active = ranges;
    this.#schedule();
  }

  #schedule() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#draw());
  }

  #draw() {
    const origin = this.#layer.getBoundingClientRect();
    const boxes = [];
    const boxesFor = (range, className, slot, type) => {
      for (const rect of range.getClientRects()) {
        if (!rect.width || !rect.height) continue;
        const box = document.createElement('div');
        box.className = className;
        if (slot) box.dataset.color = slot;
        if (type) box.dataset.type = type;
        box.style.left = `${rect.left - origin.left}px`;
        box.style.top = `${rect.top - origin.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        boxes.push(box);
      }
    };
    for (const mark of this.#marks) boxesFor(mark.range, `box box-${mark.kind}`, mark.slot, mark.type);
    for (const range of this.#active) boxesFor(range, 'box box-active');
    this.#layer.replaceChildren(...boxes);
  }
}

// ---------------------------------------------------------------------------
// The panel (shadow DOM) listing speakers and claims of every article.

const PANEL_STYLES = `
:host { all: initial; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
.box-mention { background: var(--tint); mix-blend-mode: multiply; }
.box-claim { background: var(--wash); border-bottom: 2px var(--line) var(--ink); }
.box-claim[data-type="direct"] { --line: solid; }
.box-claim[data-type="indirect"] { --line: dashed; }
.box-claim[data-type="mixed"] { --line: double; border-bottom-width: 4px; }
.box-cue { border-bottom: 2px dotted var(--ink); }
.box-active { background: hsl(48 100% 60% / 0.45); }
${COLOR_SLOTS.map((slot) => `[data-color="${slot}"] { --ink: ${hsl(slot, 75, 36)}; --tint: ${hsl(slot, 85, 86, 0.7)}; --wash: ${hsl(slot, 80, 50, 0.1)}; }`).join('\n')}
@media (prefers-color-scheme: dark) {
  ${COLOR_SLOTS.map((slot) => `[data-color="${slot}"] { --ink: ${hsl(slot, 80, 72)}; --tint: ${hsl(slot, 45, 30, 0.7)}; --wash: ${hsl(slot, 80, 50, 0.16)}; }`).join('\n  ')}
  .box-mention { mix-blend-mode: screen; }
}
.dock {
  position: fixed; bottom: 16px; inset-inline-end: 16px; z-index: 2147483000;
  display: flex; flex-direction: column; align-items: flex-end; gap: 8px;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #1d1d1f; --surface: #fff; --surface-2: #f1efe9; --border: #cfcabe; --muted: #5b5b63; --focus: #0b5cad;
}
@media (prefers-color-scheme: dark) {
  .dock { color: #ececef; --surface: #1d1f23; --surface-2: #2a2d33; --border: #41454e; --muted: #a7a9b2; --focus: #9cc7ff; }
}
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.toggle {
  background: var(--surface); border: 1px solid var(--border); border-radius: 999px;
  padding: 8px 16px; box-shadow: 0 2px 10px rgb(0 0 0 / 0.18); font-weight: 600;
}
.panel {
  width: min(380px, calc(100vw - 32px)); max-height: min(70vh, 640px); overflow: auto;
  background: var(--surface); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.22); padding: 10px 12px;
}
.panel[hidden] { display: none; }
h2 { font-size: 15px; margin: 2px 0 8px; }
h3 { font-size: 13px; margin: 10px 0 6px; color: var(--muted); font-weight: 600; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.speaker { border: 1px solid var(--border); border-inline-start: 5px solid var(--ink); border-radius: 8px; margin-bottom: 8px; overflow: hidden; }
.speaker-head { background: var(--surface-2); padding: 6px 8px; }
.name { font-weight: 700; font-size: 15px; }
.meta { display: block; font-size: 12px; color: var(--muted); }
.claim {
  display: flex; gap: 6px; align-items: baseline; width: 100%; text-align: start;
  background: none; border: 1px solid transparent; border-radius: 6px; padding: 4px 6px;
}
.claim:hover, .claim:focus-visible { background: var(--wash); border-color: var(--ink); }
.claim-text { flex: 1; unicode-bidi: isolate; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.badge { flex: none; font-size: 11px; font-weight: 600; border: 1px solid var(--ink); color: var(--ink); border-radius: 9px; padding: 0 6px; }
.badge[data-type="direct"] { background: var(--tint); }
.badge[data-type="indirect"] { border-style: dashed; }
.badge[data-type="mixed"] { border-style: double; border-width: 3px; }
.empty, .error { color: var(--muted); margin: 4px 0; }
.error { color: #c0262d; }
bdi { unicode-bidi: isolate; }
`;

function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('aria') || key === 'role' || key === 'part') node.setAttribute(key.replace(/^aria([A-Z])/, (_, c) => 'aria-' + c.toLowerCase()), value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

class IsnadPanelElement extends HTMLElement {}
if (!customElements.get('isnad-panel')) customElements.define('isnad-panel', IsnadPanelElement);

class Widget {
  #host;
  #root;
  #panel;
  #toggle;
  #content;
  #painter;
  #articles = new Map(); // article element → { text, segments, result, marks, claimRanges }
  #timer = 0;
  #refreshing = null;
  #refreshAgain = false;
  #firstPaintMarked = false;

  constructor() {
    this.#host = document.createElement('isnad-panel');
    this.#host.setAttribute('data-state', 'loading');
    this.#root = this.#host.attachShadow({ mode: 'open' });
    const styles = new CSSStyleSheet();
    styles.replaceSync(PANEL_STYLES);
    this.#root.adoptedStyleSheets = [styles];
    const layer = element('div', { className: 'layer', ariaHidden: 'true' });
    this.#content = element('div', { className: 'content' });
    this.#panel = element(
      'section',
      { className: 'panel', hidden: true, id: 'panel', role: 'region', ariaLabel: 'Isnad: who said what in this article', tabIndex: -1 },
      element('h2', {}, 'Who said what'),
      this.#content,
    );
    this.#toggle = element('button', { type: 'button', className: 'toggle', ariaExpanded: 'false', ariaControls: 'panel' }, 'Isnad …');
    this.#toggle.addEventListener('click', () => this.#setOpen(this.#panel.hidden));
    const dock = element('div', { className: 'dock' }, this.#panel, this.#toggle);
    dock.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.#panel.hidden) {
        this.#setOpen(false);
        this.#toggle.focus();
      }
    });
    this.#root.append(layer, dock);
    this.#painter = hasHighlightApi ? new HighlightPainter() : new OverlayPainter(layer);
    this.#host.dataset.mode = hasHighlightApi ? 'highlight-api' : 'overlay';
  }

  #setOpen(open) {
    this.#panel.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', String(open));
    if (open) this.#panel.focus();
    else this.#painter.setActive([]);
  }

  start(articles) {
    // The host has no light-DOM text, so the page's textContent stays as it was.
    document.body.append(this.#host);
    new MutationObserver((records) => {
      if (records.every((record) => this.#isOwnMutation(record))) return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
    return this.refresh(articles);
  }

  // Adding or moving the host is the only change the widget makes to the page.
  #isOwnMutation(record) {
    return record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every((node) => node === this.#host);
  }

  /** Re-reads the articles; extracts again only those whose text or nodes changed. */
  async refresh(articles = findArticles()) {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = this.#refresh(articles);
    try {
      await this.#refreshing;
    } finally {
      this.#refreshing = null;
    }
    if (this.#refreshAgain) {
      this.#refreshAgain = false;
      await this.refresh();
    }
  }

  async #refresh(articles) {
    this.#host.setAttribute('data-state', 'busy');
    for (const article of this.#articles.keys()) {
      if (!articles.includes(article)) this.#articles.delete(article);
    }
    const changed = [];
    for (const article of articles) {
      const { text, segments } = readArticle(article);
      const known = this.#articles.get(article);
      if (known && known.text === text && sameSegments(known.segments, segments)) continue;
      if (text.trim().length < MIN_ARTICLE_LENGTH) {
        this.#articles.delete(article);
        continue;
      }
      changed.push({ article, text, segments });
    }
    // All are sent at once: the worker takes one after the other without
    // waiting for this thread in between.
    const outcomes = await Promise.allSettled(changed.map(({ text }) => sharedIsnad().then((isnad) => isnad.extract(text))));
    let error = null;
    changed.forEach(({ article, text, segments }, index) => {
      const { status, value: result, reason } = outcomes[index];
      if (status === 'fulfilled') {
        this.#articles.set(article, { text, segments, result, ...buildMarks(segments, text, result) });
      } else {
        error = reason;
        this.#articles.delete(article);
      }
    });
    this.#painter.paint([...this.#articles.values()].flatMap((state) => state.marks));
    if (!this.#firstPaintMarked && this.#articles.size) {
      this.#firstPaintMarked = true;
      markAfterPaint('isnad-widget-first-highlight');
    }
    this.#renderPanel(error);
    const claims = [...this.#articles.values()].reduce((sum, state) => sum + state.result.claims.length, 0);
    this.#toggle.textContent = `Isnad · ${claims} ${claims === 1 ? 'claim' : 'claims'}`;
    this.#host.dataset.claims = String(claims);
    this.#host.dataset.articles = String(this.#articles.size);
    this.#host.setAttribute('data-state', error ? 'error' : 'ready');
  }

  #renderPanel(error) {
    const sections = [];
    if (error) sections.push(element('p', { className: 'error', role: 'alert' }, 'Isnad could not analyse this page: ' + error.message));
    const states = [...this.#articles.values()];
    states.forEach((state, index) => {
      const section = element('section', { ariaLabel: `Article ${index + 1}` });
      if (states.length > 1) section.append(element('h3', {}, `Article ${index + 1}`));
      section.append(this.#renderSpeakers(state));
      sections.push(section);
    });
    if (!states.length && !error) sections.push(element('p', { className: 'empty' }, 'No article text found.'));
    this.#content.replaceChildren(...sections);
  }

  #renderSpeakers(state) {
    const { result } = state;
    const colors = speakerColors(result);
    const speakersById = new Map(result.speakers.map((speaker) => [speaker.id, speaker]));
    const list = element('ul', { ariaLabel: 'Speakers' });
    for (const [speakerId, claims] of claimsBySpeaker(result)) {
      if (!claims.length) continue;
      const speaker = speakersById.get(speakerId);
      const slot = colorOf(colors, speakerId);
      const claimList = element('ol', { ariaLabel: `Claims by ${speaker?.name ?? 'no known speaker'}` });
      for (const claim of claims) {
        const button = element(
          'button',
          { type: 'button', className: 'claim', dataset: { claim: claim.id, color: slot } },
          element('span', { className: 'badge', dataset: { type: claim.type, color: slot } }, TYPE_LABELS[claim.type]),
          element('span', { className: 'claim-text', dir: 'auto' }, claim.content.text),
        );
        button.setAttribute('aria-label', `${TYPE_LABELS[claim.type]} claim: ${claim.content.text}. Press Enter to show it in the article.`);
        const ranges = state.claimRanges.get(claim.id) ?? [];
        button.addEventListener('mouseenter', () => this.#painter.setActive(ranges));
        button.addEventListener('focus', () => this.#painter.setActive(ranges));
        button.addEventListener('click', () => revealRange(ranges[0]));
        claimList.append(element('li', {}, button));
      }
      const meta = [speaker?.title, speaker ? KIND_LABELS[speaker.kind] ?? speaker.kind : 'unattributed', `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'}`]
        .filter(Boolean)
        .join(' · ');
      list.append(
        element(
          'li',
          { className: 'speaker', dataset: { color: slot, speaker: speakerId ?? '' } },
          element('div', { className: 'speaker-head' }, element('bdi', { className: 'name' }, speaker?.name ?? 'No speaker found'), element('bdi', { className: 'meta' }, meta)),
          claimList,
        ),
      );
    }
    if (!list.children.length) return element('p', { className: 'empty' }, 'No attributed claims found.');
    return list;
  }
}

function sameSegments(before, after) {
  return before.length === after.length && before.every((segment, index) => segment.node === after[index].node && segment.start === after[index].start);
}

function buildMarks(segments, text, result) {
  const colors = speakerColors(result);
  const marks = [];
  const claimRanges = new Map();
  const add = (kind, span, slot, type) => {
    const range = rangeFor(segments, span, text.length);
    if (range) marks.push({ kind, slot, type, range });
    return range;
  };
  for (const speaker of result.speakers) {
    for (const mention of speaker.mentions) add('mention', mention, colorOf(colors, speaker.id));
  }
  for (const claim of result.claims) {
    const slot = colorOf(colors, claim.speaker);
    const content = add('claim', claim.content, slot, claim.type);
    add('cue', claim.cue, slot);
    claimRanges.set(claim.id, [content, rangeFor(segments, claim.cue, text.length)].filter(Boolean));
  }
  return { marks, claimRanges };
}

function revealRange(range) {
  if (!range) return;
  const target = range.startContainer.parentElement;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  target?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
}

/** [data-isnad] elements, else <article>s, else the page's main content. */
export function findArticles() {
  const outermost = (elements) =>
    elements.filter((candidate) => !candidate.closest('isnad-viewer') && !elements.some((other) => other !== candidate && other.contains(candidate)));
  const marked = outermost([...document.querySelectorAll('[data-isnad]')]);
  if (marked.length) return marked;
  const articles = outermost([...document.querySelectorAll('article')]);
  if (articles.length) return articles;
  const main = document.querySelector('[itemprop="articleBody"], main, [role="main"]');
  return main ? [main] : [];
}

function hasArticleText(articles) {
  return articles.some((article) => readArticle(article).text.trim().length >= MIN_ARTICLE_LENGTH);
}

// The worker and the module start loading as soon as the document has an
// article with text enough to analyse, before the panel is built; failures
// are shown by the first refresh. Otherwise a refresh loads them when needed.
function startCore() {
  if (hasArticleText(findArticles())) sharedIsnad().catch(() => {});
}

function boot() {
  const articles = findArticles();
  // Pages without an article are left alone.
  if (!articles.length || !document.body) return;
  startCore();
  new Widget().start(articles);
}

if (document.readyState === 'loading') {
  // An async script can run while the page is still being parsed.
  startCore();
  document.addEventListener('DOMContentLoaded', boot, { once: true });
} else {
  boot();
}
