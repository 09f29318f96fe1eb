// The Isnad viewer page: text in, highlighted article and speaker panel out.
import { Isnad } from './isnad.js';
import { renderArticle, claimsBySpeaker, colorOf, directionOf, markAfterPaint, KIND_LABELS, TYPE_LABELS } from './isnad-render.js';
import { readArticleFile } from './viewer-input.js';

const INPUT_DEBOUNCE_MS = 300;

const elements = {
  input: document.getElementById('text-input'),
  status: document.getElementById('status'),
  article: document.getElementById('article'),
  speakers: document.getElementById('speakers'),
  showAll: document.getElementById('show-all'),
  details: document.getElementById('claim-details'),
  detailsEmpty: document.getElementById('claim-details-empty'),
  sampleButton: document.getElementById('load-sample'),
  fileInput: document.getElementById('file-input'),
  exportButton: document.getElementById('export-json'),
  dropOverlay: document.getElementById('drop-overlay'),
};

const state = {
  isnad: null,
  text: '',
  result: null,
  rendered: null,
  claimsById: new Map(),
  speakersById: new Map(),
  filterSpeaker: null,
  activeClaim: null,
  requestNumber: 0,
  firstHighlightMarked: false,
};

function setStatus(message, kind = 'info') {
  elements.status.textContent = message;
  elements.status.dataset.kind = kind;
  elements.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function setState(value) {
  document.body.dataset.state = value;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

async function analyse(text) {
  const requestNumber = ++state.requestNumber;
  state.text = text;
  if (!state.isnad) return;
  if (!text.trim()) {
    showResult(text, { version: state.isnad.version, lang: 'und', claims: [], speakers: [] });
    setStatus('Paste or open an article to see its claims.');
    return;
  }
  setState('busy');
  const started = performance.now();
  let result;
  try {
    result = await state.isnad.extract(text);
  } catch (error) {
    if (requestNumber !== state.requestNumber) return;
    setState('error');
    setStatus(error.message, 'error');
    return;
  }
  // A newer text arrived while this one was being analysed.
  if (requestNumber !== state.requestNumber) return;
  const elapsed = performance.now() - started;
  showResult(text, result);
  const warnings = result.warnings?.length ? ` Note: ${result.warnings.join('; ')}` : '';
  setStatus(
    `${plural(result.claims.length, 'claim')} from ${plural(result.speakers.length, 'speaker')} ` +
      `found in ${elapsed.toFixed(0)} ms.${warnings}`,
  );
}

function showResult(text, result) {
  state.result = result;
  state.claimsById = new Map(result.claims.map((claim) => [claim.id, claim]));
  state.speakersById = new Map(result.speakers.map((speaker) => [speaker.id, speaker]));
  state.activeClaim = null;
  if (state.filterSpeaker && !state.speakersById.has(state.filterSpeaker)) state.filterSpeaker = null;
  state.rendered = renderArticle(elements.article, text, result);
  for (const [claimId, pieces] of state.rendered.claimElements) {
    for (const piece of pieces) piece.setAttribute('aria-label', claimLabel(state.claimsById.get(claimId)));
  }
  // The panel's lists run in the article's direction; its labels stay isolated.
  elements.speakers.dir = directionOf(result.lang);
  renderPanel(result);
  applyFilter();
  showDetails(null);
  elements.exportButton.disabled = false;
  setState('ready');
  if (!state.firstHighlightMarked && result.claims.length) {
    state.firstHighlightMarked = true;
    markAfterPaint('isnad-first-highlight');
  }
}

function speakerName(speakerId) {
  return state.speakersById.get(speakerId)?.name ?? null;
}

function claimLabel(claim) {
  const who = speakerName(claim.speaker) ?? 'unknown speaker';
  return `${TYPE_LABELS[claim.type]} claim by ${who}`;
}

function renderPanel(result) {
  const groups = claimsBySpeaker(result);
  const items = [];
  for (const [speakerId, claims] of groups) {
    const speaker = speakerId ? state.speakersById.get(speakerId) : null;
    if (!speaker && claims.length === 0) continue;
    items.push(renderSpeaker(speaker, claims));
  }
  elements.speakers.replaceChildren(...items);
  if (items.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'speakers-empty';
    empty.textContent = 'No attributed claims found.';
    elements.speakers.append(empty);
  }
}

function renderSpeaker(speaker, claims) {
  const item = document.createElement('li');
  item.className = 'speaker';
  item.dataset.color = colorOf(state.rendered.colors, speaker?.id);
  if (speaker) item.dataset.speaker = speaker.id;

  const header = document.createElement(speaker ? 'button' : 'div');
  header.className = 'speaker-header';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.setAttribute('aria-hidden', 'true');
  const name = document.createElement('bdi');
  name.className = 'speaker-name';
  name.textContent = speaker ? speaker.name : 'No speaker found';
  const meta = document.createElement('span');
  meta.className = 'speaker-meta';
  if (speaker?.title) {
    const title = document.createElement('bdi');
    title.className = 'speaker-title';
    title.textContent = speaker.title;
    meta.append(title, ' · ');
  }
  const counts = document.createElement('bdi');
  counts.dir = 'ltr';
  counts.textContent = `${speaker ? KIND_LABELS[speaker.kind] ?? speaker.kind : 'unattributed'} · ${plural(claims.length, 'claim')}`;
  meta.append(counts);
  header.append(swatch, name, meta);
  if (speaker) {
    header.type = 'button';
    header.setAttribute('aria-pressed', String(state.filterSpeaker === speaker.id));
    header.setAttribute('aria-label', `${speaker.name}, ${plural(claims.length, 'claim')}: show only this speaker's claims`);
    header.addEventListener('click', () => toggleFilter(speaker.id));
  }
  item.append(header);

  if (claims.length) {
    const list = document.createElement('ol');
    list.className = 'claims';
    list.setAttribute('aria-label', `Claims by ${speaker ? speaker.name : 'no known speaker'}`);
    for (const claim of claims) list.append(renderClaimItem(claim));
    item.append(list);
  }
  return item;
}

function renderClaimItem(claim) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'claim-item';
  button.dataset.claim = claim.id;
  button.dataset.type = claim.type;
  button.dataset.color = colorOf(state.rendered.colors, claim.speaker);
  const badge = document.createElement('span');
  badge.className = 'type-badge';
  badge.dataset.type = claim.type;
  badge.textContent = TYPE_LABELS[claim.type];
  const content = document.createElement('span');
  content.className = 'claim-text';
  content.dir = 'auto';
  if (claim.cue) {
    const cue = document.createElement('bdi');
    cue.className = 'claim-cue';
    cue.textContent = claim.cue.text;
    content.append(cue, ' ');
  }
  const words = document.createElement('bdi');
  words.textContent = claim.content.text;
  content.append(words);
  button.append(badge, content);
  button.setAttribute('aria-label', `${claimLabel(claim)}: ${claim.content.text}. Press Enter to find it in the text.`);
  button.addEventListener('click', () => revealClaim(claim.id));
  button.addEventListener('focus', () => activateClaim(claim.id));
  button.addEventListener('mouseenter', () => activateClaim(claim.id));
  item.append(button);
  return item;
}

function toggleFilter(speakerId) {
  state.filterSpeaker = state.filterSpeaker === speakerId ? null : speakerId;
  applyFilter();
}

function applyFilter() {
  const filter = state.filterSpeaker;
  for (const header of elements.speakers.querySelectorAll('button.speaker-header')) {
    header.setAttribute('aria-pressed', String(header.parentElement.dataset.speaker === filter));
  }
  for (const item of elements.speakers.children) {
    item.hidden = Boolean(filter) && item.dataset.speaker !== filter;
  }
  for (const element of elements.article.querySelectorAll('.isnad-claim, .isnad-cue, .isnad-mention')) {
    element.classList.toggle('is-dimmed', Boolean(filter) && element.dataset.speaker !== filter);
  }
  elements.showAll.hidden = !filter;
}

function activateClaim(claimId) {
  if (state.activeClaim === claimId) return;
  for (const element of document.querySelectorAll('.is-active')) element.classList.remove('is-active');
  state.activeClaim = claimId;
  const claim = claimId && state.claimsById.get(claimId);
  if (!claim) {
    showDetails(null);
    return;
  }
  const { claimElements, cueElements, mentionElements } = state.rendered;
  const related = [...(claimElements.get(claimId) ?? []), ...(cueElements.get(claimId) ?? [])];
  const mention = claim.speaker_mention;
  for (const element of mentionElements.get(claim.speaker) ?? []) {
    // Only the mention that names the speaker at this claim, when there is one.
    if (!mention || Number(element.dataset.start) === mention.start) related.push(element);
  }
  for (const element of related) element.classList.add('is-active');
  elements.speakers.querySelector(`[data-speaker="${CSS.escape(claim.speaker ?? '')}"]`)?.classList.add('is-active');
  elements.speakers.querySelector(`.claim-item[data-claim="${CSS.escape(claimId)}"]`)?.classList.add('is-active');
  showDetails(claim);
}

function addDetail(term, value, direction = 'auto') {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  if (value instanceof Node) dd.append(value);
  else {
    dd.textContent = value;
    dd.dir = direction;
  }
  elements.details.append(dt, dd);
}

function bidiText(text, className) {
  const element = document.createElement('bdi');
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function showDetails(claim) {
  elements.details.replaceChildren();
  elements.detailsEmpty.hidden = Boolean(claim);
  if (!claim) return;
  const speaker = state.speakersById.get(claim.speaker);
  const who = document.createDocumentFragment();
  if (speaker) {
    who.append(bidiText(speaker.name, 'speaker-name'));
    if (speaker.title) who.append(' — ', bidiText(speaker.title));
  } else {
    who.append('not found');
  }
  addDetail('Speaker', who);
  addDetail(
    'Named here as',
    claim.speaker_mention ? bidiText(claim.speaker_mention.text) : document.createTextNode('implied (no mention at this claim)'),
  );
  addDetail('Cue', claim.cue ? bidiText(claim.cue.text) : document.createTextNode('none (headline form)'));
  addDetail('Type', `${TYPE_LABELS[claim.type]} · confidence ${Math.round(claim.confidence * 100)}%`, 'ltr');
  addDetail('Chain', chainOf(claim));
}

// The source, then the outlet or person that relayed it, if any.
function chainOf(claim) {
  const chain = document.createDocumentFragment();
  chain.append(bidiText(speakerName(claim.speaker) ?? 'unknown speaker'));
  if (claim.reported_by) chain.append(' via ', bidiText(speakerName(claim.reported_by) ?? claim.reported_by));
  else chain.append(' (no intermediary)');
  return chain;
}

function revealClaim(claimId) {
  const target = state.rendered?.claimElements.get(claimId)?.[0];
  if (!target) return;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
  activateClaim(claimId);
}

function exportJson() {
  if (!state.result) return;
  const payload = JSON.stringify({ text: state.text, ...state.result }, null, 2);
  const url = URL.createObjectURL(new Blob([payload], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'isnad-result.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

let inputTimer = 0;
function scheduleAnalysis() {
  clearTimeout(inputTimer);
  inputTimer = setTimeout(() => analyse(elements.input.value), INPUT_DEBOUNCE_MS);
}

async function loadText(text) {
  elements.input.value = text;
  clearTimeout(inputTimer);
  await analyse(text);
}

async function fetchSample() {
  const response = await fetch(new URL('./sample-ar.txt', import.meta.url));
  if (!response.ok) throw new Error(`could not load the sample (${response.status})`);
  return response.text();
}

async function loadSample(sample = fetchSample()) {
  await loadText(await sample);
}

async function openFile(file) {
  if (!file) return;
  try {
    await loadText(await readArticleFile(file));
  } catch (error) {
    setStatus(`Could not read ${file.name}: ${error.message}`, 'error');
  }
}

function wireEvents() {
  elements.input.addEventListener('input', scheduleAnalysis);
  elements.sampleButton.addEventListener('click', () => loadSample().catch((error) => setStatus(error.message, 'error')));
  elements.fileInput.addEventListener('change', () => {
    openFile(elements.fileInput.files[0]);
    elements.fileInput.value = '';
  });
  elements.exportButton.addEventListener('click', exportJson);
  elements.showAll.addEventListener('click', () => {
    state.filterSpeaker = null;
    applyFilter();
  });

  // Arrow keys move between the listed claims; Escape in the text goes back to the list.
  elements.speakers.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...elements.speakers.querySelectorAll('.claim-item')].filter((item) => item.offsetParent !== null);
    const index = items.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
  });
  elements.article.addEventListener('keydown', (event) => {
    const claim = event.target.closest?.('.isnad-claim');
    if (event.key !== 'Escape' || !claim) return;
    elements.speakers.querySelector(`.claim-item[data-claim="${CSS.escape(claim.dataset.claim)}"]`)?.focus();
  });

  // Hovering or focusing a claim in the text shows its details too.
  elements.article.addEventListener('mouseover', (event) => {
    const claim = event.target.closest?.('.isnad-claim');
    if (claim) activateClaim(claim.dataset.claim);
  });
  elements.article.addEventListener('focusin', (event) => {
    const claim = event.target.closest?.('.isnad-claim');
    if (claim) activateClaim(claim.dataset.claim);
  });

  let dragDepth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    dragDepth++;
    elements.dropOverlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) elements.dropOverlay.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    dragDepth = 0;
    elements.dropOverlay.hidden = true;
    openFile(event.dataTransfer.files[0]);
  });
}

async function start() {
  setState('loading');
  wireEvents();
  // The sample downloads while the core loads.
  const sample = fetchSample();
  sample.catch(() => {});
  try {
    state.isnad = await Isnad.load();
  } catch (error) {
    setState('error');
    setStatus(error.message, 'error');
    return;
  }
  document.body.dataset.isnadVersion = state.isnad.version;
  // Text typed or pasted while the core was loading wins over the sample.
  if (elements.input.value.trim()) await analyse(elements.input.value);
  else await loadSample(sample).catch((error) => setStatus(error.message, 'error'));
}

start();
