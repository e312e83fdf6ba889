// Batch pages: start a batch through the API, then watch it by polling (no build step, no SSE
// connection held per viewer: one small GET a second).
(() => {
  'use strict';

  const headers = window.promptLensApiHeaders; // api.js, loaded before this script

  const form = document.getElementById('batch-form');
  if (form) {
    const error = document.getElementById('batch-error');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const data = new FormData();
      for (const input of [document.getElementById('batch-files'), document.getElementById('batch-folder')]) {
        for (const file of input.files) {
          // A folder pick keeps each file's path inside the folder.
          data.append('files', file, file.webkitRelativePath || file.name);
        }
      }
      for (const field of form.querySelectorAll('[name]')) {
        if (field.type === 'checkbox') {
          if (field.checked) data.append(field.name, 'true');
        } else if (field.value.trim() !== '') {
          data.append(field.name, field.value);
        }
      }
      const button = document.getElementById('batch-start');
      button.disabled = true;
      try {
        const response = await fetch(form.dataset.api, { method: 'POST', headers: headers(), body: data });
        const body = await response.json().catch(() => ({}));
        if (response.status !== 202) {
          error.textContent = body.detail || `The upload was refused (${response.status}).`;
          error.hidden = false;
          return;
        }
        window.location.assign(`${form.dataset.page}/${body.id}`);
      } catch (e) {
        error.textContent = 'The upload did not reach the server; check the connection and try again.';
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
  }

  const batch = document.getElementById('batch');
  if (batch) {
    const progress = document.getElementById('batch-progress');
    const status = document.getElementById('batch-status');
    const counts = document.getElementById('batch-counts');
    const downloads = document.getElementById('batch-downloads');
    const items = document.getElementById('batch-items');
    const cancel = document.getElementById('batch-cancel');

    function render(view) {
      const settled = view.counts.done + view.counts.failed + view.counts.cancelled;
      progress.max = Math.max(1, view.total);
      progress.value = settled;
      status.textContent = view.status;
      counts.textContent = `${view.counts.done} done, ${view.counts.failed} failed, ${view.counts.queued} waiting`;
      items.replaceChildren(...view.items.map((item) => {
        const li = document.createElement('li');
        li.className = `batch-item batch-item-${item.state}`;
        li.textContent = `${item.file}: ${item.state === 'failed' ? item.error : item.caption || item.state}`;
        return li;
      }));
      const finished = view.status !== 'running';
      downloads.hidden = view.counts.done === 0 && !finished;
      if (cancel) cancel.hidden = finished;
      return finished;
    }

    async function poll() {
      try {
        const response = await fetch(batch.dataset.api, { headers: headers() });
        if (response.ok && render(await response.json())) return;
      } catch (e) {
        // A missed poll is retried; the page says nothing new until the next answer.
      }
      setTimeout(poll, 1000);
    }

    if (cancel) {
      cancel.addEventListener('click', async () => {
        await fetch(batch.dataset.api, { method: 'DELETE', headers: headers() });
      });
    }
    poll();
  }
})();
