// Centinela dashboard: polls the stats API with If-None-Match and redraws only when the figures changed.
'use strict';

const POLL_MS = 5000;
const TOKEN_KEY = 'centinela.viewerToken';
const LANG_KEY = 'centinela.language';
const SUPPRESSED = '—';

const TEXT = {
  es: {
    title: 'Centinela — defensores en riesgo', tokenLabel: 'Token de lectura', save: 'Guardar',
    tokenRejected: 'El token fue rechazado.', from: 'Desde', to: 'Hasta', region: 'Región', allRegions: 'Todas',
    forgetToken: 'Cambiar token',
    protected: 'Las cifras están protegidas: pueden diferir ligeramente de los conteos exactos, y los valores '
      + 'pequeños se muestran como 0 o —, para que ninguna persona pueda ser identificada.',
    downloadCsv: 'Descargar estas cifras (CSV)',
    asOf: 'Datos al', incidents: 'incidentes', defenders: 'defensores afectados', women: 'mujeres defensoras',
    byMonth: 'Incidentes por mes', byViolation: 'Por violación', byRegion: 'Por región',
    byPerpetratorKind: 'Por tipo de perpetrador', bySector: 'Por sector', byJusticeStatus: 'Por situación judicial',
    table: 'Ver cifras', key: 'Categoría', count: 'Incidentes',
  },
  en: {
    title: 'Centinela — defenders at risk', tokenLabel: 'Viewer token', save: 'Save',
    tokenRejected: 'The token was rejected.', from: 'From', to: 'To', region: 'Region', allRegions: 'All',
    forgetToken: 'Change token',
    protected: 'Figures are protected: they may differ slightly from exact counts, and small values are shown as 0 '
      + 'or —, so that no person can be identified.',
    downloadCsv: 'Download these figures (CSV)',
    asOf: 'Figures as of', incidents: 'incidents', defenders: 'defenders affected', women: 'women defenders',
    byMonth: 'Incidents per month', byViolation: 'By violation', byRegion: 'By region',
    byPerpetratorKind: 'By perpetrator kind', bySector: 'By sector', byJusticeStatus: 'By justice status',
    table: 'Show figures', key: 'Category', count: 'Incidents',
  },
};
const VOCABULARY = {
  byViolation: 'violations', byPerpetratorKind: 'perpetratorKinds', bySector: 'sectors',
  byJusticeStatus: 'justiceStatus',
};

const state = { lang: localStorage.getItem(LANG_KEY) || 'es', labels: null, etag: null, summary: null, charts: {} };

function token() {
  return localStorage.getItem(TOKEN_KEY);
}

function t(key) {
  return TEXT[state.lang][key] || key;
}

function label(breakdown, code) {
  if (!state.labels) return code;
  if (breakdown === 'byRegion') return state.labels.regions[code] || code;
  const vocabulary = state.labels[VOCABULARY[breakdown]];
  return vocabulary && vocabulary[code] ? vocabulary[code][state.lang] : code;
}

function shown(value) {
  return value === null || value === undefined ? SUPPRESSED : String(value);
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach(b => b.setAttribute('aria-pressed', b.dataset.lang === state.lang));
  fillRegions();
  if (state.summary) render(state.summary);
}

function fillRegions() {
  const select = document.getElementById('region');
  if (!state.labels) return;
  const chosen = select.value;
  select.querySelectorAll('option[value]:not([value=""])').forEach(o => o.remove());
  Object.entries(state.labels.regions).forEach(([code, name]) => {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    select.appendChild(option);
  });
  select.value = chosen;
}

function monthEnd(month) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  return last > today ? today : last;
}

function query() {
  const params = new URLSearchParams();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  const region = document.getElementById('region').value;
  // Viewers ask for whole months (SPEC §6): from the 1st of the first month to the last day of the last (or today).
  if (from) params.append('from', from + '-01');
  if (to) params.append('to', monthEnd(to));
  if (region) params.append('region', region);
  return params.toString();
}

async function poll() {
  const headers = { Authorization: 'Bearer ' + token() };
  if (state.etag) headers['If-None-Match'] = state.etag;
  const response = await fetch('/api/v1/stats/summary?' + query(), { headers, cache: 'no-store' });
  if (response.status === 304) return;
  if (response.status === 401 || response.status === 403) {
    localStorage.removeItem(TOKEN_KEY);
    showTokenForm(true);
    return;
  }
  if (!response.ok) return;
  state.etag = response.headers.get('ETag');
  state.summary = await response.json();
  // The CSV offered is the export of the very question whose figures are shown.
  document.getElementById('csv').dataset.href = '/api/v1/stats/export.csv?' + query();
  render(state.summary);
}

