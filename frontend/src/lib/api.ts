// The REST API, with the key of the person using the app.

/** A bad row of a file the server read (a survey's CSV): its number, the column at fault, what is wrong. */
export interface ProblemRow {
  row: number;
  column: string | null;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | undefined,
    detail: string,
    readonly rows: ProblemRow[] = [],
  ) {
    super(detail);
  }
}

export async function call<T>(method: string, path: string, key: string | null, body?: unknown,
                              language = 'nl'): Promise<T> {
  return send<T>(method, path, key, body === undefined ? undefined : JSON.stringify(body), 'application/json', language);
}

/** Sends a file's text as it is (a CSV file, say). */
export async function callText<T>(method: string, path: string, key: string | null, text: string, type: string,
                                  language = 'nl'): Promise<T> {
  return send<T>(method, path, key, text, type, language);
}

async function send<T>(method: string, path: string, key: string | null, body: string | undefined, type: string,
                       language: string): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = type;
  const response = await fetch(path, { method, headers, body });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Problem(response.status, json?.code ?? `HTTP_${response.status}`, json?.field, json?.detail ?? response.statusText,
      Array.isArray(json?.rows) ? json.rows : []);
  }
  return json as T;
}

/** Fetches a page or file with the key, for reading in a new tab or saving: links cannot carry keys. */
export async function fetchBlob(path: string, key: string): Promise<Blob> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Problem(response.status, `HTTP_${response.status}`, undefined, response.statusText);
  return response.blob();
}

export async function openInTab(path: string, key: string): Promise<void> {
  const tab = window.open('', '_blank');
  const url = URL.createObjectURL(await fetchBlob(path, key));
  if (tab) tab.location.href = url;
  else location.assign(url);
}

export async function download(path: string, key: string, name: string): Promise<void> {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await fetchBlob(path, key));
  link.download = name;
  link.click();
}
