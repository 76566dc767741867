// The organization: its name, members and roles, invitations, API keys, its audit log, and the
// export and deletion of your data and (for owners) of the organization's.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { ApiError } from '../api/client';
import type { ApiKey, AuditVerification, Invitation, Member, QuotaUsage, Role } from '../api/types';
import { actorLabel, auditExportUrl, auditQuery, firstAuditPage, newer, older, pageRange, targetLabel, verificationText } from '../state/audit';
import { formatBytes, formatInteger, formatTime } from '../state/format';
import { emailConfirmed, nameConfirmed } from '../state/privacy';
import { assignableRoles, atLeast, canAdminister, roleOf } from '../state/session';
import { asApiError, Confirm, Empty, ErrorBox, Loading, navigate, useAction, useApp, useAsync, useTitle } from './common';
import { DownloadIcon } from './icons';

export function SettingsPage() {
  useTitle('Members & keys');
  const { me } = useApp();
  const admin = canAdminister(me);
  return (
    <div class="page">
      <div class="page-head">
        <div class="titles">
          <h1>{me.organization?.name ?? 'Organization'}</h1>
          <div class="sub">Your role here: <b>{roleOf(me)}</b>. {admin ? 'You can invite people, change roles and manage everyone’s API keys.' : 'Admins manage members and roles.'}</div>
        </div>
      </div>
      <div class="stack">
        <Organization />
        {admin && <PlanUsage />}
        <Members />
        {admin && <Invitations />}
        <ApiKeys />
        {admin && <AuditLog key={me.organization?.id} />}
        <YourData />
        {roleOf(me) === 'owner' && <OrganizationData key={me.organization?.id} />}
      </div>
    </div>
  );
}

function Organization() {
  const { me, refreshMe } = useApp();
  const admin = canAdminister(me);
  const [name, setName] = useState(me.organization?.name ?? '');
  const [newName, setNewName] = useState('');
  const [busy, act] = useAction();
  return (
    <section class="card" aria-label="Organization">
      <div class="card-head"><h2>Organization</h2></div>
      <div class="card-body grid-2">
        <form onSubmit={async (e) => { e.preventDefault(); await act(() => api.renameOrganization(name), 'Organization renamed'); await refreshMe(); }}>
          <div class="field">
            <label for="org-name">Name</label>
            <input id="org-name" value={name} disabled={!admin} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </div>
          {admin && <button type="submit" disabled={busy || !name.trim() || name === me.organization?.name}>Rename</button>}
        </form>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const org = await act(() => api.createOrganization(newName), `${newName} created`);
            if (org) {
              await api.switchOrganization(org.id);
              await refreshMe();
              setNewName('');
              navigate('/workbooks');
            }
          }}
        >
          <div class="field">
            <label for="new-org">New organization</label>
            <input id="new-org" placeholder="e.g. Acme Treasury" value={newName} onInput={(e) => setNewName((e.target as HTMLInputElement).value)} />
            <span class="hint">You own it; switch between your organizations at the top of the page.</span>
          </div>
          <button type="submit" disabled={busy || !newName.trim()}>Create</button>
        </form>
      </div>
    </section>
  );
}

const QUOTA_LABELS: Record<QuotaUsage['quota'], string> = {
  iterations_per_run: 'Iterations per run',
  runs_per_month: 'Runs this month',
  storage_bytes: 'Storage (workbooks and results)',
  concurrent_runs: 'Runs at a time (more wait in the queue)',
  members: 'Members',
};

