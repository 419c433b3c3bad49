using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Channels;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>
/// Fills the demo workspace (slug <c>demo</c>) with a coffee brand's communities and 90 days of their traffic, sent
/// through the event pipeline. Idempotent: a second run adds only the members still missing to reach the requested
/// count, with their traffic. Deterministic: the story is a fixed seed played over the 90 days before the workspace
/// was created, so members added by a later run slot into the same 90 days.
/// </summary>
public sealed class DemoSeeder(
    QunyunDbFactory factory, CreateUser createUser, DemoTraffic traffic, DemoStaff staff, DemoSplit split, DemoLifecycle lifecycle,
    ChannelCredentials credentials, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const int DefaultMembers = 3000;
    public const string Slug = "demo";
    public const string OwnerEmail = "owner@demo.qunyun.dev";
    public const string OwnerPassword = "qunyun-demo-2026";
    private const int Batch = 2000;

    /// <summary>The workspace and its owner only: enough to sign in while the rest fills.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken) => await EnsureWorkspaceAsync(cancellationToken);

    public async Task<string> SeedAsync(int memberCount, CancellationToken cancellationToken, DemoProgress? progress = null)
    {
        var workspace = await EnsureWorkspaceAsync(cancellationToken);
        int existing;
        bool finished;
        await using (var db = factory.Create(workspace.Id))
        {
            existing = await db.Members.CountAsync(cancellationToken);
            finished = await db.Segments.AnyAsync(cancellationToken); // the last thing a fill does
            if (existing >= memberCount && finished)
            {
                progress?.Report(DemoPhase.Done, existing, existing);
                return $"Demo workspace '{Slug}' already has {existing} members; sign in as {OwnerEmail} / {OwnerPassword}.";
            }
        }

        var started = clock.GetTimestamp();
        var world = DemoWorld.For(workspace);
        progress?.Report(DemoPhase.Members, existing, memberCount);
        await AddMembersAsync(workspace.Id, world, existing, memberCount, progress, cancellationToken);
        await using (var db = factory.Create(workspace.Id))
        {
            await DemoModeration.SeedAsync(db, clock, cancellationToken);
            await DemoBot.SeedFaqAsync(db, clock, cancellationToken);
            await DemoPolicies.SeedAsync(db, cancellationToken);
        }

        // A fill that was stopped half-way sends everything again: stored events come back as duplicates.
        var from = finished ? existing : 0;
        var playedFrom = clock.GetUtcNow().UtcDateTime;
        var sent = await traffic.SendAsync(workspace.Id, from, memberCount, cancellationToken,
            (done, total) => progress?.Report(DemoPhase.Traffic, done, total));
        progress?.Report(DemoPhase.Finishing);
        await using (var db = factory.Create(workspace.Id))
        {
            await db.Groups.ExecuteUpdateAsync(
                s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken); // fresh statistics after a bulk load
            await lifecycle.SeedAsync(db, workspace, cancellationToken); // its feedback replies are dated at their messages, as the traffic's actions
            await DemoPast.DateAsync(db, playedFrom, cancellationToken);
            await DemoBot.SeedWelcomeAsync(db, clock, cancellationToken);
            await DemoPlan.SeedAsync(db, workspace, clock, cancellationToken);
            await staff.ActAsync(db, cancellationToken);
            await split.SeedAsync(db, cancellationToken);
        }

        var report = $"Demo workspace '{Slug}': added {memberCount - existing} members (now {memberCount}) and {sent.Accepted:N0} events over "
            + $"{DemoWorld.Days} days in {clock.GetElapsedTime(started).TotalSeconds:0.0} s; sign in as {OwnerEmail} / {OwnerPassword}.";
        logger.LogInformation("{Report}", report);
        progress?.Report(DemoPhase.Done, memberCount, memberCount);
        return report;
    }

    private async Task<Workspace> EnsureWorkspaceAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Slug == Slug, cancellationToken);
        if (workspace is null)
        {
            workspace = new Workspace
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Slug = Slug,
                Name = "豆子咖啡 Beans Coffee (demo)",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Users.AnyAsync(u => u.WorkspaceId == workspace.Id, cancellationToken))
        {
            await createUser.ExecuteAsync(workspace.Id, OwnerEmail, OwnerPassword, Roles.Owner, "小林 Xiaolin");
        }

        return workspace;
    }

    /// <summary>Members, identities, memberships from before the period and tags, in bulk; their traffic comes after.</summary>
    private async Task AddMembersAsync(Guid workspaceId, DemoWorld world, int existing, int target, DemoProgress? progress, CancellationToken cancellationToken)
    {
        await using (var db = factory.Create(workspaceId))
        {
            await DemoStructure.EnsureAsync(db, world, credentials, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        for (var start = existing; start < target; start += Batch)
        {
            await using var db = factory.Create(workspaceId);
            var (channels, groups) = await DemoStructure.LoadAsync(db, cancellationToken);
            var tags = await DemoStructure.TagsAsync(db, cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(target, start + Batch); n++)
            {
                var (member, memberTags) = DemoRoster.Create(world.Plan(n), channels, groups, tags);
                db.Members.Add(member);
                db.MemberTags.AddRange(memberTags);
            }

            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(DemoPhase.Members, Math.Min(target, start + Batch), target);
        }
    }
}
