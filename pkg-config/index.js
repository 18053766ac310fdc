// whosaid: the package entry for browsers and bundlers: the engine on this
// thread (engine.js: init, analyze, version) and the engine in a Web Worker
// (analyzer.js: createAnalyzer). Nothing is fetched from anywhere but this
// folder.
export { init, isReady, analyze, version } from './engine.js';
export { createAnalyzer } from './analyzer.js';
export { init as default } from './engine.js';
