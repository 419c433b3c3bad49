using Qunyun.Engine.Connectors;

namespace Qunyun.Engine.Tests.Connectors;

public sealed class ConnectorActionParserTests
{
    [Fact]
    public void Parse_ModerationVocabulary_TypedRecords()
    {
        Assert.Equal(new SendTextAction("-100", "请勿发广告", "m-9"),
            Ok("send_text", """{"externalGroupId":"-100","text":"请勿发广告","replyToExternalEventId":"m-9"}"""));
        Assert.Equal(new DeleteMessageAction("-100", "m-9", "u-1"),
            Ok("delete_message", """{"externalGroupId":"-100","externalEventId":"m-9","externalUserId":"u-1"}"""));
        Assert.Equal(new MuteAction("-100", "u-1", 60, new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc)),
            Ok("mute", """{"externalGroupId":"-100","externalUserId":"u-1","minutes":60,"until":"2026-11-23T10:30:00Z"}"""));
        Assert.Equal(new MemberAction("unban", "-100", "42"), Ok("unban", """{"externalGroupId":-100,"externalUserId":42}""") with { ExternalGroupId = "-100" });
        Assert.Equal(ConnectorActions.Reply, Ok("reply", """{"externalGroupId":"g","text":"t","replyToExternalEventId":"m"}""").Name);
        Assert.Equal(new PinAction("g", "m", true), Ok("pin", """{"externalGroupId":"g","externalEventId":"m","silent":true}"""));
        Assert.Equal(new LeaveAction("g"), Ok("leave", """{"externalGroupId":"g"}"""));
        Assert.Equal(new SendPrivateAction("u-1", "欢迎"), Ok("send_private", """{"externalUserId":"u-1","text":"欢迎"}"""));
    }

    [Fact]
    public void Write_EveryAction_ParsesBackToTheSameRecord()
    {
        var until = new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc);
        ConnectorAction[] actions =
        [
            new SendTextAction("-100", "请勿发广告", "m-9"), new SendTextAction("g", "t", "m", MustReply: true), new SendTextAction("g", "t", null),
            new SendPrivateAction("u-1", "欢迎"), new SendImageAction("g", "https://x/y.png", "c", null),
            new DeleteMessageAction("g", "m", null), new MuteAction("g", "u", 60, until), new MuteAction("g", "u", null, null),
            new MemberAction(ConnectorActions.Ban, "g", "u"), new CreateInviteLinkAction("g", "n", "u", "spring", 10, until),
            new RevokeInviteLinkAction("g", "https://t.me/+x"), new PinAction("g", "m", true), new PinAction("g", "m", false),
            new SetTitleAction("g", "群"), new LeaveAction("g"),
        ];

        var parsed = actions.Select(a => ConnectorActionParser.Parse(a.Name, ConnectorActionWriter.Payload(a).ToJsonString()));

        Assert.Equal(actions.Select(a => new ParsedAction.Ok(a)), parsed);
    }

    [Fact]
    public void Parse_UnknownActionOrBadPayload_SaysWhich()
    {
        Assert.Equal(new ParsedAction.UnknownAction("teleport"), ConnectorActionParser.Parse("teleport", "{}"));
        Assert.Equal("externalUserId", Malformed("kick", """{"externalGroupId":"g"}"""));
        Assert.Equal("minutes", Malformed("mute", """{"externalGroupId":"g","externalUserId":"u","minutes":"soon"}"""));
        Assert.Equal("until", Malformed("mute", """{"externalGroupId":"g","externalUserId":"u","until":"tomorrow"}"""));
        Assert.Equal("payload", Malformed("send_text", "[1]"));
        Assert.Equal("payload", Malformed("send_text", "{"));
        Assert.Equal("replyToExternalEventId", Malformed("reply", """{"externalGroupId":"g","text":"t"}"""));
    }

    [Fact]
    public void Capabilities_ReplyFallsBackToSendText_UnknownNamesRejected()
    {
        var textOnly = ConnectorCapabilities.Of(ConnectorActions.SendText);
        Assert.True(textOnly.Supports(new SendTextAction("g", "t", "m")));
        Assert.False(textOnly.Supports(new SendTextAction("g", "t", "m", MustReply: true)));
        Assert.Equal(ConnectorActions.All, ConnectorCapabilities.All.Actions);
        Assert.Throws<ArgumentException>(() => ConnectorCapabilities.Of("teleport"));
    }

    private static ConnectorAction Ok(string action, string payload) =>
        Assert.IsType<ParsedAction.Ok>(ConnectorActionParser.Parse(action, payload)).Action;

    private static string Malformed(string action, string payload) =>
        Assert.IsType<ParsedAction.Malformed>(ConnectorActionParser.Parse(action, payload)).Field;
}
