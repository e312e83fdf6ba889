// Copy buttons: <button data-copy-target="element-id"> copies that element's text.
(() => {
  document.querySelectorAll('[data-copy-target]').forEach((button) => {
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copyTarget);
      if (!source) return;
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = 'Copied';
      } catch (e) {
        button.textContent = 'Select and copy by hand';
      }
      setTimeout(() => { button.textContent = label; }, 1500);
    });
  });
})();
