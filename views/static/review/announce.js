// The live region: what a screen reader says after a verdict or a change that is not otherwise spoken.
const region = document.getElementById('announcer');
let timer;

/** Speaks `message` politely; the same message twice is spoken twice (the region is emptied first). */
export function announce(message) {
  if (!region) return;
  region.textContent = '';
  clearTimeout(timer);
  timer = setTimeout(() => {
    region.textContent = message;
  }, 30);
}
