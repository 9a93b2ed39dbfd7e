using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Users;

namespace PublicitySite.Web.Admin.Pages;

/// <summary>
/// API tokens: every signed-in user makes and revokes their own; administrators (users.manage) may list and
/// revoke anyone's with <c>?all=1</c>. The secret is shown once, in the answer to the form that made it.
/// </summary>
public sealed class TokensModel(TokenAdministration tokens, TimeProvider clock) : AdminPage
{
    public IReadOnlyList<TokenRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Allowed { get; private set; } = [];

    public bool ManagesAll { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>Set only in the answer to a successful create: shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    public string DefaultExpiry => tokens.Today.AddDays(TokenAdministration.DefaultDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string MinExpiry => tokens.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string MaxExpiry => tokens.Today.AddDays(TokenAdministration.MaxDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string[]? scopes, string? expires)
    {
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(expires))
        {
            if (!DateOnly.TryParseExact(expires.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Errors.Add("到期日期格式应为 2025-12-31");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync();
                return Page();
            }

            until = parsed;
        }

        var created = await tokens.CreateAsync(Me, name, (scopes ?? []).Distinct().ToList(), until);
        NewSecret = created.Value?.Secret;
        await LoadAsync();
        return created.Failure is { } failure ? Refused(failure) : Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if ((await tokens.RevokeAsync(Me, id)).Failure is { } failure)
        {
            await LoadAsync();
            return Refused(failure);
        }

        Flash = $"令牌 #{id} 已撤销，立即失效";
        return Redirect(All ? "/admin/tokens?all=true" : "/admin/tokens");
    }

    public static string Local(DateTime? utc) => utc is { } t ? PublicitySite.Contents.SiteTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private async Task LoadAsync()
    {
        ManagesAll = tokens.ManagesAll(Me);
        Allowed = tokens.AllowedScopes(Me);
        Rows = await tokens.ListAsync(Me, All && ManagesAll);
    }
}
