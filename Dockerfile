# syntax=docker/dockerfile:1
# One build stage for the whole monorepo, two small runtime images: api and web.
# Node.js 24 LTS (20 reached its end of life in April 2026); 20.19+ stays supported for npm start.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/kube-sim/package.json apps/kube-sim/
COPY libs/k8s-model/package.json libs/k8s-model/
COPY libs/kube-sim/package.json libs/kube-sim/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS api
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/libs/k8s-model/package.json /app/libs/k8s-model/package.json
COPY --from=build /app/libs/k8s-model/dist ./libs/k8s-model/dist
COPY --from=build /app/libs/kube-sim/package.json /app/libs/kube-sim/package.json
COPY --from=build /app/libs/kube-sim/dist ./libs/kube-sim/dist
COPY --from=build /app/libs/kube-sim/scenarios ./libs/kube-sim/scenarios
# The kube-sim command line too: docker compose's demo profile runs simulated clusters from this image.
COPY --from=build /app/apps/kube-sim/package.json ./apps/kube-sim/package.json
COPY --from=build /app/apps/kube-sim/dist ./apps/kube-sim/dist
COPY --from=build /app/apps/api/package.json ./apps/api/package.json
COPY --from=build /app/apps/api/dist ./apps/api/dist
# The demo profile's kubeconfig volume mounts here; created now so the volume belongs to node.
RUN mkdir -p /home/node/kube && chown node:node /home/node/kube
USER node
EXPOSE 4000
CMD ["node", "apps/api/dist/main.js"]

FROM node:24-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/k8s-model/package.json /app/libs/k8s-model/package.json
COPY --from=build /app/libs/k8s-model/dist ./libs/k8s-model/dist
COPY --from=build /app/apps/web ./apps/web
USER node
EXPOSE 3000
CMD ["node", "apps/web/server.mjs", "--port", "3000"]
