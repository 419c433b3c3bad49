using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Imports;
using Qunyun.Features.Members;
using Qunyun.Features.Moderation;
using Qunyun.Features.Segments;
using Qunyun.Features.Segments.TopicGroups;
using Qunyun.Features.Tags;
using Qunyun.Features.Workspaces;

namespace Qunyun.Data;

/// <summary>
/// The one database context. Every <see cref="IWorkspaceOwned"/> row is filtered to <see cref="WorkspaceId"/>;
/// a context scoped to no workspace sees none of them, so forgetting the scope leaks nothing.
/// </summary>
public abstract class QunyunDb(DbContextOptions options) : IdentityDbContext<QunyunUser>(options)
{
    public Guid WorkspaceId { get; private set; }

    /// <summary>The pipeline's own context: its writes keep the warm state current themselves, so they raise no version.</summary>
    public bool IsPipelineWriter { get; set; }

    internal bool PipelineStateChanged { get; set; }

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberIdentity> MemberIdentities => Set<MemberIdentity>();
    public DbSet<MemberAttribute> MemberAttributes => Set<MemberAttribute>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MemberTag> MemberTags => Set<MemberTag>();
    public DbSet<MemberFact> MemberFacts => Set<MemberFact>();
    public DbSet<TagChange> TagChanges => Set<TagChange>();
    public DbSet<TagRecheckRun> TagRecheckRuns => Set<TagRecheckRun>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<PipelineVersion> PipelineVersions => Set<PipelineVersion>();
    public DbSet<PendingEvent> PendingEvents => Set<PendingEvent>();
    public DbSet<FailedEvent> FailedEvents => Set<FailedEvent>();
    public DbSet<MemberDay> MemberDays => Set<MemberDay>();
    public DbSet<GroupDay> GroupDays => Set<GroupDay>();
    public DbSet<Features.Outbox.OutboxMessage> Outbox => Set<Features.Outbox.OutboxMessage>();
    public DbSet<Features.Merges.MemberMerge> MemberMerges => Set<Features.Merges.MemberMerge>();
    public DbSet<Features.Merges.MergeSettings> MergeSettings => Set<Features.Merges.MergeSettings>();
    public DbSet<Features.Merges.MemberMatchKey> MemberMatchKeys => Set<Features.Merges.MemberMatchKey>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<InvitationList> InvitationLists => Set<InvitationList>();
    public DbSet<Invitee> Invitees => Set<Invitee>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportJobError> ImportJobErrors => Set<ImportJobError>();
    public DbSet<RuleSet> RuleSets => Set<RuleSet>();
    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();
    public DbSet<WordList> WordLists => Set<WordList>();
    public DbSet<AllowListEntry> AllowList => Set<AllowListEntry>();
    public DbSet<ModerationDecision> ModerationDecisions => Set<ModerationDecision>();
    public DbSet<ModerationStrike> ModerationStrikes => Set<ModerationStrike>();
    public DbSet<ModerationSettings> ModerationSettings => Set<ModerationSettings>();
    public DbSet<Features.Templates.MessageTemplate> MessageTemplates => Set<Features.Templates.MessageTemplate>();
    public DbSet<Features.Templates.BotAlert> BotAlerts => Set<Features.Templates.BotAlert>();
    public DbSet<Features.Bot.GroupBotSettings> GroupBotSettings => Set<Features.Bot.GroupBotSettings>();
    public DbSet<Features.Bot.BotWorkspaceSettings> BotWorkspaceSettings => Set<Features.Bot.BotWorkspaceSettings>();
    public DbSet<Features.Bot.PendingWelcome> PendingWelcomes => Set<Features.Bot.PendingWelcome>();
    public DbSet<Features.Bot.IntroductionWatch> IntroductionWatches => Set<Features.Bot.IntroductionWatch>();
    public DbSet<Features.Bot.AutoReplyRule> AutoReplyRules => Set<Features.Bot.AutoReplyRule>();
    public DbSet<Features.Bot.AutoReplyHit> AutoReplyHits => Set<Features.Bot.AutoReplyHit>();
    public DbSet<Features.Bot.OpenQuestion> OpenQuestions => Set<Features.Bot.OpenQuestion>();
    public DbSet<ChannelState> ChannelStates => Set<ChannelState>();
    public DbSet<ChannelChat> ChannelChats => Set<ChannelChat>();
    public DbSet<ChannelNonce> ChannelNonces => Set<ChannelNonce>();
    public DbSet<Features.Content.ContentItem> ContentItems => Set<Features.Content.ContentItem>();
    public DbSet<Features.Plan.PlanEntry> PlanEntries => Set<Features.Plan.PlanEntry>();
    public DbSet<Features.Plan.PlanOccurrence> PlanOccurrences => Set<Features.Plan.PlanOccurrence>();
    public DbSet<Features.Plan.RuleReminder> RuleReminders => Set<Features.Plan.RuleReminder>();
    public DbSet<Features.Digest.StaffPick> StaffPicks => Set<Features.Digest.StaffPick>();
    public DbSet<Features.Digest.DigestSettings> DigestSettings => Set<Features.Digest.DigestSettings>();
    public DbSet<Features.Points.PointsEntry> PointsEntries => Set<Features.Points.PointsEntry>();
    public DbSet<Features.Points.PointsSettings> PointsSettings => Set<Features.Points.PointsSettings>();
    public DbSet<Features.Connectors.WeCom.WeComStaffTask> WeComStaffTasks => Set<Features.Connectors.WeCom.WeComStaffTask>();
    public DbSet<Features.Connectors.WeCom.WeComJoinCode> WeComJoinCodes => Set<Features.Connectors.WeCom.WeComJoinCode>();
    public DbSet<Features.Connectors.WeCom.WeComNotice> WeComNotices => Set<Features.Connectors.WeCom.WeComNotice>();
    public DbSet<Features.Connectors.WeCom.WeComSyncRun> WeComSyncRuns => Set<Features.Connectors.WeCom.WeComSyncRun>();
    public DbSet<Features.Connectors.WeCom.WeComInboxEntry> WeComInbox => Set<Features.Connectors.WeCom.WeComInboxEntry>();
    public DbSet<Features.Health.GroupAnswerDay> GroupAnswerDays => Set<Features.Health.GroupAnswerDay>();
    public DbSet<Features.Health.QuestionWait> QuestionWaits => Set<Features.Health.QuestionWait>();
    public DbSet<Features.Sizing.SizeSettings> SizeSettings => Set<Features.Sizing.SizeSettings>();
    public DbSet<Features.Health.HealthSettings> HealthSettings => Set<Features.Health.HealthSettings>();
    public DbSet<Features.Sizing.CapacityOverflow> CapacityOverflows => Set<Features.Sizing.CapacityOverflow>();
    public DbSet<Features.Sizing.SplitProposal> SplitProposals => Set<Features.Sizing.SplitProposal>();
    public DbSet<Features.Lifecycle.GroupLifecycle> GroupLifecycles => Set<Features.Lifecycle.GroupLifecycle>();
    public DbSet<Features.Lifecycle.LifecycleTask> LifecycleTasks => Set<Features.Lifecycle.LifecycleTask>();
    public DbSet<Features.Feedback.FeedbackItem> FeedbackItems => Set<Features.Feedback.FeedbackItem>();
    public DbSet<Features.Feedback.FeedbackSettings> FeedbackSettings => Set<Features.Feedback.FeedbackSettings>();
    public DbSet<Features.Screening.Screening> Screenings => Set<Features.Screening.Screening>();
    public DbSet<Features.Screening.ScreeningSettings> ScreeningSettings => Set<Features.Screening.ScreeningSettings>();
    public DbSet<Features.Screening.ScreeningRule> ScreeningRules => Set<Features.Screening.ScreeningRule>();
    public DbSet<Features.PaidMemberships.MembershipPlan> MembershipPlans => Set<Features.PaidMemberships.MembershipPlan>();
    public DbSet<Features.PaidMemberships.MembershipPlanGroup> MembershipPlanGroups => Set<Features.PaidMemberships.MembershipPlanGroup>();
    public DbSet<Features.PaidMemberships.PlanPriceStep> PlanPriceSteps => Set<Features.PaidMemberships.PlanPriceStep>();
    public DbSet<Features.PaidMemberships.PlanOrder> PlanOrders => Set<Features.PaidMemberships.PlanOrder>();
    public DbSet<Features.PaidMemberships.PaidMembership> PaidMemberships => Set<Features.PaidMemberships.PaidMembership>();
    public DbSet<Features.PaidMemberships.MembershipRemovalTask> MembershipRemovalTasks => Set<Features.PaidMemberships.MembershipRemovalTask>();
    public DbSet<Features.PaidMemberships.PaymentWebhookSecret> PaymentWebhookSecrets => Set<Features.PaidMemberships.PaymentWebhookSecret>();
    public DbSet<Features.PaidMemberships.PaymentWebhookNonce> PaymentWebhookNonces => Set<Features.PaidMemberships.PaymentWebhookNonce>();
    public DbSet<Features.Posters.PosterTemplate> PosterTemplates => Set<Features.Posters.PosterTemplate>();
    public DbSet<Features.Posters.PosterLink> PosterLinks => Set<Features.Posters.PosterLink>();
    public DbSet<Features.Referrals.ReferralCampaign> ReferralCampaigns => Set<Features.Referrals.ReferralCampaign>();
    public DbSet<Features.Referrals.ReferralParticipant> ReferralParticipants => Set<Features.Referrals.ReferralParticipant>();
    public DbSet<Features.Referrals.ReferralHelp> ReferralHelps => Set<Features.Referrals.ReferralHelp>();
    public DbSet<Features.Referrals.ReferralPrize> ReferralPrizes => Set<Features.Referrals.ReferralPrize>();

