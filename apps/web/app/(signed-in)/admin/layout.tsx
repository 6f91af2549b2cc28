import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/ui/states';
import { AdminsOnly } from '../../../features/admin/admins-only';
import { ShellQuery } from '../../../features/shell/queries';
import { problemAdvice } from '../../../lib/graphql/errors';
import { serverQuery } from '../../../lib/graphql/server';

export const dynamic = 'force-dynamic';

/** Every /admin page: admins see it, everyone else a 403-shaped page (the API refuses them regardless). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const shell = await serverQuery(ShellQuery, {});
  if (!shell.ok) {
    return (
      <ErrorState title="The dashboard cannot load your session" message={shell.problem.message}>
        {problemAdvice(shell.problem)}
      </ErrorState>
    );
  }
  if (shell.data.me.role !== 'admin') return <AdminsOnly me={shell.data.me} />;
  return <>{children}</>;
}
