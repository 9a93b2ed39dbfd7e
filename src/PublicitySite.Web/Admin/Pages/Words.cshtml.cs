using Microsoft.AspNetCore.Mvc;
using PublicitySite.Commands;
using PublicitySite.Words;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>The 错敏词 list: recipe terms and administrators' additions and overrides.</summary>
public sealed class WordsModel(WordList words) : AdminPage
{
    public IReadOnlyList<(WordDefinition Word, bool Enabled, bool FromRecipe)> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!words.MayManage(Me))
        {
            return Forbidden(WordList.Refusal);
        }

        All = await words.ListAllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? term, string? replacement, WordLevel level, string? note, bool enabled, CancellationToken cancellationToken)
    {
        var saved = await words.SaveAsync(Me, new WordDefinition { Term = term ?? "", Replacement = replacement, Level = level, Note = note }, enabled, cancellationToken);
        if (saved.Failure is { } failure)
        {
            All = words.MayManage(Me) ? await words.ListAllAsync(cancellationToken) : [];
            return failure is Failure.Forbidden ? Forbidden(failure.Detail) : Refused(failure);
        }

        Flash = $"词条“{saved.Value!.Term}”已保存";
        return Redirect("/admin/words");
    }
}
