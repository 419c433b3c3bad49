using System.Text.Json.Nodes;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors.Telegram;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Connectors.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private static readonly Guid Channel = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly TelegramBotIdentity Bot = new(FakeTelegramServer.BotId, FakeTelegramServer.BotUsername);
    private static readonly JsonObject Lin = User(1001, "小林", "xiaolin");

    private static Features.Events.IngestEvent Single(JsonObject update) => Assert.Single(TelegramUpdateMapper.Map(Parse(update), Channel, Bot).Events);

    [Fact]
    public void JoinRequest_IsAJoinRequestedEvent_InTheGroup_NotAJoin()
    {
        var e = Single(JoinRequest(Lin));

        Assert.Equal(("join_requested", ChatId.ToString(), "1001"), (e.Kind, e.ExternalGroupId, e.ExternalUserId));
        Assert.Equal($"{ChatId}:request:1001:{At.ToUnixTimeSeconds()}", e.ExternalEventId);
    }

    [Fact]
    public void Map_TextReplyWithMentions_IsAMessageWithChatMessageIdAndEntities()
    {
        var entities = new JsonArray(
            new JsonObject { ["type"] = "mention", ["offset"] = 3, ["length"] = 5 },
            new JsonObject { ["type"] = "text_mention", ["offset"] = 9, ["length"] = 2, ["user"] = User(2002, "阿强") });
        var e = Single(Text(42, Lin, "你好 @alex 阿强，明天见", replyTo: 41, entities: entities));

        Assert.Equal("message", e.Kind);
        Assert.Equal($"{ChatId}:42", e.ExternalEventId);
        Assert.Equal(ChatId.ToString(), e.ExternalGroupId);
        Assert.Equal(ChatTitle, e.GroupName);
        Assert.Equal("1001", e.ExternalUserId);
        Assert.Equal("小林", e.UserDisplayName);
        Assert.Equal(At, e.OccurredAt);
        Assert.Equal("你好 @alex 阿强，明天见", e.Message!.Text);
        Assert.Equal($"{ChatId}:41", e.Message.ReplyToExternalEventId);
        Assert.Equal(["@alex", "2002"], e.Message.Mentions!);
        Assert.True(TelegramUpdateMapper.TryReadMessageId(e.ExternalEventId, out var id) && id == 42);
    }

    [Fact]
    public void Map_Photo_IsAnImageAttachmentOfTheLargestSize()
    {
        var e = Single(Photo(7, Lin, "AgACAgQR", caption: "扫码领福利"));

        var image = Assert.Single(e.Message!.Attachments!);
        Assert.Equal("image", image.Kind);
        Assert.Equal(TelegramFiles.UrlFor(Channel, "AgACAgQR"), image.Url);
        Assert.Equal("扫码领福利", e.Message.Text);
        Assert.True(TelegramFiles.TryParse(new Uri(image.Url!), out var channel, out var fileId) && channel == Channel && fileId == "AgACAgQR");
    }

    [Fact]
    public void Map_BotCommandAddressedToUs_KeepsTheCommandWithoutTheBotName()
    {
        var entities = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = 24 });
        var e = Single(Text(8, Lin, "/checkin@qunyun_test_bot 第3天", entities: entities));

        Assert.Equal("message", e.Kind);
        Assert.Equal("/checkin 第3天", e.Message!.Text);
    }

    [Fact]
    public void Map_NewChatMembers_JoinsEachHumanAndRecordsTheChat()
    {
        var mapped = TelegramUpdateMapper.Map(Parse(NewMembers(9, Lin, Lin, User(3003, "Bob"), User(4004, "Spam bot", isBot: true))), Channel, Bot);

        Assert.Equal(["member_joined", "member_joined"], mapped.Events.Select(e => e.Kind));
        Assert.Equal(["1001", "3003"], mapped.Events.Select(e => e.ExternalUserId));
        Assert.Equal($"{ChatId}:join:1001:{At.ToUnixTimeSeconds()}", mapped.Events[0].ExternalEventId);
        Assert.Equal(new SeenChat(ChatId.ToString(), ChatTitle, "supergroup", true), mapped.Chat);
    }

    [Fact]
    public void Map_JoinServiceMessageAndChatMemberUpdate_ShareTheEventId()
    {
        var service = Single(NewMembers(9, Lin, Lin));
        var update = Single(MemberChange(Lin, "left", "member"));

        Assert.Equal(service.ExternalEventId, update.ExternalEventId);
    }

    [Fact]
    public void Map_LeftMemberAndKick_AreMemberLeft()
    {
        Assert.Equal("member_left", Single(LeftMember(10, Lin)).Kind);
        Assert.Equal("member_left", Single(MemberChange(Lin, "member", "kicked")).Kind);
        Assert.Empty(TelegramUpdateMapper.Map(Parse(MemberChange(Lin, "member", "administrator")), Channel, Bot).Events);
    }

    [Fact]
    public void Map_JoinThroughOurMemberInviteLink_IsAlsoAnAttributedInviteAccepted()
    {
        var link = InviteLink("https://t.me/+abc", TelegramInviteNames.ForMember("2002"), FakeTelegramServer.BotId);
        var events = TelegramUpdateMapper.Map(Parse(MemberChange(Lin, "left", "member", link)), Channel, Bot).Events;

        Assert.Equal(["member_joined", "invite_accepted"], events.Select(e => e.Kind));
        Assert.Equal(new Features.Events.InviteBody("2002", "https://t.me/+abc"), events[1].Invite);
    }

    [Fact]
    public void Map_JoinThroughCampaignLinkOrSomeoneElsesLink_AttributesOnlyOurs()
    {
        var campaign = InviteLink("https://t.me/+c", TelegramInviteNames.ForCampaign("双11"), FakeTelegramServer.BotId);
        var foreign = InviteLink("https://t.me/+x", TelegramInviteNames.ForMember("2002"), creatorId: 777);

        var viaCampaign = TelegramUpdateMapper.Map(Parse(MemberChange(Lin, "left", "member", campaign)), Channel, Bot).Events;
        var viaForeign = TelegramUpdateMapper.Map(Parse(MemberChange(Lin, "left", "member", foreign)), Channel, Bot).Events;

        Assert.Equal(new Features.Events.InviteBody(null, "双11"), viaCampaign[1].Invite);
        Assert.Equal(["member_joined"], viaForeign.Select(e => e.Kind));
    }

    [Fact]
    public void Map_Reaction_IsOneEventPerNewEmojiOnTheTargetMessage()
    {
        var events = TelegramUpdateMapper.Map(Parse(Reaction(42, Lin, ["👍"], ["👍", "🔥"])), Channel, Bot).Events;

        var e = Assert.Single(events);
        Assert.Equal("reaction", e.Kind);
        Assert.Equal(new Features.Events.ReactionBody($"{ChatId}:42", "🔥"), e.Reaction);
    }

    [Fact]
    public void Map_BotAddedOrRemoved_OnlyRecordsTheChat()
    {
        var me = User(FakeTelegramServer.BotId, "Qunyun", FakeTelegramServer.BotUsername, isBot: true);

        var added = TelegramUpdateMapper.Map(Parse(MemberChange(me, "left", "administrator", my: true)), Channel, Bot);
        var removed = TelegramUpdateMapper.Map(Parse(MemberChange(me, "administrator", "kicked", my: true)), Channel, Bot);

        Assert.Empty(added.Events);
        Assert.True(added.Chat!.BotIsMember);
        Assert.False(removed.Chat!.BotIsMember);
    }

    [Fact]
    public void Map_PrivateChat_IsNotACommunity()
    {
        var update = Text(1, Lin, "/start");
        update["message"]!["chat"] = new JsonObject { ["id"] = 1001, ["type"] = "private", ["first_name"] = "小林" };

        var mapped = TelegramUpdateMapper.Map(Parse(update), Channel, Bot);

        Assert.Empty(mapped.Events);
        Assert.Null(mapped.Chat);
    }

    [Fact]
    public void InviteNames_AreCappedAtTelegramsLimitAndRoundTrip()
    {
        Assert.Equal(("2002", null), TelegramInviteNames.Parse(TelegramInviteNames.ForMember("2002")));
        Assert.Equal(TelegramInviteNames.MaxLength, TelegramInviteNames.ForCampaign(new string('x', 100)).Length);
        Assert.Equal((null, null), TelegramInviteNames.Parse("family link"));
    }
}
