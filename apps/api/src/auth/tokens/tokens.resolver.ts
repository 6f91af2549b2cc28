import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../caller.js';
import { CurrentCaller } from '../current-caller.decorator.js';
import { MeModel } from '../dto/caller.model.js';
import { CreateGrantInput, GrantModel } from '../dto/grant.model.js';
import { CreatedTokenModel, CreateTokenInput, TokenModel } from '../dto/token.model.js';
import { toGrantModel, toMeModel, toTokenModel } from '../dto/to-models.js';
import { TokensService } from './tokens.service.js';

@Resolver()
export class TokensResolver {
  constructor(private readonly tokenService: TokensService) {}

  @Query(() => MeModel, { description: 'Who the request is made as: role, grants, expiry' })
  me(@CurrentCaller() caller: Caller): MeModel {
    return toMeModel(caller);
  }

  @Query(() => [TokenModel], { description: 'API tokens (admins only); secrets are never shown again' })
  async tokens(@CurrentCaller() caller: Caller, @Args('includeRevoked', { nullable: true, defaultValue: false }) includeRevoked: boolean): Promise<TokenModel[]> {
    return (await this.tokenService.list(caller, includeRevoked)).map((t) => toTokenModel(t));
  }

  @Query(() => TokenModel, { description: 'One API token (admins only)' })
  async token(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokenService.get(caller, id));
  }

  @Query(() => [GrantModel], { description: 'Grants of every token, or of one (admins only)' })
  async grants(@CurrentCaller() caller: Caller, @Args('token', { type: () => ID, nullable: true }) token?: string): Promise<GrantModel[]> {
    return (await this.tokenService.grants(caller, token)).map((g) => toGrantModel(g));
  }

  @Mutation(() => CreatedTokenModel, { description: 'Creates an API token; the secret is in the answer this once (admins only)' })
  async createToken(@CurrentCaller() caller: Caller, @Args('input') input: CreateTokenInput): Promise<CreatedTokenModel> {
    const created = await this.tokenService.create(caller, { ...input });
    return { token: created.token, apiToken: toTokenModel(created.apiToken) };
  }

  @Mutation(() => TokenModel, { description: 'Revokes a token and ends its dashboard sessions (admins only)' })
  async revokeToken(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<TokenModel> {
    return toTokenModel(await this.tokenService.revoke(caller, id));
  }

  @Mutation(() => GrantModel, { description: 'Adds a grant to a viewer or operator token (admins only)' })
  async createGrant(@CurrentCaller() caller: Caller, @Args('input') input: CreateGrantInput): Promise<GrantModel> {
    return toGrantModel(await this.tokenService.addGrant(caller, { ...input }));
  }

  @Mutation(() => GrantModel, { description: 'Removes a grant (admins only)' })
  async deleteGrant(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<GrantModel> {
    return toGrantModel(await this.tokenService.removeGrant(caller, id));
  }
}
