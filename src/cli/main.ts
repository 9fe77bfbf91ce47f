import { Command } from 'commander';
import { ConfigError } from '../config/config.js';
import { DomainError } from '../shared/errors.js';
import { registerCommands } from './commands/index.js';

const program = new Command()
  .name('lianxin')
  .description('连心桥 12345 热线工单平台 / lianxin 12345 hotline work-order platform')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
