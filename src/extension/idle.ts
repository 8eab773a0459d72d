/**
 * Waiting for work that may start more work: resolves once the newest promise `latest()` names
 * has settled and no newer one took its place meanwhile (tests wait for a view to settle).
 */
export async function untilSettled(latest: () => Promise<unknown> | undefined): Promise<void> {
  let seen: Promise<unknown> | undefined;
  for (let now = latest(); now && now !== seen; now = latest()) {
    seen = now;
    await now.catch(() => undefined);
  }
}
