import pino, { type DestinationStream, type Logger } from 'pino';

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'responseTime', 'reqId']);

/**
 * One short line per entry for a person at a terminal ("12:03:04 GET /casussen 200 14 ms"),
 * instead of pino's JSON (about 1.7 KB per request); production and piped output stay JSON.
 */
export function readableLines(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, any>;
      try {
        entry = JSON.parse(line);
      } catch {
        return void out.write(line);
      }
      const time = new Date(entry.time).toTimeString().slice(0, 8);
      const level = entry.level === 30 ? '' : `${LEVELS[entry.level] ?? entry.level} `;
      const request = entry.req
        ? `${entry.req.method} ${entry.req.url} ${entry.res?.statusCode ?? ''} ${entry.responseTime ?? '?'} ms`
        : '';
      const extra = Object.entries(entry)
        .filter(([k]) => !SKIP.has(k))
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const message = request && entry.msg === 'request completed' ? '' : entry.msg;
      out.write(`${time} ${level}${[request, message, extra].filter(Boolean).join(' · ')}\n`);
    },
  };
}

/** One logger for the process; secrets and cookies are redacted. `readable`: short lines (development). */
export function createLogger(level: string, options: { readable?: boolean } = {}): Logger {
  const settings = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[verborgen]',
    },
  };
  return options.readable ? pino(settings, readableLines()) : pino(settings);
}
