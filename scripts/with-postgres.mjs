#!/usr/bin/env node
// Runs a command against a PostgreSQL server: TEST_DATABASE_URL if set, else a throw-away
// server (initdb + pg_ctl as the `postgres` user in a temporary folder, loopback port), stopped
// and removed afterwards. Used by `npm run test:pg` and `npm run bench`.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) {
    throw new Error(
      'PostgreSQL introuvable : installez le paquet Debian « postgresql » (ou définissez TEST_DATABASE_URL)'
    );
  }
  const versions = readdirSync(base)
    .map(Number)
    .filter((v) => v >= 15)
    .sort((a, b) => b - a);
  if (versions.length === 0) {
    throw new Error('PostgreSQL ≥ 15 requis');
  }
  return join(base, String(versions[0]), 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function asPostgres(command, args) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: 'pipe' });
  }
  return execFileSync(command, args, { stdio: 'pipe' });
}

export async function startThrowawayPostgres() {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'sillage-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['postgres', dir]);
  }
  asPostgres(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined) {
    console.error('usage: with-postgres.mjs <command> [args…]');
    process.exit(2);
  }
  let server;
  let url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    server = await startThrowawayPostgres();
    url = server.url;
    console.log(`[pg] serveur PostgreSQL temporaire sur ${url}`);
  }
  const child = spawn(command, args, {
    stdio: 'inherit',
    shell: false,
    env: {
      ...process.env,
      SILLAGE_TEST_DATABASE_URL: url,
      PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
    },
  });
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  server?.stop();
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
