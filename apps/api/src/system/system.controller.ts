import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import { SystemInfo } from './dto/system-info.model.js';
import { SystemService } from './system.service.js';

@ApiTags('system')
@ApiErrors(...AUTHENTICATED)
@Controller('system')
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Get()
  @ApiOkResponse({ type: SystemInfo })
  info(): Promise<SystemInfo> {
    return this.system.info();
  }
}
