// The playground: pick a region or paste a draft profile, load or paste a sample, run a dry run, read the panels.

import { createApi } from './api.js';
import { byId, el } from './dom.js';
import { renderPayload } from './payload-view.js';
import { clearResults, marksOf, renderProfileErrors, renderSample } from './results-view.js';
import { clearTranslation, renderTranslation } from './translation-view.js';

const ui = {
  key: byId('api-key'),
  region: byId('region'),
  samples: byId('samples'),
  useDraft: byId('use-draft'),
  loadProfile: byId('load-profile'),
  draft: byId('draft'),
  contentType: byId('content-type'),
  file: byId('payload-file'),
  payload: byId('payload'),
  checkpointRegion: byId('checkpoint-region'),
  scene: byId('checkpoint-scene'),
  at: byId('checkpoint-at'),
  run: byId('run'),
  status: byId('status'),
};
const api = createApi(() => ui.key.value.trim());
const state = { regions: [], sampleName: 'pasted', checkpointEdited: false };

function setStatus(text, isError = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

async function start() {
  // The key is never stored by the page; only the development key, while in force, is offered by the server.
  const config = await api.config().catch(() => ({}));
  ui.key.value = config.developmentKey ?? '';
  ui.key.addEventListener('change', loadRegions);
  ui.region.addEventListener('change', () => selectRegion(ui.region.value));
  ui.checkpointRegion.addEventListener('input', () => { state.checkpointEdited = true; });
  ui.loadProfile.addEventListener('click', loadProfileIntoDraft);
  ui.file.addEventListener('change', uploadSample);
  ui.run.addEventListener('click', run);
  clearResults();
  await loadRegions();
}

async function loadRegions() {
  if (!ui.key.value.trim()) {
    setStatus('Enter an API key (role integrator) to start.');
    return;
  }
  try {
    state.regions = await api.regions();
  } catch (error) {
    setStatus(`Could not list the regions: ${error.message}`, true);
    return;
  }
  const current = ui.region.value;
  ui.region.replaceChildren(...state.regions.map((r) => el('option', { value: r.id }, `${r.id} ${r.name}`)));
  ui.region.value = state.regions.some((r) => r.id === current) ? current : state.regions[0]?.id ?? '';
  await selectRegion(ui.region.value);
  ui.run.disabled = false;
  document.body.dataset.ready = 'true';
  setStatus('Ready: pick a sample, or paste a payload and run.');
}

async function selectRegion(id) {
  const region = state.regions.find((r) => r.id === id);
  if (!region) return;
  ui.contentType.value = region.format === 'xml' ? 'application/xml' : 'application/json';
  if (!state.checkpointEdited) ui.checkpointRegion.value = id;
  ui.samples.replaceChildren();
  try {
    const samples = await api.samples(id);
    ui.samples.replaceChildren(...samples.map((sample) =>
      el('button', { type: 'button', testid: `sample-${id}-${sample.name}`, title: `Load and run ${id}/${sample.name}` }, sample.name)));
    samples.forEach((sample, i) => ui.samples.children[i].addEventListener('click', () => loadSample(id, sample)));
  } catch (error) {
    setStatus(`Could not load the samples of ${id}: ${error.message}`, true);
  }
}

function loadSample(region, sample) {
  state.sampleName = `${region}/${sample.name}`;
  ui.contentType.value = sample.contentType;
  ui.payload.value = sample.contentType.includes('json') ? pretty(sample.body) : sample.body;
  run();
}

async function uploadSample() {
  const file = ui.file.files?.[0];
  if (!file) return;
  state.sampleName = file.name;
  ui.contentType.value = file.name.toLowerCase().endsWith('.xml') ? 'application/xml' : 'application/json';
  ui.payload.value = await file.text();
  ui.file.value = '';
  run();
}

async function loadProfileIntoDraft() {
  try {
    ui.draft.value = JSON.stringify(await api.profile(ui.region.value), null, 2);
    ui.useDraft.checked = true;
    setStatus(`The draft starts from ${ui.region.value}'s active profile. Edit it and run.`);
  } catch (error) {
    setStatus(`Could not load the profile: ${error.message}`, true);
  }
}

function pretty(json) {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function buildRequest() {
  const sample = { name: state.sampleName, contentType: ui.contentType.value, body: ui.payload.value };
  const checkpoint = ui.checkpointRegion.value.trim();
  if (checkpoint) sample.checkpoint = { region: checkpoint, scene: ui.scene.value };
  if (ui.at.value) sample.at = new Date(ui.at.value).toISOString();
  const request = { fhir: true, samples: [sample] };
  if (!ui.useDraft.checked) return { ...request, region: ui.region.value };
  try {
    return { ...request, profile: JSON.parse(ui.draft.value) };
  } catch (error) {
    return { draftError: `the draft is not valid JSON: ${error.message}` };
  }
}

async function run() {
  const request = buildRequest();
  clearResults();
  clearTranslation();
  if (request.draftError) {
    renderProfileErrors([{ path: '$', message: request.draftError }]);
    setStatus('The draft profile has errors.', true);
    return;
  }
  const sample = request.samples[0];
  renderPayload(byId('native'), sample.body, sample.contentType, marksOf(null));
  ui.run.disabled = true;
  setStatus(`Running ${sample.name}…`);
  try {
    const answer = await api.dryRun(request);
    show(answer, request);
  } catch (error) {
    setStatus(`The dry run was refused: ${error.message}`, true);
  } finally {
    ui.run.disabled = false;
  }
}

function show(answer, request) {
  renderProfileErrors(answer.profileErrors);
  if (answer.profileErrors.length > 0) {
    setStatus(`The draft profile has ${answer.profileErrors.length} error(s); no sample was run.`, true);
    return;
  }
  const result = answer.samples[0];
  const sent = request.samples[0];
  const isDraft = Boolean(request.profile);
  const source = isDraft ? `draft profile ${request.profile.id ?? ''}` : `region ${request.region} (active profile)`;
  renderPayload(byId('native'), sent.body, sent.contentType, marksOf(result));
  renderSample(result, source);
  renderTranslation(api, result.record, state.regions, isDraft).catch((error) => clearTranslation(error.message));
  const errorCount = Object.keys(result.errors).length;
  setStatus(result.record
    ? `${result.name}: normalized (${result.warnings.length} warning(s)${errorCount ? `, ${errorCount} error(s)` : ''}).`
    : `${result.name}: not normalized, ${errorCount} field error(s).`, !result.record);
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
}

start();
