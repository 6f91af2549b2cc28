import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { ReadScope, Role } from '@switchboard/k8s-model';
import { apiEnum } from '../../graphql/closed-set.js';
import { ReadScopeSet, RoleSet, type TokenStatus, TokenStatusSet } from './auth-enums.js';
import { GrantInput, GrantModel } from './grant.model.js';

@ObjectType('ApiToken', { description: 'An API token; its secret is shown once, at creation, and stored only as a hash' })
export class TokenModel {
  @Field(() => ID) @ApiProperty() id!: string;
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'The first characters of the secret, to tell tokens apart' }) @ApiProperty() prefix!: string;
  @Field(() => RoleSet) @ApiProperty(apiEnum(RoleSet)) role!: Role;
  @Field(() => ReadScopeSet) @ApiProperty(apiEnum(ReadScopeSet)) readScope!: ReadScope;
  @Field(() => [GrantModel]) @ApiProperty({ type: [GrantModel] }) grants!: GrantModel[];
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @Field() @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute' }) @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @Field(() => TokenStatusSet) @ApiProperty(apiEnum(TokenStatusSet)) status!: TokenStatus;
}

@ObjectType('CreatedToken')
export class CreatedTokenModel {
  @Field({ description: 'The secret: shown this once, never again' }) @ApiProperty({ description: 'The secret: shown this once, never again' }) token!: string;
  @Field(() => TokenModel) @ApiProperty({ type: TokenModel }) apiToken!: TokenModel;
}

@InputType('CreateTokenInput')
export class CreateTokenInput {
  @Field() @ApiProperty() name!: string;
  @Field(() => RoleSet) @ApiProperty(apiEnum(RoleSet)) role!: Role;
  @Field(() => [GrantInput], { nullable: true }) @ApiProperty({ type: [GrantInput], required: false }) grants?: GrantInput[] | null;
  @Field(() => ReadScopeSet, { nullable: true, description: 'Default ALL' }) @ApiProperty({ ...apiEnum(ReadScopeSet), required: false }) readScope?: ReadScope | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601; omit for a token that does not expire' }) @ApiProperty({ type: String, format: 'date-time', required: false }) expiresAt?: string | null;
}
