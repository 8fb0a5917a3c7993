// The HTTP calls the playground makes; every /v1 call carries the API key from the page.

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem) return `HTTP ${status}`;
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join('; ')}`);
  return [`${status} ${problem.title ?? ''}`.trim(), problem.detail, ...fields].filter(Boolean).join(' — ');
}

export function createApi(keyOf) {
  async function call(path, options = {}) {
    const headers = { 'X-Api-Key': keyOf() };
    if (options.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { ...options, headers });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  const region = (id) => `/v1/regions/${encodeURIComponent(id)}`;
  return {
    config: async () => (await fetch('config.json')).json(),
    regions: () => call('/v1/regions'),
    samples: (id) => call(`${region(id)}/samples`),
    profile: (id) => call(`${region(id)}/profile`),
    dryRun: (request) => call('/v1/profiles/dry-run', { method: 'POST', body: JSON.stringify(request) }),
    translate: (query) => call('/v1/translate?' + new URLSearchParams(query)),
  };
}
