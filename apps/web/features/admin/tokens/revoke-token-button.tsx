'use client';

import { Ban } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Modal } from '../../../components/ui/dialog';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { TokenFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { RevokeTokenMutation } from '../queries';

/** Revoke with a confirmation that says what stops working. */
export function RevokeTokenButton({ token, isSelf }: { token: TokenFieldsFragment; isSelf: boolean }) {
  const mutate = useMutate();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const revoke = async () => {
    setBusy(true);
    setProblem(null);
    const r = await mutate(RevokeTokenMutation, { id: token.id });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setOpen(false);
    router.refresh();
  };
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)}>
        <Ban aria-hidden className="size-3.5" />
        Revoke
      </Button>
      <Modal
        open={open}
        onOpenChange={setOpen}
        title={`Revoke “${token.name}”?`}
        description="Effective immediately, on every replica. It cannot be undone."
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Keep it</Button>
            <Button variant="danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? 'Revoking…' : `Revoke ${token.name}`}
            </Button>
          </>
        }
      >
        <ul className="list-disc pl-5 text-sm text-text">
          <li>
            Requests with the token <code className="font-mono">{token.prefix}…</code> get 401 from now on.
          </li>
          <li>Dashboard sessions signed in with it end, and its live connections close.</li>
          {token.grants.length > 0 && <li>Its {token.grants.length === 1 ? 'grant stops' : `${token.grants.length} grants stop`} applying.</li>}
          {isSelf && <li className="font-semibold text-bad">This is the token you are signed in with: you will be signed out.</li>}
        </ul>
        {problem && (
          <p role="alert" className="mt-3 text-sm text-bad">
            {problem.message}. {problemAdvice(problem)}
          </p>
        )}
      </Modal>
    </>
  );
}
