using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PublicitySite.Contents;
using PublicitySite.Contents.Definitions;
using PublicitySite.Curation;
using PublicitySite.Literature;
using PublicitySite.Markdown;
using PublicitySite.Navigation;
using PublicitySite.Proposals;
using PublicitySite.Members;
using PublicitySite.SiteMigration;
using PublicitySite.MemberPortal;
using PublicitySite.MemberRecord;
using PublicitySite.Recipes;
using PublicitySite.Seeding;
using PublicitySite.Settings;
using PublicitySite.Setup;
using PublicitySite.Storage;
using PublicitySite.Users;

namespace PublicitySite;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Content, recipes, users and import: everything that needs no HTTP.</summary>
    public static IServiceCollection AddPublicityCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteDefinitionStore>();
        services.AddSingleton<PublicitySite.Commands.CommandAccess>();
        services.AddScoped<PublicitySite.Audit.AuditLog>();
        services.AddScoped<PublicitySite.Audit.FailedSignIns>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<RichText.BodyRenderer>();
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentQueries>();
        services.AddSingleton<ContentViewFactory>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<RecipeService>();
        services.AddScoped<UserService>();
        services.AddScoped<TokenService>();
        services.AddScoped<SiteInitializer>();
        services.AddScoped<PublicitySite.Webhooks.WebhookService>();
        services.AddSingleton<IContentChangeStager, PublicitySite.Webhooks.WebhookContentStager>();
        services.AddSingleton<IContentChangeStager, PublicitySite.Changes.ChangeLogStager>();
        services.TryAddSingleton<PublicitySite.Changes.INodeSignals, PublicitySite.Changes.SingleNodeSignals>();
        services.TryAddSingleton<PublicitySite.Changes.IJobLock, PublicitySite.Changes.SingleNodeJobLock>();
        services.AddSiteSettings();
        services.AddCuration();
        services.AddNavigation();
        services.AddProposalsCore();
        services.AddMemberPortalCore();
        services.AddMemberRecordCore();
        PublicitySite.Mail.MailServiceCollectionExtensions.AddMailCore(services);
        services.AddMembers();
        services.AddLiterature();
        services.AddSiteMigration();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12; // 等保 level 3; common ones are refused by CommonPasswordValidator
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddEntityFrameworkStores<AppDbContext>();
        return services;
    }
}
