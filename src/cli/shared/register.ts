import type { Command } from 'commander';
import type { CliContext } from '../context';

/** What each command module exports: it adds its command to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;
