// Turns files the reader opens or drops into plain article text. HTML is
// parsed into an inert document (no scripts run, nothing loads) and only its
// text is kept; nothing from it is ever inserted into the page.

const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const NON_CONTENT = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, nav, aside, form, button, select, textarea, footer';

export function decodeFileBytes(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Arabic pages and text files are often in Windows-1256.
    return new TextDecoder('windows-1256').decode(bytes);
  }
}

export function isHtmlFile(file, text) {
  return /\.x?html?$/i.test(file.name) || file.type === 'text/html' || /^\s*<(!doctype html|html[\s>])/i.test(text);
}

export function articleTextFromHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root =
    doc.querySelector('[data-isnad]') ??
    doc.querySelector('article') ??
    doc.querySelector('[itemprop="articleBody"]') ??
    doc.querySelector('main') ??
    doc.body;
  if (!root) return '';
  for (const element of root.querySelectorAll(NON_CONTENT)) element.remove();

  const lines = [];
  const headline = doc.querySelector('h1');
  if (headline && !root.contains(headline)) lines.push(headline.textContent);
  let current = '';
  const breakLine = () => {
    lines.push(current);
    current = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          breakLine();
          continue;
        }
        const isBlock = BLOCK_ELEMENTS.has(child.tagName);
        if (isBlock) breakLine();
        walk(child);
        if (isBlock) breakLine();
      }
    }
  };
  walk(root);
  breakLine();
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

export async function readArticleFile(file) {
  const text = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
  return isHtmlFile(file, text) ? articleTextFromHtml(text) : text.replace(/\r\n?/g, '\n');
}
