/**
 * Who may ask what. Production: every request needs a JWT (HS256) signed with
 * CUBEJS_API_SECRET; its `region` / `team` claims become the security context that cube.js's
 * queryRewrite turns into row filters. Local mode: no token needed; a token, if sent, is
 * still checked so that its claims apply.
 */
import { CubejsHandlerError } from '@cubejs-backend/api-gateway';
import jwt from 'jsonwebtoken';

export interface AuthOptions {
  readonly production: boolean;
  readonly apiSecret: string;
}

export interface TokenClaims {
  readonly region?: string | readonly string[];
  readonly team?: string | readonly string[];
}

interface AuthRequest {
  securityContext?: unknown;
}

function forbidden(message: string): CubejsHandlerError {
  return new CubejsHandlerError(403, 'Forbidden', message);
}

/** Cube `checkAuth` option. */
export function createCheckAuth(options: AuthOptions): (req: AuthRequest, authorization?: string) => Promise<void> {
  return async (req, authorization) => {
    if (!authorization) {
      if (options.production) throw forbidden("Authorization header isn't set: send a JWT signed with CUBEJS_API_SECRET (npm run token).");
      req.securityContext = {};
      return;
    }
    try {
      const payload = jwt.verify(authorization, options.apiSecret, { algorithms: ['HS256'] });
      req.securityContext = typeof payload === 'object' ? payload : {};
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw forbidden(`Invalid token: ${reason}`);
    }
  };
}

/** A token for the REST API, restricted to the given region(s) / team(s) if any. */
export function createToken(apiSecret: string, claims: TokenClaims = {}, expiresIn: jwt.SignOptions['expiresIn'] = '30d'): string {
  const payload: Record<string, unknown> = {};
  if (claims.region !== undefined) payload.region = claims.region;
  if (claims.team !== undefined) payload.team = claims.team;
  return jwt.sign(payload, apiSecret, { algorithm: 'HS256', expiresIn });
}
