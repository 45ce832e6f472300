import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Real processes on one folder: the lock only matters between processes, so nothing here is faked.
const WRITER = path.join(process.cwd(), "tests", "support", "pglite-writer.ts");
const MIGRATE_CLI = path.join(process.cwd(), "db", "migrate-cli.ts");
const root = mkdtempSync(path.join(tmpdir(), "pglite-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Finished>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function untilOutput(child: ChildProcess, text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    });
    child.on("exit", () => reject(new Error(`exited before printing "${text}"`)));
  });
}

describe("PGlite folder lock", () => {
  it("refuses a second process, names the holder, and the first keeps every row", async () => {
    const dir = path.join(root, "shared");
    const first = start([WRITER, "write", dir, "40"]);
    await untilOutput(first.child, "wrote 40");

    const second = await start([MIGRATE_CLI], { PGLITE_DIR: dir }).done;
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`The database folder ${dir} is locked by process ${first.child.pid}`);
    expect(second.stderr).toContain("DATABASE_URL");

    first.child.kill("SIGTERM");
    await first.done;
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const reopened = await start([WRITER, "count", dir]).done;
    expect(reopened.stdout).toContain("count 40");
  }, 120_000);

  it("takes over the lock of a process killed with SIGKILL", async () => {
    const dir = path.join(root, "crashed");
    const crashed = start([WRITER, "write", dir, "3"]);
    await untilOutput(crashed.child, "wrote 3");
    crashed.child.kill("SIGKILL");
    await crashed.done;
    expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(crashed.child.pid);

    const next = await start([WRITER, "count", dir]).done;
    expect(next.code).toBe(0);
    expect(next.stdout).toContain("count");
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 120_000);

  // The lock is on Linux's /proc; a zombie is what a container whose first process reaps no orphans leaves.
  it.runIf(process.platform === "linux")(
    "takes over the lock of a killed process that its parent has not reaped (a zombie)",
    async () => {
      const dir = path.join(root, "zombie");
      // sh starts the writer, then becomes `sleep`, which never reaps it: killed, the writer stays a zombie.
      const parent = spawn(
        "sh",
        [
          "-c",
          `"${process.execPath}" --import tsx "${WRITER}" write "${dir}" 2 & echo "pid $!"; exec sleep 60`,
        ],
        { env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
      );
      try {
        let output = "";
        await new Promise<void>((resolve, reject) => {
          parent.stdout?.on("data", (chunk) => {
            output += chunk;
            if (output.includes("wrote 2")) resolve();
          });
          parent.on("exit", () => reject(new Error(`exited early: ${output}`)));
        });
        const writerPid = Number(/pid (\d+)/.exec(output)?.[1]);
        process.kill(writerPid, "SIGKILL");
        const state = async () => readFileSync(`/proc/${writerPid}/stat`, "utf8").split(") ")[1]?.[0];
        await expect.poll(state).toBe("Z");
        expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(writerPid);

        const next = await start([WRITER, "count", dir]).done;
        expect(next.stderr).not.toContain("locked");
        expect(next.code).toBe(0);
        expect(next.stdout).toContain("count 2");
      } finally {
        parent.kill("SIGKILL");
      }
    },
    120_000,
  );
});
