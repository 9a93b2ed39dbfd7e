using PublicitySite.Web.Api;
using PublicitySite.Web.Cli;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Media;
using PublicitySite.Web.Site;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, HostingExtensions.SwitchMappings);
builder.AddPublicityCore();          // data directory, database, content, recipes, users
builder.Services.AddProblemDetails();
builder.Services.AddSite();          // the Liquid theme
builder.Services.AddMediaFeature();  // uploads, image pipeline, variants, media library

var app = builder.Build();
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.InitializeSiteAsync();     // migrate, recipe and seed on first start, administrator
app.UseStatusCodePages();
app.UseThemeAssets();
app.MapHealth();
app.MapContentReads();
app.MapMedia();                      // /api/media and /media/... (originals, variants)
app.MapSite();                       // last: its catch-all serves items by path
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
