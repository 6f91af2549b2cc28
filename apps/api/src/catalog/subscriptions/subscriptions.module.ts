import { Module } from '@nestjs/common';
import { CatalogSubscriptionsResolver } from './catalog-subscriptions.resolver.js';

@Module({ providers: [CatalogSubscriptionsResolver] })
export class SubscriptionsModule {}
