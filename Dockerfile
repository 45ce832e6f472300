# Production image: build once, run stateless app instances against a shared Postgres.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app /app
EXPOSE 3000
# Migrations run at server start (instrumentation.ts); concurrent starts are safe because
# drizzle's migrator applies each migration in a transaction and skips applied ones.
CMD ["npx", "next", "start", "-p", "3000", "-H", "0.0.0.0"]