// The export needs the viewer token in a header, so it is fetched and handed to the browser as a file.
async function downloadCsv(event) {
  event.preventDefault();
  const response = await fetch(event.currentTarget.dataset.href, {
    headers: { Authorization: 'Bearer ' + token() }, cache: 'no-store',
  });
  if (!response.ok) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'centinela-' + new Date().toISOString().slice(0, 10) + '.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

function render(summary) {
  ['incidents', 'defendersAffected', 'womenDefendersAffected'].forEach(name => {
    document.querySelector(`[data-figure="${name}"]`).textContent = shown(summary[name]);
  });
  document.getElementById('as-of').textContent = new Date(summary.asOf).toLocaleString(state.lang);
  document.getElementById('as-of').dateTime = summary.asOf;
  document.querySelectorAll('figure[data-breakdown]').forEach(figure => {
    const breakdown = figure.dataset.breakdown;
    draw(figure, breakdown, summary[breakdown] || {});
  });
}

function draw(figure, breakdown, cells) {
  const keys = Object.keys(cells);
  const labels = keys.map(key => label(breakdown, key));
  // Suppressed cells are drawn as gaps; the table below the chart says "—".
  const values = keys.map(key => cells[key]);
  let chart = state.charts[breakdown];
  if (!chart) {
    // Horizontal bars get a row per key, so every label shows; the monthly line keeps a fixed height.
    const box = document.createElement('div');
    box.className = 'chart';
    box.style.height = breakdown === 'byMonth' ? '320px' : `${Math.max(120, keys.length * 18 + 40)}px`;
    const canvas = document.createElement('canvas');
    box.appendChild(canvas);
    figure.appendChild(box);
    chart = new Chart(canvas, {
      type: breakdown === 'byMonth' ? 'line' : 'bar',
      data: { labels, datasets: [{ label: t('count'), data: values, backgroundColor: '#b5452f', borderColor: '#b5452f' }] },
      options: {
        animation: false, maintainAspectRatio: false, indexAxis: breakdown === 'byMonth' ? 'x' : 'y',
        plugins: { legend: { display: false } },
        scales: breakdown === 'byMonth' ? { y: { beginAtZero: true } } : { x: { beginAtZero: true }, y: { ticks: { autoSkip: false } } },
      },
    });
    state.charts[breakdown] = chart;
  } else {
    chart.data.labels = labels;
    chart.data.datasets[0].data = values;
    chart.data.datasets[0].label = t('count');
    chart.update();
  }
  table(figure, breakdown, keys, cells);
}

function table(figure, breakdown, keys, cells) {
  let details = figure.querySelector('details');
  if (!details) {
    details = document.createElement('details');
    figure.appendChild(details);
  }
  const rows = keys.map(key => `<tr data-key="${key}"><td>${escape(label(breakdown, key))}</td>`
      + `<td class="count" data-cell="${breakdown}:${key}">${shown(cells[key])}</td></tr>`).join('');
  details.innerHTML = `<summary>${t('table')}</summary><table><thead><tr><th>${t('key')}</th>`
      + `<th>${t('count')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function showTokenForm(rejected) {
  document.getElementById('dashboard').hidden = true;
  document.getElementById('token-form').hidden = false;
  document.getElementById('token-error').hidden = !rejected;
}

function refreshNow() {
  state.etag = null;
  poll();
}

async function start() {
  // A link may carry the token in its fragment (never sent to the server); it is kept and removed from the URL.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    localStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (fragment.get('lang') && TEXT[fragment.get('lang')]) state.lang = fragment.get('lang');
  document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', () => {
    state.lang = button.dataset.lang;
    localStorage.setItem(LANG_KEY, state.lang);
    applyLanguage();
  }));
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    localStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
    begin();
  });
  document.getElementById('forget-token').addEventListener('click', () => {
    localStorage.removeItem(TOKEN_KEY);
    showTokenForm(false);
  });
  ['from', 'to', 'region'].forEach(id => document.getElementById(id).addEventListener('change', refreshNow));
  document.getElementById('csv').addEventListener('click', downloadCsv);
  state.labels = await (await fetch('/dashboard/labels')).json();
  applyLanguage();
  begin();
  setInterval(() => { if (token()) poll(); }, POLL_MS);
}

function begin() {
  if (!token()) {
    showTokenForm(false);
    return;
  }
  document.getElementById('token-form').hidden = true;
  document.getElementById('dashboard').hidden = false;
  refreshNow();
}

start();
