# syntax=docker/dockerfile:1
# One image for every service and the gateway (with the built web console). The service is chosen by the
# argument given to node, e.g. `docker run wage-guard dist/apps/roster-service/main.js`; the default is the gateway.
# `dist/apps/<service>/main.js migrate` applies that service's migrations and exits.
#
#   docker build -t wage-guard:0.1.0 .                    (NODE_VERSION=24 is the current LTS line)
#
# No secret is ever passed as a build argument or baked into a layer: every credential comes from the
# environment at run time (.env for docker compose, Secrets on Kubernetes).
ARG NODE_VERSION=24

# --- 1. every dependency, for building -------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build-deps
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- 2. build the services (webpack bundles) and the web console (Vite) --------------------------------------
FROM build-deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json .swcrc ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build \
 && if [ -f apps/web-console/vite.config.ts ]; then npx vite build apps/web-console; fi \
 && mkdir -p dist/apps/web-console

# --- 3. production dependencies only (the bundles keep node_modules external) ------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- 4. the runtime image ----------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    CONSOLE_DIR=/app/dist/apps/web-console \
    WORKER_PORTAL_DIR=/app/dist/apps/worker-portal
WORKDIR /app
# Case documents (PDF) are set in a Chinese font: Debian's WenQuanYi Micro Hei, at the path PDF_FONT_PATH names.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*
COPY --from=prod-deps --chown=root:root /build/node_modules ./node_modules
COPY --from=build --chown=root:root /build/dist ./dist
COPY --chown=root:root package.json ./
# The SMS catcher that compose runs in place of a provider (node scripts/sms-catcher.mjs).
COPY --chown=root:root scripts/sms-catcher.mjs ./scripts/
# The image's files belong to root and are read-only for the process; it runs as the unprivileged `node` user.
USER node
EXPOSE 8080
# Every service answers GET /health on its PORT: 200 when it and its connections are up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and receives SIGTERM itself, so the services drain their consumers before exiting.
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/main.js"]
