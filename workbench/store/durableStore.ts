import fs from 'node:fs';
import path from 'node:path';

/**
 * The workbench's disk: namespaced key → JSON value maps, kept in memory and made durable by an
 * append-only log. Each change (or whole transaction) is one line written with a single
 * `appendFileSync` and fsync'd, so a `kill -9` loses at most a line that was never acknowledged;
 * a torn last line is ignored on the next start. The log is compacted (written to a temporary
 * file, then renamed over the old one, which is atomic) when it is opened.
 *
 * Both the KVS stand-in and the Jira stand-in keep their state here.
 */
export type StoreOperation =
  { op: 'set'; ns: string; key: string; value: unknown } | { op: 'delete'; ns: string; key: string } | { op: 'clearNamespace'; ns: string };

type LogLine = { ops: StoreOperation[] } | { clearAll: true };

export class DurableStore {
  private readonly namespaces = new Map<string, Map<string, unknown>>();
  private fd: number | null = null;

  private constructor(private readonly file: string | null) {}

  /** Opens (or creates) the store at `file`; `null` keeps it in memory only, for tests. */
  static open(file: string | null): DurableStore {
    const store = new DurableStore(file);
    if (file) store.load(file);
    return store;
  }

  get(ns: string, key: string): unknown {
    return this.namespaces.get(ns)?.get(key);
  }

  has(ns: string, key: string): boolean {
    return this.namespaces.get(ns)?.has(key) ?? false;
  }

  /** Entries of one namespace, sorted by key so queries and cursors are stable. */
  entries(ns: string): Array<[string, unknown]> {
    const map = this.namespaces.get(ns);
    if (!map) return [];
    return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every namespace holding a value, sorted: with `entries`, a whole snapshot (tests compare before and after). */
  namespaceNames(): string[] {
    return [...this.namespaces.entries()]
      .filter(([, map]) => map.size > 0)
      .map(([ns]) => ns)
      .sort();
  }

  size(ns: string): number {
    return this.namespaces.get(ns)?.size ?? 0;
  }

  set(ns: string, key: string, value: unknown): void {
    this.apply([{ op: 'set', ns, key, value }]);
  }

  delete(ns: string, key: string): void {
    this.apply([{ op: 'delete', ns, key }]);
  }

  clearNamespace(ns: string): void {
    this.apply([{ op: 'clearNamespace', ns }]);
  }

  /** All or nothing: the operations land in one log line. */
  apply(ops: StoreOperation[]): void {
    if (ops.length === 0) return;
    // JSON round trip: the caller's objects are never shared with the store, as on a real wire.
    const copied = JSON.parse(JSON.stringify(ops)) as StoreOperation[];
    this.append({ ops: copied });
    for (const op of copied) this.applyInMemory(op);
  }

  clearAll(): void {
    this.append({ clearAll: true });
    this.namespaces.clear();
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private applyInMemory(op: StoreOperation): void {
    if (op.op === 'clearNamespace') {
      this.namespaces.delete(op.ns);
      return;
    }
    let map = this.namespaces.get(op.ns);
    if (op.op === 'set') {
      if (!map) this.namespaces.set(op.ns, (map = new Map<string, unknown>()));
      map.set(op.key, op.value);
    } else {
      map?.delete(op.key);
    }
  }

  private append(line: LogLine): void {
    if (this.fd === null) return;
    fs.appendFileSync(this.fd, `${JSON.stringify(line)}\n`);
    fs.fsyncSync(this.fd);
  }

  private load(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      for (const text of lines) {
        if (!text.trim()) continue;
        let line: LogLine;
        try {
          line = JSON.parse(text) as LogLine;
        } catch {
          continue; // a torn last line from a crash: it was never acknowledged
        }
        if ('clearAll' in line) this.namespaces.clear();
        else for (const op of line.ops) this.applyInMemory(op);
      }
    }
    this.compact(file);
    this.fd = fs.openSync(file, 'a');
  }

  private compact(file: string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    const ops: StoreOperation[] = [];
    for (const [ns, map] of this.namespaces) {
      for (const [key, value] of map) ops.push({ op: 'set', ns, key, value });
    }
    const fd = fs.openSync(temporary, 'w');
    // One line per namespace chunk keeps lines short enough to read back quickly.
    for (let i = 0; i < ops.length; i += 500) {
      fs.writeSync(fd, `${JSON.stringify({ ops: ops.slice(i, i + 500) })}\n`);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temporary, file);
  }
}
