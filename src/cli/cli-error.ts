import { CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { CsvError } from '../text/csv.js';
import { ScenarioError } from '../demo/scenarios/scenario.service.js';
import { DomainError } from '../shared/errors.js';

/** A mistake at the terminal (an unknown order, a bad option): told in one line, Chinese first. */
export class CliError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
  }
}

const TOLD_PLAINLY = [CliError, ConfigError, DomainError, DataDirInUseError, CsvError, ScenarioError, CommanderError];

/**
 * What the terminal shows for a failed command: the message alone for a person's mistake (a missing
 * file, a bad option or input), the whole error with its stack only for a fault of the program.
 */
export function terminalMessage(error: unknown): { text: string; fault: boolean } {
  const errno = error as NodeJS.ErrnoException;
  if (errno?.code === 'ENOENT' && errno.path) return { text: `文件不存在 / file not found: ${errno.path}`, fault: false };
  if (errno?.code === 'EISDIR' && errno.path) return { text: `这是目录，不是文件 / is a directory: ${errno.path}`, fault: false };
  if (TOLD_PLAINLY.some((kind) => error instanceof kind)) return { text: (error as Error).message, fault: false };
  return { text: error instanceof Error ? (error.stack ?? error.message) : String(error), fault: true };
}
