'use client';

import { validateTokenInput } from '@switchboard/k8s-model';
import { KeyRound, TriangleAlert } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Modal } from '../../../components/ui/dialog';
import { Field, issueFor, SelectInput, TextInput } from '../../../components/ui/field';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { CreateTokenInput, ReadScope, Role } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { CreateTokenMutation } from '../queries';
import { type GrantRow, GrantRows } from './grant-rows';

const ROLE_HINT: Record<Role, string> = {
  viewer: 'reads the catalog',
  operator: 'reads, and changes services and ingresses where its grants allow',
  admin: 'everything: clusters, tokens, grants, the audit log',
};

/** "Create token": the form, then the secret — shown this once, with a copy button. */
export function CreateTokenButton({ clusters }: { clusters: { name: string; displayName: string }[] }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const router = useRouter();
  const close = () => {
    setOpen(false);
    setCreated(null);
    router.refresh();
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <KeyRound aria-hidden className="size-4" />
        Create token
      </Button>
      {open && !created && <CreateTokenDialog clusters={clusters} onClose={() => setOpen(false)} onCreated={setCreated} />}
      {created && <SecretDialog name={created.name} secret={created.secret} onClose={close} />}
    </>
  );
}

function CreateTokenDialog({ clusters, onClose, onCreated }: { clusters: { name: string; displayName: string }[]; onClose: () => void; onCreated: (c: { name: string; secret: string }) => void }) {
  const mutate = useMutate();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [readScope, setReadScope] = useState<ReadScope>('ALL');
  const [expires, setExpires] = useState('');
  const [grants, setGrants] = useState<GrantRow[]>([{ cluster: '*', namespace: '' }]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const { input, issues } = useMemo(() => {
    const next: CreateTokenInput = {
      name,
      role,
      readScope,
      ...(expires ? { expiresAt: `${expires}T00:00:00Z` } : {}),
      ...(role === 'admin' ? {} : { grants: grants.map((g) => ({ cluster: g.cluster, namespace: g.namespace })) }),
    };
    return { input: next, issues: validateTokenInput(next) };
  }, [name, role, readScope, expires, grants]);

  const shown = [...(checked ? issues : []), ...(problem?.details ?? []).map((d) => ({ field: d.field.replace(/^input\./, ''), message: d.message }))];
  const err = (f: string) => issueFor(shown, f);

  const submit = async () => {
    setChecked(true);
    setProblem(null);
    if (issues.length) return;
    setBusy(true);
    const r = await mutate(CreateTokenMutation, { input });
    setBusy(false);
    if (!r.ok) setProblem(r.problem);
    else onCreated({ name: r.data.createToken.apiToken.name, secret: r.data.createToken.token });
  };

  return (
    <Modal
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title="Create an API token"
      description="For a teammate's sign-in or for automation. The secret is shown once, right after this."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="create-token" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </Button>
        </>
      }
    >
      <form
        id="create-token"
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Name" required hint="Who or what uses it, e.g. “alice” or “ci-deploy” (shown in the audit log)." error={err('name')}>
          {(w) => <TextInput wired={w} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="grid grid-cols-3 gap-3">
          <Field label="Role" hint={ROLE_HINT[role]} error={err('role')}>
            {(w) => (
              <SelectInput wired={w} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                <option value="viewer">viewer</option>
                <option value="operator">operator</option>
                <option value="admin">admin</option>
              </SelectInput>
            )}
          </Field>
          <Field label="Reads" hint={readScope === 'ALL' ? 'the whole catalog' : 'only what its grants cover'} error={err('readScope')}>
            {(w) => (
              <SelectInput wired={w} value={readScope} onChange={(e) => setReadScope(e.target.value as ReadScope)}>
                <option value="ALL">the whole catalog</option>
                <option value="GRANTS">its grants only</option>
              </SelectInput>
            )}
          </Field>
          <Field label="Expires" hint="Leave empty for no expiry (at most 10 years ahead)." error={err('expiresAt')}>
            {(w) => <TextInput wired={w} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />}
          </Field>
        </div>
        {role === 'admin' ? (
          <p className="text-sm text-muted">Admins may do everything everywhere: they take no grants.</p>
        ) : (
          <>
            <GrantRows rows={grants} onChange={setGrants} clusters={clusters} errorFor={err} />
            {err('grants') && (
              <p className="text-xs text-bad" data-field-error>
                {err('grants')}
              </p>
            )}
          </>
        )}
        {problem && !problem.details?.length && (
          <p role="alert" className="text-sm text-bad">
            {problem.message}. {problemAdvice(problem)}
          </p>
        )}
      </form>
    </Modal>
  );
}

function SecretDialog({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Token “${name}” created`}
      description="Copy the secret now. It is never shown again."
      footer={
        <Button variant="primary" onClick={onClose}>
          I have copied it
        </Button>
      }
    >
      <div className="flex flex-col gap-3" data-testid="token-secret-panel">
        <p className="flex items-start gap-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-text">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
          <span>
            <strong>This is the only time Switchboard shows this secret.</strong> Only its hash is stored: if it is lost, revoke the token and create a new one. Anyone holding it acts as “{name}”.
          </span>
        </p>
        <div className="flex items-center gap-2">
          <code data-testid="token-secret" className="min-w-0 flex-1 rounded-md border border-border bg-surface-2 px-2 py-1.5 font-mono text-xs break-all text-text">
            {secret}
          </code>
          <CopyButton text={secret} label="Copy the token secret" showText />
        </div>
        <p className="text-xs text-muted">
          Use it as <code className="font-mono">Authorization: Bearer …</code> against the API, or to sign in to the dashboard.
        </p>
      </div>
    </Modal>
  );
}
