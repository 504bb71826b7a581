import { loadEnv, runMain, runService } from '@wage/platform';
import { AppModule } from './app.module';
import { envSchema, serviceDefinition } from './config/env';

runMain(async () => {
  const service = serviceDefinition(loadEnv(envSchema));
  // Bodies pass through untouched: the services behind check them.
  await runService(service, (logger) => AppModule.forRoot(service, logger), {
    checkRequestBodies: false,
    openApi: false,
  });
});
