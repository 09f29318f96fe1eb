// <isnad-viewer>: renders its text (the "text" attribute, else its own text
// content) with claims and speakers highlighted, inside a shadow root.
//
//   <script type="module" src="isnad-viewer-element.js"></script>
//   <isnad-viewer>قال المتحدث إنّ …</isnad-viewer>
import { Isnad } from './isnad.js';
import { renderArticle } from './isnad-render.js';

const renderStylesUrl = new URL('./isnad-render.css', import.meta.url).href;
let isnadPromise = null;

/** One Isnad instance shared by every element and the widget on the page. */
export function sharedIsnad() {
  isnadPromise ??= Isnad.load().catch((error) => {
    isnadPromise = null;
    throw error;
  });
  return isnadPromise;
}

const ELEMENT_STYLES = `
:host { display: block; }
:host([hidden]) { display: none; }
.isnad-article { margin: 0; }
.isnad-error { color: #a4161a; font: 0.9rem system-ui, sans-serif; }
`;

export class IsnadViewerElement extends HTMLElement {
  static observedAttributes = ['text'];
  /** The last result, or null before the first one. */
  result = null;
  #root;
  #article;
  #observer;
  #renderedText = null;
  #generation = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = renderStylesUrl;
    const styles = new CSSStyleSheet();
    styles.replaceSync(ELEMENT_STYLES);
    this.#root.adoptedStyleSheets = [styles];
    this.#article = document.createElement('div');
    this.#article.className = 'isnad-article';
    this.#article.setAttribute('part', 'article');
    this.#root.append(link, this.#article);
    // Light-DOM text edits re-render; the shadow tree is not observed.
    this.#observer = new MutationObserver(() => this.#update());
  }

  connectedCallback() {
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#update();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#update();
  }

  get text() {
    return this.getAttribute('text') ?? this.textContent ?? '';
  }

  set text(value) {
    this.setAttribute('text', String(value));
  }

  async #update() {
    const text = this.text;
    if (text === this.#renderedText) return;
    this.#renderedText = text;
    const generation = ++this.#generation;
    this.setAttribute('aria-busy', 'true');
    try {
      const isnad = await sharedIsnad();
      const result = await isnad.extract(text);
      if (generation !== this.#generation) return;
      this.result = result;
      renderArticle(this.#article, text, result);
      this.dispatchEvent(new CustomEvent('isnad-result', { detail: result }));
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = document.createElement('p');
      message.className = 'isnad-error';
      message.setAttribute('role', 'alert');
      message.textContent = 'Isnad: ' + error.message;
      this.#article.replaceChildren(message);
    } finally {
      if (generation === this.#generation) this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('isnad-viewer')) customElements.define('isnad-viewer', IsnadViewerElement);
