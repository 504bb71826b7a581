import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { ApiError } from '@wage/platform';
import type { OpenApiDocument } from './merge-documents';
import { UpstreamDocuments } from './upstream-documents';

/** The files of the swagger-ui-dist package the page uses, served from the package itself (no CDN). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// Scripts only from this origin, so the page runs no inline script; Swagger UI sets inline styles and shows
// data: images (its icons), nothing more.
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>wage-guard API</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  persistAuthorization: false,
});
`;

/**
 * `GET /api/docs`: the whole public API in Swagger UI; `GET /api/docs/openapi.json`: the one OpenAPI document
 * merged from every service's own, which tools (and the fuzzing and authorization tests) read.
 */
@Controller('api/docs')
export class DocsController {
  constructor(private readonly documents: UpstreamDocuments) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAGE_POLICY)
  @Header('X-Content-Type-Options', 'nosniff')
  page(): string {
    return PAGE;
  }

  @Get('openapi.json')
  @Header('Cache-Control', 'no-cache')
  document(): Promise<OpenApiDocument> {
    return this.documents.merged();
  }

  @Get('init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  init(): string {
    return INIT;
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (!Object.hasOwn(ASSETS, file)) throw ApiError.notFound(`no documentation asset ${file}`);
    res.setHeader('Content-Type', ASSETS[file]);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(join(getAbsoluteFSPath(), file));
  }
}
