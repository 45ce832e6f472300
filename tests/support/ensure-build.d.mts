export function staleBuildReason(distDir?: string): string | null;
export function ensureBuild(distDir?: string): void;