    internal QunyunDb ScopeTo(Guid workspaceId)
    {
        WorkspaceId = workspaceId;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(QunyunDb).Assembly, t => t.Namespace?.StartsWith("Qunyun.Features") == true);
        builder.Entity<PipelineVersion>().HasKey(v => v.WorkspaceId);

        // Ids are chosen by the code (version 7 GUIDs, time-ordered), never by the database.
        foreach (var key in builder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).Where(k => k is { Properties: [{ ClrType: var t }] } && t == typeof(Guid)))
        {
            key!.Properties[0].ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IWorkspaceOwned).IsAssignableFrom(e.ClrType)))
        {
            // No index on WorkspaceId alone: it never narrows a search (a workspace is most of the table), and SQLite's
            // planner would otherwise pick it over MemberId/GroupId for the correlated counts in list pages.
            builder.Entity(entity.ClrType).HasQueryFilter(WorkspaceFilter(entity.ClrType));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is restored on read.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampWorkspace();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampWorkspace();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    internal void StampWorkspace()
    {
        foreach (var member in ChangeTracker.Entries<Member>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            member.Entity.DeriveMatchKeys();
        }

        foreach (var entry in ChangeTracker.Entries<IWorkspaceOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.WorkspaceId == Guid.Empty)
            {
                entry.Entity.WorkspaceId = WorkspaceId;
            }

            var crossesWorkspace = WorkspaceId != Guid.Empty && entry.Entity.WorkspaceId != WorkspaceId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && crossesWorkspace)
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of another workspace cannot be written through a context scoped to {WorkspaceId}.");
            }

            if (entry.State == EntityState.Added && entry.Entity.WorkspaceId == Guid.Empty)
            {
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} must belong to a workspace.");
            }
        }
    }

    private LambdaExpression WorkspaceFilter(Type entityType)
    {
        var row = Expression.Parameter(entityType, "row");
        var rowWorkspace = Expression.Property(row, nameof(IWorkspaceOwned.WorkspaceId));
        var currentWorkspace = Expression.Property(Expression.Constant(this), nameof(WorkspaceId));
        return Expression.Lambda(Expression.Equal(rowWorkspace, currentWorkspace), row);
    }
}
