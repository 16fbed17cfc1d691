// Text that fits its box: the box's type scale (the CSS variable --fit) starts a little large and
// shrinks in steps until nothing runs out of the box, or the floor is reached: short text fills
// the screen, long text still fits. Run again when the content changes (the parameter) or the
// window does. For the projector, where nothing may scroll.

export function fitText(node: HTMLElement, content: unknown) {
  const START = 1.3;
  const FLOOR = 0.45;
  let frame = 0;
  const overflows = () => node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1;
  const fit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      let scale = START;
      node.style.setProperty('--fit', String(START));
      while (overflows() && scale > FLOOR) {
        scale = Math.max(FLOOR, scale * 0.92);
        node.style.setProperty('--fit', scale.toFixed(3));
      }
    });
  };
  fit();
  window.addEventListener('resize', fit);
  return {
    update(_: unknown) {
      fit();
    },
    destroy() {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', fit);
    },
  };
}
