import http from 'node:http';
import type { RequestListener } from 'node:http';

/**
 * How long a client may take: Node's default lets a request (an idle multipart upload) hold its
 * connection for 300 s. Uploads are at most tens of MB: two minutes is ample for the body,
 * 20 s for the headers.
 */
export const HTTP_TIMEOUTS = { requestTimeoutMs: 120_000, headersTimeoutMs: 20_000, checkIntervalMs: 5_000 };

/** The app's HTTP server, with the timeouts above (a test may shorten them). */
export function createHttpServer(app: RequestListener, timeouts = HTTP_TIMEOUTS): http.Server {
  return http.createServer(
    {
      requestTimeout: timeouts.requestTimeoutMs,
      headersTimeout: Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs),
      // How often Node looks for connections past those limits (30 s by default).
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    app,
  );
}
