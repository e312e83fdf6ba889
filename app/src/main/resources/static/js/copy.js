// The one copy script, on every page: <button data-copy-target="id"> copies that element's text as
// it is now (an edited prompt included), <button data-copy-text="…"> copies the text itself. A
// button of plain text says "Copied" for a moment; data-copied is the message for the page's status
// line (#status), where it has one. Without the async clipboard (plain http) it falls back to
// execCommand; when both fail, the text is selected for Ctrl+C.
(() => {
  'use strict';

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-copy-target], [data-copy-text]');
    if (!button) return;
    const source = button.dataset.copyTarget ? document.getElementById(button.dataset.copyTarget) : null;
    if (button.dataset.copyTarget && !source) return;
    const copied = await write(source ? source.textContent : button.dataset.copyText);
    const status = document.getElementById('status');
    if (copied) {
      if (status && button.dataset.copied) status.textContent = button.dataset.copied;
      flash(button, 'Copied');
      return;
    }
    if (source) select(source);
    if (!status) {
      flash(button, 'Select and copy by hand');
    } else {
      status.textContent = source
        ? 'Copy failed: the text is selected, press Ctrl+C (⌘C on a Mac).'
        : 'Copy failed: select the text and copy it by hand.';
    }
  });

  async function write(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      return legacyCopy(text); // the async clipboard needs a secure context (https or localhost)
    }
  }

  function legacyCopy(text) {
    const area = document.createElement('textarea');
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

  // Only a button that is plain text says so: a palette swatch keeps its colour chip.
  function flash(button, text) {
    if (button.childElementCount > 0) return;
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = text;
    button.classList.add('copied');
    setTimeout(() => {
      button.textContent = button.dataset.label;
      button.classList.remove('copied');
    }, 1500);
  }

  function select(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    element.focus();
  }
})();
