import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { ReadScope, Role } from '@switchboard/k8s-model';
import { apiEnum } from '../../graphql/closed-set.js';
import { type IdentityKind, IdentityKindSet, ReadScopeSet, RoleSet } from './auth-enums.js';
import { GrantModel } from './grant.model.js';

@ObjectType('Me', { description: 'The identity the request was made with' })
export class MeModel {
  @Field() @ApiProperty() name!: string;
  @Field(() => IdentityKindSet) @ApiProperty(apiEnum(IdentityKindSet)) kind!: IdentityKind;
  @Field(() => RoleSet) @ApiProperty(apiEnum(RoleSet)) role!: Role;
  @Field(() => ReadScopeSet) @ApiProperty(apiEnum(ReadScopeSet)) readScope!: ReadScope;
  @Field(() => [GrantModel]) @ApiProperty({ type: [GrantModel] }) grants!: GrantModel[];
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) tokenId!: string | null;
  @Field(() => Date, { nullable: true }) @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @Field({ description: 'Signed in with the session cookie (dashboard) rather than a bearer token' }) @ApiProperty() session!: boolean;
}

export class LoginBody {
  @ApiProperty({ description: 'An API token' }) token!: string;
}

export class LoginResult {
  @ApiProperty({ type: MeModel }) identity!: MeModel;
  @ApiProperty({ description: 'Send it as X-CSRF-Token with every non-GET request made with the session cookie (also in the sb_csrf cookie)' }) csrfToken!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}

export class ProvidersResult {
  @ApiProperty() token!: boolean;
  @ApiProperty() oidc!: { enabled: boolean; loginUrl: string | null };
}
