namespace PublicitySite.Web.Operations;

/// <summary>Bound from <c>Logs</c>: where the log files go and how long they are kept.</summary>
internal sealed class LogOptions
{
    public const string Section = "Logs";

    /// <summary>China's Cybersecurity Law (art. 21) asks website operators to keep network logs at least six months.</summary>
    public const int LegalMinimumDays = 180;

    /// <summary>Folder of the rolling files; relative to the data directory. Empty turns file logs off.</summary>
    public string Directory { get; set; } = "logs";

    /// <summary>Days the everyday log (site-*.json) is kept.</summary>
    public int RetainedDays { get; set; } = 30;

    /// <summary>
    /// Days the security log (security-*.json: sign-ins, refusals, publications, settings and user changes) is
    /// kept. Values below <see cref="LegalMinimumDays"/> are raised to it.
    /// </summary>
    public int SecurityRetainedDays { get; set; } = 190;

    /// <summary>Lowest level written: Information by default, Warning for verbs.</summary>
    public string MinimumLevel { get; set; } = "Information";
}
