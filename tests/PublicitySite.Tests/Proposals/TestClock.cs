namespace PublicitySite.Tests.Proposals;

/// <summary>A clock the test moves by hand, so deadlines can pass without waiting three months.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
