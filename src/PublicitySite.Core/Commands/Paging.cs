namespace PublicitySite.Commands;

/// <summary>Page arithmetic every list shares, so a huge page number gives an empty page, never an overflow.</summary>
public static class Paging
{
    /// <summary>How many items come before <paramref name="page"/> (1-based), at most <see cref="int.MaxValue"/>.</summary>
    public static int Offset(int page, int pageSize) =>
        (int)Math.Min((Math.Max(page, 1) - 1L) * Math.Max(pageSize, 0), int.MaxValue);
}
