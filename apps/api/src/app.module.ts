import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule } from './auth/access.module.js';
import { AuthModule } from './auth/auth.module.js';
import { Authenticator } from './auth/authenticator.service.js';
import { graphqlContext, graphqlWsOnConnect } from './auth/graphql-auth.js';
import { SubscriberSockets } from './auth/subscriber-sockets.service.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { ChangeFeedModule } from './change-feed/change-feed.module.js';
import { ClustersModule } from './clusters/clusters.module.js';
import { ConnectivityModule } from './connectivity/connectivity.module.js';
import { DemoModule } from './demo/demo.module.js';
import { SelfServiceModule } from './self-service/self-service.module.js';
import { SyncModule } from './sync/sync.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ErrorsFilter } from './errors/errors.filter.js';
import { queryLimitsPlugin } from './graphql/limits/query-limits.plugin.js';
import { maskGraphQLError } from './graphql/mask-graphql-error.js';
import { HealthModule } from './health/health.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RequestMetrics } from './metrics/request-metrics.js';
import { SystemModule } from './system/system.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        MetricsModule,
        DatabaseModule,
        ChangeFeedModule,
        AccessModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Authenticator, SubscriberSockets, RequestMetrics],
          useFactory: (authenticator: Authenticator, sockets: SubscriberSockets, requestMetrics: RequestMetrics) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            formatError: maskGraphQLError,
            // Apollo installs its cache-control plugin unless told not to: a hook on every resolved
            // field, for cache hints the API never sets (answers are per caller and live).
            plugins: [queryLimitsPlugin(config.graphqlLimits), requestMetrics.plugin(), ApolloServerPluginCacheControlDisabled()],
            // GraphQL-over-HTTP GET must work for plain clients. Safe without Apollo's
            // preflight check: POST requires a JSON content type (never a form post)
            // and GET can only run queries (mutations over GET get 405).
            csrfPrevention: false,
            context: graphqlContext,
            subscriptions: { 'graphql-ws': { path: '/graphql', onConnect: graphqlWsOnConnect(authenticator, config.corsOrigins, sockets) } },
          }),
        }),
        LifecycleModule,
        HealthModule,
        SystemModule,
        CatalogModule,
        ClustersModule,
        SyncModule,
        DemoModule,
        SelfServiceModule,
        ConnectivityModule,
        AuthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorsFilter }],
    };
  }
}
