using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PublicitySite.Tests.Infrastructure;
using PublicitySite.Web.Hosting;

namespace PublicitySite.Tests.Hosting;

/// <summary>The key ring is read at the first sign-in, not at start; signing in still works.</summary>
public sealed class OnDemandLoadingTests
{
    [Fact]
    public void The_framework_preload_it_removes_is_there_to_remove()
    {
        // If the framework renamed its preloading service, the removal would silently stop working.
        var services = new ServiceCollection();
        services.AddDataProtection();
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService");

        services.LoadOnDemand();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService");
        Assert.NotNull(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("t").Protect("x"));
    }

    [Fact]
    public async Task The_site_starts_without_it_and_a_sign_in_form_still_gets_its_token()
    {
        using var site = new TestSite(seed: false);
        using var client = site.CreateClient();

        Assert.DoesNotContain(site.Services.GetServices<IHostedService>(), s => s.GetType().Name == "DataProtectionHostedService");
        var login = await client.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
