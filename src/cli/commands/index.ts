import type { Command } from 'commander';
import { serveCommand } from './serve.command.js';
import { migrateCommand } from './migrate.command.js';
import { seedCommand } from './seed.command.js';
import { userCommand } from './user.command.js';
import { orderCommand } from './order.command.js';
import { calendarCommand } from './calendar.command.js';
import { hotspotCommand } from './hotspot.command.js';
import { textCommand } from './text.command.js';
import { nlpCommand } from './nlp.command.js';
import { demoCommand } from './demo.command.js';
import { callCommand } from './call.command.js';
import { auditCommand } from './audit.command.js';
import { keysCommand } from './keys.command.js';
import { backupCommand, restoreCommand } from './backup.command.js';
import { importCommand } from './import.command.js';
import { clientCommand } from './client.command.js';
import { retentionCommand } from './retention.command.js';
import { gridCommand } from './grid.command.js';

/** Every CLI command, listed explicitly. */
export function registerCommands(program: Command): void {
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(seedCommand());
  program.addCommand(userCommand());
  program.addCommand(orderCommand());
  program.addCommand(calendarCommand());
  program.addCommand(hotspotCommand());
  program.addCommand(textCommand());
  program.addCommand(nlpCommand());
  program.addCommand(demoCommand());
  program.addCommand(callCommand());
  program.addCommand(auditCommand());
  program.addCommand(keysCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  program.addCommand(importCommand());
  program.addCommand(clientCommand());
  program.addCommand(retentionCommand());
  program.addCommand(gridCommand());
}
