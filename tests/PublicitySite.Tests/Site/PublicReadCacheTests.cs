using PublicitySite.Contents;
using PublicitySite.Web.Site;

namespace PublicitySite.Tests.Site;

public sealed class PublicReadCacheTests
{
    private static ContentChange Change(ContentChangeKind kind, string type = "News") => new("item", type, kind, 1, "政协要闻");

    [Fact]
    public async Task A_read_is_loaded_once_and_kept_until_a_publication()
    {
        using var cache = new PublicReadCache();
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult("第" + ++loads + "次");

        Assert.Equal("第1次", await cache.GetOrLoadAsync("key", Load));
        Assert.Equal("第1次", await cache.GetOrLoadAsync("key", Load));

        await cache.OnChangedAsync(Change(ContentChangeKind.Published), default);

        Assert.Equal("第2次", await cache.GetOrLoadAsync("key", Load));
    }

    [Theory]
    [InlineData(ContentChangeKind.Unpublished, "News")]
    [InlineData(ContentChangeKind.Deleted, "News")]
    [InlineData(ContentChangeKind.Saved, "Proposal")]
    public async Task Changes_that_can_alter_public_reads_empty_it(ContentChangeKind kind, string type)
    {
        using var cache = new PublicReadCache();
        await cache.GetOrLoadAsync("key", _ => Task.FromResult("旧"));

        await cache.OnChangedAsync(Change(kind, type), default);

        Assert.Equal("新", await cache.GetOrLoadAsync("key", _ => Task.FromResult("新")));
    }

    [Fact]
    public async Task A_saved_draft_of_an_article_changes_nothing_public_and_keeps_it()
    {
        using var cache = new PublicReadCache();
        await cache.GetOrLoadAsync("key", _ => Task.FromResult("旧"));

        await cache.OnChangedAsync(Change(ContentChangeKind.Saved), default);

        Assert.Equal("旧", await cache.GetOrLoadAsync("key", _ => Task.FromResult("新")));
    }

    [Fact]
    public async Task A_read_that_raced_with_a_change_is_returned_but_not_kept()
    {
        using var cache = new PublicReadCache();
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = cache.GetOrLoadAsync("key", _ => gate.Task);

        await cache.OnChangedAsync(Change(ContentChangeKind.Published), default);
        gate.SetResult("发布前读到的");

        Assert.Equal("发布前读到的", await racing);
        Assert.Equal("发布后读到的", await cache.GetOrLoadAsync("key", _ => Task.FromResult("发布后读到的")));
    }

    [Fact]
    public async Task Reads_the_caller_declines_to_keep_are_loaded_again()
    {
        using var cache = new PublicReadCache();
        var loads = 0;

        await cache.GetOrLoadAsync("missing", _ => Task.FromResult(++loads), keep: _ => false);
        await cache.GetOrLoadAsync("missing", _ => Task.FromResult(++loads), keep: _ => false);

        Assert.Equal(2, loads);
    }
}
