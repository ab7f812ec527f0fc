// govmap report: filters over findings (counts follow them, sections without a match fold
// away), diagrams in panes with pan and zoom, and a side drawer with a body's links, seats and
// findings when its box is clicked. Self-contained: no network access of any kind.
(function () {
  'use strict';
  const form = document.querySelector('form.controls');
  const findings = Array.from(document.querySelectorAll('li.finding'));
  const shownOutput = document.querySelector('.topbar output.shown');

  function element(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // ---- Filters ----
  function filtersActive() {
    return Array.from(form.querySelectorAll('input[name=severity]')).some(i => !i.checked) ||
      form.elements.rule.value !== '' || form.elements.body.value.trim() !== '' || form.elements.search.value.trim() !== '';
  }

  function applyFilters() {
    const severities = new Set(Array.from(form.querySelectorAll('input[name=severity]:checked')).map(i => i.value));
    const rule = form.elements.rule.value;
    const body = form.elements.body.value.trim().toLowerCase();
    const words = form.elements.search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const li of findings) {
      const subjects = li.querySelector('.subjects');
      const ok = severities.has(li.dataset.severity) &&
        (!rule || li.dataset.rule === rule) &&
        (!body || li.dataset.bodies.toLowerCase().split(' ').includes(body) ||
         (subjects !== null && subjects.textContent.toLowerCase().includes(body))) &&
        words.every(w => li.dataset.search.includes(w));
      li.hidden = !ok;
      if (ok) shown++;
    }
    const active = filtersActive();
    for (const group of document.querySelectorAll('.rule-group')) {
      const total = group.querySelectorAll('li.finding').length;
      const visible = group.querySelectorAll('li.finding:not([hidden])').length;
      group.hidden = visible === 0;
      const n = group.querySelector('.n');
      if (n) n.textContent = visible === total ? String(total) : visible + ' of ' + total;
    }
    for (const block of document.querySelectorAll('.findings')) {
      const total = block.querySelectorAll('li.finding').length;
      const visible = block.querySelectorAll('li.finding:not([hidden])').length;
      const count = block.querySelector('h3 .count');
      if (count) count.textContent = '(' + (visible === total ? total : visible + ' of ' + total) + ')';
      const none = block.querySelector('.none-shown');
      if (none) none.hidden = visible > 0 || total === 0;
    }
    for (const section of document.querySelectorAll('main > section')) {
      const visible = section.querySelectorAll('li.finding:not([hidden])').length;
      const out = active && visible === 0;
      section.classList.toggle('filtered-out', out);
      const note = section.querySelector('.filtered-note');
      if (note) note.hidden = !out;
    }
    shownOutput.value = shown === findings.length ? findings.length + ' findings'
      : 'showing ' + shown + ' of ' + findings.length + ' findings';
  }
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  form.addEventListener('reset', () => setTimeout(applyFilters, 0));
  applyFilters();

  // Menus close after a choice, on Escape and on a click elsewhere.
  const menus = Array.from(document.querySelectorAll('details.menu'));
  document.addEventListener('click', e => {
    for (const m of menus) if (m.open && !m.contains(e.target)) m.open = false;
  });
  for (const m of menus) {
    m.addEventListener('keydown', e => {
      if (e.key === 'Escape' && m.open) { m.open = false; m.querySelector('summary').focus(); }
    });
    m.addEventListener('toggle', () => { if (m.open) for (const o of menus) if (o !== m) o.open = false; });
  }
  for (const a of document.querySelectorAll('.sections nav a')) {
    a.addEventListener('click', () => { a.closest('details').open = false; });
  }

  // ---- Diagram panes: zoom (buttons, + - 0 1 keys, Ctrl+wheel) and pan (scroll or drag) ----
  const kMin = 0.1, kMax = 4;
  function setupPane(pane) {
    const svg = pane.querySelector('svg');
    if (!svg) return;
    const tools = pane.previousElementSibling;
    const scaleText = tools.querySelector('.scale');
    const toPx = v => parseFloat(v) * (String(v).endsWith('pt') ? 4 / 3 : 1);
    const width = toPx(svg.getAttribute('width')), height = toPx(svg.getAttribute('height'));
    let scale = 1;
    function set(next, cx, cy) {
      next = Math.min(kMax, Math.max(kMin, next));
      const px = cx === undefined ? pane.clientWidth / 2 : cx, py = cy === undefined ? pane.clientHeight / 2 : cy;
      const fx = (pane.scrollLeft + px) / scale, fy = (pane.scrollTop + py) / scale;
      scale = next;
      svg.style.width = (width * scale) + 'px';
      svg.style.height = (height * scale) + 'px';
      pane.scrollLeft = fx * scale - px;
      pane.scrollTop = fy * scale - py;
      pane.dataset.scale = scale.toFixed(3);
      scaleText.textContent = Math.round(scale * 100) + '%';
    }
    const fit = () => Math.min(1, (pane.clientWidth - 2) / width);
    set(fit());
    tools.addEventListener('click', e => {
      const b = e.target.closest('button[data-zoom]');
      if (!b) return;
      const how = b.dataset.zoom;
      set(how === 'in' ? scale * 1.25 : how === 'out' ? scale / 1.25 : how === 'fit' ? fit() : 1);
    });
    pane.addEventListener('keydown', e => {
      if (e.target !== pane) return;
      const keys = { '+': scale * 1.25, '=': scale * 1.25, '-': scale / 1.25, '0': fit(), '1': 1 };
      if (e.key in keys) { set(keys[e.key]); e.preventDefault(); }
    });
    pane.addEventListener('wheel', e => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      const r = pane.getBoundingClientRect();
      set(scale * (e.deltaY < 0 ? 1.1 : 1 / 1.1), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    let drag = null;
    pane.addEventListener('pointerdown', e => {
      if (e.button !== 0 || e.pointerType === 'touch') return;
      drag = { x: e.clientX, y: e.clientY, left: pane.scrollLeft, top: pane.scrollTop, moved: false, id: e.pointerId };
    });
    pane.addEventListener('pointermove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) { drag.moved = true; pane.classList.add('dragging'); pane.setPointerCapture(drag.id); }
      pane.scrollLeft = drag.left - dx;
      pane.scrollTop = drag.top - dy;
    });
    const end = () => {
      if (drag && drag.moved) {
        pane.classList.remove('dragging');
        pane.addEventListener('click', e => { e.stopPropagation(); e.preventDefault(); }, { capture: true, once: true });
      }
      drag = null;
    };
    pane.addEventListener('pointerup', end);
    pane.addEventListener('pointercancel', end);
  }

  // ---- Accessible SVG: named boxes and arrows in reading order; nothing else focusable ----
  function tooltip(g) {
    const a = g.querySelector('a');
    return a ? (a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || a.getAttribute('title') || '') : '';
  }
  function prepareSvg(svg, clickable) {
    const title = svg.querySelector(':scope > title');
    svg.setAttribute('role', 'group');
    if (title) svg.setAttribute('aria-label', title.textContent);
    for (const a of svg.querySelectorAll('a')) a.setAttribute('tabindex', '-1');
    for (const g of svg.querySelectorAll('g.edge')) {
      const text = tooltip(g);
      if (!text) continue;
      g.setAttribute('role', 'img');
      g.setAttribute('aria-label', text.split('\n').slice(0, 3).join('; '));
    }
    const boxes = Array.from(svg.querySelectorAll('g.node')).filter(g => /^(kind|body)-/.test(g.id));
    // Keyboard order follows the picture: top to bottom, then left to right.
    const placed = boxes.map(g => ({ g, box: g.getBBox() }));
    placed.sort((p, q) => (p.box.y - q.box.y) || (p.box.x - q.box.x));
    for (const { g } of placed) {
      // The name starts with the words on the box, so what is seen and what is read agree.
      const shown = Array.from(g.querySelectorAll('text'), t => t.textContent.trim()).filter(Boolean).join(' ');
      const lines = tooltip(g).split('\n');
      g.setAttribute('aria-label', shown + '. ' + [lines[1], lines[2]].filter(Boolean).join('; '));
      if (clickable) {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.parentNode.appendChild(g);
      } else {
        g.setAttribute('role', 'img');
      }
    }
    return boxes;
  }

  // ---- The drawer ----
  const bodies = {};
  for (const script of document.querySelectorAll('script.bodies')) bodies[script.dataset.model] = JSON.parse(script.textContent);
  const drawer = document.querySelector('aside.drawer');
  const drawerTitle = drawer.querySelector('h2');
  const drawerBody = drawer.querySelector('.drawer-body');
  let opener = null;

  // A diagram node is "body-<id>" (one body) or "kind-<kind>[-<status>]" (all bodies of a kind).
  function bodiesOfNode(model, nodeId) {
    const all = bodies[model] || [];
    if (nodeId.startsWith('body-')) return all.filter(b => b.id === nodeId.slice(5));
    if (!nodeId.startsWith('kind-')) return [];
    const rest = nodeId.slice(5);
    const exact = all.filter(b => b.kind === rest);
    if (exact.length) return exact;
    return all.filter(b => rest === b.kind + '-' + b.status);
  }

  function list(items, limit) {
    const ul = element('ul');
    for (const item of items.slice(0, limit)) ul.append(element('li', item));
    if (items.length > limit) ul.append(element('li', '… and ' + (items.length - limit) + ' more'));
    return ul;
  }

  function findingLinks(model, indexes, limit) {
    const ul = element('ul', undefined, 'panel-findings');
    const seen = new Set();
    for (const i of indexes) {
      if (seen.has(i)) continue;
      seen.add(i);
      if (ul.children.length === limit) continue;
      const li = document.getElementById(model + '-f' + i);
      if (!li) continue;
      const a = element('a', li.dataset.severity + ': ' + li.querySelector('.msg').textContent);
      a.href = '#' + li.id;
      a.addEventListener('click', closeDrawer);
      const item = element('li');
      item.append(a);
      ul.append(item);
    }
    if (seen.size > limit) ul.append(element('li', '… and ' + (seen.size - limit) + ' more (see the findings below the diagram)'));
    return ul;
  }

  function openDrawer(model, g) {
    const members = bodiesOfNode(model, g.id);
    if (!members.length) return;
    drawerBody.replaceChildren();
    const first = members[0];
    if (members.length === 1) {
      drawerTitle.textContent = first.name;
      drawerBody.append(element('p', first.kindLabel + ', ' + first.status + (first.code ? ', ' + first.code : '') +
        (first.count > 1 ? ', ' + first.count + ' bodies' : '')));
      if (first.links.length) { drawerBody.append(element('h3', 'Links (' + first.links.length + ')')); drawerBody.append(list(first.links.map(l => l[0]), 60)); }
      if (first.seats.length) { drawerBody.append(element('h3', 'Board seats')); drawerBody.append(list(first.seats, 40)); }
      if (first.findings.length) { drawerBody.append(element('h3', 'Findings (' + first.findings.length + ')')); drawerBody.append(findingLinks(model, first.findings, 30)); }
    } else {
      // Many bodies: counts by kind of link and of the other end, not every link.
      const count = members.reduce((n, b) => n + (b.count || 1), 0);
      drawerTitle.textContent = first.kindLabel + ' (' + count + ')';
      drawerBody.append(element('p', members.length + ' bodies in the model, ' + first.status + '.'));
      const groups = new Map();
      for (const b of members) for (const l of b.links) groups.set(l[1], (groups.get(l[1]) || 0) + 1);
      if (groups.size) {
        drawerBody.append(element('h3', 'Links, counted'));
        const table = element('table');
        const head = element('tr');
        head.append(element('th', 'Link'), element('th', 'Number'));
        table.append(head);
        for (const [key, n] of Array.from(groups).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
          const tr = element('tr');
          tr.append(element('td', key), element('td', String(n)));
          table.append(tr);
        }
        drawerBody.append(table);
      }
      const allFindings = members.flatMap(b => b.findings);
      if (allFindings.length) {
        drawerBody.append(element('h3', 'Findings (' + new Set(allFindings).size + ')'));
        drawerBody.append(findingLinks(model, allFindings, 20));
      }
      const names = element('details');
      names.append(element('summary', 'The ' + members.length + ' bodies'));
      names.append(list(members.map(b => b.name + (b.code ? ' (' + b.code + ')' : '')), 200));
      drawerBody.append(names);
    }
    document.querySelectorAll('g.node.selected').forEach(n => n.classList.remove('selected'));
    g.classList.add('selected');
    opener = g;
    drawer.hidden = false;
    drawerBody.scrollTop = 0;
    drawerTitle.focus();
  }

  function closeDrawer() {
    drawer.hidden = true;
    if (opener) { opener.classList.remove('selected'); opener.focus({ preventScroll: true }); }
    opener = null;
  }
  drawer.querySelector('button.close').addEventListener('click', closeDrawer);
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && !drawer.hidden) closeDrawer(); });

  for (const pane of document.querySelectorAll('.pane')) {
    const svg = pane.querySelector('svg');
    if (!svg) continue;
    const figure = pane.closest('figure');
    const model = figure.classList.contains('diagram') ? figure.dataset.model : null;
    const boxes = prepareSvg(svg, model !== null);
    // Each pane is named by its section and its figure's caption as well as the diagram's
    // title: one model is drawn in several sections, and two proposals can share a title.
    const caption = figure.querySelector('figcaption');
    const heading = figure.closest('section')?.querySelector('h2');
    pane.setAttribute('aria-label', [heading?.textContent, caption?.textContent.split('. ')[0], svg.getAttribute('aria-label') || 'diagram']
      .filter(Boolean).join(': '));
    setupPane(pane);
    if (model === null) {
      const hint = figure.querySelector('.pane-tools .hint');
      if (hint) hint.textContent = 'Drag or scroll to move around.';
      continue;
    }
    for (const g of boxes) {
      g.addEventListener('click', () => openDrawer(model, g));
      g.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDrawer(model, g); } });
    }
  }

  // ---- Print: open what is folded, except long lists, and give figures their whole page ----
  let reopened = [];
  window.addEventListener('beforeprint', () => {
    reopened = Array.from(document.querySelectorAll('details:not([open]):not(.more):not(.where):not(.text-alt):not(.sources):not(.menu)'));
    for (const d of reopened) d.open = true;
  });
  window.addEventListener('afterprint', () => { for (const d of reopened) d.open = false; reopened = []; });
})();
