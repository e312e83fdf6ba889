// The analysis drawn on the picture (home page). The server renders the boxes, grid lines and
// labels (workbench/result.html) with their place in percent as data attributes; this script puts
// them there (the Content-Security-Policy allows no style attributes in the page) and lays the
// labels out, which needs the picture's size in this browser: inside the box's top left corner,
// else just above the box, else just below it, else inside the bottom right, moved sideways to
// stay inside the picture; one that fits nowhere without covering another, or would be cut short,
// is listed under the picture instead (numbered on its box, when there is room).
(() => {
  'use strict';

  let observed = null;
  const resize = window.ResizeObserver ? new ResizeObserver(() => layoutLabels()) : null;
  if (!resize) window.addEventListener('resize', () => layoutLabels());

  function setUp() {
    const stage = document.getElementById('overlay-stage');
    if (!stage) return;
    stage.querySelectorAll('[data-left]').forEach((node) => {
      node.style.left = `${node.dataset.left}%`;
      node.style.top = `${node.dataset.top}%`;
      if (node.dataset.width !== undefined) node.style.width = `${node.dataset.width}%`;
      if (node.dataset.height !== undefined) node.style.height = `${node.dataset.height}%`;
    });
    document.querySelectorAll('[data-colour]').forEach((chip) => {
      chip.style.backgroundColor = chip.dataset.colour;
    });
    // The picture changes size with the window, the layout around it and the image's own load.
    if (resize && observed !== stage) {
      if (observed) resize.unobserve(observed);
      resize.observe(stage);
      observed = stage;
    }
    document.getElementById('overlay-image').addEventListener('load', () => layoutLabels());
    layoutLabels();
  }

  document.addEventListener('htmx:afterSettle', setUp);
  document.addEventListener('change', (event) => {
    const toggle = event.target.closest('.overlay-toggles input');
    if (!toggle) return;
    const layer = document.querySelector(`.overlay-layer[data-layer="${CSS.escape(toggle.dataset.layer)}"]`);
    if (layer) layer.hidden = !toggle.checked;
    layoutLabels();
  });

  function layoutLabels() {
    const stage = document.getElementById('overlay-stage');
    const legend = document.getElementById('overlay-legend');
    if (!stage || !legend) return;
    const listed = [];
    const placed = [];
    const width = stage.clientWidth;
    const height = stage.clientHeight;
    const free = (x, y, w, h) => !placed.some((p) => x < p.x + p.w && p.x < x + w && y < p.y + p.h && p.y < y + h);
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
        .map(([dx, dy]) => ({ x: Math.min(Math.max(bx + dx, 0), width - lw), y: by + dy }))
        .find(({ x, y }) => y >= 0 && y + lh <= height && x >= 0 && free(x, y, lw, lh));
      if (spot) {
        label.style.left = `${spot.x - bx}px`;
        label.style.top = `${spot.y - by}px`;
        placed.push({ x: spot.x, y: spot.y, w: lw, h: lh });
        return;
      }
      listed.push(label.dataset.text);
      label.textContent = String(listed.length);
      const lw2 = label.offsetWidth;
      const lh2 = label.offsetHeight;
      const x = Math.min(Math.max(bx, 0), width - lw2);
      const y = Math.min(Math.max(by, 0), height - lh2);
      const room = y >= 0 && free(x, y, lw2, lh2);
      label.hidden = !room;
      label.style.left = `${x - bx}px`;
      label.style.top = `${y - by}px`;
      if (room) placed.push({ x, y, w: lw2, h: lh2 });
    });
    legend.replaceChildren(...listed.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }));
    legend.hidden = listed.length === 0;
  }
})();
