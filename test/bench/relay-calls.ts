/**
 * A benchmark's client of a running relay: `call` sends JSON (or streams a body) and returns
 * the JSON answer, failing on any error status; `adminSession` starts a session with a key
 * and connects the Graph emulator's System User, so exports can start.
 */
export function relayCalls(relayUrl: string) {
  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const response = await fetch(`${relayUrl}${path}`, {
      ...init,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const adminSession = async (apiKey: string, systemUserToken: string): Promise<string> => {
    const { token } = (await call('/v1/session', {
      method: 'POST',
      body: JSON.stringify({ apiKey }),
    })) as { token: string };
    const body = JSON.stringify({ token: systemUserToken });
    await call('/v1/facebook/system-user-token', { method: 'PUT', body }, token);
    return token;
  };
  return { call, adminSession };
}
