# syntax=docker/dockerfile:1
# AdDesk: one image for every app instance. Build: docker build -t addesk .
# Run: docker run -p 3000:3000 -v addesk-data:/app/.data addesk   (embedded database)
#  or with -e DATABASE_URL=postgres://… (see compose.yaml and README "Running in production").

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    ADDESK_DATA_DIR=/app/.data
# The server runs from source through tsx (server.ts, lib/, db/ with its migrations) beside
# the build, so the runtime stage is the built tree with only production dependencies.
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
VOLUME ["/app/.data"]
EXPOSE 3000
# Liveness; the load balancer should use /readyz (database, migrations, job runner).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `npm run serve` without npm in between: on SIGTERM npm exits at once without passing the
# signal on, so the server itself must get it; it drains requests, commits acknowledged
# tracking hits, lets a running job finish and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "server.ts"]
