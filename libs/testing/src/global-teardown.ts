export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEST_CONTAINERS__?.stop();
  globalThis.__TEST_CONTAINERS__ = undefined;
}
