import Link from 'next/link';

export const metadata = { title: 'Not found' };

/** Any address the dashboard does not know. */
export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-accent">404</p>
        <h1 className="mt-1 text-xl font-semibold text-text">There is no page here</h1>
        <p className="mt-2 text-sm text-muted">The address may be mistyped, or the object it named was deleted. The catalog lists every service in every cluster.</p>
        <p className="mt-4 flex justify-center gap-4 text-sm">
          <Link href="/">Overview</Link>
          <Link href="/services">Service catalog</Link>
        </p>
      </div>
    </main>
  );
}
