/** Types for build.js (plain JavaScript: it runs before anything is compiled). */
export declare function buildDist(root: string, compile: () => void): void;
