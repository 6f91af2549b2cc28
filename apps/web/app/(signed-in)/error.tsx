'use client';

import { ErrorState } from '../../components/ui/states';
import { Button } from '../../components/ui/button';

/** A page that failed to render: say so, offer a retry, never a blank screen. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-xl font-semibold text-text">This page could not be shown</h1>
      <ErrorState title="Something went wrong while rendering it" message={error.digest ? `reference ${error.digest} (the dashboard's log has the details)` : error.message} action={<Button onClick={reset}>Try again</Button>}>
        The API may be restarting or unreachable. Try again in a moment; the Status page says whether the API and its database are up.
      </ErrorState>
    </div>
  );
}
