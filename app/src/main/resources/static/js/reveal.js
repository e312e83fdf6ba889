// The one "Show image" handler: a picture the safety check marked, in a workspace that blurs such
// images, stays blurred (class is-blurred on its .blur-frame) until the user asks to see it.
// Frames of one data-blur-group (the home page's preview and its analysis picture) are one image:
// shown together, and marked data-revealed so a later answer for the same image does not blur it
// again.
(() => {
  'use strict';
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-reveal]');
    if (!button) return;
    event.preventDefault(); // the home page's preview button sits in the drop zone's label
    const frame = button.closest('.blur-frame');
    if (!frame) return;
    const group = frame.dataset.blurGroup;
    const frames = group
      ? document.querySelectorAll(`.blur-frame[data-blur-group="${CSS.escape(group)}"]`)
      : [frame];
    frames.forEach((shown) => {
      shown.classList.remove('is-blurred');
      shown.dataset.revealed = 'true';
    });
    const status = document.getElementById('status');
    if (status && group) status.textContent = 'Image shown.';
  });
})();
