// Octavo progressive enhancement: a note pops up when its marker is hovered or focused.
// Pages work fully without this file; links still jump to the notes and back.
(() => {
  var popup = null;
  var current = null;
  var hideTimer = 0;

  function noteFor(link) {
    var hash = link.getAttribute('href') || '';
    if (hash.charAt(0) !== '#') return null;
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  }

  function ensurePopup() {
    if (popup) return popup;
    popup = document.createElement('div');
    popup.className = 'note-popup';
    popup.id = 'note-popup';
    popup.setAttribute('role', 'tooltip');
    popup.hidden = true;
    popup.addEventListener('mouseenter', () => {
      clearTimeout(hideTimer);
    });
    popup.addEventListener('mouseleave', scheduleHide);
    document.body.appendChild(popup);
    return popup;
  }

  function show(link) {
    var note = noteFor(link);
    var body = note?.querySelector('.note-body');
    if (!body) return;
    clearTimeout(hideTimer);
    var p = ensurePopup();
    // Copy the note's own, already escaped nodes; drop the back-links, which make no sense here.
    p.replaceChildren();
    var copy = body.cloneNode(true);
    copy.querySelectorAll('.backrefs, [id]').forEach((el) => {
      if (el.classList.contains('backrefs')) el.remove();
      else el.removeAttribute('id');
    });
    while (copy.firstChild) p.appendChild(copy.firstChild);
    p.hidden = false;
    current = link;
    link.setAttribute('aria-describedby', 'note-popup');
    place(link, p);
  }

  function place(link, p) {
    var r = link.getBoundingClientRect();
    var width = Math.min(p.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(
      8,
      Math.min(r.left + window.scrollX - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8),
    );
    var below = r.bottom + window.scrollY + 8;
    var above = r.top + window.scrollY - p.offsetHeight - 8;
    var fitsBelow = r.bottom + p.offsetHeight + 16 < window.innerHeight;
    p.style.left = `${left}px`;
    p.style.top = `${fitsBelow || above < window.scrollY ? below : above}px`;
  }

  function hide() {
    if (!popup) return;
    popup.hidden = true;
    if (current) current.removeAttribute('aria-describedby');
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function markerOf(target) {
    return target?.closest ? target.closest('.noteref a[href^="#"]') : null;
  }

  document.addEventListener('mouseover', (e) => {
    var link = markerOf(e.target);
    if (link) show(link);
  });
  document.addEventListener('mouseout', (e) => {
    if (markerOf(e.target)) scheduleHide();
  });
  document.addEventListener('focusin', (e) => {
    var link = markerOf(e.target);
    if (link) show(link);
    else if (!popup?.contains(e.target)) hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  // Following a marker shows the note itself; the pop-up would only hide it.
  document.addEventListener('click', (e) => {
    if (markerOf(e.target)) hide();
  });
  window.addEventListener('hashchange', hide);
})();

// "Cite this": a Copy button after each entry, where the browser lets a page write to the clipboard.
// Without it the entries are plain text to select.
(() => {
  if (!navigator.clipboard?.writeText) return;
  document.querySelectorAll('.cite-entry').forEach((entry) => {
    var label = entry.closest('.cite-style')?.querySelector('dt')?.textContent || '';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-copy';
    var say = (word) => {
      button.textContent = word;
      button.setAttribute('aria-label', `${word} the ${label} citation`.replace(/\s+/g, ' '));
    };
    say('Copy');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(entry.textContent.trim()).then(
        () => {
          say('Copied');
          setTimeout(() => say('Copy'), 2000);
        },
        () => {},
      );
    });
    entry.after(button);
  });
})();
