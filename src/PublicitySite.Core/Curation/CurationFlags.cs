namespace PublicitySite.Curation;

/// <summary>
/// How the office places one item on the public site: 头条 (the home headline), 置顶 in its column (until an
/// optional end), 推荐 (home blocks and the carousel) and a title highlight. Item-level, not versioned: a
/// signer's placement decision about a text that was already signed off.
/// </summary>
public sealed record CurationFlags
{
    public bool Headline { get; init; }

    public bool Pinned { get; init; }

    /// <summary>置顶 ends here (UTC); null keeps it until it is taken off.</summary>
    public DateTime? PinnedUntilUtc { get; init; }

    public bool Featured { get; init; }

    /// <summary>A key of <see cref="TitleColors"/>, or null for the normal colour.</summary>
    public string? TitleColor { get; init; }

    public bool TitleBold { get; init; }

    /// <summary>When the flags were last changed, which orders the headline and the carousel.</summary>
    public DateTime UpdatedUtc { get; init; }

    public bool IsEmpty => !Headline && !Pinned && !Featured && TitleColor is null && !TitleBold;

    public bool IsPinned(DateTime nowUtc) => Pinned && (PinnedUntilUtc is not { } until || until > nowUtc);

    /// <summary>The CSS classes of a highlighted title, e.g. <c>title-red title-bold</c>; empty when plain.</summary>
    public string TitleClass =>
        string.Join(' ', new[] { TitleColor is { } c ? "title-" + c : null, TitleBold ? "title-bold" : null }.Where(s => s is not null));
}

/// <summary>
/// The highlight colours editors may pick: few, dark enough for 4.5:1 on white, so no choice can make a
/// title unreadable.
/// </summary>
public static class TitleColors
{
    public static IReadOnlyList<(string Key, string Label)> All { get; } = [("red", "红色"), ("blue", "蓝色"), ("green", "绿色")];

    public static bool IsKnown(string? key) => key is null || All.Any(c => c.Key == key);
}

/// <summary>Every item's flags, as one immutable snapshot a page reads without touching the database.</summary>
public sealed class CurationBoard(IReadOnlyDictionary<string, CurationFlags> items)
{
    public static CurationBoard Empty { get; } = new(new Dictionary<string, CurationFlags>());

    public IReadOnlyDictionary<string, CurationFlags> Items => items;

    public CurationFlags? Of(string id) => items.GetValueOrDefault(id);

    /// <summary>Items marked 头条, the latest marked first.</summary>
    public IReadOnlyList<string> Headlines() =>
        items.Where(p => p.Value.Headline).OrderByDescending(p => p.Value.UpdatedUtc).Select(p => p.Key).ToList();

    /// <summary>Items marked 推荐, the latest marked first.</summary>
    public IReadOnlyList<string> Featured() =>
        items.Where(p => p.Value.Featured).OrderByDescending(p => p.Value.UpdatedUtc).Select(p => p.Key).ToList();

    /// <summary>Items pinned now, the latest pinned first.</summary>
    public IReadOnlyList<string> Pinned(DateTime nowUtc) =>
        items.Where(p => p.Value.IsPinned(nowUtc)).OrderByDescending(p => p.Value.UpdatedUtc).Select(p => p.Key).ToList();
}
