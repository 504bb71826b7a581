import { Inject, Injectable } from '@nestjs/common';
import { OPENAPI_PATH, SERVICE_DEFINITION } from '@wage/platform';
import type { GatewayDefinition } from '../config/env';
import { SERVICE_NAMES, type ServiceName } from '../routing/routes';
import { mergeDocuments, type OpenApiDocument, type UpstreamDocument } from './merge-documents';

/** A service that does not answer within this is left out rather than holding the page up. */
const FETCH_TIMEOUT_MS = 2_000;
/** Documents change only when a service is redeployed; a short cache spares the services a reader's reloads. */
const CACHE_MS = 30_000;

/** Fetches each service's OpenAPI document and merges them; a service that is down is named, never fatal. */
@Injectable()
export class UpstreamDocuments {
  private readonly cache = new Map<ServiceName, { document: OpenApiDocument; until: number }>();
  private pending: Promise<OpenApiDocument> | undefined;

  constructor(@Inject(SERVICE_DEFINITION) private readonly service: GatewayDefinition) {}

  /** The merged document; concurrent callers share one round of fetches. */
  merged(): Promise<OpenApiDocument> {
    this.pending ??= this.fetchAll().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchAll(): Promise<OpenApiDocument> {
    const upstreams = await Promise.all(SERVICE_NAMES.map((name) => this.fetchOne(name)));
    return mergeDocuments(upstreams);
  }

  private async fetchOne(name: ServiceName): Promise<UpstreamDocument> {
    const cached = this.cache.get(name);
    if (cached && cached.until > Date.now()) return { service: name, document: cached.document };
    try {
      const answer = await fetch(`${this.service.gateway.upstreams[name]}${OPENAPI_PATH}`, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!answer.ok) {
        await answer.body?.cancel();
        return { service: name, document: null, reason: `${OPENAPI_PATH} answered ${answer.status}` };
      }
      const document = (await answer.json()) as OpenApiDocument;
      if (typeof document?.paths !== 'object' || document.paths === null) {
        return { service: name, document: null, reason: `${OPENAPI_PATH} is not an OpenAPI document` };
      }
      this.cache.set(name, { document, until: Date.now() + CACHE_MS });
      return { service: name, document };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { service: name, document: null, reason: cause ?? (error as Error).name };
    }
  }
}
