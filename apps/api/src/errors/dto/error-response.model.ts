import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../error-codes.js';

export class FieldIssueModel {
  @ApiProperty({ description: 'The input field at fault ("" for the request as a whole), e.g. ports[0].nodePort' })
  field!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ description: 'The rule it breaks, e.g. range, dns1035Label, required' })
  rule?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'MANIFEST_INVALID: the document (1-based, per file)' })
  document?: number;

  @ApiPropertyOptional({ description: 'MANIFEST_INVALID: the file, when known' })
  file?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'MANIFEST_INVALID: the line, for unparseable YAML' })
  line?: number;

  @ApiPropertyOptional({ description: 'MANIFEST_INVALID: the object at fault, e.g. NetworkPolicy shop/allow-web' })
  object?: string;
}

export class ErrorBodyModel {
  @ApiProperty({ enum: Object.keys(ERROR_HTTP_STATUS), enumName: 'ErrorCode', description: 'Stable: clients switch on it' })
  code!: ErrorCode;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: [FieldIssueModel] })
  details!: FieldIssueModel[];
}

/** What every error answers, whatever the route: `{ error: { code, message, details } }`. */
export class ErrorResponse {
  @ApiProperty({ type: ErrorBodyModel })
  error!: ErrorBodyModel;
}
