using PublicitySite.Web.Admin.Menu;
using PublicitySite.Web.Auth;
using PublicitySite.Web.Workflow;
using PublicitySite.Workflow;

namespace PublicitySite.Web.Admin;

internal static class EditorialServiceCollectionExtensions
{
    /// <summary>The editorial side: workflow rules, audit, 错敏词, sign-in, the admin pages and the scheduler.</summary>
    public static IServiceCollection AddEditorial(this IServiceCollection services)
    {
        services.AddWorkflowCore();
        services.AddEditorialAuth();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section);
        services.AddHostedService<ScheduleWorker>();
        services.AddScoped<PreviewRenderer>();
        services.AddScoped<Pages.Proposals.ReplyPdf>();
        services.AddEditorialMenu();
        // Razor would otherwise write every Chinese character as &#x...; (unreadable source, triple the bytes).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Admin/Pages";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Logout");
            o.Conventions.AllowAnonymousToPage("/LoginTwoFactor");
        }).ConfigureApplicationPartManager(parts =>
        {
            // Pages only: without these, start-up loads every type of the site's assemblies looking for
            // controllers and view components there are none of.
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().Single());
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.ViewComponents.ViewComponentFeatureProvider>().Single());
        });
        return services;
    }
}
