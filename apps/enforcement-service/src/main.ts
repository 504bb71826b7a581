import { loadEnv, migrate, runMain, runService } from '@wage/platform';
import { AppModule } from './app.module';
import { envSchema, serviceDefinition } from './config/env';

// `node main.js migrate` applies this service's migrations and exits (the deployment's one-shot job).
runMain(async () => {
  const service = serviceDefinition(loadEnv(envSchema));
  if (process.argv[2] === 'migrate') {
    const applied = await migrate(service.database!);
    console.warn(`enforcement-service: ${applied.length} migration(s) applied`);
    return;
  }
  await runService(service, (logger) => AppModule.forRoot(service, logger));
});
