using Prometheus;
using Qunyun.Api;
using Qunyun.Cli;
using Qunyun.Components;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Bot;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Connectors.Telegram;
using Qunyun.Features.Connectors.Webhook;
using Qunyun.Features.Connectors.WeCom;
using Qunyun.Features.Content;
using Qunyun.Features.Dashboard;
using Qunyun.Features.Demo;
using Qunyun.Features.Digest;
using Qunyun.Features.Events;
using Qunyun.Features.Feedback;
using Qunyun.Features.GroupChat;
using Qunyun.Features.Groups;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Health;
using Qunyun.Features.IdleChat;
using Qunyun.Features.Imports;
using Qunyun.Features.Lifecycle;
using Qunyun.Features.LiveCodes;
using Qunyun.Features.Members;
using Qunyun.Features.Merges;
using Qunyun.Features.Moderation;
using Qunyun.Features.Outbox;
using Qunyun.Features.PaidMemberships;
using Qunyun.Features.Plan;
using Qunyun.Features.Points;
using Qunyun.Features.Posters;
using Qunyun.Features.Referrals;
using Qunyun.Features.Screening;
using Qunyun.Features.Segments;
using Qunyun.Features.Sizing;
using Qunyun.Features.Tags;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;
using Qunyun.Hosting;
using Scalar.AspNetCore;

return await QunyunCli.RunAsync(args, BuildHost);

// The table of contents: one AddXxx / MapXxx per feature.
static WebApplication BuildHost(string[] args, IReadOnlyDictionary<string, string?> overrides)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostingDefaults.ContentRoot() });
    builder.Configuration.AddInMemoryCollection(overrides);
    builder.AddHostingDefaults();
    builder.WebHost.UseStaticWebAssets(); // so `dotnet run` serves MudBlazor's and Blazor's assets in any environment
    builder.AddLogs();
    builder.Services.AddSingleton(TimeProvider.System);

    builder.AddData();
    builder.AddAccounts();
    builder.AddApiKeys();
    builder.AddChannels();
    builder.Services.AddSingleton<GroupLinks>();
    builder.AddMembers();
    builder.AddApi();
    builder.AddConsole();
    builder.AddEvents();
    builder.AddTags();
    builder.AddMerges();
    builder.AddSegments();
    builder.AddImports();
    builder.AddModeration();
    builder.Services.AddScoped<UpdateWorkspace>();
    builder.AddTemplates();
    builder.AddBot();
    builder.AddIdleChat();
    builder.AddGroupPolicies();
    builder.AddContent();
    builder.AddPlan();
    builder.AddDigest();
    builder.AddGroupChat();
    builder.AddDemo();
    builder.AddConnectors();
    builder.AddOutbox();
    builder.AddWebhookBridge();
    builder.AddTelegram();
    builder.AddWeCom();
    builder.AddPoints();
    builder.AddHealth();
    builder.AddSizing();
    builder.AddLifecycle();
    builder.AddFeedback();
    builder.AddScreening();
    builder.AddPaidMemberships();
    builder.AddPosters();
    builder.AddReferrals();
    builder.AddLiveCodes();
    builder.Services.AddScoped<StartupTasks>();
    builder.Services.AddScoped<DashboardFigures>();
    builder.Services.AddHostedService<StartupTasksService>();
    builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    var app = builder.Build();
    app.UseConsoleErrorPages();
    app.UseHttpMetrics();
    app.UseRequestLocalization();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseAntiforgery();

    app.MapHealthChecks("/healthz");
    app.MapMetrics("/metrics");
    app.MapOpenApi();
    app.MapScalarApiReference("/api/docs", o => o.WithTitle("Qunyun API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    app.MapApiV1()
        .MapWorkspaces()
        .MapChannels()
        .MapGroups()
        .MapMembers()
        .MapMerges()
        .MapTags()
        .MapSegments()
        .MapEvents()
        .MapFailedEvents()
        .MapImports()
        .MapModeration()
        .MapApiKeys()
        .MapOutbox()
        .MapWebhookBridge()
        .MapTemplates()
        .MapBot()
        .MapTelegram()
        .MapWeCom()
        .MapContent()
        .MapPlanFeatures()
        .MapDigest()
        .MapPoints()
        .MapHealth()
        .MapSizing()
        .MapLifecycle()
        .MapFeedback()
        .MapScreening()
        .MapPaidMemberships()
        .MapPaymentWebhook()
        .MapPosters()
        .MapReferrals()
        .MapLiveCodes();
    app.MapAccounts();
    app.MapSegmentDownloads();
    app.MapImportDownloads();
    app.MapModerationDownloads();
    app.MapPosterDownloads();
    app.MapChatSimulator();
    app.MapPublicApplications();
    app.MapLiveCodeLinks();
    app.MapConsole();
    return app;
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
