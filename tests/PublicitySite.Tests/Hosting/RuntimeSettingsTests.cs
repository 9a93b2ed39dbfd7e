using System.Text.Json.Nodes;

namespace PublicitySite.Tests.Hosting;

/// <summary>
/// The runtime settings the site's project chooses reach the file the runtime reads. A misspelt MSBuild property
/// is silently ignored: the site once ran the server collector for a whole round because of one.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.Server", false)]
    [InlineData("System.Runtime.TieredPGO", false)]
    [InlineData("Microsoft.Extensions.DependencyInjection.DisableDynamicEngine", true)]
    [InlineData("System.Globalization.Invariant", false)]
    public void The_site_runs_with(string setting, bool value)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "PublicitySite.Web.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(value, settings[setting]?.GetValue<bool>());
    }
}
