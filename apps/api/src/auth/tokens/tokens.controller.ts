import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../caller.js';
import { CurrentCaller } from '../current-caller.decorator.js';
import { CreateGrantInput, GrantModel } from '../dto/grant.model.js';
import { CreatedTokenModel, CreateTokenInput, TokenModel } from '../dto/token.model.js';
import { toGrantModel, toTokenModel } from '../dto/to-models.js';
import { TokensService } from './tokens.service.js';

@ApiTags('tokens')
@ApiBearerAuth()
@Controller()
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get('tokens')
  @ApiOkResponse({ type: [TokenModel] })
  @ApiQuery({ name: 'includeRevoked', required: false, enum: ['true', 'false'] })
  async list(@CurrentCaller() caller: Caller, @Query('includeRevoked') includeRevoked?: string): Promise<TokenModel[]> {
    return (await this.tokens.list(caller, includeRevoked === 'true')).map((t) => toTokenModel(t));
  }

  @Post('tokens')
  @ApiCreatedResponse({ type: CreatedTokenModel, description: 'The secret is in `token`, this once' })
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateTokenInput): Promise<CreatedTokenModel> {
    const created = await this.tokens.create(caller, body);
    return { token: created.token, apiToken: toTokenModel(created.apiToken) };
  }

  @Get('tokens/:id')
  @ApiOkResponse({ type: TokenModel })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokens.get(caller, id));
  }

  @Delete('tokens/:id')
  @ApiOkResponse({ type: TokenModel, description: 'Revokes the token (and ends its dashboard sessions); the row stays for the audit trail' })
  async revoke(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokens.revoke(caller, id));
  }

  @Get('grants')
  @ApiOkResponse({ type: [GrantModel] })
  @ApiQuery({ name: 'token', required: false, description: 'Only the grants of this token id' })
  async grants(@CurrentCaller() caller: Caller, @Query('token') token?: string): Promise<(GrantModel & { token: string })[]> {
    return (await this.tokens.grants(caller, token)).map((g) => ({ ...toGrantModel(g), token: g.tokenId }));
  }

  @Post('grants')
  @ApiCreatedResponse({ type: GrantModel })
  async addGrant(@CurrentCaller() caller: Caller, @Body() body: CreateGrantInput): Promise<GrantModel & { token: string }> {
    const g = await this.tokens.addGrant(caller, body ?? {});
    return { ...toGrantModel(g), token: g.tokenId };
  }

  @Delete('grants/:id')
  @HttpCode(200)
  @ApiOkResponse({ type: GrantModel })
  async removeGrant(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<GrantModel & { token: string }> {
    const g = await this.tokens.removeGrant(caller, id);
    return { ...toGrantModel(g), token: g.tokenId };
  }
}
