// PromptLens home page. The server renders the result (workbench/result.html) and htmx swaps it in;
// this script chooses the image (the file field, a drop, a paste), shows its preview, tells the
// form what to send, and keeps the workbench's edits: the length meter, "Undo my edits", the
// downloads and "Use this" of a variation follow the prompt as it is edited. Copy buttons are
// copy.js's, "Show image" is reveal.js's, the overlay's layout overlay.js's.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const form = $('prompt-form');
  const input = $('image-input');
  const dropzone = $('dropzone');
  const preview = $('preview');
  const previewFrame = $('preview-frame');
  const fileName = $('file-name');
  const workspace = $('workspace');
  const mode = $('mode');
  const button = $('generate-button');
  const status = $('status');
  const errorBox = $('error');
  const result = $('result');
  const maxBytes = Number(form.dataset.maxBytes) || Infinity;
  // The form's hidden analysisId: each result replaces it (out of band) with its analysis's id.
  const analysisId = () => $('analysis-id').value;
  const setAnalysisId = (id) => { $('analysis-id').value = id; };

  // The chosen file: sent once; afterwards the form sends the id of its stored analysis, so
  // another target or mode is written without uploading or analysing the image again.
  let file = null;
  let previewUrl = null;
  // The API's answer for the prompt shown (for "Download .json" and "Save to library"), and the
  // workspace it was written in (a generation can only be saved by id into its own workspace).
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
    setAnalysisId('');
    delete previewFrame.dataset.revealed;
    previewFrame.classList.remove('is-blurred');
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(chosen);
    preview.src = previewUrl;
    preview.alt = 'Preview of ' + (chosen.name || 'the pasted image');
    preview.hidden = false;
    dropzone.classList.add('has-image');
    fileName.textContent = `${chosen.name || 'Pasted image'} · ${megabytes(chosen.size)}`;
    htmx.trigger(form, 'submit');
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
    setAnalysisId('');
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.removeAttribute('src');
    preview.hidden = true;
    dropzone.classList.remove('has-image');
    fileName.textContent = '';
    result.hidden = true;
    $('empty-state').hidden = false;
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
    link.id = 'batch-link';
    link.href = workspace ? `/workspaces/${encodeURIComponent(workspace.value)}/batches` : '/sign-in';
    link.textContent = workspace ? 'Caption them all in a batch' : 'Sign in to caption them all in a batch';
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

  mode.addEventListener('change', () => {
    $('mode-hint').textContent = mode.selectedOptions[0].dataset.hint || '';
  });

  // What the form sends, and where: the chosen file (dropped and pasted ones are not in the file
  // field) or, once analysed, only the analysis id; to the workspace chosen under "Save to".
  form.addEventListener('htmx:configRequest', (event) => {
    const params = event.detail.parameters;
    params.delete('image');
    if (!analysisId() && file) params.set('image', file, file.name || 'pasted-image.png');
    if (!analysisId() && !file) {
      event.preventDefault();
      // A target or mode picked before any image only waits for one.
      if (event.detail.triggeringEvent && event.detail.triggeringEvent.type === 'submit') {
        showError('Choose, drop or paste an image first.');
        input.focus();
      }
      return;
    }
    if (workspace) event.detail.path = `/workspaces/${encodeURIComponent(workspace.value)}/workbench`;
  });
  form.addEventListener('htmx:beforeRequest', () => {
    clearError();
    setBusy(true, analysisId() ? 'Writing the prompt…' : 'Analysing the image…');
  });
  form.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.successful) setBusy(false, 'Prompt ready.');
  });
  form.addEventListener('htmx:responseError', (event) => {
    const xhr = event.detail.xhr;
    let body = null;
    try {
      body = JSON.parse(xhr.responseText);
    } catch (e) {
      body = null;
    }
    const uploading = !analysisId() && file;
    if (uploading && UPLOAD_ADVICE[xhr.status]) {
      uploadFailed(file, UPLOAD_ADVICE[xhr.status]);
    } else {
      // A stale id (e.g. the database was reset) is fixed by uploading again.
      if (xhr.status === 404 && file) setAnalysisId('');
      showError(problemMessage(xhr.status, body));
    }
    setBusy(false, '');
    bringIntoView(errorBox);
  });
  form.addEventListener('htmx:sendError', () => {
    showError('Could not reach PromptLens. Check that the server is running and try again.');
    setBusy(false, '');
  });

  // What a rejected upload means for the person, by status (the server's detail is technical).
  const UPLOAD_ADVICE = {
    400: 'could not be used as an image. Choose the image file itself, not a shortcut or an empty file.',
    413: 'is larger than PromptLens accepts. Export it smaller (for example as a JPEG) and try again.',
    415: 'is not in an image format PromptLens reads. Save it as JPEG, PNG or WebP and try again.',
    422: 'is not a complete, readable image: it may be truncated or damaged. '
      + 'Try re-exporting it from your editor.',
  };

  function problemMessage(code, body) {
    if (body && typeof body.detail === 'string' && body.detail) return body.detail;
    if (body && typeof body.title === 'string' && body.title) return body.title;
    return `The request failed (HTTP ${code}).`;
  }

  function setBusy(busy, message) {
    button.disabled = busy;
    button.classList.toggle('busy', busy);
    button.querySelector('.button-label').textContent = busy ? 'Working…' : 'Generate prompt';
    $('progress').hidden = !busy;
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

  // On a phone the result sits below the form, out of sight: scroll to it when it is.
  function bringIntoView(element) {
    if (element.getBoundingClientRect().top < window.innerHeight * 0.8) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  }

  // A rendered result arrived: the picture is this browser's copy of the file (never uploaded
  // again; a stored analysis opened from the history has none), blurred as the server said unless
  // the person already asked to see this image.
  document.addEventListener('htmx:afterSwap', () => {
    const head = $('result-head');
    if (!head || !head.dataset.answer) return;
    current = JSON.parse(head.dataset.answer);
    generatedIn = workspace ? workspace.value : null;
    $('empty-state').hidden = true;
    result.hidden = false;
    const stage = $('overlay-stage');
    const picture = $('overlay-image');
    $('picture-section').hidden = !previewUrl;
    if (previewUrl) {
      picture.src = previewUrl;
      picture.alt = picture.dataset.alt;
    }
    const blurred = head.dataset.blur === 'true' && !previewFrame.dataset.revealed;
    previewFrame.classList.toggle('is-blurred', blurred);
    stage.classList.toggle('is-blurred', blurred);
    if (previewFrame.dataset.revealed) stage.dataset.revealed = 'true';
    if (savedNote) savedNote.replaceChildren();
    promptEdited();
    bringIntoView(result);
  });

  // "What is it?": the answer becomes the subject control and the prompt is written again from
  // the stored analysis (the form now carries its id, not the image).
  document.addEventListener('submit', (event) => {
    if (event.target.id !== 'ask-subject-form') return;
    event.preventDefault();
    const answer = $('what-is-it').value.trim();
    if (!answer || !analysisId()) return;
    $('subject').value = answer;
    htmx.trigger(form, 'submit');
  });

  // The workbench: the prompt is editable; the meter, the downloads and what "Copy all" copies
  // follow the edits; "Undo my edits" brings back the compiled text.
  const UNITS = { CHARACTERS: 'characters', CLIP_TOKENS: 'CLIP tokens', T5_TOKENS: 'T5 tokens' };

  // The length in the unit the target counts, as the server wrote it for the compiled text:
  // characters as UTF-16 units, tokens estimated ("≈") for an edited text.
  function length(box, text) {
    const unit = box.dataset.unit;
    const count = unit === 'CHARACTERS' ? text.length
      : text === current.prompt ? box.dataset.tokens : `≈${estimateTokens(text)}`;
    return `${count} / ${box.dataset.max} ${UNITS[unit] || 'tokens'}`;
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

  function promptEdited() {
    const box = $('prompt-output');
    if (!current || !box) return;
    const text = box.textContent;
    $('prompt-meta').textContent = `· ${length(box, text)} · ${box.dataset.targetName}`;
    $('reset-prompt').hidden = text === current.prompt;
    $('copy-all-button').dataset.copyText = allText(text);
    refreshDownloads(text);
  }

  document.addEventListener('input', (event) => {
    if (event.target.id !== 'prompt-output') return;
    promptEdited();
    if (savedNote) savedNote.replaceChildren();
  });
  document.addEventListener('click', (event) => {
    const use = event.target.closest('.use-variation, #reset-prompt');
    if (!use || !current) return;
    const box = $('prompt-output');
    box.textContent = use.id === 'reset-prompt' ? current.prompt : $(use.dataset.variation).textContent;
    promptEdited();
    box.focus();
    status.textContent = use.id === 'reset-prompt'
      ? 'The compiled prompt is back.' : `Variation ${use.dataset.variation.split('-')[1]} is in the editor.`;
  });

  // "Copy all": the prompt, the negative prompt and the parameters, as one would paste them into
  // notes or a ticket.
  function allText(text) {
    const parts = [text];
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
  const downloadUrls = {};
  function refreshDownloads(text) {
    const txt = text + (current.negativePrompt ? `\nNegative prompt: ${current.negativePrompt}` : '') + '\n';
    const answer = text === current.prompt ? current : { ...current, editedPrompt: text };
    const name = `promptlens-${current.target}-${current.mode}`;
    setDownload('txt', new Blob([txt], { type: 'text/plain;charset=utf-8' }), name);
    setDownload('json', new Blob([JSON.stringify(answer, null, 2) + '\n'], { type: 'application/json' }), name);
  }
  function setDownload(kind, blob, name) {
    if (downloadUrls[kind]) URL.revokeObjectURL(downloadUrls[kind]);
    downloadUrls[kind] = URL.createObjectURL(blob);
    const link = $(`download-${kind}`);
    link.href = downloadUrls[kind];
    link.download = `${name}.${kind}`;
  }

  // Signed in: an analysis belongs to one workspace, so moving to another means uploading again.
  // Working in a workspace makes it the current one: the header's links (History, Library, ...)
  // and its switcher follow, and the choice is remembered for the next page (the same cookie the
  // server sets when a page names a workspace).
  if (workspace) {
    workspace.addEventListener('change', () => {
      setAnalysisId('');
      followWorkspace(workspace.value);
    });
  }
  function followWorkspace(id) {
    const bar = $('workspace-bar');
    const chosen = bar && bar.querySelector(`.switch-workspace[data-workspace="${CSS.escape(id)}"]`);
    if (!chosen) return;
    const previous = bar.querySelector('.switch-workspace[aria-current="true"]');
    const previousId = previous ? previous.dataset.workspace : null;
    if (previousId && previousId !== id) {
      bar.querySelectorAll('.workspace-nav a').forEach((link) => {
        link.href = link.href.split(previousId).join(id);
      });
      previous.removeAttribute('aria-current');
    }
    chosen.setAttribute('aria-current', 'true');
    $('current-workspace').textContent = chosen.firstElementChild.textContent;
    document.cookie = `promptlens-workspace=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax`
        + (location.protocol === 'https:' ? '; secure' : '');
  }

  // The JSON API, for what the workbench does with a prompt after it is written (save it, make a
  // brand style), with api.js's headers (the page's CSRF token among them).
  const headers = window.promptLensApiHeaders;

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => null);
    return { ok: response.ok, answer, problem: response.ok ? '' : problemMessage(response.status, answer) };
  }

  function link(id, href) {
    const a = document.createElement('a');
    a.id = id;
    a.href = href;
    a.textContent = 'Open it';
    return a;
  }

  // Save to library: into the workspace chosen under "Save to", optionally into one of its
  // collections. A generation made in that workspace is saved by id (the item links back to it;
  // an edited prompt goes along); one made elsewhere is saved as text.
  const saveForm = $('save-form');
  const savedNote = $('saved');
  const collectionSelect = $('save-collection');
  async function loadCollections() {
    const none = collectionSelect.options[0];
    collectionSelect.replaceChildren(none);
    try {
      const response = await fetch(
        `/api/v1/workspaces/${encodeURIComponent(workspace.value)}/collections`, { headers: headers({}) });
      if (!response.ok) return;
      (await response.json()).forEach((c) => {
        const option = document.createElement('option');
        option.value = c.id;
        option.textContent = c.name;
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
    saveForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!current) return;
      const into = workspace.value;
      const text = $('prompt-output').textContent.trim();
      const body = into === generatedIn
        ? { generationId: current.id, prompt: text === current.prompt ? null : text }
        : { prompt: text, negativePrompt: current.negativePrompt, target: current.target, mode: current.mode };
      body.collectionId = collectionSelect.value || null;
      $('save-button').disabled = true;
      try {
        const saved = await post(`/api/v1/workspaces/${encodeURIComponent(into)}/library`, body);
        if (!saved.ok) {
          savedNote.textContent = `Not saved: ${saved.problem}`;
          return;
        }
        const where = workspace.selectedOptions[0].text
          + (collectionSelect.value ? ` › ${collectionSelect.selectedOptions[0].text}` : '');
        savedNote.replaceChildren(`Saved to ${where} (private to you until shared). `,
          link('saved-link', `/workspaces/${encodeURIComponent(into)}/library/${encodeURIComponent(saved.answer.id)}`));
        status.textContent = `Saved to ${where}.`;
      } catch (e) {
        savedNote.textContent = 'Not saved: could not reach PromptLens. Try again.';
      } finally {
        $('save-button').disabled = false;
      }
    });
  }

  // "Make a brand style from this image": the stored analysis's palette, light, medium and lens
  // become a brand style of the workspace the prompt was written in.
  const makeStyle = $('make-style-button');
  if (makeStyle) {
    makeStyle.addEventListener('click', async () => {
      const note = $('style-made');
      if (!current || !generatedIn) {
        note.textContent = 'Write a prompt from an image first.';
        return;
      }
      const name = `Style of ${file && file.name ? file.name : 'an image'}`.slice(0, 100);
      makeStyle.disabled = true;
      try {
        const made = await post(`/api/v1/workspaces/${encodeURIComponent(generatedIn)}/presets`,
          { name, analysisId: current.analysisId });
        if (!made.ok) {
          note.textContent = `No brand style made: ${made.problem}`;
          return;
        }
        note.replaceChildren(`Brand style “${made.answer.name}” made. `,
          link('style-link', `/workspaces/${encodeURIComponent(generatedIn)}/presets/${encodeURIComponent(made.answer.id)}`));
      } catch (e) {
        note.textContent = 'No brand style made: could not reach PromptLens. Try again.';
      } finally {
        makeStyle.disabled = false;
      }
    });
  }

  // Opened from the history with a stored analysis (the server put its id, target and mode in
  // the form): write it once.
  htmx.onLoad((loaded) => {
    if (loaded === document.body && analysisId()) htmx.trigger(form, 'submit');
  });
})();
