import { Module } from '@nestjs/common';
import { ClustersRepository } from './clusters.repository.js';

/** The registered clusters' rows, for the features that look clusters up (access checks, grants) as well as for clusters/. */
@Module({ providers: [ClustersRepository], exports: [ClustersRepository] })
export class ClusterRecordsModule {}
