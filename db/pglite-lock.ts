import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { AppError } from "@/lib/errors";

/**
 * One writer per PGlite folder. PGlite keeps its pages in memory and flushes them on its own, so
 * two processes on one folder each see only their own writes and overwrite each other's files.
 *
 * An O_EXCL lock file holding pid, host and the kernel's start time of the holder, rather than
 * proper-lockfile: that library decides staleness by an mtime it refreshes on a timer, so a long
 * synchronous PGlite query (WASM blocks the event loop) can let a second process steal a live
 * lock, and it records no pid to tell the person who holds the folder. Start time guards against a
 * recycled pid after a crash.
 */
export interface LockHolder {
  pid: number;
  host: string;
  startTicks: string | null;
  startedAt: string;
}

export interface PgliteLock {
  path: string;
  release: () => void;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// Next's dev server re-evaluates modules; the lock belongs to the process, so it lives on globalThis.
const globalForLocks = globalThis as unknown as { __pgliteLocks?: Map<string, PgliteLock> };
globalForLocks.__pgliteLocks ??= new Map();
const heldLocks = globalForLocks.__pgliteLocks;

/** The fields of /proc/<pid>/stat after the command name (Linux only); null elsewhere or when gone. */
function readStatFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses; fields are counted after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot (Linux only). */
function readStartTicks(pid: number): string | null {
  return readStatFields(pid)?.[19] ?? null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process whose parent has not reaped it yet (a container whose first process reaps no
  // orphans, or a parent still busy) still answers signal 0, but it holds nothing: zombie or dead.
  const state = readStatFields(pid)?.[0];
  return state !== "Z" && state !== "X";
}

function readText(lockPath: string): string | null {
  try {
    return readFileSync(lockPath, "utf8");
  } catch {
    return null;
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readText(lockPath) ?? "") as LockHolder;
  } catch {
    return null;
  }
}

function isLive(holder: LockHolder | null): holder is LockHolder {
  // A half-written or unreadable file is treated as live: guessing wrong would let two writers in.
  if (!holder) return true;
  if (holder.host !== hostname()) return true;
  if (!isRunning(holder.pid)) return false;
  return holder.startTicks === null || holder.startTicks === readStartTicks(holder.pid);
}

export function lockedMessage(dir: string, holder: LockHolder | null): string {
  const who = holder
    ? `process ${holder.pid} on ${holder.host} (since ${holder.startedAt})`
    : "another process";
  return (
    `The database folder ${dir} is locked by ${who}. PGlite allows one process per folder. ` +
    "Stop the other process (npm run dev / npm start / a CLI), or set DATABASE_URL to use a Postgres server that several processes can share."
  );
}

function tryCreate(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock for `dir` for the life of this process, or throws `conflict:database` naming the holder. */
export function acquirePgliteLock(dir: string): PgliteLock {
  const held = heldLocks.get(dir);
  if (held) return held;
  const lockPath = `${dir}.lock`;
  const self: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startTicks: readStartTicks(process.pid),
    startedAt: new Date().toISOString(),
  };
  if (!tryCreate(lockPath, self) && !takeOverStale(lockPath, self)) {
    const holder = readHolder(lockPath);
    throw new AppError("conflict:database", lockedMessage(dir, holder), {
      details: { dir, lockFile: lockPath, holder },
    });
  }
  const lock = { path: lockPath, release: () => releaseLock(dir, lockPath) };
  heldLocks.set(dir, lock);
  watchExit();
  return lock;
}

/** Replaces a lock whose holder is gone; false when the holder is alive or another process won. */
function takeOverStale(lockPath: string, self: LockHolder): boolean {
  const staleText = readText(lockPath);
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid && holder.startTicks === self.startTicks) return true;
  if (isLive(holder)) return false;
  // Moved aside and compared, so a process that read the same stale file a moment later cannot
  // remove the fresh lock a faster process has just written in its place.
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return false;
  }
  if (readText(aside) !== staleText) {
    renameSync(aside, lockPath);
    return false;
  }
  unlinkSync(aside);
  return tryCreate(lockPath, self);
}

function releaseLock(dir: string, lockPath: string): void {
  if (!heldLocks.delete(dir)) return;
  if (readHolder(lockPath)?.pid !== process.pid) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone; nothing to release.
  }
}

function releaseAll(): void {
  for (const lock of [...heldLocks.values()]) lock.release();
}

let watching = false;

/** Releases on exit and on signals; a signal nobody else handles still ends the process as before. */
function watchExit(): void {
  if (watching) return;
  watching = true;
  process.once("exit", releaseAll);
  for (const signal of SIGNALS) {
    const onSignal = () => {
      releaseAll();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

/** True for the refusal above, which callers turn into a clean non-zero exit rather than a stack trace. */
export function isPgliteLocked(error: unknown): error is AppError {
  return error instanceof AppError && error.code === "conflict:database";
}
