import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

@ObjectType('Grant', { description: 'Where a token may change things (and read, with readScope GRANTS): a cluster or every cluster × a namespace pattern' })
export class GrantModel {
  @Field(() => ID, { nullable: true }) @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @Field(() => String, { nullable: true, description: 'Cluster name; null for every cluster' }) @ApiProperty({ type: String, nullable: true }) cluster!: string | null;
  @Field({ description: 'Namespace name or pattern with * and ? (e.g. team-a-*)' }) @ApiProperty() namespace!: string;
}

@InputType('GrantInput')
export class GrantInput {
  @Field(() => String, { nullable: true, description: 'Cluster name; omit or "*" for every cluster' }) @ApiProperty({ type: String, required: false, nullable: true }) cluster?: string | null;
  @Field(() => String, { nullable: true, description: 'Namespace or pattern; default "*"' }) @ApiProperty({ type: String, required: false, nullable: true }) namespace?: string | null;
}

@InputType('CreateGrantInput')
export class CreateGrantInput extends GrantInput {
  @Field(() => ID) @ApiProperty({ description: 'The token the grant is for' }) token!: string;
}

/** A grant as the REST grants routes answer it: with the token it belongs to. */
export class TokenGrantModel extends GrantModel {
  @ApiProperty({ description: 'Id of the token the grant belongs to' }) token!: string;
}
