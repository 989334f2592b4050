// Talking to the API, and showing what went wrong in the error banner.
import { $ } from './dom.js';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export function showError(message) {
  $('error-message').textContent = message;
  $('error-banner').hidden = false;
}

/** Anything the page fails to handle ends in the banner, never silently. */
export function reportUnhandledErrors() {
  window.addEventListener('error', (e) => {
    showError(`画面の処理中にエラーが発生しました: ${e.message || e.error || '不明なエラー'}。再読み込みしても直らない場合は管理者に連絡してください。`);
  });
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    showError(r instanceof ApiError ? r.message : `画面の処理中にエラーが発生しました: ${(r && r.message) || r}。再読み込みしても直らない場合は管理者に連絡してください。`);
  });
}

export async function getJson(url, { signal, notFound } = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('サーバーに接続できません。しばらくしてから再読み込みしてください。', 0);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || '';
    } catch { /* not JSON: the status says enough */ }
    const what = response.status === 404 && notFound ? notFound : `サーバーがエラーを返しました（HTTP ${response.status}）。`;
    const next = response.status === 404 && notFound ? '検索画面から探し直してください。'
      : response.status < 500 ? '検索条件を見直してください。' : 'しばらくしてから再読み込みしてください。';
    // A page we name ourselves (notFound) is said in Japanese only; other problems keep the API's detail.
    const shown = response.status === 404 && notFound ? '' : detail;
    throw new ApiError(`${what}${shown ? `（${shown}）` : ''} ${next}`, response.status);
  }
  return response.json();
}
