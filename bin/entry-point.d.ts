/** Types for entry-point.js (plain JavaScript: it runs before anything is compiled). */
export declare const BUILD_STAMP: string;
export type Entry = { kind: 'dist' } | { kind: 'sources'; why: string };
export declare function chooseEntry(root: string, env: NodeJS.ProcessEnv): Entry;
