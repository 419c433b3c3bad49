using Qunyun.Features.Connectors.WeCom;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>The real change_external_chat samples in both member-list formats, the contact events and tag changes.</summary>
public sealed class WeComEventMapperTests
{
    private static readonly Guid Channel = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static WeComCallback Map(string fixture) =>
        WeComEventMapper.Map(Channel, WeComXml.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wecom", "change_external_chat", fixture)))!, Now);

    [Theory]
    [InlineData("wxjava_update_add_member_cdata_list.xml", "member_joined", new[] { "wmEJiCwAAA9KG2qlSq6rKwASSgAAAA", "wmEJiCwAAA9KG2qlSq6rKwBBBBBBB" })]
    [InlineData("wxjava_update_add_member_item_list_v480.xml", "member_joined", new[] { "wmxUBwDQAAO-Hn5_wFJz4wvo5TxLFibw" })]
    [InlineData("wxjava_update_del_member_cdata_list.xml", "member_left", new[] { "wmEJiCwAAA9KG2qlSq6rKwASSgAAAA" })]
    [InlineData("wxjava_update_del_member_item_list_multi.xml", "member_left", new[] { "wmEJiCwAAA9KG2qlSq6rKwASSgAAAA", "wmEJiCwAAA9KG2qlSq6rKwBBBBBBB" })]
    public void MemberChange_BothFormats_BecomeOneEventPerMember(string fixture, string kind, string[] members)
    {
        var callback = Map(fixture);

        Assert.Equal(members, callback.Events.Select(e => e.ExternalUserId));
        Assert.All(callback.Events, e => Assert.Equal(kind, e.Kind));
        Assert.All(callback.Events, e => Assert.StartsWith("wr", e.ExternalGroupId));
        Assert.Equal(members.Length, callback.Events.Select(e => e.ExternalEventId).Distinct().Count());
        Assert.Null(callback.Notice);
    }

    private static WeComCallback MapSample(string folder, string fixture, Func<string, string>? edit = null)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wecom", folder, fixture));
        return WeComEventMapper.Map(Channel, WeComXml.Parse((edit ?? (x => x))(xml))!, Now);
    }

    [Fact]
    public void ContactEdited_AnEventAndTheCustomersTagsToRead()
    {
        var edited = MapSample("change_external_contact", "doc_edit_external_contact.xml");

        var only = Assert.Single(edited.Events);
        Assert.Equal(WeComEventMapper.ContactEdited, only.Custom!.Name);
        Assert.Equal("woAJ2GCAAAXtWyujaWJHDDGi0mACH71w", edited.TagsOf);
        Assert.False(edited.CorpTagsChanged);
    }

    [Theory]
    [InlineData("delete", true)]
    [InlineData("update", true)]
    [InlineData("create", false)]
    [InlineData("shuffle", false)]
    public void TagChange_RenamesAndDeletionsReadTheCorpsTags_AllKeptAsNotices(string change, bool reads)
    {
        var callback = MapSample("change_external_tag", "doc_delete_tag.xml", x => x.Replace("[delete]", $"[{change}]"));

        Assert.Equal(reads, callback.CorpTagsChanged);
        Assert.Equal(("change_external_tag", change), (callback.Notice!.Type, callback.Notice.ChangeType));
        Assert.Empty(callback.Events);
        Assert.Null(callback.TagsOf);
    }

    [Fact]
    public void AddMemberByQrCode_ReadsTheGroupAgainForTheJoinCodesState()
    {
        var qr = Map("wxjava_update_add_member_item_list_v480.xml");
        var invited = Map("wxjava_update_add_member_cdata_list.xml");

        Assert.Equal(["wrxUBwDQAAa44T11Ziaed811rhUr8-3Igmug"], qr.Refresh);
        Assert.Empty(invited.Refresh);
    }

    [Fact]
    public void ImpossibleCreateTime_FallsBackToTheReceiveTime()
    {
        var callback = Map("wxjava_update_add_member_item_list_v480.xml"); // CreateTime 9811170016713 (13 digits)

        Assert.Equal(Now, Assert.Single(callback.Events).OccurredAt);
    }

    [Fact]
    public void ChangeName_IsANoticeAndAGroupToReadAgain()
    {
        var callback = Map("wxjava_update_change_name_no_memlist.xml");

        Assert.Empty(callback.Events);
        Assert.Equal(["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"], callback.Refresh);
        Assert.Equal(("change_external_chat", "change_name"), (callback.Notice!.Type, callback.Notice.ChangeType));
    }

    [Fact]
    public void AddExternalContactWithState_IsAContactAndAnAttributedInvite()
    {
        var xml = WeComXml.Parse("<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1795000000</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>"
            + "<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmCustomer01]]></ExternalUserID><State><![CDATA[spring-fair]]></State>"
            + "<WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>")!;

        var callback = WeComEventMapper.Map(Channel, xml, DateTimeOffset.FromUnixTimeSeconds(1795000100));

        Assert.Equal(["custom", "invite_accepted"], callback.Events.Select(e => e.Kind));
        Assert.Equal(WeComEventMapper.ContactAdded, callback.Events[0].Custom!.Name);
        Assert.Equal(("zhangsan", "spring-fair"), (callback.Events[1].Invite!.InviterExternalUserId, callback.Events[1].Invite!.InviteCode));
        Assert.All(callback.Events, e => Assert.Equal("wmCustomer01", e.ExternalUserId));
        Assert.Equal("WELCOMECODE", callback.Events[0].Custom!.Properties!.Value.GetProperty("welcomeCode").GetString());
    }

    [Theory]
    [InlineData("<xml><Event><![CDATA[change_external_tag]]></Event><ChangeType><![CDATA[create]]></ChangeType><Id>et1</Id></xml>", "change_external_tag")]
    [InlineData("<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[something_new]]></Event></xml>", "something_new")]
    [InlineData("<xml></xml>", "unknown")]
    public void OtherCallbacks_AreNoticesWithoutEvents(string text, string type)
    {
        var callback = WeComEventMapper.Map(Channel, WeComXml.Parse(text)!, Now);

        Assert.Empty(callback.Events);
        Assert.Equal(type, callback.Notice!.Type);
    }
}
