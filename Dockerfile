# syntax=docker/dockerfile:1
# Casusbank production image: compile TypeScript in a build stage, ship only the compiled code,
# production dependencies, views and static files. Used by docker-compose.yml.

# ---- build ------------------------------------------------------------------------------------
# Node 22 (20 reached end of life on 2026-04-30). Build and runtime on the same major, so the
# production node_modules pruned here are the ones that run. The development machines and CI still
# run Node 20 (package.json engines ">=20.19"): the code must keep working on both.
FROM node:22-bookworm-slim AS build
WORKDIR /app

# better-sqlite3 (the embedded search engine) takes a prebuilt binary when one can be downloaded
# and compiles itself otherwise: the slim image needs the compiler for that.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# `npm install`, not `npm ci`: the lockfile made on the dev machines lacks some optional platform
# builds (e.g. @swc/core-darwin-*), and `npm ci` refuses such a lockfile (see ../shared/STACK.md).
# `npm install` still honours the lockfile's versions.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

# The whole context (.dockerignore keeps local node_modules, dist, data and .env out), so the
# build still works when bench/ or migrations/ import shared code from elsewhere in the repo.
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime ----------------------------------------------------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
WORKDIR /app

# Code stays owned by root (read-only for the app); only /data is writable by the `node` user.
# package.json is needed at runtime: src/paths.ts finds the project root (views/, public/) by it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/views ./views
COPY --from=build /app/public ./public

# Create /data before VOLUME so a fresh named volume inherits the node:node ownership.
RUN mkdir -p /data && chown node:node /data
VOLUME /data

USER node
EXPOSE 3000

# The slim image has no curl or wget: ask Node itself (global fetch).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# node as PID 1 directly (not `npm start`), so SIGTERM reaches the server's graceful shutdown.
CMD ["node", "dist/src/server.js"]
