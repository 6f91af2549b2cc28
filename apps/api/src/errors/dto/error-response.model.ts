import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../error-codes.js';

export class FieldIssueModel {
  @ApiProperty({ description: 'The input field at fault ("" for the request as a whole), e.g. ports[0].nodePort' })
  field!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ description: 'The rule it breaks, e.g. range, dns1035Label, required' })
  rule?: string;
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
