() => {
  // Visible text that is cut off: an element (or one of its two nearest ancestors) that clips its overflow or ends
  // it with an ellipsis and is narrower than its content; inputs whose value is wider than the box.
  const cut = [];
  const seen = new Set();
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"]'); };
  const ownText = (el) => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const root = document.querySelector('[data-testid="stApp"]') || document.body;
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('.js-plotly-plot, .fl-text, pre, code, [data-testid="stCode"]')) continue;
    if (!(ownText(el) || (el.tagName === 'INPUT' && el.value))) continue;
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= 0 || r.width <= 2) continue;  // off-screen (a closed sidebar) or visually hidden for screen readers
    let box = el;
    for (let k = 0; k < 3 && box && box !== root; k++, box = box.parentElement) {
      const s = getComputedStyle(box);
      const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis' || box.tagName === 'INPUT';
      if (clips && box.scrollWidth > box.clientWidth + 1) {
        if (!seen.has(box) && box.clientWidth > 2) {
          seen.add(box);
          cut.push({text: (el.tagName === 'INPUT' ? el.value : el.textContent).trim(), tag: box.tagName.toLowerCase(),
                    label: box.getAttribute('aria-label') || '', testid: box.dataset.testid || '',
                    needs: box.scrollWidth, has: box.clientWidth});
        }
        break;
      }
    }
  }
  return cut;
}
