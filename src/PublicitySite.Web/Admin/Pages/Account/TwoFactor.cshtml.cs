using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PublicitySite.Users;
using PublicitySite.Web.Auth;
using QRCoder;

namespace PublicitySite.Web.Admin.Pages.Account;

/// <summary>
/// Setting up two-step sign-in: a QR code (drawn here, as PNG data the admin CSP allows) and the key for typing,
/// confirmed with a code from the app; then the recovery codes, shown once.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, AccountSecurity account, LoginService login) : AdminPage
{
    public TwoFactorEnrolment? Enrolment { get; private set; }

    public string QrDataUri { get; private set; } = "";

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostConfirmAsync(string? code)
    {
        var confirmed = await account.ConfirmEnrolmentAsync(Me, code);
        if (confirmed.Failure is { } failure)
        {
            await LoadAsync();
            return Refused(failure);
        }

        await login.RefreshAsync(HttpContext); // enabling changed the security stamp: this session goes on
        RecoveryCodes = confirmed.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        var renewed = await account.NewRecoveryCodesAsync(Me);
        if (renewed.Failure is { } failure)
        {
            await LoadAsync();
            return Refused(failure);
        }

        RecoveryCodes = renewed.Value!;
        return Page();
    }

    private async Task LoadAsync()
    {
        Required = account.IsRequiredFor(Me.Role);
        Enrolment = await account.StartEnrolmentAsync(Me);
        if (Enrolment is { } enrolment)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(enrolment.Uri, QRCodeGenerator.ECCLevel.M);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }
        else if (await users.FindByNameAsync(Me.Name) is { } user)
        {
            RecoveryCodesLeft = await account.RecoveryCodesLeftAsync(user);
        }
    }
}
