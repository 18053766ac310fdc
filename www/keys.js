// Arrow keys inside a list: the list is one Tab stop (its current item has
// tabindex 0, the others -1: a "roving tabindex"), and ArrowDown/ArrowRight,
// ArrowUp/ArrowLeft, Home and End move between its visible items. Keeps a
// short article with a long list from costing a Tab press per item.

const NEXT = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

function visible(el) {
  return !el.closest('[hidden]') && !el.classList.contains('dim');
}

/**
 * Makes `container`'s items (matching `selector`) one Tab stop with arrow-key
 * movement. Returns `reset()`, to call after the items change: it keeps the
 * current item if it is still there and visible, else the first visible one.
 */
export function rovingList(container, selector) {
  let current = null;
  const items = () => [...container.querySelectorAll(selector)].filter(visible);
  const setCurrent = (el) => {
    if (current && current !== el && container.contains(current)) current.tabIndex = -1;
    current = el;
    if (el) el.tabIndex = 0;
  };
  container.addEventListener('focusin', (e) => {
    const item = e.target.closest?.(selector);
    if (item && container.contains(item)) setCurrent(item);
  });
  container.addEventListener('keydown', (e) => {
    const item = e.target.closest?.(selector);
    if (!item || e.altKey || e.ctrlKey || e.metaKey) return;
    const list = items();
    const at = list.indexOf(item);
    let to = -1;
    if (e.key in NEXT) to = Math.min(list.length - 1, Math.max(0, at + NEXT[e.key]));
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = list.length - 1;
    else return;
    e.preventDefault();
    list[to]?.focus();
  });
  return function reset() {
    const list = items();
    for (const el of container.querySelectorAll(selector)) el.tabIndex = -1;
    const keep = current && list.includes(current) ? current : list[0] ?? null;
    current = null;
    setCurrent(keep);
  };
}
