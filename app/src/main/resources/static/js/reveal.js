// "Show image" buttons: a picture the safety check marked, in a workspace that blurs such images,
// stays blurred (class is-blurred on its .blur-frame) until the user asks to see it.
(() => {
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-reveal]');
    if (!button) return;
    event.preventDefault();
    const frame = button.closest('.blur-frame');
    if (frame) frame.classList.remove('is-blurred');
  });
})();
