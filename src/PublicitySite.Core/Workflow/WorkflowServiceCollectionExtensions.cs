using Microsoft.Extensions.DependencyInjection;
using PublicitySite.Words;

namespace PublicitySite.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Review stages, the audit trail, the 错敏词 list, the Media-field rule and the scheduler's runner.</summary>
    public static IServiceCollection AddWorkflowCore(this IServiceCollection services)
    {
        services.AddScoped<WordList>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<PublicitySite.Media.MediaFieldCheck>();
        services.AddScoped<WorkflowQueries>();
        services.AddScoped<ScheduleRunner>();
        services.AddScoped<PublicitySite.Users.UserAdministration>();
        services.AddScoped<PublicitySite.Users.TokenAdministration>();
        services.AddScoped<PublicitySite.Users.AccountSecurity>();
        services.AddScoped<PublicitySite.Webhooks.WebhookAdministration>();
        services.AddScoped<PreviewLinks>();
        return services;
    }
}
