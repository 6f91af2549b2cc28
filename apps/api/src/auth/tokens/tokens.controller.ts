import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFlagQuery, ApiTextQuery } from '../../catalog/shared/query-docs.js';
import { queryFlag } from '../../catalog/shared/query-params.js';
import { ApiErrors, AUTHENTICATED } from '../../errors/api-errors.decorator.js';
import type { Caller } from '../caller.js';
import { CurrentCaller } from '../current-caller.decorator.js';
import { CreateGrantInput, TokenGrantModel } from '../dto/grant.model.js';
import { CreatedTokenModel, CreateTokenInput, TokenModel } from '../dto/token.model.js';
import { toGrantModel, toTokenModel } from '../dto/to-models.js';
import { TokensService } from './tokens.service.js';

@ApiTags('tokens')
@ApiErrors(...AUTHENTICATED, 403)
@Controller()
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get('tokens')
  @ApiOkResponse({ type: [TokenModel] })
  @ApiFlagQuery('includeRevoked', 'Revoked tokens too')
  @ApiErrors(422)
  async list(@CurrentCaller() caller: Caller, @Query() q: Record<string, string | string[] | undefined>): Promise<TokenModel[]> {
    return (await this.tokens.list(caller, queryFlag(q, 'includeRevoked') ?? false)).map((t) => toTokenModel(t));
  }

  @Post('tokens')
  @ApiCreatedResponse({ type: CreatedTokenModel, description: 'The secret is in `token`, this once' })
  @ApiErrors(422)
  async create(@CurrentCaller() caller: Caller, @Body() body: CreateTokenInput): Promise<CreatedTokenModel> {
    const created = await this.tokens.create(caller, body);
    return { token: created.token, apiToken: toTokenModel(created.apiToken) };
  }

  @Get('tokens/:id')
  @ApiOkResponse({ type: TokenModel })
  @ApiErrors(404)
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokens.get(caller, id));
  }

  @Delete('tokens/:id')
  @ApiOkResponse({ type: TokenModel, description: 'Revokes the token (and ends its dashboard sessions and subscriptions); the row stays for the audit trail' })
  @ApiErrors(404)
  async revoke(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokens.revoke(caller, id));
  }

  @Get('grants')
  @ApiOkResponse({ type: [TokenGrantModel] })
  @ApiTextQuery('token', 'Only the grants of this token id')
  @ApiErrors(404)
  async grants(@CurrentCaller() caller: Caller, @Query('token') token?: string): Promise<TokenGrantModel[]> {
    return (await this.tokens.grants(caller, token)).map((g) => ({ ...toGrantModel(g), token: g.tokenId }));
  }

  @Post('grants')
  @ApiCreatedResponse({ type: TokenGrantModel })
  @ApiErrors(404, 422)
  async addGrant(@CurrentCaller() caller: Caller, @Body() body: CreateGrantInput): Promise<TokenGrantModel> {
    const g = await this.tokens.addGrant(caller, body ?? {});
    return { ...toGrantModel(g), token: g.tokenId };
  }

  @Delete('grants/:id')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenGrantModel })
  @ApiErrors(404)
  async removeGrant(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TokenGrantModel> {
    const g = await this.tokens.removeGrant(caller, id);
    return { ...toGrantModel(g), token: g.tokenId };
  }
}
