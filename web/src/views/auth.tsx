// Signing up, signing in, and accepting an invitation.
import { useState } from 'preact/hooks';
import { api } from '../api/carlo';
import type { Me } from '../api/types';
import { afterSignIn, href } from '../state/router';
import { asApiError, Link, navigate, useTitle } from './common';
import { Logo } from './icons';

function AuthFrame(props: { title: string; sub: string; children: preact.ComponentChildren }) {
  return (
    <main class="auth">
      <div class="card auth-card">
        <div class="brand">
          <Logo /> Carlo
        </div>
        <h1>{props.title}</h1>
        <p class="sub">{props.sub}</p>
        {props.children}
      </div>
    </main>
  );
}

export function SignInPage(props: { next?: string; onSignedIn: (me: Me) => void }) {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api.signIn({ email, password });
      const me = await api.me(); // also sets the XSRF-TOKEN cookie
      navigate(afterSignIn(props.next), true);
      props.onSignedIn(me);
    } catch (err) {
      setError(asApiError(err).detail);
    } finally {
      setBusy(false);
    }
  };
  // single sign-on: the server redirects to the identity provider of the address's organization
  const signInWithSso = () => {
    if (!email.includes('@')) {
      setError('Enter your work e-mail address, then choose Sign in with SSO.');
      return;
    }
    location.assign('/api/v1/auth/sso/start?email=' + encodeURIComponent(email.trim()));
  };
  return (
    <AuthFrame title="Sign in" sub="Monte Carlo simulation for your Excel models.">
      <form onSubmit={submit} noValidate>
        {error && <div class="alert bad" role="alert">{error}</div>}
        <div class="field">
          <label for="email">E-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </div>
        <button class="primary big" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <button class="big sso" type="button" disabled={busy} onClick={signInWithSso}>Sign in with SSO</button>
      </form>
      <p class="auth-foot">
        New to Carlo? <Link href={href({ page: 'signup', next: props.next })}>Create an account</Link>
      </p>
    </AuthFrame>
  );
}

export function SignUpPage(props: { next?: string; onSignedIn: (me: Me) => void }) {
  useTitle('Create an account');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const tooShort = password.length > 0 && password.length < 10;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api.signUp({ email, password, name: name || undefined, organization: organization || undefined });
      const me = await api.me();
      navigate(afterSignIn(props.next), true);
      props.onSignedIn(me);
    } catch (err) {
      setError(asApiError(err).detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthFrame title="Create your account" sub="You get an organization of your own; invite your team later.">
      <form onSubmit={submit} noValidate>
        {error && <div class="alert bad" role="alert">{error}</div>}
        <div class="field">
          <label for="name">Your name</label>
          <input id="name" name="name" autocomplete="name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="email">E-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required aria-invalid={tooShort} aria-describedby="password-hint" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
          <span id="password-hint" class="hint">At least 10 characters; a few words is a good password.</span>
        </div>
        <div class="field">
          <label for="organization">Organization <span class="hint">(optional)</span></label>
          <input id="organization" name="organization" autocomplete="organization" placeholder="e.g. Acme Finance" value={organization} onInput={(e) => setOrganization((e.target as HTMLInputElement).value)} />
        </div>
        <button class="primary big" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      <p class="auth-foot">
        Already have an account? <Link href={href({ page: 'login', next: props.next })}>Sign in</Link>
      </p>
    </AuthFrame>
  );
}

export function InvitationPage(props: { token: string; signedIn: boolean }) {
  useTitle('Invitation');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const here = href({ page: 'invitation', token: props.token });
  if (!props.signedIn) {
    return (
      <AuthFrame title="You are invited" sub="Sign in or create an account with the address the invitation was sent to, then accept it.">
        <div class="row">
          <Link class="button primary" href={href({ page: 'login', next: here })}>Sign in</Link>
          <Link class="button" href={href({ page: 'signup', next: here })}>Create an account</Link>
        </div>
      </AuthFrame>
    );
  }
  const accept = async () => {
    setBusy(true);
    setError('');
    try {
      const org = await api.acceptInvitation(props.token);
      await api.switchOrganization(org.id);
      location.assign('/workbooks');
    } catch (e) {
      setError(asApiError(e).detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page">
      <div class="card" style={{ maxWidth: '520px' }}>
        <div class="card-body">
          <h1 style={{ marginBottom: '8px' }}>Join an organization</h1>
          <p class="muted">Accepting adds you to the organization that invited you, with the role it chose.</p>
          {error && <div class="alert bad" role="alert">{error}</div>}
          <button class="primary" onClick={accept} disabled={busy}>{busy ? 'Joining…' : 'Accept the invitation'}</button>
        </div>
      </div>
    </div>
  );
}
