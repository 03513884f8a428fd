// Worker entry of the threaded fake Tavily: teaches the thread TypeScript, then runs the server module.
import { register } from 'tsx/esm/api';

register();
await import('./fake-tavily-thread.ts');
