import net from 'node:net';
import { createHttpServer, HTTP_TIMEOUTS } from '../../src/web/http-server';

/** An idle upload may not hold a connection for Node's default 300 s. */
describe('the HTTP server timeouts', () => {
  it('are far below Node’s 300 s by default', () => {
    const server = createHttpServer(() => undefined);
    expect(server.requestTimeout).toBe(HTTP_TIMEOUTS.requestTimeoutMs);
    expect(server.requestTimeout).toBeLessThanOrEqual(120_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(20_000);
  });

  it('closes a multipart request whose body stops coming, with 408', async () => {
    const server = createHttpServer(
      (req, res) => {
        req.resume();
        req.on('end', () => res.end('klaar'));
      },
      { requestTimeoutMs: 1000, headersTimeoutMs: 1000, checkIntervalMs: 250 },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /casussen/1/bijlagen HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n',
          );
        });
        let data = '';
        socket.on('data', (d: Buffer) => (data += d.toString()));
        socket.on('close', () => resolve(data));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      server.close();
    }
  });
});
