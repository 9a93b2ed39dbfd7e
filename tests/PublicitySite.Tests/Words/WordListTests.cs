using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Audit;
using PublicitySite.Commands;
using PublicitySite.Storage;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Words;
using PublicitySite.Workflow;

namespace PublicitySite.Tests.Words;

/// <summary>The effective word list: the recipe's terms, changed only through <see cref="WordList.SaveAsync"/> by those allowed.</summary>
public sealed class WordListTests : IDisposable
{
    private static readonly Actor Admin = new("words-admin", Actor.AdministratorRole, "10.0.0.9");
    private readonly TestSite site = new(seed: false);

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task An_editor_is_refused_and_nothing_is_written()
    {
        var result = await SaveAsync(new Actor("editor", "Editor"), new WordDefinition { Term = "新词条" }, enabled: true);

        var refused = Assert.IsType<Failure.Forbidden>(result.Failure);
        Assert.Equal(WordList.Refusal, refused.Detail);
        Assert.Equal(0, await CountAsync(db => db.Set<WordEntry>()));
        Assert.Equal(0, await CountAsync(db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.WordsChanged)));
    }

    [Theory]
    [InlineData("   ", null, "term")]
    [InlineData("超长", "x", "replacement")]
    public async Task Bad_input_is_refused_on_its_field(string term, string? replacementSeed, string field)
    {
        var replacement = replacementSeed is null ? null : new string('长', 201);
        var result = await SaveAsync(Admin, new WordDefinition { Term = term, Replacement = replacement }, enabled: true);

        var invalid = Assert.IsType<Failure.Invalid>(result.Failure);
        Assert.Equal(field, Assert.Single(invalid.Fields).Field);
        Assert.Equal(0, await CountAsync(db => db.Set<WordEntry>()));
    }

    [Fact]
    public async Task An_administrator_switches_off_a_recipe_term_and_adds_one_with_an_audit_line_each()
    {
        Assert.Contains(await ListAsync(), w => w.Term == "政协代表");

        var off = await SaveAsync(Admin, new WordDefinition { Term = " 政协代表 ", Replacement = "政协委员", Level = WordLevel.Block }, enabled: false);
        Assert.True(off.Succeeded, off.Failure?.Detail);
        Assert.Equal("政协代表", off.Value!.Term);
        var added = await SaveAsync(Admin, new WordDefinition { Term = "测试旧称", Replacement = " 测试新称 ", Level = WordLevel.Warn, Note = "  " }, enabled: true);
        Assert.True(added.Succeeded, added.Failure?.Detail);

        var list = await ListAsync();
        Assert.DoesNotContain(list, w => w.Term == "政协代表");
        var mine = Assert.Single(list, w => w.Term == "测试旧称");
        Assert.Equal(("测试新称", WordLevel.Warn, (string?)null), (mine.Replacement, mine.Level, mine.Note));

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lines = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.WordsChanged).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["政协代表", "测试旧称"], lines.Select(l => l.Target));
        Assert.All(lines, l => Assert.Equal(("words-admin", "10.0.0.9"), (l.Actor, l.Address)));
        Assert.StartsWith("停用", lines[0].Detail, StringComparison.Ordinal);
    }

    private async Task<Result<WordDefinition>> SaveAsync(Actor actor, WordDefinition word, bool enabled)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WordList>().SaveAsync(actor, word, enabled);
    }

    private async Task<IReadOnlyList<WordDefinition>> ListAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WordList>().GetAsync();
    }

    private async Task<int> CountAsync<T>(Func<AppDbContext, IQueryable<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>()).CountAsync();
    }
}
