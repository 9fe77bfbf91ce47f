import 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health, citizen portal, Open311). */
    public?: boolean;
  }
}
