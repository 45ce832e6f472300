export declare const CHROMIUM_ARGS: string[];
export declare function findBrowser(options?: { install?: boolean }): { path: string; via: string };
