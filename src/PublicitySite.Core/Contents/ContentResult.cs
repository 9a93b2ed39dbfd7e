namespace PublicitySite.Contents;

public enum ContentOutcome
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What a write did: the version it made, or why it made none (Chinese messages, shown to editors).</summary>
public sealed record ContentResult(ContentOutcome Outcome, ContentItemVersion? Version, IReadOnlyList<string> Errors, int? CurrentVersion = null)
{
    public bool Succeeded => Outcome == ContentOutcome.Ok;

    public static ContentResult Ok(ContentItemVersion version) => new(ContentOutcome.Ok, version, []);

    public static ContentResult NotFound() => new(ContentOutcome.NotFound, null, ["内容不存在"]);

    public static ContentResult Invalid(IReadOnlyList<string> errors) => new(ContentOutcome.Invalid, null, errors);

    public static ContentResult Conflict(int current) =>
        new(ContentOutcome.Conflict, null, [$"内容已被他人修改（当前为第 {current} 版），请基于最新版本重新编辑"], current);
}
