import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { GrantModel } from './grant.model.js';

@ObjectType('Me', { description: 'The identity the request was made with' })
export class MeModel {
  @Field() @ApiProperty() name!: string;
  @Field({ description: 'token or oidc' }) @ApiProperty({ enum: ['token', 'oidc'] }) kind!: string;
  @Field({ description: 'viewer, operator or admin' }) @ApiProperty({ enum: ['viewer', 'operator', 'admin'] }) role!: string;
  @Field({ description: 'ALL, or GRANTS when reads are limited to the grants' }) @ApiProperty({ enum: ['ALL', 'GRANTS'] }) readScope!: string;
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
