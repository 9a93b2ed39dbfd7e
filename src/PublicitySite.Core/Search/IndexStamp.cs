using System.Globalization;
using Lucene.Net.Index;

namespace PublicitySite.Search;

/// <summary>
/// What an index commit records about itself, inside the commit (Lucene's commit user data), so it can never
/// disagree with the documents it describes: the database it was built from and how far through that
/// database's change log it goes.
/// </summary>
internal sealed record IndexStamp(string? DatabaseId, long Checkpoint)
{
    private const string DatabaseKey = "database";
    private const string CheckpointKey = "changelog";

    public Dictionary<string, string> ToCommitData()
    {
        var data = new Dictionary<string, string> { [CheckpointKey] = Checkpoint.ToString(CultureInfo.InvariantCulture) };
        if (DatabaseId is not null)
        {
            data[DatabaseKey] = DatabaseId;
        }

        return data;
    }

    /// <summary>The stamp of the writer's last commit; an index from before stamps has neither value.</summary>
    public static IndexStamp Read(IndexWriter writer)
    {
        var data = writer.CommitData;
        var database = data is not null && data.TryGetValue(DatabaseKey, out var d) ? d : null;
        var checkpoint = data is not null && data.TryGetValue(CheckpointKey, out var c) && long.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new IndexStamp(database, checkpoint);
    }
}
