import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
export type WebhookAnswer = { status: number; body?: string; headers?: Record<string, string> };

/**
 * A receiver on a loopback port that keeps every request it gets. `answer` decides each reply (by default
 * 200); tests change it to make the receiver fail and then recover.
 */
export async function startWebhookReceiver(
  answer: (request: ReceivedWebhook) => WebhookAnswer = () => ({ status: 200 }),
) {
  const received: ReceivedWebhook[] = [];
  const receiver = {
    received,
    answer,
    url: '',
    host: '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const reply = receiver.answer(request);
      res.writeHead(reply.status, reply.headers ?? { 'content-type': 'text/plain' });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.host = `127.0.0.1:${port}`;
  receiver.url = `http://${receiver.host}/hooks/paperwork`;
  return receiver;
}
