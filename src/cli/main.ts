import { Command } from 'commander';
import { terminalMessage } from './cli-error.js';
import { registerCommands } from './commands/index.js';

const program = new Command()
  .name('lianxin')
  .description('连心桥 12345 热线工单平台 / lianxin 12345 hotline work-order platform')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const { text, fault } = terminalMessage(error);
  console.error(fault ? `内部错误 / internal error:\n${text}` : text);
  process.exit(1);
});
