import { Command } from 'commander';
import { withRuntime } from '../with-runtime.js';

export const migrateCommand = () =>
  new Command('migrate').description('数据库迁移到最新 / migrate the database to the latest schema').action(async () => {
    await withRuntime(async (rt) => {
      console.log(`migrated (${rt.database.kind})`);
    });
  });
