// The panels fed by one dry-run answer: profile errors, canonical record, warnings, field errors, verify, FHIR.

import { byId, el, listOrNone } from './dom.js';

const NOT_MAPPED = 'field-not-mapped';

/** The native pointers to highlight in the payload panel. */
export function marksOf(sample) {
  const unmapped = new Map((sample?.warnings ?? [])
    .filter((w) => w.code === NOT_MAPPED && w.field)
    .map((w) => [w.field, w.message]));
  const errors = new Map(Object.entries(sample?.errors ?? {}).filter(([pointer]) => pointer.startsWith('/')));
  return { unmapped, errors };
}

export function clearResults() {
  renderProfileErrors([]);
  renderSample(null, '');
}

export function renderProfileErrors(errors) {
  byId('profile-errors-panel').hidden = errors.length === 0;
  listOrNone(byId('profile-errors'), errors, (e) =>
    el('li', { testid: 'profile-error' }, el('span', { class: 'path' }, e.path), ' — ', e.message), 'none');
}

export function renderSample(sample, source) {
  const record = sample?.record ?? null;
  const level = record?.code?.level ?? '';
  const badge = byId('level');
  badge.textContent = level;
  badge.className = `level level-${level}`;
  byId('source').textContent = sample ? source : '';
  byId('record').textContent = record ? JSON.stringify(record, null, 2) : sample ? 'No record: see the field errors.' : '';
  byId('fhir').textContent = sample?.fhir ? JSON.stringify(sample.fhir, null, 2) : '';

  const warnings = sample?.warnings ?? [];
  listOrNone(byId('warnings'), warnings, (w) =>
    el('li', { testid: 'warning', class: w.code === NOT_MAPPED ? 'unmapped' : undefined },
      el('span', { class: 'code-name' }, w.code), w.field ? [' ', el('span', { class: 'pointer' }, w.field)] : null, ' — ', w.message),
  sample ? 'none' : '');

  const errors = Object.entries(sample?.errors ?? {});
  listOrNone(byId('errors'), errors, ([pointer, messages]) =>
    el('li', { testid: 'field-error' }, el('span', { class: 'pointer' }, pointer === '' ? '(payload)' : pointer), ' — ', messages.join('; ')),
  sample ? 'none' : '');

  renderVerify(sample);
}

function renderVerify(sample) {
  const target = byId('verify');
  const verify = sample?.verify;
  if (!verify) {
    const why = sample?.errors?.['checkpoint.region'] || sample?.errors?.['checkpoint.scene'];
    target.replaceChildren(el('p', { class: 'hint', testid: 'verify-none' },
      !sample ? '' : why ? `Verify did not run: ${why.join('; ')}` : sample.record ? 'Give a checkpoint region to see what verify would decide.' : 'No record to verify.'));
    return;
  }
  target.replaceChildren(
    el('p', {},
      el('span', { class: `decision decision-${verify.decision}`, testid: 'verify-decision' }, verify.decision),
      ' ', el('span', { class: `level level-${verify.level}`, testid: 'verify-level' }, `${verify.display.label} (${verify.level})`)),
    el('p', { class: 'hint', testid: 'verify-policy' },
      `policy ${verify.policy.id} / ${verify.policy.version} at checkpoint ${verify.display.region}, ${verify.at}`),
    el('ul', { class: 'problems', testid: 'verify-reasons' },
      verify.reasons.length ? verify.reasons.map((r) => el('li', {}, r)) : [el('li', { class: 'none' }, 'no reasons: every check passed')]),
  );
}
