using Qunyun.Engine.Referrals;

namespace Qunyun.Engine.Tests.Referrals;

public sealed class CampaignRulesTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CampaignDraft Draft(IReadOnlyList<PrizeTier> tiers, RedemptionKind kind = RedemptionKind.Staff, IReadOnlyList<string>? codes = null, string? form = null) =>
        new("邀好友得挂耳包", "3 位好友留满 7 天", Start, Start.AddDays(14), tiers, kind, codes, form, 7, 5, 10);

    [Fact]
    public void Check_StrictlyIncreasingTiers_PassesClean()
    {
        Assert.Empty(CampaignRules.Check(Draft([new(3, "挂耳包"), new(10, "马克杯")])));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(10, 3)]
    public void Check_TierNotAboveThePreviousOne_NamesTheTiersField(int first, int second)
    {
        var errors = CampaignRules.Check(Draft([new(first, "挂耳包"), new(second, "马克杯")]));

        Assert.Equal("Tiers[1].Helpers", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_MissingAndInconsistentFields_AreEachNamed()
    {
        var draft = new CampaignDraft(" ", null, Start, Start, [], null, null, null, 0, 1, 0);

        var fields = CampaignRules.Check(draft).Select(e => e.Field).ToHashSet();

        Assert.Superset(new HashSet<string> { "Name", "EndsAt", "StayDays", "BurstCount", "BurstMinutes", "Redemption", "Tiers" }, fields);
    }

    [Fact]
    public void Check_KindSpecificFields_AreRequired()
    {
        Assert.Contains(CampaignRules.Check(Draft([new(3, "券")], RedemptionKind.Code)), e => e.Field == "Codes");
        Assert.Contains(CampaignRules.Check(Draft([new(3, "券")], RedemptionKind.Code, ["A1", "A1"])), e => e.Field == "Codes");
        Assert.Contains(CampaignRules.Check(Draft([new(3, "包")], RedemptionKind.Form, form: "ftp://x")), e => e.Field == "FormUrl");
        Assert.Contains(CampaignRules.Check(Draft([new(3, "积分")], RedemptionKind.Points)), e => e.Field == "Tiers[0].Points");
        Assert.Empty(CampaignRules.Check(Draft([new(3, "积分", 100)], RedemptionKind.Points)));
    }

    [Theory]
    [InlineData(CampaignState.Draft, CampaignState.Running, true)]
    [InlineData(CampaignState.Running, CampaignState.Paused, true)]
    [InlineData(CampaignState.Paused, CampaignState.Running, true)]
    [InlineData(CampaignState.Running, CampaignState.Ended, true)]
    [InlineData(CampaignState.Paused, CampaignState.Ended, true)]
    [InlineData(CampaignState.Draft, CampaignState.Paused, false)]
    [InlineData(CampaignState.Draft, CampaignState.Ended, false)]
    [InlineData(CampaignState.Ended, CampaignState.Running, false)]
    [InlineData(CampaignState.Running, CampaignState.Draft, false)]
    [InlineData(CampaignState.Running, CampaignState.Running, false)]
    public void CanMove_FollowsDraftRunningPausedEnded(CampaignState from, CampaignState to, bool allowed)
    {
        Assert.Equal(allowed, CampaignStates.CanMove(from, to));
    }

    [Fact]
    public void PrizeLadder_NamesReachedTiersAndWhatIsMissingForTheNext()
    {
        PrizeTier[] tiers = [new(3, "挂耳包"), new(10, "马克杯")];

        Assert.Equal([0], PrizeLadder.Reached(tiers, 4));
        Assert.Equal(("马克杯", 6), PrizeLadder.Next(tiers, 4) is { } next ? (next.Tier.Prize, next.Missing) : default);
        Assert.Null(PrizeLadder.Next(tiers, 10));
    }

    [Theory]
    [InlineData("我的海报", ReferralCommand.Poster)]
    [InlineData(" /poster@qunyun_bot ", ReferralCommand.Poster)]
    [InlineData("My Invites", ReferralCommand.Progress)]
    [InlineData("我的助力", ReferralCommand.Progress)]
    public void Commands_MatchTheWordsOnly(string text, ReferralCommand command)
    {
        Assert.Equal(command, ReferralCommands.Match(text));
    }

    [Theory]
    [InlineData("谁能帮我看看我的海报")]
    [InlineData("")]
    [InlineData(null)]
    public void Commands_IgnoreChatterMentioningThem(string? text)
    {
        Assert.Null(ReferralCommands.Match(text));
    }
}
