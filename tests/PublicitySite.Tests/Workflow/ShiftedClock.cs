namespace PublicitySite.Tests.Workflow;

/// <summary>The real clock moved forward by <see cref="Offset"/>, to bring scheduled times due without waiting.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
