// @ts-expect-error: a plain ES module shared with `npm start`
import { ensureDashboardBuilt } from '../../../scripts/dashboard-build.mjs';

export default function setup(): void {
  const { status, output } = ensureDashboardBuilt({ stdio: 'pipe' }) as { status: number; output?: string };
  if (status !== 0) throw new Error(`next build failed:\n${output ?? ''}`);
}