/** The plan and what the organization uses of each limit (admins only: the server answers 403 to others). */
function PlanUsage() {
  const { me } = useApp();
  const organizationId = me.organization?.id;
  const usage = useAsync(() => (organizationId ? api.usage(organizationId) : Promise.resolve(undefined)), [organizationId]);
  const amount = (q: QuotaUsage, n: number) => (q.quota === 'storage_bytes' ? formatBytes(n) : formatInteger(n));
  return (
    <section class="card" aria-label="Plan and usage">
      <div class="card-head"><h2>Plan and usage</h2>{usage.data && <span class="muted small">{usage.data.planName} plan</span>}</div>
      <div class="card-body">
        {usage.error && <ErrorBox error={usage.error} retry={usage.reload} />}
        {!usage.data && usage.loading && <Loading />}
        {usage.data && (
          <table class="data" data-testid="usage">
            <thead><tr><th>Limit</th><th class="num">Used</th><th class="num">Allowed</th></tr></thead>
            <tbody>
              {usage.data.quotas.map((q) => (
                <tr key={q.quota}>
                  <td>{QUOTA_LABELS[q.quota] ?? q.quota}</td>
                  <td class="num">{q.used === undefined ? '—' : amount(q, q.used)}</td>
                  <td class="num">{q.unlimited || q.limit === undefined ? 'unlimited' : amount(q, q.limit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function Members() {
  const { me, refreshMe } = useApp();
  const admin = canAdminister(me);
  const members = useAsync(() => api.members(), [me.organization?.id]);
  const [busy, act] = useAction();
  const [removing, setRemoving] = useState<Member | null>(null);
  const roles = assignableRoles(me);
  return (
    <section class="card" aria-label="Members">
      <div class="card-head"><h2>Members</h2>{members.data && <span class="muted small">{members.data.length}</span>}</div>
      <div class="card-body flush">
        {members.error && <div class="card-body"><ErrorBox error={members.error} retry={members.reload} /></div>}
        {!members.data && members.loading && <Loading />}
        {members.data && (
          <table class="data" data-testid="members">
            <thead><tr><th>Name</th><th>E-mail</th><th>Role</th><th>Joined</th><th><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {members.data.map((m) => {
                const self = m.userId === me.id;
                const editable = admin && !self && (m.role !== 'owner' || roleOf(me) === 'owner');
                return (
                  <tr key={m.userId}>
                    <td>{m.name || '—'}{self && <span class="badge" style={{ marginLeft: '6px' }}>you</span>}</td>
                    <td>{m.email}</td>
                    <td>
                      {editable ? (
                        <select
                          aria-label={`Role of ${m.email}`}
                          value={m.role}
                          disabled={busy}
                          onChange={async (e) => {
                            await act(() => api.changeRole(m.userId, (e.target as HTMLSelectElement).value), `${m.email} is now ${(e.target as HTMLSelectElement).value}`);
                            members.reload();
                          }}
                        >
                          {(roles.includes(m.role) ? roles : [...roles, m.role]).map((r) => <option key={r} value={r}>{r}</option>)}
                        </select>
                      ) : (
                        <span class="badge">{m.role}</span>
                      )}
                    </td>
                    <td>{formatTime(m.joinedAt)}</td>
                    <td class="num">
                      {(editable || self) && (
                        <button class="small ghost" onClick={() => setRemoving(m)}>{self ? 'Leave' : 'Remove'}</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <Confirm
        open={removing !== null}
        title={removing?.userId === me.id ? 'Leave this organization?' : `Remove ${removing?.email}?`}
        confirm={removing?.userId === me.id ? 'Leave' : 'Remove'}
        danger
        onClose={async (ok) => {
          const m = removing;
          setRemoving(null);
          if (!ok || !m) return;
          await act(() => api.removeMember(m.userId), m.userId === me.id ? 'You left the organization' : `${m.email} removed`);
          if (m.userId === me.id) {
            await refreshMe();
            navigate('/workbooks');
          } else members.reload();
        }}
      >
        {removing?.userId === me.id ? 'You lose access to its workbooks and simulations.' : 'They lose access at once, and their API keys for this organization stop working.'}
      </Confirm>
    </section>
  );
}

function Invitations() {
  const { me } = useApp();
  const invitations = useAsync(() => api.invitations(), [me.organization?.id]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [issued, setIssued] = useState<Invitation | null>(null);
  const [busy, act] = useAction();
  return (
    <section class="card" aria-label="Invitations">
      <div class="card-head"><h2>Invitations</h2></div>
      <div class="card-body">
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const inv = await act(() => api.invite(email, role));
            if (inv) {
              setIssued(inv);
              setEmail('');
              invitations.reload();
            }
          }}
        >
          <input aria-label="E-mail address to invite" type="email" placeholder="colleague@example.com" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} style={{ minWidth: '260px' }} />
          <select aria-label="Role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
            {assignableRoles(me).filter((r) => r !== 'owner').map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button class="primary" type="submit" disabled={busy || !email.includes('@')}>Invite</button>
        </form>
        {issued?.link && (
          <div class="alert ok" role="status" style={{ marginTop: '12px' }}>
            <div style={{ width: '100%' }}>
              <strong>Send this link to {issued.email}</strong>
              Carlo sends no e-mail. The link works for 7 days, for that address only.
              <div class="secret" style={{ marginTop: '6px' }}>{issued.link}</div>
            </div>
          </div>
        )}
        {invitations.data && invitations.data.length > 0 && (
          <table class="data compact" style={{ marginTop: '12px' }}>
            <thead><tr><th>E-mail</th><th>Role</th><th>Sent</th><th>State</th><th /></tr></thead>
            <tbody>
              {invitations.data.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.role}</td>
                  <td>{formatTime(i.createdAt)}</td>
                  <td>{i.acceptedAt ? <span class="badge ok">accepted</span> : Date.parse(i.expiresAt) < Date.now() ? <span class="badge warn">expired</span> : <span class="badge info">pending</span>}</td>
                  <td class="num">{!i.acceptedAt && <button class="small ghost" onClick={async () => { await act(() => api.revokeInvitation(i.id), 'Invitation withdrawn'); invitations.reload(); }}>Withdraw</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function ApiKeys() {
  const { me } = useApp();
  const keys = useAsync(() => api.apiKeys(), [me.organization?.id]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [secret, setSecret] = useState<ApiKey | null>(null);
  const [busy, act] = useAction();
  const roles = (['viewer', 'analyst', 'admin', 'owner'] as Role[]).filter((r) => atLeast(roleOf(me), r));
  return (
    <section class="card" aria-label="API keys">
      <div class="card-head"><h2>API keys</h2><span class="muted small">{canAdminister(me) ? 'everyone’s in this organization' : 'yours'}</span></div>
      <div class="card-body">
        <p class="muted small">Programs use a key as <code>Authorization: Bearer carlo_…</code>. A key acts in this organization with its role, never more than yours.</p>
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const k = await act(() => api.createApiKey(name, role));
            if (k) {
              setSecret(k);
              setName('');
              keys.reload();
            }
          }}
        >
          <input aria-label="Key name" placeholder="e.g. nightly report" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} style={{ minWidth: '240px' }} />
          <select aria-label="Key role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
            {roles.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button class="primary" type="submit" disabled={busy || !name.trim()}>Create key</button>
        </form>
        {secret?.secret && (
          <div class="alert warn" role="status" style={{ marginTop: '12px' }}>
            <div style={{ width: '100%' }}>
              <strong>Copy the key “{secret.name}” now: it is not shown again</strong>
              <div class="secret" style={{ marginTop: '6px' }} data-testid="api-key-secret">{secret.secret}</div>
            </div>
          </div>
        )}
        {keys.error && <ErrorBox error={keys.error} retry={keys.reload} />}
        {keys.data && keys.data.length === 0 && <Empty title="No API keys" />}
        {keys.data && keys.data.length > 0 && (
          <table class="data compact" style={{ marginTop: '12px' }}>
            <thead><tr><th>Name</th><th>Key</th><th>Role</th><th>Created</th><th>Last used</th><th /></tr></thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td class="mono">{k.prefix}…</td>
                  <td>{k.role}</td>
                  <td>{formatTime(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? formatTime(k.lastUsedAt) : 'never'}</td>
                  <td class="num">
                    {k.revokedAt ? <span class="badge">revoked</span> : <button class="small danger" onClick={async () => { await act(() => api.revokeApiKey(k.id), `${k.name} revoked`); keys.reload(); }}>Revoke</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

/** The organization's audit log, newest first (admins only: the server answers 403 to others). */
function AuditLog() {
  const { me } = useApp();
  const organizationId = me.organization?.id ?? '';
  const [view, setView] = useState(firstAuditPage());
  const [action, setAction] = useState('');
  const page = useAsync(() => api.audit(organizationId, auditQuery(view)), [organizationId, view]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);
  const entries = page.data?.entries;
  const newerPage = newer(view);
  const olderPage = entries ? older(view, entries.length) : null;
  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.verifyAudit(organizationId));
    } catch (e) {
      setVerification(null);
      setVerifyError(asApiError(e));
    } finally {
      setVerifying(false);
    }
  };
  return (
    <section class="card" aria-label="Audit log">
      <div class="card-head">
        <h2>Audit log</h2>
        <a class="button small" href={auditExportUrl(organizationId, 'csv', view.action)} download data-testid="audit-export-csv"><DownloadIcon /> Export CSV</a>
        <a class="button small" href={auditExportUrl(organizationId, 'jsonl', view.action)} download data-testid="audit-export-jsonl"><DownloadIcon /> Export JSON Lines</a>
        <button class="small" onClick={verify} disabled={verifying} data-testid="audit-verify">Verify</button>
      </div>
      <div class="card-body">
        <p class="muted small">Who did what in this organization, newest first. The log is hash-chained: <b>Verify</b> recomputes the chain and names the first entry changed outside Carlo.</p>
        {verification && (
          <div class={`alert ${verification.valid ? 'ok' : 'bad'}`} role="status" data-testid="audit-verification">
            <div><strong>{verificationText(verification)}</strong></div>
          </div>
        )}
        {verifyError && <ErrorBox error={verifyError} retry={verify} />}
        <form
          class="row"
          style={{ margin: '12px 0' }}
          onSubmit={(e) => {
            e.preventDefault();
            setView(firstAuditPage(action));
          }}
        >
          <input aria-label="Filter by action" placeholder="action, e.g. workbook.*" value={action} onInput={(e) => setAction((e.target as HTMLInputElement).value)} style={{ minWidth: '240px' }} />
          <button type="submit" disabled={page.loading}>Filter</button>
          {view.action && <button type="button" class="ghost" onClick={() => { setAction(''); setView(firstAuditPage()); }}>Show all</button>}
        </form>
        {page.error && <ErrorBox error={page.error} retry={page.reload} />}
        {!entries && page.loading && <Loading />}
        {entries && entries.length === 0 && <Empty title={view.action ? `No “${view.action}” entries` : 'No entries'} />}
        {entries && entries.length > 0 && (
          <table class="data compact" data-testid="audit">
            <thead><tr><th>Time</th><th>Who</th><th>Action</th><th>Target</th><th>Client IP</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td title={e.occurredAt}>{formatTime(e.occurredAt)}</td>
                  <td title={e.userAgent}>{actorLabel(e)}</td>
                  <td class="mono">{e.action}</td>
                  <td class="mono" title={e.targetId}>{targetLabel(e)}</td>
                  <td class="mono">{e.clientIp ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {entries && (newerPage || olderPage) && (
          <div class="row end" style={{ marginTop: '12px' }}>
            <span class="muted small">{pageRange(view, entries.length)}</span>
            <button class="small" disabled={!newerPage || page.loading} onClick={() => newerPage && setView(newerPage)}>Newer</button>
            <button class="small" disabled={!olderPage || page.loading} onClick={() => olderPage && setView(olderPage)}>Older</button>
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * A deletion that cannot be undone: the dialog asks to type what is deleted, stays open while the
 * server works, and shows the server's reason when it refuses (409: the only owner of a team).
 */
function TypedDeletion(props: {
  open: boolean; title: string; label: string; expected: string; confirm: string;
  inputId: string; matches: (typed: string, expected: string) => boolean; children: ComponentChildren;
  onDelete: (typed: string) => Promise<void>; onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setTyped('');
    setError(null);
    props.onClose();
  };
  return (
    <Confirm
      open={props.open}
      title={props.title}
      confirm={busy ? 'Deleting…' : props.confirm}
      danger
      disabled={busy || !props.matches(typed, props.expected)}
      onClose={async (ok) => {
        if (!ok) return close();
        setBusy(true);
        setError(null);
        try {
          await props.onDelete(typed.trim());
          setTyped('');
        } catch (e) {
          setError(asApiError(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {props.children}
      <div class="field" style={{ marginTop: '12px' }}>
        <label for={props.inputId}>{props.label}</label>
        <input id={props.inputId} autocomplete="off" value={typed} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
      </div>
      {error && <ErrorBox error={error} />}
    </Confirm>
  );
}

/** Everyone's own data: a copy of it, and the account's deletion. */
function YourData() {
  const { me, toast, signedOut } = useApp();
  const [deleting, setDeleting] = useState(false);
  return (
    <section class="card" aria-label="Your data">
      <div class="card-head"><h2>Your data</h2></div>
      <div class="card-body">
        <p class="muted small">A zip of what Carlo holds about you: your profile, memberships, API keys (without secrets), your audit entries, the workbooks you uploaded and the simulations you started.</p>
        <div class="row">
          <a class="button" href={api.myDataUrl()} download data-testid="download-my-data"><DownloadIcon /> Download my data</a>
          <button class="danger" onClick={() => setDeleting(true)}>Delete my account</button>
        </div>
      </div>
      <TypedDeletion
        open={deleting}
        title="Delete your account for good?"
        label={`Type your e-mail address, ${me.email}, to confirm`}
        expected={me.email}
        inputId="confirm-account-deletion"
        matches={emailConfirmed}
        confirm="Delete my account"
        onClose={() => setDeleting(false)}
        onDelete={async (typed) => {
          await api.deleteAccount(typed);
          setDeleting(false);
          toast('Your account was deleted');
          signedOut();
        }}
      >
        You are signed out and cannot sign in again. Organizations of which you are the only member go with you; work you did in a team stays with the team, no longer attributed to you. If you are the only owner of a team, make someone else owner first.
      </TypedDeletion>
    </section>
  );
}

/** The owner's copy of all the organization's data, and its deletion. */
function OrganizationData() {
  const { me, toast, refreshMe } = useApp();
  const organization = me.organization;
  const [deleting, setDeleting] = useState(false);
  if (!organization) return null;
  return (
    <section class="card" aria-label="Organization data">
      <div class="card-head"><h2>Organization data</h2></div>
      <div class="card-body">
        <p class="muted small">A zip of everything of {organization.name}: members, workbook files, simulations and their results, and the audit log. Deleting the organization removes all of it for everyone, once its simulations have stopped.</p>
        <div class="row">
          <a class="button" href={api.organizationExportUrl(organization.id)} download data-testid="export-organization"><DownloadIcon /> Export organization</a>
          <button class="danger" onClick={() => setDeleting(true)}>Delete organization</button>
        </div>
      </div>
      <TypedDeletion
        open={deleting}
        title={`Delete ${organization.name} for good?`}
        label="Type the organization’s exact name to confirm"
        expected={organization.name}
        inputId="confirm-organization-deletion"
        matches={nameConfirmed}
        confirm="Delete organization"
        onClose={() => setDeleting(false)}
        onDelete={async (typed) => {
          await api.deleteOrganization(organization.id, typed);
          setDeleting(false);
          toast(`${organization.name} was deleted`);
          await refreshMe();
          navigate('/workbooks');
        }}
      >
        Its workbooks, simulations, results, files, API keys and audit log are removed, and its members lose access at once. Export it first if you may need any of it.
      </TypedDeletion>
    </section>
  );
}
