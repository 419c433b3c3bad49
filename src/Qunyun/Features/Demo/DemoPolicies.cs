using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Demo;

/// <summary>
/// A few groups that differ from their type, so the group pages show "overridden here" next to "inherited from type"
/// and the traffic that follows is judged by them: the first members group knows its topic words (its idle-chat guard
/// lets coffee talk be), a latte-art group moderates as written, a feedback group skips the digest and plans more posts.
/// </summary>
internal static class DemoPolicies
{
    private static readonly string[] CoffeeWords = ["咖啡", "手冲", "拿铁", "豆子", "烘焙", "意式", "coffee", "espresso", "latte", "beans"];

    public static async Task SeedAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        if (await db.Groups.AnyAsync(g => g.PolicyOverrides != null, cancellationToken))
        {
            return;
        }

        await OverrideAsync(db, GroupType.LongTerm, new GroupSettingsOverrides { IdleChatKeywords = CoffeeWords, IdleChatMessages = 8 }, null, cancellationToken);
        await OverrideAsync(db, GroupType.FanSelfOrganized, new GroupSettingsOverrides { Moderation = ModerationLevel.Standard }, null, cancellationToken);
        await OverrideAsync(db, GroupType.ProductFeedback, new GroupSettingsOverrides { Digest = false, PlannedPostsPerWeek = 2 }, null, cancellationToken);
        await OverrideAsync(db, GroupType.ShortTerm, new GroupSettingsOverrides { Voice = GroupVoice.Quiet }, null, cancellationToken);
    }

    private static async Task OverrideAsync(QunyunDb db, GroupType type, GroupSettingsOverrides overrides, int? capacity, CancellationToken cancellationToken)
    {
        var group = await db.Groups.Where(g => g.Type == type).OrderBy(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return;
        }

        group.PolicyOverrides = GroupSettingsJson.Write(overrides);
        group.Capacity = capacity ?? group.Capacity;
        await db.SaveChangesAsync(cancellationToken);
    }
}
