import {
  applyDecorators,
  Inject,
  Injectable,
  Optional,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiError } from '../http/api-error';
import { apiKeyKind, hashApiKey, secretsEqual } from './api-keys';
import { verifyAccessToken, WORKER_ROLE } from './jwt';
import { isAdmin, type Principal, type PrincipalKind } from './principal';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const API_KEY_RESOLVER = Symbol('API_KEY_RESOLVER');

export interface AuthSettings {
  adminApiKey: string;
  jwtSecret: string;
}

/** Finds the project or bank whose key has this hash; each service looks in what it knows. */
export interface ApiKeyResolver {
  resolve(kind: 'project' | 'bank', keyHash: string): Promise<Principal | undefined>;
}

const ALLOW = 'auth:allow';
const PUBLIC = 'auth:public';

/**
 * Which kinds of caller may use an endpoint. `admin` also admits users whose role is ADMIN. The OpenAPI document
 * shows the same list as `x-callers`, so the document and the guard cannot disagree.
 */
export const Allow = (...kinds: PrincipalKind[]) =>
  applyDecorators(SetMetadata(ALLOW, kinds), ApiExtension('x-callers', kinds));
/** An endpoint anyone may call (health, metrics, login): `x-callers: [public]` in the document. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC, true), ApiExtension('x-callers', ['public']));

/** Whether a route is @Public(), on its handler or its controller. */
export function isPublicRoute(handler: object, controller?: object): boolean {
  return [handler, controller].some((target) => target && Reflect.getMetadata(PUBLIC, target) === true);
}

type AuthenticatedRequest = Request & { principal?: Principal };

/** The caller of the current request, as resolved by the guard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw ApiError.unauthorized();
    return principal;
  },
);

/**
 * Every endpoint requires a bearer token unless marked @Public(), and admits only the kinds of caller its @Allow()
 * names. Tokens: the administrator key, a project or bank API key, or a user's access token (JWT).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Optional() @Inject(API_KEY_RESOLVER) private readonly apiKeys?: ApiKeyResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const allowed = this.reflector.getAllAndOverride<PrincipalKind[]>(ALLOW, targets) ?? [];
    const principal = await this.authenticate(request.headers.authorization, allowed);
    request.principal = principal;
    const admitted = allowed.includes(principal.kind) || (allowed.includes('admin') && isAdmin(principal));
    if (!admitted) throw this.notForYou(allowed, principal.kind);
    return true;
  }

  private notForYou(allowed: PrincipalKind[], kind: string): ApiError {
    return ApiError.forbidden(
      `this endpoint is for ${allowed.join(' or ') || 'no one'}; the token given is a ${kind} token`,
    );
  }

  private async authenticate(header: string | undefined, allowed: PrincipalKind[]): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) throw ApiError.unauthorized();
    const token = match[1];
    const keyKind = apiKeyKind(token);
    if (keyKind) {
      // A kind of key this endpoint never admits is refused as such, valid or not: a service need not know every
      // kind of key (roster-service does not know bank keys) to tell its owner that it is the wrong kind.
      if (!allowed.includes(keyKind)) throw this.notForYou(allowed, keyKind);
      const principal = await this.apiKeys?.resolve(keyKind, hashApiKey(token));
      if (!principal) throw ApiError.unauthorized(`unknown or revoked ${keyKind} key`);
      return principal;
    }
    if (token.split('.').length === 3) {
      // A token's lifetime runs on the system's clock, like a timeout, not on the service's (a test's clock moved
      // into next year must not expire the tokens the test signed a moment ago).
      const verified = verifyAccessToken(token, this.settings.jwtSecret);
      if (!verified.ok) throw ApiError.unauthorized(`access token rejected: ${verified.reason}`);
      const claims = verified.claims;
      const expiresAt = new Date(claims.exp * 1000);
      // A worker's token is its own kind of caller: admitted only where an endpoint names `worker`.
      if (claims.role === WORKER_ROLE) return { kind: 'worker', idHash: claims.sub, expiresAt };
      return { kind: 'user', username: claims.sub, role: claims.role, regionCode: claims.region, expiresAt };
    }
    if (secretsEqual(token, this.settings.adminApiKey)) return { kind: 'admin' };
    throw ApiError.unauthorized('the bearer token is not a key or token this platform issued');
  }
}
