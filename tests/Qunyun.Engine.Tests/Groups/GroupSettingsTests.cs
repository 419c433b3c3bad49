using System.Text.Json;
using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Tests.Groups;

public sealed class GroupSettingsTests
{
    [Fact]
    public void ForType_LongTermAndFan_DifferWhereTheTypesDo()
    {
        var longTerm = GroupSettings.ForType(GroupType.LongTerm);
        var fan = GroupSettings.ForType(GroupType.FanSelfOrganized);

        Assert.Equal((GroupVoice.Full, ModerationLevel.Strict, true, true), (longTerm.Voice, longTerm.Moderation, longTerm.IdleChat.Enabled, longTerm.Welcome));
        Assert.Equal((GroupVoice.Quiet, ModerationLevel.Light, false, false), (fan.Voice, fan.Moderation, fan.IdleChat.Enabled, fan.Welcome));
        Assert.Equal(100, GroupSettings.ForType(GroupType.ProductFeedback).Capacity);
    }

    [Fact]
    public void Resolve_OverridesWinAndTheRestIsInherited()
    {
        var overrides = new GroupSettingsOverrides { Moderation = ModerationLevel.Standard, IdleChatMessages = 6, IdleChatKeywords = ["咖啡"] };

        var settings = GroupSettings.Resolve(GroupType.LongTerm, overrides, 120);

        var inherited = GroupSettings.ForType(GroupType.LongTerm);
        Assert.Equal(ModerationLevel.Standard, settings.Moderation);
        Assert.Equal((true, 6, inherited.IdleChat.Minutes), (settings.IdleChat.Enabled, settings.IdleChat.Messages, settings.IdleChat.Minutes));
        Assert.Equal(["咖啡"], settings.IdleChat.Keywords);
        Assert.Equal((inherited.Voice, inherited.Digest, 120), (settings.Voice, settings.Digest, settings.Capacity));
    }

    [Fact]
    public void Json_RoundTripsOnlyTheOverrides()
    {
        var overrides = new GroupSettingsOverrides { Voice = GroupVoice.Off, IdleChat = false };

        var json = GroupSettingsJson.Write(overrides);

        Assert.Equal("""{"voice":"Off","idleChat":false}""", json);
        Assert.Equal(overrides, GroupSettingsJson.Read(json));
        Assert.Null(GroupSettingsJson.Write(GroupSettingsOverrides.None));
    }

    [Theory]
    [InlineData("voice", "\"Loud\"")]
    [InlineData("voice", "2")]
    [InlineData("moderation", "\"1\"")]
    [InlineData("welcome", "\"yes\"")]
    [InlineData("idleChatMessages", "3")]
    [InlineData("idleChatMinutes", "1.5")]
    [InlineData("plannedPostsPerWeek", "51")]
    [InlineData("idleChatKeywords", "[\"\"]")]
    [InlineData("idleChatKeywords", "\"咖啡\"")]
    public void Set_BadValue_IsRefusedWithAReason(string field, string json)
    {
        var (changed, error) = GroupSettingsFields.Find(field)!.Set(GroupSettingsOverrides.None, JsonDocument.Parse(json).RootElement);

        Assert.Null(changed);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void SetThenClear_LeavesNoOverride()
    {
        var field = GroupSettingsFields.Find("idleChatKeywords")!;

        var (set, _) = field.Set(GroupSettingsOverrides.None, JsonDocument.Parse("""["咖啡", " 咖啡 ", "豆子"]""").RootElement);

        Assert.Equal(["咖啡", "豆子"], set!.IdleChatKeywords);
        Assert.True(field.IsSet(set));
        Assert.True(field.Clear(set).IsEmpty);
    }
}
