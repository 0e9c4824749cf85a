import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestListener } from 'node:http';
import { WEB_ERROR_CODES } from './errors.js';

/** Node's default: a request line plus headers over 16 KiB is refused before express sees it. */
const MAX_HEADER_BYTES = 16 * 1024;

function rawJsonResponse(status: number, reason: string, body: unknown): string {
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}

/**
 * Requests Node's HTTP parser refuses (a URL or headers over the limit, a malformed request line)
 * never reach express: answer them with the API's JSON error body instead of a bare status or a reset.
 */
export function answerClientErrors(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLong = error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'HPE_URI_OVERFLOW';
  const response = tooLong
    ? rawJsonResponse(431, 'Request Header Fields Too Large', { error: { code: 'URL_TOO_LONG', message: WEB_ERROR_CODES.URL_TOO_LONG } })
    : rawJsonResponse(400, 'Bad Request', { error: { code: 'BAD_REQUEST', message: '请求格式错误' } });
  // Read and drop what the client is still sending, so closing does not reset the connection before it reads the answer.
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  socket.end(response);
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** An HTTP server for the app with JSON answers to parser-level errors; listening on port (0: any free one). */
export function startServer(app: RequestListener, port: number, host?: string): Promise<http.Server> {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', answerClientErrors);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
