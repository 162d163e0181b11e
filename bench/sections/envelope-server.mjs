// The node:http baseline: answers every request with Zenlayer's 200 envelope, nothing else.
import { createServer } from 'node:http';

const body = JSON.stringify({ requestId: 'T-BENCH', response: { requestId: 'T-BENCH' } });
const server = createServer((req, res) => {
  req
    .resume()
    .on('end', () =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body),
    );
});
server.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
