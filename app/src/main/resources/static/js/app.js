// PromptLens page script: no framework, no build step. The page is server-rendered; this script
// sends the image (or, once analysed, just its analysis id) to the API and renders the answer.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const form = $('prompt-form');
  const input = $('image-input');
  const dropzone = $('dropzone');
  const preview = $('preview');
  const fileName = $('file-name');
  const target = $('target');
  const mode = $('mode');
  const modeHint = $('mode-hint');
  const button = $('generate-button');
  const buttonLabel = button.querySelector('.button-label');
  const progress = $('progress');
  const status = $('status');
  const errorBox = $('error');
  const emptyState = $('empty-state');
  const result = $('result');
  const maxBytes = Number(form.dataset.maxBytes) || Infinity;

  // The chosen file, and the id of its stored analysis once the server has one. Re-generating for
  // another target or mode sends only the id: the image is uploaded and analysed once.
  let file = null;
  let analysisId = null;
  let previewUrl = null;
  let requestNumber = 0;
  // The user clicked "Show image" for the chosen file: later answers for it do not blur it again.
  let revealed = false;
  // The last answer, as the API sent it (for "Download .json" and "Save to library"), and the
  // workspace it was generated in (a generation can only be saved by id into its own workspace).
  let current = null;
  let generatedIn = null;

  function choose(chosen) {
    if (!chosen) return;
    clearError();
    if (chosen.size > maxBytes) {
      uploadFailed(chosen, `is ${megabytes(chosen.size)}; the limit is ${megabytes(maxBytes)}. `
        + 'Export it smaller (for example as a JPEG under the limit) and try again.');
      return;
    }
    if (chosen.size === 0) {
      uploadFailed(chosen, 'is empty (0 bytes). Choose the image file again; if it came from a '
        + 'download or a sync folder, it may not have finished.');
      return;
    }
    file = chosen;
    analysisId = null;
    revealed = false;
    setBlurred(false);
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(chosen);
    preview.src = previewUrl;
    preview.alt = 'Preview of ' + (chosen.name || 'the pasted image');
    preview.hidden = false;
    dropzone.classList.add('has-image');
    fileName.textContent = `${chosen.name || 'Pasted image'} · ${megabytes(chosen.size)}`;
    generate();
  }

  function megabytes(bytes) {
    if (bytes < 1024) return `${bytes} bytes`;
    return bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  // A file that cannot be used replaces the previous result: no earlier prompt, preview or file
  // name stays beside the error to be copied by mistake. The message names the file and says what
  // to do.
  function uploadFailed(chosen, what) {
    file = null;
    analysisId = null;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.removeAttribute('src');
    preview.hidden = true;
    dropzone.classList.remove('has-image');
    fileName.textContent = '';
    result.hidden = true;
    emptyState.hidden = false;
    current = null;
    showError(`“${chosen.name || 'The pasted image'}” ${what}`);
  }

  // Several files at once: the page writes one prompt at a time, so it says so and points to
  // batches (which caption many) rather than silently keeping the first.
  function chooseFrom(files) {
    const list = files ? Array.from(files) : [];
    if (list.length > 1) {
      tooMany(list);
      return;
    }
    choose(list[0]);
  }

  function tooMany(list) {
    const names = list.slice(0, 3).map((f) => `“${f.name}”`).join(', ') + (list.length > 3 ? ', …' : '');
    const link = document.createElement('a');
    if (workspace) {
      link.href = `/workspaces/${encodeURIComponent(workspace.value)}/batches`;
      link.textContent = 'Caption them all in a batch';
    } else {
      link.href = '/sign-in';
      link.textContent = 'Sign in to caption them all in a batch';
    }
    link.id = 'batch-link';
    errorBox.replaceChildren(
      `${list.length} files chosen (${names}): PromptLens writes a prompt for one image at a time, `
        + 'so none of them was analysed. Choose one image, or ', link, '.');
    errorBox.hidden = false;
    input.value = '';
  }

  input.addEventListener('change', () => chooseFrom(input.files));

  ['dragenter', 'dragover'].forEach((type) =>
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('dragging');
    }));
  ['dragleave', 'dragend'].forEach((type) =>
    dropzone.addEventListener(type, () => dropzone.classList.remove('dragging')));
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('dragging');
    if (event.dataTransfer) chooseFrom(event.dataTransfer.files);
  });

  document.addEventListener('paste', (event) => {
    const items = event.clipboardData ? Array.from(event.clipboardData.items) : [];
    const image = items.find((item) => item.kind === 'file' && item.type.startsWith('image/'));
    if (image) {
      event.preventDefault();
      choose(image.getAsFile());
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    generate();
  });

  mode.addEventListener('change', () => {
    modeHint.textContent = mode.selectedOptions[0].dataset.hint || '';
    if (analysisId) generate();
  });
  target.addEventListener('change', () => {
    if (analysisId) generate();
  });

  function controls() {
    const phrases = (id) => $(id).value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
    return {
      detail: $('detail').value,
      variations: Number($('variations').value) || 1,
      paletteHex: $('palette-hex').checked,
      negativePrompt: $('negative-prompt').checked,
      cameraTerms: $('camera-terms').checked,
      weights: $('weights').checked,
      aspect: $('aspect').value.trim() || null,
      subject: $('subject').value.trim() || null,
      keep: phrases('keep'),
      avoid: phrases('avoid'),
    };
  }

  // Signed in: the prompt is saved in the chosen workspace; otherwise the anonymous "try it" API.
  const workspace = $('workspace');
  // An analysis belongs to one workspace: moving to another means uploading again.
  if (workspace) workspace.addEventListener('change', () => { analysisId = null; followWorkspace(workspace.value); });

  // Working in a workspace makes it the current one: the header's links (History, Library, ...)
  // and its switcher follow, and the choice is remembered for the next page (the same cookie the
  // server sets when a page names a workspace).
  function followWorkspace(id) {
    const bar = $('workspace-bar');
    const current = bar && bar.querySelector(`.switch-workspace[data-workspace="${CSS.escape(id)}"]`);
    if (!current) return;
    const previous = bar.querySelector('.switch-workspace[aria-current="true"]');
    const previousId = previous ? previous.dataset.workspace : null;
    if (previousId && previousId !== id) {
      bar.querySelectorAll('.workspace-nav a').forEach((link) => {
        link.href = link.href.split(previousId).join(id);
      });
      previous.removeAttribute('aria-current');
    }
    current.setAttribute('aria-current', 'true');
    $('current-workspace').textContent = current.firstElementChild.textContent;
    document.cookie = `promptlens-workspace=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax`
        + (location.protocol === 'https:' ? '; secure' : '');
  }
  function endpoint() {
    return workspace ? `/api/v1/workspaces/${encodeURIComponent(workspace.value)}/prompts` : '/api/v1/prompts';
  }

  // The session is a cookie, so every POST carries the page's CSRF token.
  function headers(extra) {
    const token = document.querySelector('meta[name="_csrf"]');
    const name = document.querySelector('meta[name="_csrf_header"]');
    const all = { Accept: 'application/json', ...extra };
    if (token && name) all[name.content] = token.content;
    return all;
  }

  function request() {
    const wanted = controls();
    if (analysisId) {
      return fetch(endpoint(), {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ analysisId, target: target.value, mode: mode.value, controls: wanted }),
      });
    }
    const data = new FormData();
    data.append('image', file, file.name || 'pasted-image.png');
    data.append('target', target.value);
    data.append('mode', mode.value);
    Object.entries(wanted).forEach(([name, value]) => {
      if (value === null) return;
      data.append(name, Array.isArray(value) ? value.join(', ') : String(value));
    });
    return fetch(endpoint(), { method: 'POST', headers: headers({}), body: data });
  }

  async function generate() {
    if (!file && !analysisId) {
      showError('Choose, drop or paste an image first.');
      input.focus();
      return;
    }
    const number = ++requestNumber;
    clearError();
    setBusy(true, analysisId ? 'Writing the prompt…' : 'Analysing the image…');
    try {
      const response = await request();
      const body = await response.json().catch(() => null);
      if (number !== requestNumber) return; // a newer request superseded this one
      if (!response.ok) {
        // A stale id (e.g. the database was reset) is fixed by uploading again.
        if (response.status === 404 && file) analysisId = null;
        const rejected = !analysisId && file && UPLOAD_ADVICE[response.status];
        if (rejected) {
          uploadFailed(file, UPLOAD_ADVICE[response.status]);
        } else {
          showError(problemMessage(response, body));
        }
        setBusy(false, '');
        bringIntoView(errorBox);
        return;
      }
      analysisId = body.analysisId;
      generatedIn = workspace ? workspace.value : null;
      render(body);
      setBusy(false, 'Prompt ready.');
      bringIntoView(result);
    } catch (e) {
      if (number !== requestNumber) return;
      showError('Could not reach PromptLens. Check that the server is running and try again.');
      setBusy(false, '');
    }
  }

  // What a rejected upload means for the person, by status (the server's detail is technical).
  const UPLOAD_ADVICE = {
    400: 'could not be used as an image. Choose the image file itself, not a shortcut or an empty file.',
    413: 'is larger than PromptLens accepts. Export it smaller (for example as a JPEG) and try again.',
    415: 'is not in an image format PromptLens reads. Save it as JPEG, PNG or WebP and try again.',
    422: 'is not a complete, readable image: it may be truncated or damaged. '
      + 'Try re-exporting it from your editor.',
  };

  // On a phone the result sits below the form, out of sight: scroll to it when it is.
  function bringIntoView(element) {
    if (element.getBoundingClientRect().top < window.innerHeight * 0.8) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  }

  function problemMessage(response, body) {
    if (body && typeof body.detail === 'string' && body.detail) return body.detail;
    if (body && typeof body.title === 'string' && body.title) return body.title;
    return `The request failed (HTTP ${response.status}).`;
  }

  function setBusy(busy, message) {
    button.disabled = busy;
    button.classList.toggle('busy', busy);
    buttonLabel.textContent = busy ? 'Working…' : 'Generate prompt';
    progress.hidden = !busy;
    form.setAttribute('aria-busy', String(busy));
    status.textContent = message;
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.textContent = '';
    errorBox.hidden = true;
  }

  function render(body) {
    emptyState.hidden = true;
    result.hidden = false;
    current = body;
    promptBox.textContent = body.prompt;
    promptEdited();

    const negative = body.negativePrompt;
    $('negative-section').hidden = negative === null || negative === undefined;
    $('copy-negative-button').hidden = $('negative-section').hidden;
    $('negative-output').textContent = negative || '';
    if (savedNote) savedNote.replaceChildren();

    // The "What is it?" block says what the unnamed-subject warning says, with a field to fix it.
    const asked = asksForSubject(body);
    const warnings = $('warnings');
    warnings.replaceChildren(...(body.warnings || [])
      .filter((text) => !(asked && text.startsWith('the subject is not named')))
      .map((text) => element('li', text)));
    $('warnings-section').hidden = warnings.children.length === 0;

    const parameters = $('parameters');
    const entries = Object.entries(body.parameters || {});
    parameters.replaceChildren(...entries.flatMap(([name, value]) => [
      element('dt', name),
      element('dd', typeof value === 'object' ? JSON.stringify(value) : String(value)),
    ]));
    $('parameters-section').hidden = entries.length === 0;

    renderVariations(body);
    renderAskSubject(body);
    renderAnalysis(body.analysis);
    setBlurred(Boolean(body.display && body.display.blur) && !revealed);
  }

  // Variations side by side: the first is the compiled prompt; "Use this" puts one into the
  // editor, where it is copied, downloaded or saved like an edit.
  function renderVariations(body) {
    const more = body.variations || [];
    const texts = more.length ? [body.prompt, ...more.map((v) => v.prompt)] : [];
    $('variations-list').replaceChildren(...texts.map((text, index) => {
      const item = element('li');
      item.className = 'variation';
      const label = element('p', `Variation ${index + 1}`);
      label.className = 'meta';
      const pre = element('pre', text);
      pre.className = 'output';
      const actions = element('div');
      actions.className = 'toolbar';
      const use = element('button', 'Use this');
      use.type = 'button';
      use.className = 'button small use-variation';
      use.setAttribute('aria-label', `Put variation ${index + 1} in the editor`);
      use.addEventListener('click', () => {
        promptBox.textContent = text;
        promptEdited();
        status.textContent = `Variation ${index + 1} is in the editor.`;
        promptBox.focus();
      });
      const copyOne = element('button', 'Copy');
      copyOne.type = 'button';
      copyOne.className = 'button small copy-variation';
      copyOne.id = `copy-variation-${index + 1}`;
      copyOne.setAttribute('aria-label', `Copy variation ${index + 1}`);
      copyOne.addEventListener('click', () => copy(text, copyOne, `Variation ${index + 1} is copied.`));
      actions.append(use, copyOne);
      item.append(label, pre, actions);
      return item;
    }));
    $('variations-section').hidden = texts.length === 0;
  }

  // When nothing named the subject, ask the person; the answer becomes the subject control and the
  // prompt is recompiled from the stored analysis (the request carries analysisId, not the image).
  function asksForSubject(body) {
    const analysis = body.analysis || {};
    const given = body.controls && body.controls.subject;
    const needsSubject = body.mode === 'full' || body.mode === 'edit' || body.mode === 'video';
    return !analysis.subjectNamed && !given && needsSubject;
  }
  function renderAskSubject(body) {
    const analysis = body.analysis || {};
    $('ask-subject').hidden = !asksForSubject(body);
    $('ask-subject-why').textContent = analysis.subjectDescribed
      ? `PromptLens could not name what this picture is of, so the prompt describes what it measured: ${analysis.subjectDescribed}.`
      : 'PromptLens could not name what this picture is of, so the prompt describes only its look.';
  }
  $('ask-subject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = $('what-is-it').value.trim();
    if (!answer || !analysisId) return;
    $('subject').value = answer;
    generate();
  });

  // A workspace whose safety action is "blur" answers display.blur = true for a marked image: the
  // preview and the analysis picture stay blurred (CSS) until the user clicks "Show image".
  const blurFrames = [$('preview-frame'), $('overlay-stage')];
  function setBlurred(blurred) {
    blurFrames.forEach((frame) => frame.classList.toggle('is-blurred', blurred));
  }
  document.querySelectorAll('[data-reveal]').forEach((reveal) =>
    reveal.addEventListener('click', (event) => {
      event.preventDefault(); // the preview's button sits in the dropzone's label
      revealed = true;
      setBlurred(false);
      status.textContent = 'Image shown.';
    }));

  const UNITS = { CHARACTERS: 'characters', CLIP_TOKENS: 'CLIP tokens', T5_TOKENS: 'T5 tokens' };

  // The length in the unit the target counts, against its limit: "12 / 75 CLIP tokens",
  // "260 / 6000 characters". Characters are counted here (UTF-16 units, as the compiler's
  // Lengths counts them); tokens come from the compiler for the compiled text and are estimated
  // ("≈") for an edited one, the way the compiler's TokenEstimator does.
  function length(body, text) {
    const option = targetOption(body.target);
    const unit = UNITS[option.dataset.unit] || 'tokens';
    let count;
    if (option.dataset.unit === 'CHARACTERS') count = text.length;
    else count = text === body.prompt ? body.tokens : `≈${estimateTokens(text)}`;
    return option.dataset.max ? `${count} / ${option.dataset.max} ${unit}` : `${count} ${unit}`;
  }

  // core's TokenEstimator in JavaScript: a common word is one token, a long one one per five
  // letters, digits one per two, every punctuation mark one. It errs long.
  function estimateTokens(text) {
    let tokens = 0;
    (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) || []).forEach((piece) => {
      if (!/[\p{L}\p{N}]/u.test(piece)) tokens += 1;
      else if (/\p{N}/u.test(piece)) tokens += Math.floor((piece.length + 1) / 2);
      else tokens += piece.length <= 8 ? 1 : Math.floor((piece.length + 4) / 5);
    });
    return tokens;
  }

  // The workbench: the prompt is editable; the meter, the downloads and what is copied or saved
  // follow the edits; "Undo my edits" brings back the compiled text.
  const promptBox = $('prompt-output');
  const resetPrompt = $('reset-prompt');
  function promptText() {
    return promptBox.textContent;
  }
  function promptEdited() {
    if (!current) return;
    const text = promptText();
    $('prompt-meta').textContent = `· ${length(current, text)} · ${targetOption(current.target).text}`;
    resetPrompt.hidden = text === current.prompt;
    refreshDownloads();
  }
  promptBox.addEventListener('input', () => {
    promptEdited();
    if (savedNote) savedNote.replaceChildren();
  });
  resetPrompt.addEventListener('click', () => {
    if (!current) return;
    promptBox.textContent = current.prompt;
    promptEdited();
    promptBox.focus();
    status.textContent = 'The compiled prompt is back.';
  });

  // "Copy all": the prompt, the negative prompt and the parameters, as one would paste them into
  // notes or a ticket.
  function allText() {
    const parts = [promptText()];
    if (current.negativePrompt) parts.push(`Negative prompt: ${current.negativePrompt}`);
    const entries = Object.entries(current.parameters || {});
    if (entries.length) {
      parts.push(['Parameters:', ...entries.map(([name, value]) =>
        `${name}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)].join('\n'));
    }
    return parts.join('\n\n');
  }

  // .txt is the prompt, and the negative on its own line; .json is the API's answer, with the
  // edited text as "editedPrompt" when the prompt was changed. The links hold blob: URLs kept in
  // step with the text, so a click downloads exactly what is shown.
  const downloads = { txt: $('download-txt'), json: $('download-json') };
  const downloadUrls = {};
  function refreshDownloads() {
    const text = promptText();
    const txt = text + (current.negativePrompt ? `\nNegative prompt: ${current.negativePrompt}` : '') + '\n';
    const answer = text === current.prompt ? current : { ...current, editedPrompt: text };
    setDownload('txt', new Blob([txt], { type: 'text/plain;charset=utf-8' }));
    setDownload('json', new Blob([JSON.stringify(answer, null, 2) + '\n'], { type: 'application/json' }));
    const name = `promptlens-${current.target}-${current.mode}`;
    downloads.txt.download = `${name}.txt`;
    downloads.json.download = `${name}.json`;
  }
  function setDownload(kind, blob) {
    if (downloadUrls[kind]) URL.revokeObjectURL(downloadUrls[kind]);
    downloadUrls[kind] = URL.createObjectURL(blob);
    downloads[kind].href = downloadUrls[kind];
  }

  function targetOption(targetId) {
    return Array.from(target.options).find((o) => o.value === targetId) || target.selectedOptions[0];
  }

  function renderAnalysis(analysis) {
    const palette = $('palette');
    const colours = (analysis && analysis.palette) || [];
    palette.replaceChildren(...colours.map(swatch));
    if (colours.length === 0) palette.replaceChildren(element('li', 'No palette measured.'));
    $('analysis-meta').textContent = analysis
      ? `${analysis.width} × ${analysis.height} px · ${String(analysis.format).toUpperCase()} · ${analysis.aspectRatio} ${analysis.orientation}`
      : '';
    $('notes').replaceChildren(...((analysis && analysis.notes) || []).map((n) => element('li', n)));
    renderOverlay(analysis);
  }

  // The analysis as a picture: the chosen file (its object URL, never uploaded again) with the
  // detected boxes and the subject on a rule-of-thirds grid. Boxes are normalised [x, y, w, h].
  const overlayImage = $('overlay-image');
  const layers = {};
  document.querySelectorAll('.overlay-layer').forEach((layer) => { layers[layer.dataset.layer] = layer; });
  document.querySelectorAll('.overlay-toggles input').forEach((toggle) =>
    toggle.addEventListener('change', () => {
      layers[toggle.dataset.layer].hidden = !toggle.checked;
      layoutLabels();
    }));
  overlayImage.addEventListener('load', () => layoutLabels());
  // The picture changes size with the window, the layout around it and the image's own load.
  if (window.ResizeObserver) {
    new ResizeObserver(() => layoutLabels()).observe($('overlay-stage'));
  } else {
    window.addEventListener('resize', () => layoutLabels());
  }

  // Labels never collide or leave the picture: each goes inside its box's top left corner, else
  // just above the box, else just below it, else inside the bottom right, moved sideways to stay
  // inside the picture; one that fits nowhere without covering another is listed under the
  // picture instead (numbered on its box).
  function layoutLabels() {
    const stage = $('overlay-stage');
    const legend = $('overlay-legend');
    const listed = [];
    const placed = [];
    const width = stage.clientWidth;
    const height = stage.clientHeight;
    stage.querySelectorAll('.overlay-layer:not([hidden]) .overlay-label').forEach((label) => {
      label.hidden = false;
      label.textContent = label.dataset.text;
      label.style.maxWidth = `${Math.max(0, width - 4)}px`;
      label.style.left = '0px';
      label.style.top = '0px';
      if (!width || !height) return;
      const box = label.parentElement;
      // The label is placed from inside the box's border: count the border in.
      const bx = box.offsetLeft + box.clientLeft;
      const by = box.offsetTop + box.clientTop;
      const lw = label.offsetWidth;
      const lh = label.offsetHeight;
      const candidates = [[0, 0], [0, -lh], [0, box.offsetHeight], [box.offsetWidth - lw, box.offsetHeight - lh]];
      // A label cut short by its maximum width would hide part of its text: list it instead.
      const truncated = label.scrollWidth > label.clientWidth + 1;
      const spot = truncated ? undefined : candidates
        .map(([dx, dy]) => {
          const x = Math.min(Math.max(bx + dx, 0), width - lw);
          return { x, y: by + dy };
        })
        .find(({ x, y }) => y >= 0 && y + lh <= height && x >= 0
          && !placed.some((p) => x < p.x + p.w && p.x < x + lw && y < p.y + p.h && p.y < y + lh));
      if (spot) {
        label.style.left = `${spot.x - bx}px`;
        label.style.top = `${spot.y - by}px`;
        placed.push({ x: spot.x, y: spot.y, w: lw, h: lh });
      } else {
        listed.push(label.dataset.text);
        label.textContent = String(listed.length);
        const lw2 = label.offsetWidth;
        const lh2 = label.offsetHeight;
        const x = Math.min(Math.max(bx, 0), width - lw2);
        const y = Math.min(Math.max(by, 0), height - lh2);
        const free = y >= 0 && !placed.some((p) => x < p.x + p.w && p.x < x + lw2 && y < p.y + p.h && p.y < y + lh2);
        label.hidden = !free;
        label.style.left = `${x - bx}px`;
        label.style.top = `${y - by}px`;
        if (free) placed.push({ x, y, w: lw2, h: lh2 });
      }
    });
    legend.replaceChildren(...listed.map((text) => element('li', text)));
    legend.hidden = listed.length === 0;
  }

  function renderOverlay(analysis) {
    const section = $('picture-section');
    if (!analysis || !previewUrl) {
      section.hidden = true;
      return;
    }
    overlayImage.src = previewUrl;
    overlayImage.alt = `Your image, ${analysis.width} × ${analysis.height} px, with what was found drawn on it`;
    const subjects = analysis.subjects || [];
    const faces = analysis.faces || [];
    const lines = analysis.textLines || [];
    // When nothing was confident enough to name the subject (the prompt and its warning say so),
    // the detector's boxes are shown as guesses, not as "Subjects".
    const unsure = !analysis.subjectNamed;
    const subjectLabel = (s) => (unsure ? `guess: ${labelOf(s)}` : labelOf(s));
    $('subjects-toggle-name').textContent = unsure && subjects.length ? 'Detector guesses' : 'Subjects';

    const grid = [1, 2].flatMap((i) => [gridLine('v', i / 3), gridLine('h', i / 3)]);
    if (validBox(analysis.subjectBox)) {
      const main = box(analysis.subjectBox, 'main-subject', `subject: ${analysis.subjectPosition || 'here'}`);
      const [x, y, w, h] = analysis.subjectBox;
      const dot = element('span');
      dot.className = 'subject-dot';
      dot.style.left = `${(x + w / 2) * 100}%`;
      dot.style.top = `${(y + h / 2) * 100}%`;
      grid.push(main, dot);
    }
    layers.grid.replaceChildren(...grid);
    layers.subjects.replaceChildren(...subjects.map((s) => box(s.box, 'subject-box', subjectLabel(s))));
    layers.faces.replaceChildren(...faces.map((f) => box(f.box, 'face-box', labelOf(f))));
    layers.text.replaceChildren(...lines.map((l) => box(l.box, 'text-box', l.label)));
    document.querySelectorAll('[data-count]').forEach((count) => {
      count.textContent = `(${{ subjects, faces, text: lines }[count.dataset.count].length})`;
    });

    const parts = [`Subject position: ${analysis.subjectPosition || 'not measured'}.`];
    if (analysis.subjectNamed) parts.push(`Subject: ${analysis.subjectNamed}.`);
    if (subjects.length && !unsure) parts.push(`Detected: ${subjects.map(labelOf).join(', ')}.`);
    if (subjects.length && unsure) {
      parts.push(`No detection was confident enough to name the subject; the detector's guesses: ${subjects.map(labelOf).join(', ')}.`);
    }
    if (faces.length) parts.push(`${faces.length} face${faces.length === 1 ? '' : 's'}.`);
    if (lines.length) parts.push(`${lines.length} line${lines.length === 1 ? '' : 's'} of text.`);
    $('overlay-caption').textContent = parts.join(' ');
    section.hidden = false;
    layoutLabels();
  }

  function labelOf(found) {
    return `${found.label} ${Math.round(found.confidence * 100)}%`;
  }

  function validBox(value) {
    return Array.isArray(value) && value.length === 4 && value.every((v) => Number.isFinite(v));
  }

  function gridLine(direction, at) {
    const line = element('span');
    line.className = `grid-line grid-${direction}`;
    place(line, direction === 'v' ? [at, 0, 0, 1] : [0, at, 1, 0]);
    return line;
  }

  function box(value, className, label) {
    const node = element('span');
    node.className = `overlay-box ${className}`;
    place(node, value);
    const tag = element('span', label);
    tag.className = 'overlay-label';
    tag.dataset.text = label;
    node.append(tag);
    return node;
  }

  function place(node, [x, y, w, h]) {
    const clamp = (v) => Math.min(100, Math.max(0, v * 100));
    node.style.left = `${clamp(x)}%`;
    node.style.top = `${clamp(y)}%`;
    node.style.width = `${Math.min(100 - clamp(x), clamp(w))}%`;
    node.style.height = `${Math.min(100 - clamp(y), clamp(h))}%`;
  }

  function swatch(colour) {
    const share = `${Math.round(colour.share * 100)}%`;
    const item = element('li');
    item.className = 'swatch';
    const chip = element('span');
    chip.className = 'swatch-chip';
    chip.style.backgroundColor = colour.hex;
    const text = element('span');
    text.className = 'swatch-text';
    const hex = element('span', colour.hex);
    hex.className = 'swatch-hex';
    const name = element('span', colour.name);
    name.className = 'swatch-name';
    const shareText = element('span', share);
    shareText.className = 'swatch-share';
    text.append(hex, name, shareText);
    const copyButton = element('button');
    copyButton.type = 'button';
    copyButton.title = `Copy ${colour.hex}`;
    copyButton.setAttribute('aria-label', `${colour.name} ${colour.hex}, ${share} of the image. Copy hex`);
    copyButton.append(chip, text);
    copyButton.addEventListener('click', () => copy(colour.hex, copyButton, `${colour.hex} copied.`));
    item.append(copyButton);
    return item;
  }

  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const COPIES = {
    prompt: () => [promptText(), 'The prompt is copied.'],
    negative: () => [current.negativePrompt || '', 'The negative prompt is copied.'],
    all: () => [allText(), 'The prompt, negative prompt and parameters are copied.'],
  };
  document.querySelectorAll('[data-copy]').forEach((copyButton) =>
    copyButton.addEventListener('click', () => {
      if (!current) return;
      const [text, message] = COPIES[copyButton.dataset.copy]();
      copy(text, copyButton, message);
    }));

  async function copy(text, source, message) {
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (e) {
      copied = legacyCopy(text); // the async clipboard needs a secure context (https or localhost)
    }
    if (!copied && source.dataset.copy === 'prompt') selectPrompt();
    status.textContent = copied ? message
      : source.dataset.copy === 'prompt'
        ? 'Copy failed: the prompt is selected, press Ctrl+C (⌘C on a Mac).'
        : 'Copy failed: select the text and copy it by hand.';
    if (copied && source.id) {
      const label = source.textContent;
      source.textContent = 'Copied';
      source.classList.add('copied');
      setTimeout(() => {
        source.textContent = label;
        source.classList.remove('copied');
      }, 1500);
    }
  }

  function selectPrompt() {
    const range = document.createRange();
    range.selectNodeContents(promptBox);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    promptBox.focus();
  }

  // Save to library (signed in): into the workspace chosen under "Save to", optionally into one
  // of its collections. A generation made in that workspace is saved by id (the item links back
  // to it; an edited prompt goes along); one made elsewhere is saved as text.
  const saveForm = $('save-form');
  const savedNote = $('saved');
  const collectionSelect = $('save-collection');
  async function loadCollections() {
    if (!workspace || !collectionSelect) return;
    const none = collectionSelect.options[0];
    collectionSelect.replaceChildren(none);
    try {
      const response = await fetch(
        `/api/v1/workspaces/${encodeURIComponent(workspace.value)}/collections`, { headers: headers({}) });
      if (!response.ok) return;
      const collections = await response.json();
      collections.forEach((c) => {
        const option = element('option', c.name);
        option.value = c.id;
        collectionSelect.append(option);
      });
    } catch (e) {
      // No collections to offer: "No collection" still saves.
    }
  }
  if (workspace && saveForm) {
    workspace.addEventListener('change', () => {
      loadCollections();
      savedNote.replaceChildren();
    });
    loadCollections();
  }
  if (saveForm) saveForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    const into = workspace.value;
    const text = promptText().trim();
    const body = into === generatedIn
      ? { generationId: current.id, prompt: text === current.prompt ? null : text }
      : { prompt: text, negativePrompt: current.negativePrompt, target: current.target, mode: current.mode };
    body.collectionId = collectionSelect.value || null;
    const saveButton = $('save-button');
    saveButton.disabled = true;
    try {
      const response = await fetch(`/api/v1/workspaces/${encodeURIComponent(into)}/library`, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        savedNote.textContent = `Not saved: ${problemMessage(response, answer)}`;
        return;
      }
      const where = workspace.selectedOptions[0].text
        + (collectionSelect.value ? ` › ${collectionSelect.selectedOptions[0].text}` : '');
      const link = element('a', 'Open it');
      link.id = 'saved-link';
      link.href = `/workspaces/${encodeURIComponent(into)}/library/${encodeURIComponent(answer.id)}`;
      savedNote.replaceChildren(`Saved to ${where} (private to you until shared). `, link);
      status.textContent = `Saved to ${where}.`;
    } catch (e) {
      savedNote.textContent = 'Not saved: could not reach PromptLens. Try again.';
    } finally {
      saveButton.disabled = false;
    }
  });

  // Opened from the history ("Open in the workbench", "Re-target"): the stored analysis is
  // written again for the target and mode in the address, in the workspace it belongs to; the
  // image itself was never stored, so there is no preview.
  const opened = new URLSearchParams(window.location.search);
  if (opened.get('analysis') && workspace) {
    const pick = (select, value) => {
      if (value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
    };
    pick(target, opened.get('target'));
    pick(mode, opened.get('mode'));
    modeHint.textContent = mode.selectedOptions[0].dataset.hint || '';
    analysisId = opened.get('analysis');
    fileName.textContent = 'The stored analysis of an earlier image (the image itself is not kept).';
    generate();
  }

  // "Make a brand style from this image": the stored analysis's palette, light, medium and lens
  // become a brand style of the workspace the prompt was written in.
  const makeStyle = $('make-style-button');
  if (makeStyle) {
    makeStyle.addEventListener('click', async () => {
      const note = $('style-made');
      if (!analysisId || !generatedIn) {
        note.textContent = 'Write a prompt from an image first.';
        return;
      }
      const name = `Style of ${file && file.name ? file.name : 'an image'}`.slice(0, 100);
      makeStyle.disabled = true;
      try {
        const response = await fetch(`/api/v1/workspaces/${encodeURIComponent(generatedIn)}/presets`, {
          method: 'POST',
          headers: headers({ 'Content-Type': 'application/json' }),
          body: JSON.stringify({ name, analysisId }),
        });
        const body = await response.json().catch(() => null);
        if (!response.ok) {
          note.textContent = `No brand style made: ${problemMessage(response, body)}`;
          return;
        }
        const link = element('a', 'Open it');
        link.id = 'style-link';
        link.href = `/workspaces/${encodeURIComponent(generatedIn)}/presets/${encodeURIComponent(body.id)}`;
        note.replaceChildren(`Brand style “${body.name}” made. `, link);
      } catch (e) {
        note.textContent = 'No brand style made: could not reach PromptLens. Try again.';
      } finally {
        makeStyle.disabled = false;
      }
    });
  }

  function legacyCopy(text) {
    const area = element('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    area.remove();
    return ok;
  }
})();
