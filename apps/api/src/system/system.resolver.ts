import { Query, Resolver } from '@nestjs/graphql';
import { SystemInfo } from './dto/system-info.model.js';
import { SystemService } from './system.service.js';

@Resolver(() => SystemInfo)
export class SystemResolver {
  constructor(private readonly systemService: SystemService) {}

  @Query(() => SystemInfo, { description: 'Version, role and database state of this deployment' })
  system(): Promise<SystemInfo> {
    return this.systemService.info();
  }
}
