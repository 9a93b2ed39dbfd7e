using PublicitySite.Web.Admin;
using PublicitySite.Web.Api;
using PublicitySite.Web.Auth;
using PublicitySite.Web.Caching;
using PublicitySite.Web.Cluster;
using PublicitySite.Web.Cli;
using PublicitySite.Web.GraphQL;
using PublicitySite.Web.Hosting;
using PublicitySite.Web.Search;
using PublicitySite.Web.Security;
using PublicitySite.Web.Proposals;
using PublicitySite.Web.Literature;
using PublicitySite.Web.Mail;
using PublicitySite.Web.MemberPortal;
using PublicitySite.Web.MemberRecord;
using PublicitySite.Web.Members;
using PublicitySite.Web.Media;
using PublicitySite.Web.SiteMigration;
using PublicitySite.Web.Operations;
using PublicitySite.Web.Site;
using PublicitySite.Web.StaticPublish;
using PublicitySite.Web.Webhooks;

var verb = CommandLine.IsVerb(args);
var builder = HostingExtensions.CreateSiteBuilder(args, verb); // slim: no IIS, no HTTP/3
builder.AddSiteLogging(verb);        // JSON files under the data directory, security log kept six months; verbs log warnings only

if (ConfigurationCheck.Refuse(builder.Configuration))
{
    return 1;                        // said in Chinese with the fix; `doctor` says the same and more
}

builder.AddDataDirectory();          // data directory, database, content, recipes, users
builder.Services.AddProblemDetails();
builder.Services.AddOperations();    // health, forwarded headers from trusted proxies, metrics, logs
builder.Services.AddSecurityHeaders();   // CSP with nonces, nosniff, HSTS, frame and cookie rules
builder.Services.AddAdminNetworks();     // optional allow-list for /admin and the write API
builder.Services.AddPublicityApi();  // OpenAPI, CORS, rate limits
builder.Services.AddGraphQLApi();    // GraphQL over published content
builder.Services.AddWebhooks();      // signed deliveries from a database outbox
builder.Services.AddMailNotices();   // e-mail notices to members from a database outbox, with retries
builder.Services.AddSite();          // the Liquid theme
builder.Services.AddSiteSearch();    // Chinese full-text search, indexed after each commit
builder.Services.AddEditorial();     // review workflow, audit, 错敏词, sign-in, admin pages, scheduler
builder.Services.AddProposals();     // 提案追踪: lifecycle, public column, statistics, office API
builder.Services.AddMemberRecord();  // 履职档案: admin menu of meeting rosters and the 履职积分 ranking
builder.Services.AddMediaFeature();  // uploads, image pipeline, variants, media library
builder.Services.AddStaticPublishing(); // 静态发布: the public site as files for nginx, rewritten after commits
builder.Services.AddLegacyRedirects(); // 网站迁移: old addresses of a migrated site answer 301
builder.AddCluster();                // with Cluster__Redis: eviction bus, shared keys and limits, once-per-cluster jobs
builder.Services.LoadOnDemand();     // last: the key ring is read at the first sign-in, not at start

var app = builder.Build();
var initialized = verb ? Task.CompletedTask : app.StartSiteInitialization(); // migrate, recipe and seed on first start, administrator: on another core while the pipeline below is set up
app.UseForwardedHeadersSetup();      // first: everything after sees the real client address and scheme
app.UseRequestMetrics();             // latency per route group for /metrics
app.UseSecurityHeaders();
app.UseAdminNetworks();
app.UseSiteErrors();                 // Chinese 500 page, problem details for the API
app.UseLegacyRedirects();            // a migrated site's old addresses: 301 to their new pages, columns and files
app.UseFastPages();                  // cached anonymous pages from ready bytes; then routing and sign-in
app.UseAuthentication();             // named here, after the headers, so sign-in redirects carry them too
app.UseAccountSteps();               // a generated password or a required two-step set-up comes first
app.UseAuthorization();
app.UseStatusCodePages();
app.UsePublicityApi();               // CORS and rate limits before the cache: cached API answers count too
app.UsePageCaching();                // output cache for API reads, Brotli/gzip, capture of pages for the fast path
app.UseThemeAssets();
app.MapHealth();                     // /healthz, /healthz/live, /healthz/ready
app.MapMetricsEndpoint();            // /metrics: Prometheus text, this machine only unless Metrics__AllowFrom
app.MapContentReads();
app.MapGraphQLApi();
app.MapSearch();                     // /search, /api/search, /api/admin/search
app.MapEditorial();                  // write API and the admin at /admin
app.MapProposals();
app.MapMembers();                    // 委员风采, 社情民意: pages and /api/members
app.MapMemberPortal();               // 委员之家 at /member: members write, co-sign, follow and evaluate proposals
app.MapMemberRecord();               // 委员之家: 社情民意, 履职档案 with 履职积分, 履职报告 (page and .docx)
app.MapLiterature();                 // 文史资料: pages, citations and /api/literature
app.MapMedia();                      // /api/media and /media/... (originals, variants)
app.MapSite();                       // last: its catch-all serves items by path
if (verb)                            // after the pipeline: `publish` renders pages through it
{
    return await CommandLine.RunAsync(app, args);
}

app.WarmUpWhileInitializing();      // routes built and theme parsed while set-up runs on the other core
await initialized;                   // nothing is answered before the site is set up
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
