import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import type { Me } from '../access/permissions';

/** What a non-admin gets on an /admin address: a 403 in words, with who they are and where to go instead. */
export function AdminsOnly({ me }: { me: Me }) {
  return (
    <div className="mx-auto mt-10 max-w-lg text-center" data-testid="admins-only">
      <ShieldAlert aria-hidden className="mx-auto size-10 text-warn" />
      <p className="mt-2 text-sm font-semibold text-warn">403 · Forbidden</p>
      <h1 className="mt-1 text-xl font-semibold text-text">Only admins can open this page</h1>
      <p className="mt-2 text-sm text-muted">
        You are signed in as <span className="font-medium text-text">{me.name}</span> with the role <span className="font-medium text-text">{me.role}</span>. Clusters, tokens, grants and the audit log are
        managed by admins; ask one if you need a change there.
      </p>
      <p className="mt-4 flex justify-center gap-4 text-sm">
        <Link href="/">Overview</Link>
        <Link href="/services">Service catalog</Link>
      </p>
    </div>
  );
}
