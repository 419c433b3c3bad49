using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Bench;

/// <summary>
/// The bench's moderation rules: a word list plus every detector (links with an allow-list, phones, contact handles,
/// invite links, mass mentions, flood per member, spam waves, links from new members, one regex). Used by
/// `moderation-stage` (compiled directly) and by the realistic workspace of `ingest` (published as the default).
/// </summary>
internal static class BenchRuleSet
{
    public static RuleSetDefinition Definition(string wordList)
    {
        ActionSpec[] delete = [new(ActionTypes.Delete)];
        return new RuleSetDefinition
        {
            RulesText = "1. 友善交流 Be kind\n2. 不发广告、联系方式、其他群邀请 No ads, contact details or invitations",
            Rules =
            [
                new() { Key = "words", Detector = RuleDetectors.Words, List = wordList, Actions = [.. delete], Strike = true },
                new() { Key = "links", Detector = RuleDetectors.Links, Actions = [.. delete], AllowDomains = ["ubuntu.com", "launchpad.net"] },
                new() { Key = "phone", Detector = RuleDetectors.Phone, Actions = [.. delete] },
                new() { Key = "contact", Detector = RuleDetectors.Contact, Actions = [.. delete] },
                new() { Key = "invite", Detector = RuleDetectors.Invite, Actions = [.. delete] },
                new() { Key = "mentions", Detector = RuleDetectors.Mentions, Threshold = 5, Actions = [.. delete] },
                new() { Key = "flood", Detector = RuleDetectors.Flood, Threshold = 8, WindowSeconds = 10, Actions = [new(ActionTypes.Mute, 10)] },
                new() { Key = "wave", Detector = RuleDetectors.SpamWave, Threshold = 3, WindowSeconds = 600, Actions = [.. delete] },
                new() { Key = "new", Detector = RuleDetectors.NewMemberLinks, Hours = 24, Actions = [.. delete] },
                new() { Key = "re", Detector = RuleDetectors.Regex, Pattern = @"免费\s*领取|稳赚不赔", Actions = [.. delete] },
            ],
        };
    }
}
