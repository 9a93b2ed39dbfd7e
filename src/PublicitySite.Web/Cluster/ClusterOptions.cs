namespace PublicitySite.Web.Cluster;

/// <summary>Cluster mode (configuration section <c>Cluster</c>): on when <see cref="Redis"/> is set (<c>Cluster__Redis</c>).</summary>
internal sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>A StackExchange.Redis connection string such as <c>127.0.0.1:6379</c>. Empty: one node, nothing shared.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and channel, so several sites can share one Redis.</summary>
    public string Prefix { get; set; } = "publicity:";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
