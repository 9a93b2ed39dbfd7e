using PublicitySite.Changes;

namespace PublicitySite.Tests.Changes;

public sealed class ChangeLogCursorTests
{
    private static readonly DateTime T0 = new(2026, 3, 3, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_checkpoint_follows_the_ids_read_when_none_is_missing()
    {
        var cursor = new ChangeLogCursor(10, TimeSpan.FromSeconds(60));
        cursor.Advance([11, 12, 13], T0);
        Assert.Equal(13, cursor.Head);
        Assert.Equal(13, cursor.Checkpoint);
        Assert.Empty(cursor.Missing);
    }

    [Fact]
    public void An_id_not_yet_committed_holds_the_checkpoint_until_it_shows_up()
    {
        var cursor = new ChangeLogCursor(10, TimeSpan.FromSeconds(60));
        cursor.Advance([11, 14], T0);
        Assert.Equal(14, cursor.Head);
        Assert.Equal(11, cursor.Checkpoint);
        Assert.Equal([12L, 13L], cursor.Missing.Order());

        cursor.Found([12]);
        Assert.Equal(12, cursor.Checkpoint);
        cursor.Found([13]);
        Assert.Equal(14, cursor.Checkpoint);
    }

    [Fact]
    public void A_gap_older_than_the_timeout_is_taken_for_a_rolled_back_transaction()
    {
        var cursor = new ChangeLogCursor(0, TimeSpan.FromSeconds(60));
        cursor.Advance([1, 3], T0);
        cursor.Expire(T0.AddSeconds(59));
        Assert.Equal(1, cursor.Checkpoint);
        cursor.Expire(T0.AddSeconds(60));
        Assert.Equal(3, cursor.Checkpoint);
    }

    [Fact]
    public void A_clone_moves_on_without_changing_the_original()
    {
        var cursor = new ChangeLogCursor(5, TimeSpan.FromSeconds(60));
        cursor.Advance([7], T0);
        var next = cursor.Clone();
        next.Found([6]);
        next.Advance([8], T0);
        Assert.Equal(5, cursor.Checkpoint);
        Assert.Equal(7, cursor.Head);
        Assert.Equal(8, next.Checkpoint);
    }
}
