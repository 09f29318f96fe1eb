// Renders a text with its Isnad result as DOM: speaker mentions, claims and
// cues become spans carrying data attributes that isnad-render.css styles.
// Article text only ever becomes Text nodes.

export const PALETTE_SIZE = 10;

export const TYPE_LABELS = { direct: 'direct', indirect: 'indirect', mixed: 'mixed' };
export const KIND_LABELS = {
  person: 'person',
  organization: 'organisation',
  media: 'media',
  group: 'group',
  document: 'document',
};

// Nesting order when spans start and end together: a claim holds its mentions.
const RANK = { claim: 0, mention: 1, cue: 2 };

// Latin words and numbers inside right-to-left text get their own bidi
// isolate, so neighbouring punctuation keeps its place.
const LATIN_RUN = /[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,:%'’&\/\- ]*[A-Za-z0-9\u00C0-\u024F%]|[A-Za-z0-9\u00C0-\u024F]/g;

export function speakerColors(result) {
  const colors = new Map();
  result.speakers.forEach((speaker, index) => colors.set(speaker.id, String(index % PALETTE_SIZE)));
  return colors;
}

export function colorOf(colors, speakerId) {
  return (speakerId && colors.get(speakerId)) ?? 'none';
}

/**
 * Marks `name` on the performance timeline after the next frame, i.e. once
 * what is in the DOM now has been painted: rendering runs right after the
 * animation frame callbacks, and the timeout after that.
 */
export function markAfterPaint(name) {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name)));
}

export function directionOf(lang) {
  return lang === 'ar' ? 'rtl' : lang === 'en' ? 'ltr' : 'auto';
}

function validSpan(span, length) {
  return (
    span != null &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= length &&
    span.start < span.end
  );
}

function collectAnnotations(text, result) {
  const annotations = [];
  const seenMentions = new Set();
  const add = (kind, span, fields) => {
    if (validSpan(span, text.length)) annotations.push({ kind, start: span.start, end: span.end, ...fields });
  };
  for (const speaker of result.speakers) {
    for (const mention of speaker.mentions) {
      seenMentions.add(`${speaker.id}:${mention.start}:${mention.end}`);
      add('mention', mention, { speaker: speaker.id });
    }
  }
  for (const claim of result.claims) {
    add('claim', claim.content, { claim });
    add('cue', claim.cue, { claim });
    const mention = claim.speaker_mention;
    if (mention && claim.speaker && !seenMentions.has(`${claim.speaker}:${mention.start}:${mention.end}`)) {
      seenMentions.add(`${claim.speaker}:${mention.start}:${mention.end}`);
      add('mention', mention, { speaker: claim.speaker });
    }
  }
  for (const annotation of annotations) annotation.origin = annotation;
  return annotations;
}

function appendText(parent, text, isolateLatin) {
  if (!text) return;
  if (!isolateLatin) {
    parent.append(text);
    return;
  }
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    const isolate = parent.ownerDocument.createElement('bdi');
    isolate.dir = 'ltr';
    isolate.append(match[0]);
    parent.append(isolate);
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

function createAnnotationElement(annotation, isFirstPiece, context) {
  const element = context.document.createElement('span');
  const { origin } = annotation;
  if (origin.kind === 'mention') {
    element.className = 'isnad-mention';
    element.dataset.speaker = origin.speaker;
    element.dataset.color = colorOf(context.colors, origin.speaker);
    element.dataset.start = String(origin.start);
    push(context.mentionElements, origin.speaker, element);
  } else {
    const { claim } = origin;
    element.className = origin.kind === 'claim' ? 'isnad-claim' : 'isnad-cue';
    element.dataset.claim = claim.id;
    element.dataset.color = colorOf(context.colors, claim.speaker);
    if (claim.speaker) element.dataset.speaker = claim.speaker;
    if (origin.kind === 'claim') {
      element.dataset.type = claim.type;
      element.tabIndex = -1;
      // The first piece carries the type badge (drawn by CSS, not in the text).
      if (isFirstPiece) element.dataset.first = '';
      push(context.claimElements, claim.id, element);
    } else {
      push(context.cueElements, claim.id, element);
    }
  }
  return element;
}

function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Lays out [from, to) of the text into parent. Spans that cross a sibling's
// end are cut into pieces, so partial overlaps never break the tree.
function renderRange(parent, text, from, to, annotations, context) {
  let position = from;
  let pending = annotations;
  for (;;) {
    let next = null;
    let nextStart = 0;
    for (const annotation of pending) {
      const start = Math.max(annotation.start, position);
      if (annotation.end <= start) continue;
      if (
        !next ||
        start < nextStart ||
        (start === nextStart &&
          (annotation.end > next.end || (annotation.end === next.end && RANK[annotation.kind] < RANK[next.kind])))
      ) {
        next = annotation;
        nextStart = start;
      }
    }
    if (!next) break;
    appendText(parent, text.slice(position, nextStart), context.isolateLatin);
    const element = createAnnotationElement(next, nextStart === next.origin.start, context);
    parent.append(element);
    const inner = [];
    for (const annotation of pending) {
      if (annotation === next) continue;
      const start = Math.max(annotation.start, nextStart);
      const end = Math.min(annotation.end, next.end);
      if (start < end) inner.push({ ...annotation, start, end });
    }
    renderRange(element, text, nextStart, next.end, inner, context);
    position = next.end;
    pending = pending.filter((annotation) => annotation !== next && annotation.end > position);
  }
  appendText(parent, text.slice(position, to), context.isolateLatin);
}

/**
 * Fills container with one <p> per line of text, annotated from result.
 * Returns the elements by claim and speaker id for interaction.
 */
export function renderArticle(container, text, result) {
  const document = container.ownerDocument;
  const context = {
    document,
    colors: speakerColors(result),
    isolateLatin: result.lang === 'ar',
    claimElements: new Map(),
    cueElements: new Map(),
    mentionElements: new Map(),
  };
  const annotations = collectAnnotations(text, result);
  container.replaceChildren();
  container.lang = result.lang === 'und' ? '' : result.lang;
  container.dir = directionOf(result.lang);
  for (const line of text.matchAll(/[^\n]+/g)) {
    if (!line[0].trim()) continue;
    const from = line.index;
    const to = from + line[0].length;
    const paragraph = document.createElement('p');
    paragraph.className = 'isnad-paragraph';
    paragraph.dir = 'auto';
    const inside = [];
    for (const annotation of annotations) {
      const start = Math.max(annotation.start, from);
      const end = Math.min(annotation.end, to);
      if (start < end) inside.push({ ...annotation, start, end });
    }
    renderRange(paragraph, text, from, to, inside, context);
    container.append(paragraph);
  }
  return {
    colors: context.colors,
    claimElements: context.claimElements,
    cueElements: context.cueElements,
    mentionElements: context.mentionElements,
  };
}

/** Claims grouped by speaker id (null key: claims with no speaker), in text order. */
export function claimsBySpeaker(result) {
  const groups = new Map(result.speakers.map((speaker) => [speaker.id, []]));
  for (const claim of result.claims) {
    const key = claim.speaker && groups.has(claim.speaker) ? claim.speaker : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(claim);
  }
  return groups;
}
