using Microsoft.AspNetCore.Mvc;
using PublicitySite.Contents.Definitions;
using PublicitySite.Settings;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>One row of the settings form: the value in the form and the recipe's value it falls back to.</summary>
public sealed record SettingRow(string Key, string Label, string Value, string? RecipeValue, SiteSettingRule Rule)
{
    public string InputId => "s-" + Key;

    public string Name => "s." + Key;
}

/// <summary>
/// Site settings (网站名称, 主办单位, 备案号, …) for administrators. Saving goes through
/// <see cref="SiteSettingsService"/>, which audits each change and evicts every cached public page.
/// </summary>
[AdminPermission(Permissions.ManageSettings, Reason = Refusal)]
public sealed class SettingsModel(SiteSettingsService settings, SiteDefinitionStore definitions) : AdminPage
{
    private const string Refusal = "您的角色无权修改网站设置（仅管理员可操作）";

    public IReadOnlyList<SettingRow> Rows { get; private set; } = [];

    /// <summary>Problems by key, shown under their field as well as at the top.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        Rows = BuildRows(key => current.Get(key));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        Rows = BuildRows(key => Request.Form["s." + key].ToString().Trim());
        foreach (var row in Rows)
        {
            var problem = row.Rule.Required && row.Value.Length == 0 ? $"请填写{row.Label}" : SiteSettingRules.Check(row.Key, row.Value);
            if (problem is not null)
            {
                FieldErrors[row.Key] = problem;
            }
        }

        if (FieldErrors.Count > 0)
        {
            return Invalid(FieldErrors.Values);
        }

        // Only what differs from what the public sees now: an unchanged field keeps its stored state, and a
        // value equal to the recipe's is stored as "no override" so later recipe changes still reach it.
        var changes = Rows
            .Where(r => r.Value != current.Get(r.Key))
            .ToDictionary(r => r.Key, r => r.Value == r.RecipeValue ? null : (string?)r.Value, StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            Flash = "没有需要保存的修改";
            return Redirect("/admin/settings");
        }

        var result = await settings.UpdateAsync(Me, changes, cancellationToken);
        if (result.Failure is { } failure)
        {
            return Refused(failure);
        }

        Flash = $"网站设置已保存（{changes.Count} 项），前台页面已即时更新";
        return Redirect("/admin/settings");
    }

    private IActionResult Invalid(IEnumerable<string> errors)
    {
        Errors.AddRange(errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private List<SettingRow> BuildRows(Func<string, string> value)
    {
        var recipe = definitions.Current.Settings;
        // The known keys in their footer order, then any other key the recipe declares (e.g. CurrentTerm).
        var keys = SiteSettingKeys.Known.Select(k => k.Key)
            .Concat(recipe.Keys.Where(k => !SiteSettingKeys.Known.Any(known => known.Key == k)).Order(StringComparer.Ordinal));
        return keys.Select(key => new SettingRow(key, SiteSettingRules.Label(key), value(key), recipe.GetValueOrDefault(key), SiteSettingRules.For(key))).ToList();
    }
}
