using Microsoft.Extensions.DependencyInjection;

namespace PublicitySite.Tests.Infrastructure;

/// <summary>How a <see cref="TestSite"/> is built: the few things test sites really differ in.</summary>
public sealed record TestSiteOptions
{
    /// <summary>Imports the content-seed folder as on a first start.</summary>
    public bool Seed { get; init; } = true;

    public Db Db { get; init; } = Db.Sqlite;

    /// <summary>Configuration keys set on top of the app's own (thresholds, SMTP ports, roles...).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>An existing data directory to start on (kept afterwards), to test restarts.</summary>
    public string? DataDir { get; init; }

    /// <summary>Replaces services after the app registered its own (a test clock, say).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Serves on a real loopback port (for a browser) instead of the in-memory test server.</summary>
    public bool RealPort { get; init; }

    /// <summary>Waits for the search index to take in the seed before the first test.</summary>
    public bool WaitForSearchIndex { get; init; }

    /// <summary>
    /// For a site shared by a whole test class, where many users sign in from the one test address: the
    /// per-address sign-in limit is not under test there.
    /// </summary>
    public static TestSiteOptions Shared(bool seed) => new()
    {
        Seed = seed,
        Settings = new Dictionary<string, string?> { ["Admin:Login:AttemptsPerWindow"] = "1000" },
    };
}
