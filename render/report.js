// govmap report: filtering and search over findings, and a panel showing a body's links,
// seats and findings when its box in a diagram is clicked. No network access of any kind.
(function () {
  'use strict';
  const form = document.querySelector('form.controls');
  const findings = Array.from(document.querySelectorAll('li.finding'));

  function applyFilters() {
    const severities = new Set(Array.from(form.querySelectorAll('input[name=severity]:checked')).map(i => i.value));
    const rule = form.elements.rule.value;
    const body = form.elements.body.value.trim().toLowerCase();
    const words = form.elements.search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const li of findings) {
      const ok = severities.has(li.dataset.severity) &&
        (!rule || li.dataset.rule === rule) &&
        (!body || li.dataset.bodies.toLowerCase().split(' ').includes(body) ||
         li.querySelector('.subjects') && li.querySelector('.subjects').textContent.toLowerCase().includes(body)) &&
        words.every(w => li.dataset.search.includes(w));
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (const group of document.querySelectorAll('.rule-group')) {
      group.hidden = !group.querySelector('li.finding:not([hidden])');
    }
    form.elements.shown.value = 'showing ' + shown + ' of ' + findings.length + ' findings';
  }
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  applyFilters();

  // Body data per model section.
  const bodies = {};
  for (const script of document.querySelectorAll('script.bodies')) {
    bodies[script.dataset.model] = JSON.parse(script.textContent);
  }

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

  function element(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function showPanel(section, model, nodeId, g) {
    const panel = section.querySelector('aside.body-panel');
    const members = bodiesOfNode(model, nodeId);
    panel.replaceChildren();
    if (!members.length) { panel.hidden = true; return; }
    const title = members.length === 1 ? members[0].name : members[0].kindLabel + ' (' + members.length + ')';
    panel.append(element('h4', title));
    const close = element('button', 'Close');
    close.type = 'button';
    close.addEventListener('click', () => { panel.hidden = true; g.classList.remove('selected'); });
    panel.append(close);
    for (const b of members.slice(0, 50)) {
      const box = element('div', undefined, 'panel-body');
      if (members.length > 1) box.append(element('h5', b.name + (b.code ? ' (' + b.code + ')' : '')));
      else box.append(element('p', b.kindLabel + ', ' + b.status + (b.code ? ', ' + b.code : '')));
      for (const [label, items] of [['Links', b.links], ['Seats', b.seats]]) {
        if (!items.length) continue;
        box.append(element('strong', label));
        const ul = element('ul');
        for (const item of items.slice(0, 40)) ul.append(element('li', item));
        if (items.length > 40) ul.append(element('li', '… and ' + (items.length - 40) + ' more'));
        box.append(ul);
      }
      const list = element('ul', undefined, 'panel-findings');
      for (const i of b.findings) {
        const li = document.getElementById(model + '-f' + i);
        if (!li) continue;
        const item = element('li');
        const a = element('a', li.dataset.severity + ': ' + li.querySelector('.msg').textContent);
        a.href = '#' + li.id;
        item.append(a);
        list.append(item);
      }
      if (list.children.length) { box.append(element('strong', 'Findings')); box.append(list); }
      panel.append(box);
    }
    if (members.length > 50) panel.append(element('p', '… and ' + (members.length - 50) + ' more bodies'));
    panel.hidden = false;
  }

  for (const figure of document.querySelectorAll('figure.diagram')) {
    const section = figure.closest('section');
    const model = figure.dataset.model;
    for (const g of figure.querySelectorAll('g.node')) {
      g.setAttribute('tabindex', '0');
      const activate = () => {
        figure.querySelectorAll('g.node.selected').forEach(n => n.classList.remove('selected'));
        g.classList.add('selected');
        showPanel(section, model, g.id, g);
      };
      g.addEventListener('click', activate);
      g.addEventListener('keydown', e => { if (e.key === 'Enter') activate(); });
    }
  }
})();
