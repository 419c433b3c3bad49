using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Moderation;

namespace Qunyun.Features.Demo;

/// <summary>
/// The demo's group rules (群规): the workspace default rule set, published before the traffic so moderation acts on
/// it (the audit log fills) and the rules reminder, the 群规 command and the bot page quote its text.
/// </summary>
public static class DemoModeration
{
    public const string RulesText = "1. 友善交流，尊重每一位咖啡爱好者\n2. 不发广告、不加私人联系方式、不发其他群的邀请\n3. 咖啡话题优先，闲聊请适度\n"
        + "Be kind · no ads, contact details or invitations to other groups · coffee first";

    public static async Task SeedAsync(QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.RuleSets.AnyAsync(cancellationToken))
        {
            return;
        }

        var definition = new RuleSetDefinition
        {
            RulesText = RulesText,
            Rules =
            [
                new RuleDefinition { Key = "contacts", Name = "私人联系方式 Contact details", Detector = RuleDetectors.Contact, Actions = [new("delete"), new("warn")], Strike = true },
                new RuleDefinition { Key = "invites", Name = "其他群邀请 Invitations", Detector = RuleDetectors.Invite, Actions = [new("delete"), new("warn")], Strike = true },
            ],
        };
        var outcome = await new PublishRuleSet(clock).ExecuteAsync(db, null, definition, "演示群规 Demo rules", "demo", postRules: false, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            throw new InvalidOperationException($"The demo rule set does not validate: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }
    }
}
