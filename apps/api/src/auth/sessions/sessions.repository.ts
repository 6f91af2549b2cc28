import { Injectable } from '@nestjs/common';
import type { GrantScope, ReadScope, Role } from '@switchboard/k8s-model';
import { DatabaseService } from '../../database/database.service.js';
import type { AuthSessionRecord, NewAuthSession } from './auth-session.js';

type Row = { id: string; kind: string; tokenId: string | null; subject: string; name: string; role: string; grants: unknown; readScope: string; csrfToken: string; expiresAt: Date; revokedAt: Date | null };

const toSession = (r: Row): AuthSessionRecord => ({
  id: r.id,
  kind: r.kind as AuthSessionRecord['kind'],
  tokenId: r.tokenId,
  subject: r.subject,
  name: r.name,
  role: r.role as Role,
  grants: Array.isArray(r.grants) ? (r.grants as GrantScope[]) : [],
  readScope: r.readScope as ReadScope,
  csrfToken: r.csrfToken,
  expiresAt: r.expiresAt.toISOString(),
  revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
});

@Injectable()
export class SessionsRepository {
  constructor(private readonly database: DatabaseService) {}

  /** `id` is the SHA-256 of the cookie value. Expired sessions are swept on the way. */
  async create(s: NewAuthSession, now: Date): Promise<void> {
    await this.database.prisma.$transaction([
      this.database.prisma.authSession.deleteMany({ where: { expiresAt: { lt: now } } }),
      this.database.prisma.authSession.create({
        data: { id: s.id, kind: s.kind, tokenId: s.tokenId, subject: s.subject, name: s.name, role: s.role, grants: s.grants as object[], readScope: s.readScope, csrfToken: s.csrfToken, expiresAt: new Date(s.expiresAt) },
      }),
    ]);
  }

  async find(id: string): Promise<AuthSessionRecord | undefined> {
    const row = await this.database.prisma.authSession.findUnique({ where: { id } });
    return row ? toSession(row as Row) : undefined;
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.database.prisma.authSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  }
}
