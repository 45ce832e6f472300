export function ensureBuild(distDir?: string): void;
