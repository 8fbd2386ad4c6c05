// The container recipe of docs/deployment.md, tested without a Docker engine
// (none runs on the CI machine): its Dockerfile and snakepit.json are read
// from the guide and played instruction by instruction on this machine,
// with the app folder of the consumer test as the build context.
//
// Fidelity: everything runs in a private mount namespace (`unshare --mount`)
// where a fresh folder is bind-mounted on the image's WORKDIR (/app), a fresh
// folder on /run/snakepit, a tmpfs on apt's lists, and copies of /etc/passwd
// and /etc/group that add the `node` user of the node images. RUN steps run
// with `/bin/sh -c` as root, or as USER; ENV carries over; HEALTHCHECK's
// command is polled until it passes; ENTRYPOINT starts with the image's
// environment as the USER, /readyz must answer 200, then SIGTERM (what
// `docker stop` sends) must end it with status 0 and leave no process behind.
// apt-get installs into the machine itself (it is root, as CI is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeBlocks, section } from './markdown.mjs';

const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Dockerfile instructions, continuation lines joined and comments dropped. */
export function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const [, keyword, rest] = /^(\w+)\s+([\s\S]*)$/.exec(full) ?? [];
    if (keyword === undefined) throw new Error(`Dockerfile: cannot read "${full}"`);
    instructions.push({ keyword: keyword.toUpperCase(), rest });
  }
  return instructions;
}

function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function parseEnv(rest) {
  const pairs = [];
  for (const match of rest.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) {
    pairs.push([match[1], match[2].replace(/^"(.*)"$/, '$1')]);
  }
  return pairs;
}

/** The whole build and run as one bash script for the mount namespace. */
function script(instructions, { context, image, runDir, passwd, group }) {
  const lines = [
    'set -euo pipefail',
    `mount --bind ${shellQuote(image)} /app`,
    `mount --bind ${shellQuote(runDir)} /run/snakepit`,
    `mount --bind ${shellQuote(passwd)} /etc/passwd`,
    `mount --bind ${shellQuote(group)} /etc/group`,
    'mount -t tmpfs tmpfs /var/lib/apt/lists',
    `export PATH=${IMAGE_PATH} HOME=/root`,
    'cd /',
  ];
  let user = 'root';
  let entrypoint;
  let healthcheck;
  const as = (command) =>
    user === 'root'
      ? command
      : `setpriv --reuid=${user} --regid=${user} --init-groups env HOME=/home/${user} ${command}`;
  for (const { keyword, rest } of instructions) {
    switch (keyword) {
      case 'FROM':
        if (!/^node:20-bookworm/.test(rest))
          throw new Error(`Dockerfile: FROM ${rest} is not what this runner plays`);
        break;
      case 'WORKDIR':
        if (rest !== '/app')
          throw new Error(`Dockerfile: WORKDIR ${rest}: this runner mounts /app only`);
        lines.push('cd /app');
        break;
      case 'RUN':
        lines.push(`echo ${shellQuote(`RUN ${rest}`)}`, as(`/bin/sh -c ${shellQuote(rest)}`));
        break;
      case 'COPY': {
        const args = rest.split(/\s+/);
        if (args.some((arg) => arg.startsWith('--')))
          throw new Error(`Dockerfile: COPY flags are not played: ${rest}`);
        const target = args.pop();
        lines.push(`echo ${shellQuote(`COPY ${rest}`)}`, `mkdir -p ${shellQuote(target)}`);
        for (const source of args) {
          const from = join(context, source);
          lines.push(
            source.endsWith('/')
              ? `cp -a ${shellQuote(from)}. ${shellQuote(target)}`
              : `cp -a ${shellQuote(from)} ${shellQuote(target)}`,
          );
        }
        break;
      }
      case 'ENV':
        for (const [name, value] of parseEnv(rest))
          lines.push(`export ${name}=${shellQuote(value)}`);
        break;
      case 'USER':
        user = rest.trim();
        break;
      case 'EXPOSE':
        break;
      case 'HEALTHCHECK': {
        const command = /^CMD\s+([\s\S]+)$/.exec(rest)?.[1];
        if (command === undefined) throw new Error(`Dockerfile: HEALTHCHECK ${rest} is not played`);
        healthcheck = command;
        break;
      }
      case 'ENTRYPOINT':
        entrypoint = JSON.parse(rest);
        break;
      default:
        throw new Error(`Dockerfile: ${keyword} is not played by this runner`);
    }
  }
  if (entrypoint === undefined || healthcheck === undefined) {
    throw new Error('Dockerfile: the recipe needs an ENTRYPOINT and a HEALTHCHECK');
  }
  const port = '${SNAKEPIT_STATUS_PORT:-8080}';
  lines.push(
    `echo ${shellQuote(`ENTRYPOINT ${entrypoint.join(' ')} (as ${user})`)}`,
    'if (exec 3<>/dev/tcp/127.0.0.1/' +
      port +
      ') 2>/dev/null; then echo "port ' +
      port +
      ' is in use"; exit 1; fi',
    `${as(entrypoint.map(shellQuote).join(' '))} &`,
    'main=$!',
    'healthy=""',
    'for _ in $(seq 1 120); do',
    `  if ${as(`/bin/sh -c ${shellQuote(healthcheck)}`)}; then healthy=1; break; fi`,
    '  kill -0 "$main" 2>/dev/null || break',
    '  sleep 0.5',
    'done',
    '[ -n "$healthy" ] || { echo "HEALTHCHECK never passed"; kill -KILL "$main" 2>/dev/null; exit 1; }',
    'echo "HEALTHCHECK passed"',
    'ready=""',
    'for _ in $(seq 1 120); do',
    `  if node -e "fetch('http://127.0.0.1:${port}/readyz').then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"; then ready=1; break; fi`,
    '  sleep 0.5',
    'done',
    '[ -n "$ready" ] || { echo "/readyz never answered 200"; kill -KILL "$main" 2>/dev/null; exit 1; }',
    'echo "/readyz answered 200"',
    'kill -TERM "$main"',
    'set +e; wait "$main"; status=$?; set -e',
    'echo "exit status after SIGTERM: $status"',
    'sleep 0.5',
    'left=$(pgrep -f /app/ || true)',
    '[ -z "$left" ] || { echo "left behind: $left"; ps -o pid,user,args -p $(echo $left | tr " " ,); kill -KILL $left; exit 1; }',
    'echo "no process left"',
    'exit "$status"',
  );
  return `${lines.join('\n')}\n`;
}

