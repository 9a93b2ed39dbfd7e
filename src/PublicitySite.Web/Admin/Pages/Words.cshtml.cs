using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Words;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>The 错敏词 list: recipe terms and administrators' additions and overrides.</summary>
public sealed class WordsModel(WordList words) : AdminPage
{
    private const string Refusal = "您的角色无权维护错敏词词库";

    public IReadOnlyList<(WordDefinition Word, bool Enabled, bool FromRecipe)> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Can(Permissions.ManageSettings) && !Can(Permissions.ManageUsers))
        {
            return Forbidden(Refusal);
        }

        All = await words.ListAllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? term, string? replacement, WordLevel level, string? note, bool enabled, CancellationToken cancellationToken)
    {
        if (!Can(Permissions.ManageSettings) && !Can(Permissions.ManageUsers))
        {
            return Forbidden(Refusal);
        }

        var errors = await words.SaveAsync(Me.Name, new WordDefinition { Term = term ?? "", Replacement = replacement, Level = level, Note = note }, enabled, Me.Address, cancellationToken);
        All = await words.ListAllAsync(cancellationToken);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Flash = $"词条“{term?.Trim()}”已保存";
        return Redirect("/admin/words");
    }
}
