// The catalogue's labels come from the API (/api/vocabulary), so the UI and the API never disagree.
import { getJson } from './api.js';

let levels = new Map();

/** Loads the labels once, before the first render. */
export async function loadVocabulary() {
  const v = await getJson('/api/vocabulary');
  levels = new Map((v.levels || []).map((l) => [l.value, l.label]));
}

/** 実施主体の区分: national → 国, and so on; an unknown value shows as written. */
export const levelLabel = (value) => levels.get(value) || value;
