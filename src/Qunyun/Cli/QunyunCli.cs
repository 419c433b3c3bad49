using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Demo;

namespace Qunyun.Cli;

/// <summary>
/// The command line of the one executable: <c>serve</c> (default), <c>migrate</c>, <c>demo</c>, <c>apikey create</c>,
/// <c>user create</c>, <c>import telegram</c>, <c>tags recheck</c>, <c>topic-groups</c>. Configuration switches (<c>--urls …</c>, <c>--ConnectionStrings:Qunyun=…</c>) apply to every verb.
/// </summary>
internal static class QunyunCli
{
    public delegate WebApplication HostBuilder(string[] configurationArgs, IReadOnlyDictionary<string, string?> overrides);

    private static readonly IReadOnlySet<string> CommandOptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "demo", "members", "workspace", "role", "name", "email", "password", "channel", "file", "help", "version",
        "interest", "min-weight", "group-size", "create", "type",
        "map", "dry-run", "create-tags", "all-or-nothing", "encoding",
    };

    /// <summary>Quiet logs on stderr for one-shot verbs, so stdout carries only their answer.</summary>
    internal static readonly Dictionary<string, string?> OneShot = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "None", // a refused connection is reported in one line instead
        ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        ["Logging:Console:FormatterName"] = "simple",
    };

    public static async Task<int> RunAsync(string[] args, HostBuilder build)
    {
        var (configuration, command) = ConfigArguments.Split(args, CommandOptions);
        var root = new RootCommand("Qunyun (群运): the control room for community operations.");
        AddServe(root, configuration, build);
        root.Subcommands.Add(Migrate(configuration, build));
        root.Subcommands.Add(Demo(configuration, build));
        root.Subcommands.Add(ApiKey(configuration, build));
        root.Subcommands.Add(User(configuration, build));
        root.Subcommands.Add(ImportCommand.Create(configuration, build));
        root.Subcommands.Add(TagsCommand.Create(configuration, build));
        root.Subcommands.Add(TopicGroupsCommand.Create(configuration, build));
        // Signals are the host's (it stops within HostingDefaults.ShutdownTimeout and exits 0): System.CommandLine's own
        // handler would give up after 2 s and exit 130 while a busy server is still stopping cleanly.
        return await root.Parse(command).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static void AddServe(RootCommand root, string[] configuration, HostBuilder build)
    {
        var serve = new Command("serve", "Run the console and the API (the default).");
        foreach (var command in new Command[] { root, serve })
        {
            var demo = new Option<bool>("--demo") { Description = "Fill the demo workspace (slug 'demo') in the background while serving; idempotent." };
            var members = MembersOption();
            command.Options.Add(demo);
            command.Options.Add(members);
            command.SetAction(parse => Guarded(async () =>
            {
                var overrides = new Dictionary<string, string?>
                {
                    ["Demo:Seed"] = parse.GetValue(demo).ToString(),
                    ["Demo:Members"] = parse.GetValue(members).ToString(),
                };
                await using var app = build(configuration, overrides);
                await app.RunAsync();
                return 0;
            }));
        }

        root.Subcommands.Add(serve);
    }

    private static Command Migrate(string[] configuration, HostBuilder build)
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema, then exit.");
        migrate.SetAction(_ => Guarded(async () =>
        {
            await using var app = build(configuration, OneShot);
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            Console.Error.WriteLine($"Database is up to date ({app.Services.GetRequiredService<DatabaseOptions>().Provider}).");
            return 0;
        }));
        return migrate;
    }

    private static Command Demo(string[] configuration, HostBuilder build)
    {
        var demo = new Command("demo", "Fill the demo workspace (slug 'demo') without serving; idempotent.");
        var members = MembersOption();
        demo.Options.Add(members);
        demo.SetAction(parse => Guarded(async () =>
        {
            await using var app = build(configuration, OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(parse.GetValue(members), CancellationToken.None);
            Console.WriteLine(report);
            return 0;
        }));
        return demo;
    }

    private static Command ApiKey(string[] configuration, HostBuilder build)
    {
        var workspace = WorkspaceOption();
        var role = new Option<string>("--role") { Description = "Owner, Operator, Moderator or Analyst.", DefaultValueFactory = _ => Roles.Operator };
        var name = new Option<string>("--name") { Description = "A label for the key.", DefaultValueFactory = _ => "cli" };
        role.Validators.Add(r => { if (Roles.Parse(r.GetValueOrDefault<string>()) is null) { r.AddError($"Unknown role; use {string.Join(", ", Roles.All)}."); } });
        var create = new Command("create", "Print a new API key once (stdout) for scripts and bootstrapping.") { workspace, role, name };
        create.SetAction(parse => Guarded(async () =>
        {
            await using var app = build(configuration, OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await FindWorkspaceAsync(scope.ServiceProvider, parse.GetRequiredValue(workspace));
            var (_, secret) = await scope.ServiceProvider.GetRequiredService<CreateApiKey>()
                .ExecuteAsync(workspaceId, parse.GetRequiredValue(name), parse.GetRequiredValue(role));
            Console.WriteLine(secret);
            return 0;
        }));
        return new Command("apikey", "Manage API keys.") { create };
    }

    private static Command User(string[] configuration, HostBuilder build)
    {
        var workspace = WorkspaceOption();
        var email = new Option<string>("--email") { Description = "Sign-in e-mail.", Required = true };
        var password = new Option<string>("--password") { Description = "At least 8 characters with a digit.", Required = true };
        var role = new Option<string>("--role") { Description = "Owner, Operator, Moderator or Analyst.", DefaultValueFactory = _ => Roles.Operator };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var create = new Command("create", "Add a console user to a workspace.") { workspace, email, password, role, name };
        create.SetAction(parse => Guarded(async () =>
        {
            await using var app = build(configuration, OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await FindWorkspaceAsync(scope.ServiceProvider, parse.GetRequiredValue(workspace));
            var result = await scope.ServiceProvider.GetRequiredService<CreateUser>().ExecuteAsync(
                workspaceId, parse.GetRequiredValue(email), parse.GetRequiredValue(password), parse.GetRequiredValue(role), parse.GetValue(name));
            if (!result.Succeeded)
            {
                throw new StartupException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            Console.Error.WriteLine($"User {parse.GetValue(email)} created.");
            return 0;
        }));
        return new Command("user", "Manage console users.") { create };
    }

    private static Option<int> MembersOption() => new("--members")
    {
        Description = "How many demo members to create (default 3000).",
        DefaultValueFactory = _ => DemoSeeder.DefaultMembers,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 2_000_000) { r.AddError("--members must be between 1 and 2000000."); } } },
    };

    internal static Option<string> WorkspaceOption() => new("--workspace") { Description = "The workspace slug.", Required = true };

    internal static async Task<Guid> FindWorkspaceAsync(IServiceProvider services, string slug)
    {
        await using var db = services.GetRequiredService<QunyunDbFactory>().CreateUnscoped();
        var id = await db.Workspaces.Where(w => w.Slug == slug).Select(w => (Guid?)w.Id).FirstOrDefaultAsync();
        return id ?? throw new StartupException($"No workspace with slug '{slug}'.");
    }

    internal static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Startup(e) is { } startup)
        {
            await Console.Error.WriteLineAsync($"qunyun: {startup.Message}");
            return 1;
        }
    }

    private static StartupException? Startup(Exception e) => e switch
    {
        StartupException s => s,
        AggregateException a => a.InnerExceptions.Select(Startup).FirstOrDefault(s => s is not null),
        _ => e.InnerException is null ? null : Startup(e.InnerException),
    };
}
