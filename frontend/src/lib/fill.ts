// A screen that holds still: the element takes the height left below it in the window, so its
// parts scroll inside it and the page itself never does. Below {@code min} pixels it stops
// shrinking and the page scrolls after all (a phone held sideways).

export function fillWindow(node: HTMLElement, options: { min?: number; bottom?: number } = {}) {
  const min = options.min ?? 520;
  const bottom = options.bottom ?? 12;
  let frame = 0;
  const fit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const top = node.getBoundingClientRect().top + window.scrollY;
      node.style.height = `${Math.max(min, Math.floor(window.innerHeight - top - bottom))}px`;
      // Whatever still comes below it (the page's own margin) comes off too.
      const over = document.documentElement.scrollHeight - window.innerHeight;
      if (over > 0) node.style.height = `${Math.max(min, node.offsetHeight - over)}px`;
    });
  };
  fit();
  window.addEventListener('resize', fit);
  return {
    destroy() {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', fit);
    },
  };
}
