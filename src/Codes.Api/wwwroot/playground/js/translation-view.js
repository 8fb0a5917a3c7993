// The record's level in every region's vocabulary, through GET /v1/translate (one call per region).

import { byId, el } from './dom.js';

export function clearTranslation(note = '') {
  byId('translation').tBodies[0].replaceChildren();
  byId('translation-note').textContent = note;
}

/**
 * @param record   the canonical record (issuer, code.nativeLevel, code.subStatus)
 * @param regions  GET /v1/regions
 * @param isDraft  whether the record came from a draft (translate reads the active profiles)
 */
export async function renderTranslation(api, record, regions, isDraft) {
  if (!record) {
    clearTranslation();
    return;
  }
  if (!regions.some((r) => r.id === record.issuer)) {
    clearTranslation(`Region ${record.issuer} is not loaded: translation reads the active profiles only.`);
    return;
  }

  const query = { from: record.issuer, level: record.code.nativeLevel };
  if (record.code.subStatus) query.subStatus = record.code.subStatus;
  const rows = await Promise.all(regions.map(async (region) => {
    try {
      const result = await api.translate({ ...query, to: region.id });
      return row(region, result.target.label, result.target.nativeLevel ?? '—', result.exact ? 'exact' : 'not exact', result.level);
    } catch (error) {
      return row(region, error.message, '', '', '');
    }
  }));
  byId('translation').tBodies[0].replaceChildren(...rows);
  byId('translation-note').textContent = isDraft
    ? `From ${record.issuer}'s active profile (the draft's level values are not loaded).`
    : `From ${record.issuer}: ${record.code.nativeLevel}${record.code.subStatus ? ' / ' + record.code.subStatus : ''}.`;
}

function row(region, label, nativeLevel, exact, level) {
  return el('tr', { testid: 'translation-row', 'data-region': region.id },
    el('td', {}, region.id),
    el('td', {}, region.name),
    el('td', { class: level ? `level-text level-text-${level}` : undefined }, label),
    el('td', {}, nativeLevel),
    el('td', {}, exact));
}
