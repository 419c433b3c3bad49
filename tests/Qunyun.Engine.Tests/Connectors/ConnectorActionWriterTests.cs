using CsCheck;
using Qunyun.Engine.Connectors;

namespace Qunyun.Engine.Tests.Connectors;

public sealed class ConnectorActionWriterTests
{
    // Control characters, quotes, backslashes, Chinese, emoji (surrogate pairs) and line separators: what chat text holds.
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Char['\0', '\u007f'].Select(c => c.ToString()),
            Gen.Char['\u4e00', '\u9fa5'].Select(c => c.ToString()),
            Gen.OneOf("😀", "👍🏽", "\u2028", "é", "\"", "\\", "</script>"))
        .Array[1, 12].Select(string.Concat);

    private static readonly Gen<string?> Optional = Gen.OneOf(Text.Null(), Gen.Const<string?>(""));
    private static readonly Gen<int?> Number = Gen.Int.Nullable();
    private static readonly Gen<DateTime?> Time = Gen.DateTime.Nullable();

    private static readonly Gen<ConnectorAction> AnyAction = Gen.OneOf<ConnectorAction>(
        Gen.Select(Text, Text, Optional, (g, t, r) => (ConnectorAction)new SendTextAction(g, t, r)),
        Gen.Select(Text, Text, Text, (g, t, r) => (ConnectorAction)new SendTextAction(g, t, r, MustReply: true)),
        Gen.Select(Text, Text, Text.Null(), (u, t, code) => (ConnectorAction)new SendPrivateAction(u, t, code)),
        Gen.Select(Text, Text, Optional, Optional, (g, i, c, r) => (ConnectorAction)new SendImageAction(g, i, c, r)),
        Gen.Select(Text, Text, Optional, (g, e, u) => (ConnectorAction)new DeleteMessageAction(g, e, u)),
        Gen.Select(Text, Text, Number, Time, (g, u, m, until) => (ConnectorAction)new MuteAction(g, u, m, until)),
        Gen.Select(Gen.OneOf(ConnectorActions.Unmute, ConnectorActions.Kick, ConnectorActions.Ban, ConnectorActions.Unban), Text, Text,
            (a, g, u) => (ConnectorAction)new MemberAction(a, g, u)),
        Gen.Select(Text, Optional, Optional, Optional, Number, Time, (g, n, i, c, l, e) => (ConnectorAction)new CreateInviteLinkAction(g, n, i, c, l, e)),
        Gen.Select(Text, Text, (g, l) => (ConnectorAction)new RevokeInviteLinkAction(g, l)),
        Gen.Select(Text, Text, Gen.Bool, (g, e, s) => (ConnectorAction)new PinAction(g, e, s)),
        Gen.Select(Text, Text, (g, t) => (ConnectorAction)new SetTitleAction(g, t)),
        Text.Select(g => (ConnectorAction)new LeaveAction(g)),
        Gen.Select(Text, Text, Gen.Bool, (g, u, a) => (ConnectorAction)new JoinRequestAction(g, u, a)));

    [Fact]
    public void Write_EveryAction_ParsesBackToAnEqualRecordAndTheSamePayload()
    {
        AnyAction.Sample(action =>
        {
            var payload = ConnectorActionWriter.Write(action);

            var parsed = Assert.IsType<ParsedAction.Ok>(ConnectorActionParser.Parse(action.Name, payload)).Action;
            Assert.Equal(action, parsed);
            Assert.Equal(payload, ConnectorActionWriter.Write(parsed));
        });
    }

    [Fact]
    public void Write_EveryCatalogueName_IsCoveredByTheGenerator()
    {
        var names = AnyAction.Array[500].Single().Select(a => a.Name).ToHashSet();

        Assert.Equal(ConnectorActions.All.Order(), names.Order());
    }

    [Fact]
    public void Write_KnownShapes_CamelCaseWithoutAbsentFields()
    {
        Assert.Equal("""{"externalGroupId":"-100","text":"请勿发广告","replyToExternalEventId":"m-9"}""",
            ConnectorActionWriter.Write(new SendTextAction("-100", "请勿发广告", "m-9")));
        Assert.Equal("""{"externalGroupId":"-100","text":"早上好"}""", ConnectorActionWriter.Write(new SendTextAction("-100", "早上好")));
        Assert.Equal("""{"externalGroupId":"-100","externalUserId":"u-1","minutes":60,"until":"2026-11-23T10:30:00Z"}""",
            ConnectorActionWriter.Write(new MuteAction("-100", "u-1", 60, new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Unspecified))));
        Assert.Equal("""{"externalUserId":"u-1","text":"欢迎"}""", ConnectorActionWriter.Write(new SendPrivateAction("u-1", "欢迎")));
        Assert.Equal("""{"externalGroupId":"g","externalUserId":"u"}""", ConnectorActionWriter.Write(new MemberAction(ConnectorActions.Ban, "g", "u")));
    }

    [Fact]
    public void Write_ActionTheParserWouldRefuse_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new SendTextAction("g", "")));
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new SendTextAction("", "text")));
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new SendTextAction("g", "text", null, MustReply: true)));
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new MemberAction("teleport", "g", "u")));
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new MemberAction(ConnectorActions.SendText, "g", "u")));
        Assert.Throws<ArgumentException>(() => ConnectorActionWriter.Write(new MuteAction("g", "u", 5, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local))));
    }
}