function withNodeUser(file, line) {
  const text = readFileSync(file, 'utf8');
  return /^node:/m.test(text) ? text : `${text.trimEnd()}\n${line}\n`;
}

/** Plays the Dockerfile of docs/deployment.md with `context` as its build context. */
export async function runDockerfile({ root, context, log }) {
  const image = section(readFileSync(join(root, 'docs/deployment.md'), 'utf8'), 'Image');
  const blocks = codeBlocks(image);
  const dockerfile = blocks.find((block) => block.lang === 'dockerfile');
  const config = blocks.find((block) => block.lang === 'json');
  if (dockerfile === undefined || config === undefined) {
    throw new Error(
      'docs/deployment.md "Image" needs a dockerfile block and a json block (snakepit.json)',
    );
  }
  writeFileSync(join(context, 'snakepit.json'), config.code);

  const work = mkdtempSync(join(tmpdir(), 'snakepit-image-'));
  const paths = {
    context,
    image: join(work, 'app'),
    runDir: join(work, 'run-snakepit'),
    passwd: join(work, 'passwd'),
    group: join(work, 'group'),
  };
  mkdirSync(paths.image, { mode: 0o755 });
  mkdirSync(paths.runDir, { mode: 0o755 });
  const uid = freeId(1000);
  writeFileSync(
    paths.passwd,
    withNodeUser('/etc/passwd', `node:x:${uid}:${uid}::/home/node:/bin/sh`),
  );
  writeFileSync(paths.group, withNodeUser('/etc/group', `node:x:${uid}:`));
  const created = ['/app', '/run/snakepit'].filter((dir) => !existsSync(dir));
  for (const dir of created) mkdirSync(dir);
  const body = script(parseDockerfile(dockerfile.code), paths);
  writeFileSync(join(work, 'build-and-run.sh'), body);
  try {
    const result = spawnSync(
      'unshare',
      ['--mount', '--propagation', 'private', 'bash', join(work, 'build-and-run.sh')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 15 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const output = `${result.stdout}${result.stderr}`;
    const shown = output
      .split('\n')
      .filter((line) =>
        /^(RUN|COPY|ENTRYPOINT|HEALTHCHECK|\/readyz|exit status|no process|left behind|port )/.test(
          line,
        ),
      );
    log(shown.join('\n'));
    if (result.status !== 0) {
      throw new Error(
        `the Dockerfile failed (status ${result.status}, ${result.error?.message ?? 'no spawn error'}):\n${output.slice(-6000)}`,
      );
    }
  } finally {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** The first id from `from` up that is neither a user's nor a group's. */
function freeId(from) {
  const used = new Set(
    ['/etc/passwd', '/etc/group'].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => Number(line.split(':')[2])),
    ),
  );
  let id = from;
  while (used.has(id)) id++;
  return id;
}
