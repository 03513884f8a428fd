// Worker entry under Node (tests, command line): teaches the worker thread TypeScript, then runs the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
