import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureBuild } from "../tests/support/ensure-build.mjs";

/** Shared helpers for the bench scripts: percentiles and a production server to measure. */

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index] ?? Number.NaN;
}

export function median(samplesMs: readonly number[]): number {
  return percentile(
    [...samplesMs].sort((a, b) => a - b),
    50,
  );
}

export function summarize(label: string, samplesMs: number[], targetMs?: number): string {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const verdict =
    targetMs === undefined
      ? ""
      : p50 <= targetMs
        ? `  (target p50 ≤ ${targetMs} ms: met)`
        : `  (target p50 ≤ ${targetMs} ms: MISSED)`;
  return `${label.padEnd(44)} n=${String(sorted.length).padStart(4)}  p50=${p50.toFixed(2).padStart(8)} ms  p99=${p99.toFixed(2).padStart(8)} ms${verdict}`;
}

export interface RunningServer {
  baseUrl: string;
  stop: () => void;
  /** Kills the server's whole process group with SIGKILL, as a crash would; keeps its data folder. */
  kill: () => void;
}

/**
 * Starts `next start` on a fresh embedded database; builds first when there is no build or the sources
 * are newer than it. `distDir` builds into and serves from another folder than `.next` (next.config
 * reads NEXT_DIST_DIR); `prebuilt` serves that folder as it is, e.g. a build of an earlier commit to
 * measure side by side with this tree; `cwd` serves another checkout's build. `dataDir` serves the
 * embedded database in that folder (e.g. to start again after a crash) and leaves it in place on stop.
 */
export async function startServer(
  port: number,
  extraEnv: Record<string, string> = {},
  {
    distDir,
    prebuilt = false,
    cwd,
    dataDir: givenDataDir,
  }: { distDir?: string; prebuilt?: boolean; cwd?: string; dataDir?: string } = {},
): Promise<RunningServer> {
  const distEnv: Record<string, string> = distDir ? { NEXT_DIST_DIR: distDir } : {};
  if (!prebuilt) ensureBuild(distDir);
  const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
  const child: ChildProcess = spawn(
    "node",
    [
      ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: { ...process.env, PGLITE_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", ...distEnv, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      cwd,
    },
  );
  // Read the server's output (a full pipe would stall it) and keep the end of it for a failed start.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // BENCH_SERVER_LOG: the server's whole output in a file too (with BENCH_NODE_ARGS=--trace-gc, say).
  const logFile = process.env.BENCH_SERVER_LOG;
  if (logFile) {
    const log = createWriteStream(logFile, { flags: "a" });
    log.on("error", (error) => console.error(`BENCH_SERVER_LOG: ${error.message}`));
    // Two sources into one file: it is closed when the server is gone, not when either pipe ends.
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.on("close", () => log.end());
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      signalGroup("SIGTERM");
      throw new Error(`server did not start in 120 s; its output ended with:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    stop: () => {
      signalGroup("SIGTERM");
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => signalGroup("SIGKILL"),
  };
}

export async function timeRequest(
  url: string,
  init?: RequestInit,
): Promise<{ ms: number; bytes: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}

/** The local fake upstream (tests/support/fake-upstream-cli) in a process of its own, so its work is not the bench's. */
export async function startFakeUpstream(port: number): Promise<{ stop: () => void; pid: number | null }> {
  const child = spawn("npx", ["tsx", "tests/support/fake-upstream-cli.ts", "--port", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("fake upstream did not start")), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    pid: child.pid ?? null,
    stop: () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    },
  };
}

/** The process listening on a local TCP port (the server `npx next start` ends up running). */
export function pidOnPort(port: number): number | null {
  const found = spawnSync("fuser", [`${port}/tcp`], { encoding: "utf8" });
  const pid = Number.parseInt(`${found.stdout}`.trim(), 10);
  return Number.isFinite(pid) ? pid : null;
}

/**
 * CPU time (ms) of a Postgres server on this machine: the processes listening on its port whose
 * parent is not one of them (the postmaster), with every process under it (backends, background
 * workers) and what its children that have ended used. It counts every client's backends, so run it
 * on a server nothing else is using. Throws when no process is found (no `fuser`, another user's
 * processes, a server in a container), rather than printing nothing as a figure.
 */
export function listenerTreeCpuMs(port: number): number {
  const found = spawnSync("fuser", [`${port}/tcp`], { encoding: "utf8" });
  const pids = `${found.stdout ?? ""}`.trim().split(/\s+/).filter(Boolean).map(Number);
  const roots = pids.filter((pid) => !pids.includes(Number(procStat(pid)[1])));
  if (roots.length === 0)
    throw new Error(
      `No process found listening on port ${port} to measure (is fuser installed, and the server local?)`,
    );
  return roots.reduce((sum, pid) => {
    const fields = procStat(pid);
    // cutime + cstime: backends that ended, once the postmaster has reaped them (USER_HZ 100).
    return sum + processTreeCpuMs(pid) + (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 10;
  }, 0);
}

/**
 * CPU time (ms) a process's main thread has used so far, from /proc (Linux). In a Node server that
 * is the thread serving HTTP; unlike a response time it does not grow when other processes load the
 * machine, so it shows what a change saves that thread even on a busy box.
 */
export function mainThreadCpuMs(pid: number): number {
  return threadCpuMs(pid)["HTTP thread"] ?? 0;
}

/**
 * CPU time of one process by kind of thread: "HTTP thread" (the process's first thread, where
 * requests and the embedded database run), "worker threads" (the streaming threads), "V8 helpers"
 * (garbage collection and compilation in the background) and "libuv pool" (file system, crypto).
 */
export function threadCpuMs(pid: number): Record<string, number> {
  const byKind: Record<string, number> = {};
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const kind =
          Number(task) === pid
            ? "HTTP thread"
            : name.startsWith("libuv")
              ? "libuv pool"
              : name === "node" || name.startsWith("V8")
                ? "V8 helpers"
                : "worker threads";
        byKind[kind] = (byKind[kind] ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100
      } catch {
        // the thread ended
      }
    }
  } catch {
    // the process ended
  }
  return byKind;
}

/** The fields of /proc/<pid>/stat after the command name (state first), or none if it has ended. */
function procStat(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  } catch {
    return [];
  }
}

/** CPU time (ms) used so far by a process and its children, from /proc (Linux). */
export function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  const visit = (id: number) => {
    try {
      const fields = procStat(id);
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim();
        for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return ticks * 10; // USER_HZ is 100 on Linux
}
