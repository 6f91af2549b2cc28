import { Module } from '@nestjs/common';
import { RelatedLoadersFactory } from './related-loaders.js';
import { RelatedObjectsRepository } from './related-objects.repository.js';

@Module({ providers: [RelatedObjectsRepository, RelatedLoadersFactory], exports: [RelatedLoadersFactory, RelatedObjectsRepository] })
export class RelatedModule {}
