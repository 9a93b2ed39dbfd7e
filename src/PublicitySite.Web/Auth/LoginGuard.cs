using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PublicitySite.Web.Auth;

/// <summary>
/// Failed sign-ins counted per account name (known or not, so the answer tells nothing) and per client
/// address, over <see cref="LoginOptions.FailureWindowMinutes"/>. Past <see cref="LoginOptions.ChallengeAfter"/>
/// failures a sign-in needs the answer to a question and waits a delay that doubles with each further failure
/// (at most <see cref="LoginOptions.MaxDelaySeconds"/>). Nothing is ever locked, so nobody can shut an
/// administrator out by failing on purpose.
/// </summary>
public sealed class LoginGuard(IOptions<LoginOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    public int FailuresOf(string account, string address) =>
        Math.Max(Count("a:" + account.ToLowerInvariant()), Count("i:" + address));

    public bool NeedsChallenge(string account, string address) => FailuresOf(account, address) >= options.Value.ChallengeAfter;

    public TimeSpan DelayFor(string account, string address)
    {
        var over = FailuresOf(account, address) - options.Value.ChallengeAfter;
        return over < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(options.Value.MaxDelaySeconds, Math.Pow(2, Math.Min(over, 16))));
    }

    public int Fail(string account, string address)
    {
        Add("i:" + address);
        return Add("a:" + account.ToLowerInvariant());
    }

    public void Succeed(string account) => failures.TryRemove("a:" + account.ToLowerInvariant(), out _);

    private int Count(string key) =>
        failures.TryGetValue(key, out var f) && clock.GetUtcNow() - f.Last < TimeSpan.FromMinutes(options.Value.FailureWindowMinutes) ? f.Count : 0;

    private int Add(string key)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.Value.FailureWindowMinutes);
        if (failures.Count > 100_000)
        {
            foreach (var stale in failures.Where(p => now - p.Value.Last >= window).Select(p => p.Key).ToList())
            {
                failures.TryRemove(stale, out _);
            }
        }

        return failures.AddOrUpdate(key, _ => new Failures(1, now), (_, f) => new Failures(now - f.Last < window ? f.Count + 1 : 1, now)).Count;
    }

    private sealed record Failures(int Count, DateTimeOffset Last);
}
