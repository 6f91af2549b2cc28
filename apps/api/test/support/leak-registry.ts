export interface AuditedRequest {
  method: string;
  path: string;
  status: number;
}

interface Recorder {
  log(text: string): void;
  requests(origin: string): AuditedRequest[];
}

const KEY = '__switchboardTestRecorder';

/** Shared through globalThis: setup files and test modules may be separate module instances. */
export function recorder(): Recorder {
  const g = globalThis as unknown as Record<string, Recorder>;
  if (!g[KEY]) {
    const byOrigin = new Map<string, AuditedRequest[]>();
    g[KEY] = {
      log: () => undefined,
      requests(origin: string) {
        let list = byOrigin.get(origin);
        if (!list) byOrigin.set(origin, (list = []));
        return list;
      },
    };
  }
  return g[KEY]!;
}
