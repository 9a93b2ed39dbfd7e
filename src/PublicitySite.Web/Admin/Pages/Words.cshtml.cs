using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Words;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>The 错敏词 list: recipe terms and administrators' additions and overrides.</summary>
[AdminPermission(Permissions.ManageSettings, Permissions.ManageUsers, Reason = WordList.Refusal)]
public sealed class WordsModel(WordList words) : AdminPage
{
    public IReadOnlyList<(WordDefinition Word, bool Enabled, bool FromRecipe)> All { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await words.ListAllAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? term, string? replacement, WordLevel level, string? note, bool enabled, CancellationToken cancellationToken)
    {
        var saved = await words.SaveAsync(Me, new WordDefinition { Term = term ?? "", Replacement = replacement, Level = level, Note = note }, enabled, cancellationToken);
        if (saved.Failure is { } failure)
        {
            All = await words.ListAllAsync(cancellationToken);
            return Refused(failure);
        }

        Flash = $"词条“{saved.Value!.Term}”已保存";
        return Redirect("/admin/words");
    }
}
