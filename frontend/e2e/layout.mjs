// Layout checks for any page at any size: what a person sees must not lie on top of other text,
// run out of its panel or the window, or be too small to tap. Used by the tests of every screen.
import assert from 'node:assert/strict';

/**
 * Collects the problems on the page as it is now:
 * - text over text: the boxes of two visible pieces of text overlap;
 * - overflow: the page is wider (or, with `fit`, taller) than the window, or a panel's content runs
 *   out of it (a scrolling panel may be taller inside, never wider);
 * - cut off: text clipped by a box that is not meant to cut it (one that ends in an ellipsis or
 *   clamps its lines is);
 * - targets: buttons, links, fields and labels of checkboxes under 44×44 px, or the `seats` under
 *   56×56; two targets that overlap.
 */
export async function layoutProblems(page, { fit = false, panels = [], seats = null, minTarget = 44, seatTarget = 56 } = {}) {
  return page.evaluate(({ fit, panels, seats, minTarget, seatTarget }) => {
    const problems = [];
    const W = document.documentElement.clientWidth;
    const H = window.innerHeight;
    const describe = (el) => {
      const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const visible = (el) => {
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
        if (e.tagName === 'DETAILS' && !e.open && e !== el && !(el.closest('summary') && el.closest('details') === e)) return false;
        if (e.tagName === 'DIALOG' && !e.open) return false;
      }
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      // Visually hidden text (for screen readers only).
      const style = getComputedStyle(el);
      return !(style.position === 'absolute' && (style.clip === 'rect(0px, 0px, 0px, 0px)' || (r.width <= 1 && r.height <= 1)));
    };
    const srOnly = (el) => el.closest('.sr-only') !== null;
    // What clips an element: its ancestors that hide their overflow.
    const clips = (el, self = false) => {
      const list = [];
      for (let e = self ? el : el.parentElement; e && e !== document.body; e = e.parentElement) {
        // A modal dialog lies on top of everything, clipped by nothing around it.
        if (e.tagName === 'DIALOG' && e.matches(':modal')) {
          const s = getComputedStyle(e);
          if (s.overflowX !== 'visible' || s.overflowY !== 'visible') list.push(e);
          break;
        }
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') list.push(e);
      }
      return list;
    };
    const intersect = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
    const area = (r) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    // A modal dialog covers the page: only what is in it counts then.
    const modal = [...document.querySelectorAll('dialog[open]')].find((d) => d.matches(':modal'));
    const root = modal ?? document.body;
    const inLayer = (el) => (modal ? modal.contains(el) : !el.closest('dialog'));

    // What floats over the page (sticky, fixed, or lifted above it, with a background) hides what lies under it.
    const lifted = (e) => {
      for (; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.position === 'sticky' || s.position === 'fixed' || (s.position === 'absolute' && s.zIndex !== 'auto')) return true;
      }
      return false;
    };
    const covers = [...root.querySelectorAll('*')].filter((e) => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)'
      && lifted(e) && visible(e)).map((e) => ({ e, r: e.getBoundingClientRect() }));
    const covered = (el, r) => covers.some((c) => !c.e.contains(el) && !el.contains(c.e)
      && Math.min(r.right, c.r.right) - Math.max(r.left, c.r.left) > 2 && Math.min(r.bottom, c.r.bottom) - Math.max(r.top, c.r.top) > 2);

    // Pieces of text: each element's own text nodes, as the boxes of their lines, cut to what shows.
    const pieces = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      if (!el || srOnly(el) || !inLayer(el) || ['SCRIPT', 'STYLE', 'OPTION', 'TEXTAREA'].includes(el.tagName) || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const clippers = clips(el, true);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        let shown = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        let cut = null;
        for (const c of clippers) {
          const box = c.getBoundingClientRect();
          const next = intersect(shown, box);
          if (area(next) < area(shown) - 1) {
            const s = getComputedStyle(c);
            const scrolls = ['auto', 'scroll'].includes(s.overflowY) || ['auto', 'scroll'].includes(s.overflowX);
            const meant = getComputedStyle(el).textOverflow === 'ellipsis' || s.textOverflow === 'ellipsis'
              || s.webkitLineClamp !== 'none' || getComputedStyle(el).webkitLineClamp !== 'none';
            if (!scrolls && !meant && !cut) cut = c;
          }
          shown = next;
        }
        if (area(shown) < 1 || covered(el, shown)) continue;
        if (cut) problems.push(`cut off: ${describe(el)} by ${describe(cut)}`);
        pieces.push({ el, r: shown });
        if (shown.right > W + 1 || shown.left < -1) problems.push(`outside the window: ${describe(el)}`);
        if (fit && (shown.bottom > H + 1 || shown.top < -1)) problems.push(`below the window: ${describe(el)}`);
      }
    }
    // Text over text: only pieces from different elements, each overlapping by more than a sliver.
    for (let i = 0; i < pieces.length; i++) {
      for (let j = i + 1; j < pieces.length; j++) {
        const a = pieces[i];
        const b = pieces[j];
        if (a.el === b.el) continue;
        const o = intersect(a.r, b.r);
        if (o.right - o.left > 2 && o.bottom - o.top > 2) {
          problems.push(`text over text: ${describe(a.el)} and ${describe(b.el)}`);
        }
      }
    }

    // Overflow of the page and of the panels.
    if (document.documentElement.scrollWidth > W + 1) problems.push(`page wider than the window: ${document.documentElement.scrollWidth} > ${W}`);
    if (fit && document.documentElement.scrollHeight > H + 1) problems.push(`page taller than the window: ${document.documentElement.scrollHeight} > ${H}`);
    for (const selector of panels) {
      for (const panel of document.querySelectorAll(selector)) {
        if (!visible(panel)) continue;
        if (panel.scrollWidth > panel.clientWidth + 1) problems.push(`wider inside than ${selector}: ${panel.scrollWidth} > ${panel.clientWidth}`);
        const s = getComputedStyle(panel);
        if (!['auto', 'scroll'].includes(s.overflowY) && panel.scrollHeight > panel.clientHeight + 1) {
          problems.push(`taller inside than ${selector}: ${panel.scrollHeight} > ${panel.clientHeight}`);
        }
        const box = panel.getBoundingClientRect();
        if (box.right > W + 1 || box.left < -1 || (fit && box.bottom > H + 1)) problems.push(`${selector} runs out of the window`);
      }
    }

    // Targets.
    const targets = [...root.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary')]
      .filter((el) => inLayer(el) && visible(el) && !srOnly(el));
    const boxes = [];
    for (const el of targets) {
      let target = el;
      if (el.matches('input[type=checkbox], input[type=radio]')) target = el.closest('label') ?? el;
      // A link inside running text is exempt (WCAG 2.5.8).
      if (el.matches('a') && el.closest('p, li') && el.closest('p, li').textContent.trim() !== el.textContent.trim()) continue;
      const r = target.getBoundingClientRect();
      // What scrolled out of a panel is not on the screen to tap.
      const clipper = clips(target).find((c) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(c).overflowY));
      if (clipper) {
        const c = clipper.getBoundingClientRect();
        if (r.bottom <= c.top || r.top >= c.bottom) continue;
      }
      const need = seats && el.matches(seats) ? seatTarget : minTarget;
      if (r.width < need - 0.5 || r.height < need - 0.5) problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)} under ${need} px: ${describe(el)}`);
      if (!boxes.some((b) => b.target === target)) boxes.push({ target, r, el });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.target.contains(b.target) || b.target.contains(a.target)) continue;
        const o = intersect(a.r, b.r);
        if (o.right - o.left > 1 && o.bottom - o.top > 1) problems.push(`targets overlap: ${describe(a.el)} and ${describe(b.el)}`);
      }
    }
    return [...new Set(problems)];
  }, { fit, panels, seats, minTarget, seatTarget });
}

/** The moderator's console: it fits the window, its panels hold their content, seats are 56 px targets. */
export const CONSOLE = { fit: true, panels: ['.ring', '.side', '.top', '.side .body'], seats: '.seat' };

/** Fails the test with every problem found, naming the screen. */
export async function assertLayout(page, what, options) {
  const problems = await layoutProblems(page, options);
  assert.deepEqual(problems, [], `layout of ${what}`);
}

/** Asserts that nothing in the page moves while `act` runs (the listed elements keep their boxes). */
export async function holdsStill(page, selectors, act) {
  const boxes = () => page.evaluate((selectors) => selectors.map((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',') : 'none';
  }), selectors);
  const before = await boxes();
  await act();
  const after = await boxes();
  assert.deepEqual(after, before, `these moved: ${selectors.filter((s, i) => after[i] !== before[i]).join(', ')}`);
}
