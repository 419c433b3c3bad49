using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Tests.Architecture;

/// <summary>
/// What one feature may use of another, in one place. By rule: the entities of <see cref="QunyunDb"/> (to read; the
/// owner writes them) and the enums of their columns. Listed, one a line with why: use cases, the records they take and
/// return, seams, options and shared widgets. Add a type only when it is one of those.
/// </summary>
internal static class FeatureSurfaces
{
    public static readonly IReadOnlySet<string> Public = new[]
    {
        "Accounts.ConsoleSession", // every console page opens its context and checks the signed-in user's role through it
        "Accounts.Pages.LanguageLinks", // widget: the language switch of pages without an account (login, the public application form)
        "Screening.IPaidAccess", // seam: paid entry to a screened group asks who holds a paid membership (PaidMemberships answers)
        "Referrals.IReferralPosters", // seam: a participant's 「我的海报」 asks for a poster image (Posters draws it)
        "Accounts.Roles", // API keys are given a role by name
        "ApiKeys.Actors", // audits and merges record who acted: an API key or a console user
        "Workspaces.WorkspaceTime", // the workspace's time zone, for every "today" a feature computes
        "Workspaces.UpdateWorkspace", // the settings use case (the workspace panel), and its zone check a group's zone shares
        "Workspaces.WorkspaceSettingsError", // what UpdateWorkspace refuses, worded by the workspace panel
        "Channels.ChannelCredentials", // connectors read a channel's secrets
        "Channels.CreateChannel", // the channel list and setups create channels through it
        "Channels.ChannelSnapshot", // what a connector gets instead of the channel's row
        "Channels.ChannelStateStore", // connector state (offsets, health, seen chats) belongs to Channels
        "Channels.ChannelConnection", // what a connector knows of its channel's connection, as the store returns it
        "Channels.SeenChat", // a chat the Telegram bot saw, remembered by the store
        "Channels.ChannelHealth", // a channel's health, shown with each channel
        "Channels.ChannelHealthStatus", // …its state, which picks the chip's colour
        "Members.MemberQueries", // member filters, sorts and summaries that segments, merges and imports reuse
        "Members.MemberSummary", // the member list row segments and the merge picker show
        "Members.IdentityResponse", // a member's platform identity, as the merge preview lists it
        "Members.MemberSort", // the member list's sort orders, shared with segments and the merge picker
        "Members.MemberAttributes", // custom attribute rules, shared by imports and merge settings
        "Members.IMemberChangedHook", // seam: auto-merge (Merges) runs after the members API changed a member
        "Members.MemberAbsorbed", // …what the hook reports: the merges it made
        "Members.IMemberTags", // seam: Tags gives Members a member's tags (filter, record, deletion)
        "Members.MemberTagResponse", // …a tag on a member, as the record and Tags' chips show it
        "Members.TagChoice", // …a tag in the member list's filter
        "Groups.GroupEdits", // a group's date rules (topic groups create groups)
        "Groups.GroupMemberCounts", // the member-count recount after a writer changed memberships
        "Groups.GroupMemberships", // putting a member in a group by hand (the members' /groups/{id}/members API)
        "Groups.GroupLinks", // linking a prepared group to its chat (the Telegram setup links the chat its bot just saw)
        "Groups.GroupChange", // …what a link changed
        "Groups.PlatformGroupChanges", // a platform renamed or dissolved a group (WeCom customer-group callbacks and sync)
        "Groups.TypePolicy.GroupPolicies", // a group's policy in force (type defaults + its overrides): moderation, bot, plan, digest, idle chat
        "Groups.TypePolicy.GroupPolicyCache", // …the same, kept warm for a batch's stages
        "Groups.LinkGroupRequest", // …what a link asks for
        "Groups.CreateGroupRequest", // …what creating a group asks for (the split assistant prepares its groups through GroupLinks)
        "Groups.PlatformGroupChanges", // a platform's renames and dismissals of groups (WeCom's sync and callbacks)
        "Events.IngestEvents", // the one way in for events (connectors, the Telegram export import)
        "Events.IngestEvent", // an event as connectors and importers hand it in
        "Events.IngestRequest", // the ingest body, which the webhook bridge accepts as is
        "Events.IngestResponse", // what ingest answers: accepted, duplicates, errors
        "Events.IngestError", // …an event ingest refused, logged or reported by the caller
        "Events.IngestValidation", // the webhook bridge reports a bad event by ingest's rules, field by field, before ingest
        "Events.EventProcessor", // the member import runs under the pipeline's single writer
        "Events.EventInsert", // the bot stores the events it causes (check-ins) the way ingest does
        "Events.EventPayload", // reading an event's payload (bot, digest, moderation, the group's conversation)
        "Events.Attachment", // event vocabulary: a message's attachment
        "Events.MessageBody", // event vocabulary: a message
        "Events.ReactionBody", // event vocabulary: a reaction
        "Events.InviteBody", // event vocabulary: an accepted invite
        "Events.PurchaseBody", // event vocabulary: a purchase
        "Events.TopicBody", // event vocabulary: content viewed or an event attended
        "Events.CustomBody", // event vocabulary: a custom event (check-ins, introductions)
        "Events.IPipelineStage", // the stage contract every stage implements
        "Events.PipelineBatch", // …the batch a stage works on
        "Events.ProcessedEvent", // …an event with what the pipeline resolved
        "Events.EventVerdicts", // …the verdicts earlier stages left on it
        "Events.PipelineOptions", // the activity half-life merges rescore with
        "Outbox.OutboxEntry", // the one way in for typed actions
        "Outbox.IActionExecutor", // seam: connectors deliver actions
        "Outbox.IActionExecutors", // …the registry of them the dispatcher asks
        "Outbox.ActionDelivery", // …what a delivery reports
        "Outbox.IActionOrigins", // seam: moderation names the decision behind a row
        "Outbox.ActionOrigin", // …that decision
        "Outbox.IActionMessages", // seam: events name the message a row is about
        "Outbox.ActionMessage", // …that message
        "Outbox.ChannelQueue", // a channel's queued actions, counted and discarded when the channel is deleted
        "Connectors.IPlatformImageSource", // seam: moderation reads platform images through the connector
        "Connectors.ConnectorRegistry", // what a platform does by itself: the capacity stage removes newcomers only where it can; a short-term group is dissolved by actions or a staff checklist
        "Segments.TopicGroups.InvitationLists", // the split assistant records each new group's members to invite
        "Tags.InterestDecay", // interest weights as of now (topic groups pick members by them)
        "Tags.MemberFacts", // member facts, which merges move and undo
        "Tags.TagOptions", // the interest half-life merges and segments use
        "Tags.PlatformTags", // a platform's tags: the event a connector sends with a member's set, renames and deletions
        "Tags.PlatformTag", // …one of them
        "Tags.ActivityTags", // members of a dissolved short-term group keep a tag naming the activity (Lifecycle)
        "Templates.RenderMessage", // rendering a message template (bot, plan, digest)
        "Templates.TemplateGroup", // …the group facts a template reads
        "Templates.StoredBody", // …a stored template body
        "Templates.TemplateChecks", // checking a template reference when a rule or plan entry is saved
        "Templates.TemplateResponse", // a template, as the pickers list it
        "Templates.Pages.TemplatePicker", // widget: picking a template
        "Templates.Pages.TemplateTextEditor", // widget: editing a template's text in place (welcome, FAQ answers)
        "Templates.TemplatesSetup", // seam: features say which of their rows name a template
        "Templates.SaveTemplate", // the bot tab saves the group's own welcome
        "Templates.SaveTemplateResult", // …what saving answers
        "Templates.TemplateRequest", // …what it saves
        "Moderation.RulesInForce", // the rules text in force (bot and digest link it)
        "Moderation.DecisionOrigins", // which messages moderation acted on (the group's conversation)
        "Moderation.ModeratedMessage", // …how it acted on one
        "Points.CheckInAwards", // the bot's check-in command awards points at once
        "Points.CheckInBook", // …the batch's check-ins decided in memory after one read
        "Points.CheckInClaim", // …one member's check-in
        "Points.CheckInResult", // …what the award was, with the balance the reply names
        "Points.AdjustPoints", // a referral campaign paying its prize tiers in points credits them through the ledger's own use case
        "Points.AdjustPointsRequest", // …the credit it asks for
        "Bot.TemplateGroups", // a group's template facts (its language and rules link are bot settings)
        "Segments.SegmentEvaluator", // plan entries target a segment
        "Plan.IScheduledPosts", // seam: the plan's scheduler drives the daily digest
        "Plan.PlanOptions", // the scheduler's options the digest posts by
        "Plan.SaveRuleReminder", // rule reminders, which the digest page edits
        "Plan.RuleReminderRequest", // …what it saves
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
