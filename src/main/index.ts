import { startMainProcess } from './bootstrap';

void startMainProcess();
