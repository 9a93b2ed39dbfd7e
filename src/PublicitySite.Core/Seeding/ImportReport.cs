namespace PublicitySite.Seeding;

/// <summary>What an import did, file by file, so a person can see what to fix.</summary>
public sealed class ImportReport
{
    public List<string> Imported { get; } = [];

    public List<string> AlreadyPresent { get; } = [];

    public List<(string File, string Problem)> Skipped { get; } = [];

    public List<(string File, string Warning)> Warnings { get; } = [];

    public int Published { get; set; }
}
