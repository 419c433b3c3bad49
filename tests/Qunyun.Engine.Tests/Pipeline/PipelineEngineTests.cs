using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Pipeline;

namespace Qunyun.Engine.Tests.Pipeline;

public sealed class PipelineEngineTests
{
    private static readonly Guid Channel = EventStreams.ChannelA;
    private static readonly DateTime Day1 = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc); // 10:00 in Shanghai

    private static PipelineEngine NewEngine(PipelineState? state = null)
    {
        state ??= new PipelineState();
        state.ChannelNames[Channel] = "Telegram";
        return new PipelineEngine(state, EventStreams.Settings);
    }

    private static PipelineEvent Message(string user, DateTime at, string? name = null, string group = "g") =>
        new(EventKind.Message, Channel, user, group, at, name);

    [Fact]
    public void Apply_UnknownUserAndGroup_RegistersMemberIdentityGroupAndMembership()
    {
        var engine = NewEngine();

        var resolved = engine.Apply(Message("tg-1", Day1, "小林") with { GroupName = "咖啡群" }, Day1);
        var effects = engine.TakeEffects();

        Assert.Equal("小林", resolved.Member.DisplayName);
        Assert.Equal("小林\ntg-1", resolved.Member.SearchText);
        Assert.Equal(("咖啡群", GroupType.LongTerm, SizeBands.StableLimit), (resolved.Group!.Name, resolved.Group.Type, resolved.Group.Capacity));
        Assert.Equal([resolved.Member], effects.NewMembers);
        Assert.Single(effects.NewIdentities);
        Assert.Equal([resolved.Group], effects.NewGroups);
        Assert.Equal(Day1, Assert.Single(effects.NewMemberships).JoinedAt);
        Assert.Empty(effects.ActiveMembers);
        Assert.Equal([resolved.Group.Id], effects.TouchedGroups);
    }

    [Fact]
    public void Apply_GroupWithoutName_IsNamedAfterChannelAndExternalId()
    {
        var engine = NewEngine();

        var resolved = engine.Apply(Message("u", Day1, group: "-100777"), Day1);

        Assert.Equal("Telegram · -100777", resolved.Group!.Name);
    }

    [Fact]
    public void Apply_RenamedAccount_RenamesMemberAndKeepsOldNameSearchable()
    {
        var engine = NewEngine();
        engine.Apply(Message("u", Day1, "Alex"), Day1);
        engine.TakeEffects();

        var resolved = engine.Apply(Message("u", Day1.AddHours(1), "Alexandra"), Day1);
        var effects = engine.TakeEffects();

        Assert.Equal("Alexandra", resolved.Member.DisplayName);
        Assert.Equal("alex\nu\nalexandra", resolved.Member.SearchText);
        Assert.Equal([resolved.Member], effects.RenamedMembers);
        Assert.Equal("Alexandra", Assert.Single(effects.RenamedIdentities).DisplayName);
        Assert.Empty(effects.NewMembers);
    }

    [Fact]
    public void Apply_MemberNamedByAnOperator_KeepsTheOperatorsName()
    {
        var member = new MemberState { Id = Guid.NewGuid(), DisplayName = "VIP 王总", SearchText = "vip 王总" };
        var state = new PipelineState();
        state.Add(new IdentityState { Id = Guid.NewGuid(), Member = member, ChannelId = Channel, ExternalUserId = "u", DisplayName = "wang" });
        var engine = NewEngine(state);

        engine.Apply(Message("u", Day1, "王"), Day1);

        Assert.Equal("VIP 王总", member.DisplayName);
        Assert.Equal("王", state.Identities[(Channel, "u")].DisplayName);
    }

    [Fact]
    public void Apply_LeaveThenSpeak_ReopensTheMembership()
    {
        var engine = NewEngine();
        engine.Apply(new PipelineEvent(EventKind.MemberJoined, Channel, "u", "g", Day1), Day1);
        engine.Apply(new PipelineEvent(EventKind.MemberLeft, Channel, "u", "g", Day1.AddHours(1)), Day1);
        var left = engine.State.Memberships.Values.Single().LeftAt;
        engine.TakeEffects();

        engine.Apply(Message("u", Day1.AddHours(2)), Day1);
        var effects = engine.TakeEffects();

        Assert.Equal(Day1.AddHours(1), left);
        var membership = Assert.Single(effects.MovedMemberships);
        Assert.Equal((Day1.AddHours(2), (DateTime?)null), (membership.JoinedAt, membership.LeftAt));
        Assert.Single(effects.TouchedGroups);
    }

    [Fact]
    public void Apply_Interactions_CountPerLocalDayAndActiveMembersOnce()
    {
        var engine = NewEngine();
        var lateEvening = new DateTime(2026, 11, 20, 15, 30, 0, DateTimeKind.Utc); // 23:30 in Shanghai
        engine.Apply(Message("a", lateEvening), Day1);
        engine.Apply(Message("a", lateEvening.AddMinutes(10)), Day1);
        engine.Apply(new PipelineEvent(EventKind.Reaction, Channel, "b", "g", lateEvening), Day1);
        engine.Apply(Message("a", lateEvening.AddHours(1)), Day1); // 00:30 the next local day

        var effects = engine.TakeEffects();

        var groupId = engine.State.Groups.Values.Single().Id;
        var first = effects.GroupDays[new GroupDayKey(groupId, new DateOnly(2026, 11, 20))];
        var second = effects.GroupDays[new GroupDayKey(groupId, new DateOnly(2026, 11, 21))];
        Assert.Equal((2, 1, 2), (first.Messages, first.Reactions, first.ActiveMembers));
        Assert.Equal((1, 0, 1), (second.Messages, second.Reactions, second.ActiveMembers));
        Assert.Equal(3, effects.MemberDays.Count);
    }

    [Fact]
    public void Apply_KnownMemberDay_DoesNotCountTheMemberActiveAgain()
    {
        var engine = NewEngine();
        engine.Apply(Message("a", Day1), Day1);
        engine.TakeEffects();

        engine.Apply(Message("a", Day1.AddMinutes(5)), Day1);
        var effects = engine.TakeEffects();

        var day = Assert.Single(effects.GroupDays).Value;
        Assert.Equal((1, 0), (day.Messages, day.ActiveMembers));
        Assert.Equal([engine.State.Identities[(Channel, "a")].Member], effects.ActiveMembers);
    }

    [Fact]
    public void Apply_InteractionsOutsideAnyChat_CountOnTheMemberOnly()
    {
        var engine = NewEngine();

        var resolved = engine.Apply(new PipelineEvent(EventKind.Purchase, Channel, "u", null, Day1), Day1);
        var effects = engine.TakeEffects();

        Assert.Null(resolved.Group);
        Assert.Empty(effects.GroupDays);
        Assert.Equal(Guid.Empty, Assert.Single(effects.MemberDays).Key.GroupId);
        Assert.Equal(2.0, resolved.Member.ActivityScore);
        Assert.Equal(Day1, resolved.Member.LastActiveAt);
    }
}
