import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config.js';

/** JSON lines for log pipelines; human-readable lines only on a terminal (or LOG_FORMAT=pretty). */
export function logFormatOf(config: Pick<AppConfig, 'logFormat'>, stdoutIsTty = Boolean(process.stdout.isTTY)): 'json' | 'pretty' {
  return config.logFormat === 'auto' ? (stdoutIsTty ? 'pretty' : 'json') : config.logFormat;
}

/**
 * The process's one pino logger: level, ISO time, and every line a JSON object. It
 * writes through process.stdout (not straight to the file descriptor), so whoever
 * watches the process's output — the test suite's credential scan — sees every line.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat' | 'role' | 'version'>): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: 'switchboard', role: config.role, version: config.version },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: nothing logs these, and if something ever did, they stay out.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.token', '*.password', '*.kubeconfig'], censor: '[redacted]' },
  };
  if (logFormatOf(config) === 'pretty') return pino(options, pretty({ destination: process.stdout, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,version,role,context', messageFormat: '{if context}[{context}] {end}{msg}', singleLine: true, sync: true }));
  return pino(options, process.stdout);
}
