using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Tests.Architecture;

/// <summary>
/// What one feature may use of another, in one place. By rule: the entities of <see cref="QunyunDb"/> (to read; the
/// owner writes them) and the enums of their columns. Listed: use cases, the records they take and return, seams,
/// options and shared widgets. Add a type only when it is one of those, and say so in its group's comment.
/// </summary>
internal static class FeatureSurfaces
{
    public static readonly IReadOnlySet<string> Public = new[]
    {
        // Accounts: the console's session (a context per operation, the signed-in user, role checks) and role names.
        "Accounts.ConsoleSession", "Accounts.Roles",
        // ApiKeys: who acted (an API key or a console user), as audits and merges record it.
        "ApiKeys.Actors",
        // Workspaces: the workspace's time zone and its settings use case.
        "Workspaces.WorkspaceTime", "Workspaces.TimeZoneChoices", "Workspaces.UpdateWorkspace", "Workspaces.WorkspaceSettingsError",
        // Channels: credentials, creation, the snapshot connectors get, and the store of connector state.
        "Channels.ChannelCredentials", "Channels.CreateChannel", "Channels.ChannelSnapshot", "Channels.ChannelStateStore",
        "Channels.ChannelConnection", "Channels.SeenChat",
        // …and a channel's health as the console and the API word it (Connectors shows it with each channel).
        "Channels.ChannelHealth", "Channels.ChannelHealthStatus",
        // Members: the member read model other lists and merges reuse, and attribute helpers.
        "Members.MemberQueries", "Members.MemberSummary", "Members.IdentityResponse",
        "Members.MemberTagResponse", "Members.MemberSort", "Members.MemberAttributes",
        // …the hook auto-merge runs on after the API changed a member, and the seam Tags fills with a member's tags.
        "Members.IMemberChangedHook", "Members.MemberAbsorbed", "Members.IMemberTags", "Members.TagChoice",
        // Groups: the group read model, edits (topic groups create groups) and the member-count recount.
        "Groups.GroupQueries", "Groups.GroupEdits", "Groups.GroupDateProblem", "Groups.GroupMemberCounts",
        // …putting a member in a group by hand (the members' /groups/{id}/members API).
        "Groups.GroupMemberships",
        // …and linking a prepared group to its chat (the Telegram setup links the chat its bot just saw).
        "Groups.GroupLinks", "Groups.GroupChange", "Groups.LinkGroupRequest",
        // Events: ingest (the one way in), the event vocabulary, the stage contract and the pipeline's options.
        "Events.IngestEvents", "Events.IngestEvent", "Events.IngestRequest", "Events.IngestResponse", "Events.IngestError",
        "Events.IngestValidation", "Events.EventProcessor", "Events.EventInsert", "Events.EventPayload", "Events.Attachment",
        "Events.MessageBody", "Events.ReactionBody", "Events.InviteBody", "Events.PurchaseBody", "Events.TopicBody",
        "Events.CustomBody", "Events.IPipelineStage", "Events.PipelineBatch", "Events.ProcessedEvent",
        "Events.EventVerdicts", "Events.PipelineOptions",
        // Outbox: the one way in for typed actions, the seam connectors implement, and the seam through which features
        // that queue actions name the decision behind a row (moderation) and events name the message a row is about.
        "Outbox.OutboxEntry", "Outbox.IActionOrigins", "Outbox.ActionOrigin", "Outbox.IActionMessages", "Outbox.ActionMessage",
        "Outbox.IActionExecutor", "Outbox.IActionExecutors", "Outbox.ActionDelivery",
        // …and a channel's queued actions, counted and discarded when the channel is deleted.
        "Outbox.ChannelQueue",
        // Connectors: the seam moderation reads platform images through.
        "Connectors.IPlatformImageSource",
        // Tags: interest decay, member facts (merges move them) and options.
        "Tags.InterestDecay", "Tags.MemberFacts", "Tags.TagOptions",
        // Templates: rendering, its inputs, checks, the picker widget, and the template-usage registration seam.
        "Templates.RenderMessage", "Templates.TemplateGroup", "Templates.StoredBody", "Templates.TemplateChecks",
        "Templates.TemplateResponse", "Templates.Pages.TemplatePicker", "Templates.TemplatesSetup",
        // …the in-place text editor (welcome, FAQ answers) and saving a template (the bot tab saves the group's own welcome).
        "Templates.Pages.TemplateTextEditor", "Templates.SaveTemplate", "Templates.SaveTemplateResult", "Templates.TemplateRequest",
        // Moderation: the rules in force (one rules text); which messages it acted on (the group's conversation).
        "Moderation.RulesInForce", "Moderation.DecisionOrigins", "Moderation.ModeratedMessage",
        // Points: check-in awards the bot's command gives at once.
        "Points.CheckInAwards", "Points.CheckInResult", "Points.PointsLedger",
        // Bot: a group's template facts (its language and rules link are bot settings).
        "Bot.TemplateGroups",
        // Segments: evaluating a segment (plan entries target one).
        "Segments.SegmentEvaluator",
        // Plan: the scheduler's seam and options, rule reminders (the digest page edits them).
        "Plan.IScheduledPosts", "Plan.PlanOptions", "Plan.SaveRuleReminder", "Plan.RuleReminderRequest",
    }.Select(t => "Qunyun.Features." + t).ToHashSet();

    /// <summary>The demo builds a whole workspace through every feature: it sits on top and may use any of them.</summary>
    public const string Composer = "Demo";

    /// <summary>Entities (the types of <see cref="QunyunDb"/>'s sets) and the enums of their columns.</summary>
    public static readonly IReadOnlySet<string> Entities = EntitiesAndTheirEnums();

    private static HashSet<string> EntitiesAndTheirEnums()
    {
        var entities = typeof(QunyunDb).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .ToList();
        var enums = entities.SelectMany(e => e.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum);
        return [.. entities.Concat(enums).Select(t => t.FullName!)];
    }
}
