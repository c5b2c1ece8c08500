// A recording HTTP proxy for the reader e2e suites: the browser sends EVERY request through it
// (loopback included), so the tests see all network traffic of the pages, the reader frame, the
// extension's background and the browser itself. Only requests to `allowedOrigin` (the fixture
// server) are forwarded; anything else is logged and refused (the machine may have no network).
import http from "node:http";

export async function startRecordingProxy(allowedOrigin) {
  const log = [];
  const server = http.createServer((req, res) => {
    log.push({ method: req.method, url: req.url, at: Date.now() });
    let target;
    try {
      target = new URL(req.url);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (target.origin !== allowedOrigin) {
      res.writeHead(502);
      return res.end();
    }
    const up = http.request(target, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  // HTTPS (and anything tunnelled): logged with its host, never connected.
  server.on("connect", (req, socket) => {
    log.push({ method: "CONNECT", url: req.url, at: Date.now() });
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return {
    port,
    log,
    /** Requests logged since `t0` (epoch ms). */
    since: (t0) => log.filter((e) => e.at >= t0),
    close: () => new Promise((r) => {
      server.closeAllConnections?.();
      server.close(r);
    }),
  };
}
